import { lifecycleForm } from './lifecycleForm';

/** Move the close date: the answer to a reminder that a deal's estimated close date has passed. */
export const moveCloseDate = lifecycleForm((read) => ({
  action: 'moveCloseDate',
  input: { closingDate: read.text('newClosingDate', { max: 40 }) ?? '' },
}));
