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

/**
 * Whether the sender of `link` or `unlink` may change where the team's referrals go (see
 * LINK_EDITORS): admins always; the team's owners by Teams' roster and whoever installed
 * the desk there; anyone but guests when every member may. Says why not when not.
 */
export async function mayChangeLinks({
  turn,
  actor,
  services,
}: {
  turn: TurnContext;
  actor: Actor;
  services: LinkEditingServices;
}): Promise<boolean> {
  const admin = isAdmin(actor, services.admins);
  const teamId = channelOf(turn)?.teamId;
  const installer =
    !admin && teamId !== undefined && (await services.conversations.team(teamId))?.installedBy === actor.id;
  const member = admin || installer ? undefined : await lookUpMember(turn, actor.teamsId ?? actor.id);
  const editor = { admin, teamOwner: installer || member?.role === 'owner', guest: member?.role === 'guest' };
  if (mayEditLinks(editor, services.linkEditors)) return true;
  services.log.info(
    `refused link change by ${actor.id} in team ${teamId ?? '(none)'}: LINK_EDITORS=${services.linkEditors}`,
  );
  await turn.sendActivity(refusalOf(services.linkEditors, services.strings));
  return false;
}

function refusalOf(rule: LinkEditorRule, strings: Strings): string {
  switch (rule) {
    case 'owners':
      return strings.access.linksByOwners;
    case 'admins':
      return strings.access.linksByAdmins;
    case 'members':
      return strings.access.linksByMembers;
  }
}
