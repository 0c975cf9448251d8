import type { DateTime } from 'luxon';
import type { Actor } from '../../domain/referral';
import type { ConversationRepository } from '../../store';
import type { Messenger } from '../messenger';

/** How long a user's teams are remembered before Teams is asked again. */
export const MEMBERSHIP_TTL_MINUTES = 10;

interface Remembered {
  teams: ReadonlySet<string>;
  until: number;
}

/**
 * Which of the teams the desk is installed in a user belongs to, as Teams says, remembered
 * for a few minutes: a personal chat tells nothing of the user's teams, so each installed
 * team is asked once per user and period. Someone removed from a team loses access when the
 * period ends; the desk removed from a team forgets it at once. A team whose lookup fails
 * counts as not the user's this time.
 */
export class TeamMembership {
  private readonly remembered = new Map<string, Remembered>();
  /** Teams known to have installed the desk, until when (ms): a click in a channel costs no read. */
  private readonly installedTeams = new Map<string, number>();

  constructor(
    private readonly deps: {
      conversations: Pick<ConversationRepository, 'teams' | 'team'>;
      messenger: Pick<Messenger, 'findMember'>;
      clock: () => DateTime;
    },
  ) {}

  async teamsOf(actor: Pick<Actor, 'id' | 'teamsId'>): Promise<ReadonlySet<string>> {
    const now = this.deps.clock().toMillis();
    const known = this.remembered.get(actor.id);
    if (known && known.until > now) return known.teams;
    const teams = new Set<string>();
    let complete = true;
    for (const team of await this.deps.conversations.teams()) {
      const member = await this.deps.messenger.findMember(team.reference, actor.teamsId ?? actor.id).catch(() => {
        complete = false;
        return undefined;
      });
      if (member) teams.add(team.teamId);
    }
    // A team Teams could not answer for is asked again next time, rather than counted out for minutes.
    if (complete) this.remembered.set(actor.id, { teams, until: now + MEMBERSHIP_TTL_MINUTES * 60_000 });
    return teams;
  }

  /** Whether the desk is installed in the team, as its stored install says (remembered for the same period). */
  async isInstalled(teamId: string): Promise<boolean> {
    const now = this.deps.clock().toMillis();
    if ((this.installedTeams.get(teamId) ?? 0) > now) return true;
    if (!(await this.deps.conversations.team(teamId))) return false;
    this.installedTeams.set(teamId, now + MEMBERSHIP_TTL_MINUTES * 60_000);
    return true;
  }

  /** The desk left a team (or joined one): every user's teams, and every team's install, are asked again. */
  forgetAll(): void {
    this.remembered.clear();
    this.installedTeams.clear();
  }
}
