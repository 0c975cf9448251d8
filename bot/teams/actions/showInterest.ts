import { lifecycleForm } from './lifecycleForm';

/** Interested (older two-step flow): the referral is evaluated, with 7 days to accept or decline. */
export const showInterest = lifecycleForm(() => ({ action: 'interested' }));

/** No thanks (older two-step flow): the referral is archived as Missed. */
export const sayNoThanks = lifecycleForm(() => ({ action: 'noThanks' }));
