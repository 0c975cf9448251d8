import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Actor } from '../domain/referral';
import { statusOf } from '../store/errors';

/**
 * The member of the conversation's team (or chat) with this e-mail, user principal name,
 * Teams id or AAD object id, as an Actor; undefined when Teams knows no such member there.
 * Teams looks members up by any of them, so no member list is read.
 */
export async function findTeamMember(turn: TurnContext, who: string): Promise<Actor | undefined> {
  try {
    const member = await TeamsInfo.getMember(turn, who.trim());
    return { id: member.aadObjectId ?? member.id, name: member.name || who, teamsId: member.id };
  } catch (error) {
    // Teams answers an unknown member with 404 (some tenants 403 or 400): not in this team.
    const status = statusOf(error);
    if (status !== undefined && status >= 400 && status < 500) return undefined;
    throw error;
  }
}
