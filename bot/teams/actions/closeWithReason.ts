import type { ActionHandler } from './actionHandler';
import type { LifecycleServices } from './applyLifecycleAction';
import { lifecycleForm } from './lifecycleForm';

/**
 * A form that closes a referral with a documented reason (checked by the lifecycle) and
 * optional notes; `fields` are the ids of its two inputs on the card.
 */
function closeWithReason(
  action: 'decline' | 'lose',
  fields: { reason: string; notes: string },
): ActionHandler<LifecycleServices> {
  return lifecycleForm((read) => ({
    action,
    input: { reason: read.text(fields.reason, { max: 100 }) ?? '', notes: read.text(fields.notes, { max: 2000 }) },
  }));
}

/** Decline: closes a received referral as Declined. */
export const declineReferral = closeWithReason('decline', { reason: 'reason', notes: 'declineNotes' });

/** Lost: closes an accepted deal as Lost (its workers only). */
export const loseDeal = closeWithReason('lose', { reason: 'lossReason', notes: 'lossNotes' });
