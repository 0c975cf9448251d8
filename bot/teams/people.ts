import type { ConversationReference } from 'botbuilder';
import type { Actor } from '../domain/referral';
import type { Services } from '../services';

/** What finding a user's Teams identity reads and learns: their profile, else their team's roster. */
export type IdentityServices = Pick<Services, 'users' | 'messenger'>;

/**
 * The Teams identity (Teams id and name) of a user named by an actor id, AAD object id or
 * Teams id, as in the regions file: from their profile, else looked up among the members
 * of the team `via` belongs to, and then remembered. Undefined when neither knows them.
 */
export async function teamsIdentity(
  services: IdentityServices,
  id: string,
  via: Partial<ConversationReference> | null,
): Promise<Actor | undefined> {
  const profile = await services.users.find(id);
  if (profile?.teamsId && profile.name) return { id: profile.id, name: profile.name, teamsId: profile.teamsId };
  if (!via) return undefined;
  const member = await services.messenger.findMember(via, id);
  if (!member?.teamsId) return undefined;
  await services.users.learn(profile?.id ?? member.id, { teamsId: member.teamsId, name: member.name });
  return { ...member, id: profile?.id ?? member.id };
}
