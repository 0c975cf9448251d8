import { readDealDetails } from './acceptReferral';
import { lifecycleForm } from './lifecycleForm';

/** Edit: the deal's details and sales stage as the form now holds them (the region is not on it). */
export const editDeal = lifecycleForm((read) => ({
  action: 'edit',
  input: { ...readDealDetails(read), salesStage: read.text('salesStage', { max: 40 }) ?? '' },
}));
