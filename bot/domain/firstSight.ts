import type { DateTime } from 'luxon';
import type { Referral } from './referral';
import { stageOf } from './stage';
import { isExpiredAt } from './timeLimits';

/**
 * Why the desk leaves a referral it has not seen before alone: `outgoing`, one the partner
 * created (in the portal) rather than received, which nobody at the desk has to answer; or
 * `expired`, one that had expired before the desk first saw it, which nobody can answer any more.
 */
export type NotTakenReason = 'outgoing' | 'expired';

/**
 * Whether a referral the desk has not seen before gets no card (and is not stored): one that
 * is outgoing, or had already expired (Expired, or still undecided past its expiry). A
 * missing direction (Partner Center writes null for a field without a value) is incoming.
 * An Accepted referral is never expired: Partner Center expires only unanswered ones. Only
 * at first sight: a referral the desk knows is kept up to date whatever becomes of it.
 */
export function notTakenAtFirstSight(referral: Referral, now: DateTime): NotTakenReason | undefined {
  if (typeof referral.direction === 'string' && referral.direction.toLowerCase() === 'outgoing') return 'outgoing';
  if (referral.substatus === 'Expired') return 'expired';
  if (stageOf(referral) === 'received' && isExpiredAt(referral, now)) return 'expired';
  return undefined;
}
