import type { TurnContext } from 'botbuilder';
import type { Actor } from '../domain/referral';
import type { Services } from '../services';
import { findTeamMember } from './teamDirectory';
import { channelOf } from './teamsChannel';

/** What finding a person outside a team's turn reads: the linked channels, and their team's roster in Teams. */
export type PersonLookupServices = Pick<Services, 'links' | 'conversations' | 'messenger'>;

const AAD_OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The person a command names by e-mail, user principal name, Teams id or AAD object id: a
 * member of the team the command was sent in, else (in a personal chat, which knows only
 * its own user) of the team of the first linked channel. An AAD object id Teams does not
 * find is taken as it is, as the regions file takes one. Undefined: nobody by that name.
 */
export async function findPerson(
  turn: TurnContext,
  services: PersonLookupServices,
  who: string,
): Promise<(Actor & { email?: string }) | undefined> {
  const email = who.includes('@') ? who.toLowerCase() : undefined;
  const found =
    (await findTeamMember(turn, who)) ?? (channelOf(turn) ? undefined : await findInLinkedTeam(services, who));
  if (found) return { ...found, email };
  return AAD_OBJECT_ID.test(who) ? { id: who.toLowerCase(), name: who.toLowerCase() } : undefined;
}

async function findInLinkedTeam(services: PersonLookupServices, who: string): Promise<Actor | undefined> {
  const [link] = await services.links.list();
  const via = link ? await services.conversations.get('channel', link.channel.conversationId) : null;
  return via ? services.messenger.findMember(via, who) : undefined;
}
