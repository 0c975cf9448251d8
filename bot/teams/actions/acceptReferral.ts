import type { AcceptInput } from '../../domain/commands';
import type { ActionHandler } from './actionHandler';
import { applyLifecycleAction } from './applyLifecycleAction';
import { InputReader } from './inputReader';
import { describeProblems, messageResponse } from '../invokeResponses';

/** Accept: the form's deal details make the referral Accepted, owned by the clicking user. */
export const acceptReferral: ActionHandler = async ({ data, services, actor }) => {
  const read = InputReader.of(data);
  const referralId = read.text('referralId', { required: true, max: 128 });
  const input: AcceptInput = {
    dealName: read.text('dealName', { max: 200 }) ?? '',
    dealValue: read.number('dealValue'),
    currency: (read.text('currency', { max: 10 }) ?? '').toUpperCase(),
    closingDate: read.text('closingDate', { max: 40 }) ?? '',
    notes: read.text('notes', { max: 2000 }) ?? '',
    crmId: read.text('crmId', { max: 100 }),
    campaignId: read.text('campaignId', { max: 100 }),
  };
  if (read.problems.length > 0) {
    return messageResponse(services.strings.actions.fixInput(describeProblems(read.problems, services.strings)));
  }
  return applyLifecycleAction(services, referralId, { action: 'accept', input }, actor);
};
