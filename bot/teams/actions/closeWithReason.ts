import type { ActionHandler } from './actionHandler';
import { applyLifecycleAction } from './applyLifecycleAction';
import { InputReader } from './inputReader';
import { describeProblems, messageResponse } from '../invokeResponses';

/**
 * A form that closes a referral with a documented reason (checked by the lifecycle) and
 * optional notes; `fields` are the ids of its two inputs on the card.
 */
function closeWithReason(action: 'decline' | 'lose', fields: { reason: string; notes: string }): ActionHandler {
  return async ({ data, services, actor }) => {
    const read = InputReader.of(data);
    const referralId = read.text('referralId', { required: true, max: 128 });
    const reason = read.text(fields.reason, { max: 100 }) ?? '';
    const notes = read.text(fields.notes, { max: 2000 });
    if (read.problems.length > 0) {
      return messageResponse(services.strings.actions.fixInput(describeProblems(read.problems, services.strings)));
    }
    return applyLifecycleAction(services, referralId, { action, input: { reason, notes } }, actor);
  };
}

/** Decline: closes a received referral as Declined. */
export const declineReferral = closeWithReason('decline', { reason: 'reason', notes: 'declineNotes' });

/** Lost: closes an accepted deal as Lost (its workers only). */
export const loseDeal = closeWithReason('lose', { reason: 'lossReason', notes: 'lossNotes' });
