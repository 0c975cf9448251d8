import { readDealDetails } from './acceptReferral';
import { readEditValues } from '../../domain/editMerge';
import { NO_SALES_STAGE } from '../../domain/salesStage';
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
    salesStage: salesStageOf(read.text('salesStage', { max: 40 })),
    base: readEditValues((data as { base?: unknown } | null)?.base),
  },
}));

/** The stage chosen, '' for none (the form's own value for it, or a form from before it had one). */
function salesStageOf(value: string | undefined): string {
  return value === undefined || value === NO_SALES_STAGE ? '' : value;
}
