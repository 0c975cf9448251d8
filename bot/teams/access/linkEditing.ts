import type { TurnContext } from 'botbuilder';
import { mayEditLinks, type LinkEditorRule } from '../../domain/access';
import { isAdmin } from '../../domain/permissions';
import type { Actor } from '../../domain/referral';
import type { Services } from '../../services';
import type { Strings } from '../../strings/en';
import { lookUpMember } from '../teamDirectory';
import { channelOf } from '../teamsChannel';

/** What judging a link change reads: the admins, who installed the desk in the team, and LINK_EDITORS. */
export type LinkEditingServices = Pick<Services, 'admins' | 'conversations' | 'linkEditors' | 'log' | 'strings'>;

/** What a change of the channel's settings changes: where referrals go, or the channel's language. */
export type ChannelChange = 'links' | 'language';

/**
 * Whether the sender of `link`, `unlink` or a channel's `language` may change where the
 * team's referrals go and how its channels read them (see LINK_EDITORS): admins always; the
 * team's owners by Teams' roster and whoever installed the desk there; anyone but guests
 * when every member may. Says why not when not.
 */
export async function mayChangeLinks(
  {
    turn,
    actor,
    services,
  }: {
    turn: TurnContext;
    actor: Actor;
    services: LinkEditingServices;
  },
  change: ChannelChange = 'links',
): Promise<boolean> {
  const admin = isAdmin(actor, services.admins);
  const teamId = channelOf(turn)?.teamId;
  const installer =
    !admin && teamId !== undefined && (await services.conversations.team(teamId))?.installedBy === actor.id;
  const member = admin || installer ? undefined : await lookUpMember(turn, actor.teamsId ?? actor.id);
  const editor = { admin, teamOwner: installer || member?.role === 'owner', guest: member?.role === 'guest' };
  if (mayEditLinks(editor, services.linkEditors)) return true;
  services.log.info(
    `refused ${change} change by ${actor.id} in team ${teamId ?? '(none)'}: LINK_EDITORS=${services.linkEditors}`,
  );
  await turn.sendActivity(refusalOf(services.linkEditors, change, services.strings));
  return false;
}

function refusalOf(rule: LinkEditorRule, change: ChannelChange, strings: Strings): string {
  const a = strings.access;
  switch (rule) {
    case 'owners':
      return change === 'links' ? a.linksByOwners : a.languageByOwners;
    case 'admins':
      return change === 'links' ? a.linksByAdmins : a.languageByAdmins;
    case 'members':
      return change === 'links' ? a.linksByMembers : a.languageByMembers;
  }
}
