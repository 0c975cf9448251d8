import type { ActionHandler } from './actionHandler';
import { applyLifecycleAction } from './applyLifecycleAction';
import { InputReader } from './inputReader';
import { describeProblems, messageResponse } from '../invokeResponses';

/** Won: the final deal value and optional notes close the deal as Won (its workers only). */
export const winDeal: ActionHandler = async ({ data, services, actor }) => {
  const read = InputReader.of(data);
  const referralId = read.text('referralId', { required: true, max: 128 });
  const finalValue = read.number('finalValue');
  const notes = read.text('winNotes', { max: 2000 });
  if (read.problems.length > 0) {
    return messageResponse(services.strings.actions.fixInput(describeProblems(read.problems, services.strings)));
  }
  return applyLifecycleAction(services, referralId, { action: 'win', input: { finalValue, notes } }, actor);
};
