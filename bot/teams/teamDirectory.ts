import type { TurnContext } from 'botbuilder';
import type { Actor, TeamMember } from '../domain/referral';
import { statusOf } from '../store';
import { botbuilder } from './botbuilderLibrary';

/**
 * A member of a team and their role there: Teams' roster role (`owner`, `user`, `guest`), when
 * Teams says it; and their name and e-mail as the directory has them, for forms to fill in.
 */
export interface TeamMembership {
  actor: Actor;
  role?: string;
  contact: TeamMember;
}

/**
 * The member of the conversation's team (or chat) with this e-mail, user principal name,
 * Teams id or AAD object id, with their role; undefined when Teams knows no such member there.
 * Teams looks members up by any of them, so no member list is read.
 */
export async function lookUpMember(turn: TurnContext, who: string): Promise<TeamMembership | undefined> {
  try {
    const member = await botbuilder().TeamsInfo.getMember(turn, who.trim());
    const actor = { id: member.aadObjectId ?? member.id, name: member.name || who, teamsId: member.id };
    // Their mail, else their user principal name when it is an address; Teams has no phone number for them.
    const email = member.email || (member.userPrincipalName?.includes('@') ? member.userPrincipalName : undefined);
    const known: TeamMember = { firstName: member.givenName, lastName: member.surname, email };
    const contact = Object.fromEntries(Object.entries(known).filter(([, value]) => value));
    return member.userRole ? { actor, role: member.userRole.toLowerCase(), contact } : { actor, contact };
  } catch (error) {
    // Teams answers an unknown member with 404 (some tenants 403 or 400): not in this team.
    const status = statusOf(error);
    if (status !== undefined && status >= 400 && status < 500) return undefined;
    throw error;
  }
}

/** The member of the conversation's team (or chat) named by `who`, as an Actor (see lookUpMember). */
export async function findTeamMember(turn: TurnContext, who: string): Promise<Actor | undefined> {
  return (await lookUpMember(turn, who))?.actor;
}

/**
 * What Teams knows of the sender's name and e-mail, to fill in a form they would otherwise
 * type it into; nothing when Teams does not find them, or does not answer.
 */
export async function senderContact(turn: TurnContext): Promise<TeamMember> {
  try {
    return (await lookUpMember(turn, turn.activity.from.id))?.contact ?? {};
  } catch {
    // Filling in is a convenience: without it the form is still there, to be typed into.
    return {};
  }
}
