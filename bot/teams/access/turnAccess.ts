import type { TurnContext } from 'botbuilder';
import { seesAtOnce, type Viewer } from '../../domain/access';
import type { Services } from '../../services';
import type { StoredReferral } from '../../store';
import { referralScope } from './referralScope';

/** Who the sender of an admitted activity is to the desk; what they may see follows from it. */
export interface TurnAccess {
  viewer: Viewer;
}

/** Where the gate leaves the sender's access in the turn's state. */
export const ACCESS = Symbol('turnAccess');

/** The access the gate granted this turn (every handled turn has passed it). */
export function accessOf(turn: TurnContext): TurnAccess {
  const access = turn.turnState.get<TurnAccess | undefined>(ACCESS);
  if (!access) throw new Error('The turn did not pass the access gate');
  return access;
}

/**
 * Whether a card action may touch the referral its data names: one the sender may not see
 * is answered as if it did not exist, so an action crafted with another referral's id
 * neither changes nor reveals it. An action naming no referral is for its handler to judge.
 * A click on the card in its own channel (the usual case) needs no read of links or roles.
 */
export async function mayReach(
  services: Pick<Services, 'links' | 'regions' | 'roles'>,
  access: TurnAccess,
  referralId: string | undefined,
  read: (referralId: string) => Promise<StoredReferral | null>,
): Promise<boolean> {
  if (referralId === undefined) return true;
  const stored = await read(referralId);
  if (!stored || seesAtOnce(access.viewer, stored.record, stored.card?.conversationId)) return true;
  return (await referralScope(services, access.viewer)).sees(stored);
}
