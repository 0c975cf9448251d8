import type { TurnContext } from 'botbuilder';
import { hasDeskRole, tenantAllowed, type TenantRule } from '../../domain/access';
import { isAdmin } from '../../domain/permissions';
import type { Actor } from '../../domain/referral';
import { regionsWithManagers } from '../../referrals';
import type { Services } from '../../services';
import { botbuilder } from '../botbuilderLibrary';
import { messageResponse } from '../invokeResponses';
import { channelOf, channelReference, teamsChannelData } from '../teamsChannel';
import type { TeamMembership } from './teamMembership';
import type { TurnAccess } from './turnAccess';

/** The rules the gate applies, from the settings. */
export interface AccessRules {
  tenants: TenantRule;
  /** Whether Teams' tokens are checked: then an activity from a team proves the desk is installed there. */
  authenticated: boolean;
  /** Whether replies may go to the activity's service URL (see serviceUrlTrust). */
  trustsServiceUrl: (serviceUrl: string | undefined) => boolean;
}

type GateServices = Pick<Services, 'conversations' | 'admins' | 'regions' | 'roles' | 'strings' | 'log'>;

/** Whether an activity of this type installs the desk in a team or removes it: such come before the team is known. */
function isInstallationEvent(type: string): boolean {
  const { ActivityTypes } = botbuilder();
  return type === ActivityTypes.ConversationUpdate || type === ActivityTypes.InstallationUpdate;
}

/**
 * The one door every Teams activity passes before the bot does anything with it (learns
 * nothing, stores nothing, answers nothing before): an untrusted service URL gets no reply
 * at all; another tenant, a team the desk is not installed in, or someone outside every
 * installed team (in a personal or group chat) gets a short refusal and nothing changes.
 * The refusal is one log line, never a stack trace.
 */
export class AccessGate {
  constructor(
    private readonly services: GateServices,
    private readonly membership: Pick<TeamMembership, 'teamsOf' | 'isInstalled'>,
    private readonly rules: AccessRules,
  ) {}

  /** The sender's access, or undefined once the activity was refused. */
  async admit(turn: TurnContext, actor: Actor): Promise<TurnAccess | undefined> {
    const { activity } = turn;
    if (!this.rules.trustsServiceUrl(activity.serviceUrl))
      return this.refuse(turn, 'its service URL is not trusted without authentication');
    const tenantId = teamsChannelData(turn).tenant?.id ?? activity.conversation?.tenantId;
    if (!tenantAllowed(tenantId, this.rules.tenants)) {
      return this.refuse(
        turn,
        `tenant ${tenantId ?? '(none)'} is not served`,
        this.services.strings.access.otherTenant,
      );
    }
    const admin = isAdmin(actor, this.services.admins);
    const teamId = teamsChannelData(turn).team?.id;
    if (teamId) {
      if (!isInstallationEvent(activity.type) && !(await this.installedIn(turn, teamId))) {
        return this.refuse(
          turn,
          `team ${teamId} has not installed the desk`,
          this.services.strings.access.teamNotInstalled,
        );
      }
      return { viewer: { actor, admin, teams: new Set([teamId]), channelId: channelOf(turn)?.conversationId } };
    }
    const teams = await this.membership.teamsOf(actor);
    if (teams.size === 0 && !hasDeskRole(actor, this.services.admins, await regionsWithManagers(this.services))) {
      return this.refuse(
        turn,
        `${actor.id} is in no team that installed the desk`,
        this.services.strings.access.notAMember,
      );
    }
    return { viewer: { actor, admin, teams } };
  }

  /**
   * Whether the desk is installed in the team. Teams sends an authenticated activity from a
   * team only where the desk is installed, so such a team whose install announcement never
   * arrived (the desk was down) is recorded now; without authentication, only a recorded
   * install counts.
   */
  private async installedIn(turn: TurnContext, teamId: string): Promise<boolean> {
    if (await this.membership.isInstalled(teamId)) return true;
    const channel = channelOf(turn);
    if (!this.rules.authenticated || !channel) return false;
    await this.services.conversations.addIfNew('team', teamId, channelReference(turn, channel));
    this.services.log.info(
      `team ${teamId} had not announced the desk's install; Teams' token vouches for it, so it is recorded now`,
    );
    return true;
  }

  /**
   * Says no: a message gets `text` as its answer and a card action gets it as its message;
   * anything else (installs, member changes) is dropped in silence, and so is everything when
   * there is no `text` (a reply would go to an address nobody vouched for).
   */
  private async refuse(turn: TurnContext, why: string, text?: string): Promise<undefined> {
    const { activity } = turn;
    const { ActivityTypes } = botbuilder();
    this.services.log.info(
      `refused ${activity.type}${activity.name ? ` ${activity.name}` : ''} from ${activity.from?.id ?? 'nobody'}: ${why}`,
    );
    if (activity.type === ActivityTypes.Invoke) {
      const value = text ? { status: 200, body: messageResponse(text) } : { status: 403 };
      await turn.sendActivity({ type: ActivityTypes.InvokeResponse, value });
    } else if (activity.type === ActivityTypes.Message && text) {
      await turn.sendActivity(text);
    }
    return undefined;
  }
}
