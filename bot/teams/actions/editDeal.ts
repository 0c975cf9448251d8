import { readDealDetails } from './acceptReferral';
import { readEditValues } from '../../domain/editMerge';
import { lifecycleForm } from './lifecycleForm';

/**
 * Edit: the deal's details and sales stage as the form now holds them (the region is not on
 * it), with what the form showed when it was opened, so that only what the user changed is
 * saved over what others changed since.
 */
export const editDeal = lifecycleForm((read, { data }) => ({
  action: 'edit',
  input: {
    ...readDealDetails(read),
    salesStage: read.text('salesStage', { max: 40 }) ?? '',
    base: readEditValues((data as { base?: unknown } | null)?.base),
  },
}));
