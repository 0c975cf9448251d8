import type { TurnContext } from 'botbuilder';
import type { TeamMember } from '../domain/referral';
import { botbuilder } from './botbuilderLibrary';

/**
 * What Teams knows of the sender's name and e-mail (their given name and surname as the
 * directory has them, their mail else their user principal name when it is an address),
 * to fill in a form they would otherwise type it into. Teams has no phone number for them.
 * Nothing when Teams does not find them in the conversation, or does not answer.
 */
export async function senderContact(turn: TurnContext): Promise<TeamMember> {
  try {
    const member = await botbuilder().TeamsInfo.getMember(turn, turn.activity.from.id);
    const email = member.email || (member.userPrincipalName?.includes('@') ? member.userPrincipalName : undefined);
    const known: TeamMember = { firstName: member.givenName, lastName: member.surname, email };
    return Object.fromEntries(Object.entries(known).filter(([, value]) => value));
  } catch {
    // Filling in is a convenience: without it the form is still there, to be typed into.
    return {};
  }
}
