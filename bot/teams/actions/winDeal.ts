import { lifecycleForm } from './lifecycleForm';

/** Won: the final deal value and optional notes close the deal as Won (its workers only). */
export const winDeal = lifecycleForm((read) => ({
  action: 'win',
  input: { finalValue: read.number('finalValue'), notes: read.text('winNotes', { max: 2000 }) },
}));
