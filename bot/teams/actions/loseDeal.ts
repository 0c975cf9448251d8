import type { ActionHandler } from './actionHandler';
import { applyLifecycleAction } from './applyLifecycleAction';
import { InputReader } from './inputReader';
import { describeProblems, messageResponse } from '../invokeResponses';

/** Lost: a documented reason (checked by the lifecycle) and optional notes close the deal as Lost. */
export const loseDeal: ActionHandler = async ({ data, services, actor }) => {
  const read = InputReader.of(data);
  const referralId = read.text('referralId', { required: true, max: 128 });
  const reason = read.text('lossReason', { max: 100 }) ?? '';
  const notes = read.text('lossNotes', { max: 2000 });
  if (read.problems.length > 0) {
    return messageResponse(services.strings.actions.fixInput(describeProblems(read.problems, services.strings)));
  }
  return applyLifecycleAction(services, referralId, { action: 'lose', input: { reason, notes } }, actor);
};
