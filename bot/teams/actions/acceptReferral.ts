import type { AcceptInput } from '../../domain/commands';
import type { InputReader } from './inputReader';
import { lifecycleForm } from './lifecycleForm';

/** The deal details of the Accept and Edit forms (the same inputs on the card). */
export function readDealDetails(read: InputReader): AcceptInput {
  return {
    dealName: read.text('dealName', { max: 200 }) ?? '',
    dealValue: read.number('dealValue'),
    currency: (read.text('currency', { max: 10 }) ?? '').toUpperCase(),
    closingDate: read.text('closingDate', { max: 40 }) ?? '',
    notes: read.text('notes', { max: 2000 }) ?? '',
    crmId: read.text('crmId', { max: 100 }),
    campaignId: read.text('campaignId', { max: 100 }),
  };
}

/** Accept: the form's deal details make the referral Accepted, owned by the clicking user. */
export const acceptReferral = lifecycleForm((read) => ({ action: 'accept', input: readDealDetails(read) }));
