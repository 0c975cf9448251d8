import { SALES_STAGES, type Referral, type ReferralRecord, type SalesStage } from './referral';

/** How far a deal is, as Partner Center shows it: created or accepted deals are at 10 %. */
export const STAGE_PERCENT: Record<SalesStage, number> = { Qualified: 20, Developed: 40, Proposed: 60, Negotiated: 80 };
export const START_PERCENT = 10;
export const WON_PERCENT = 100;

/**
 * What a form's sales-stage choice sends for a deal with none yet: a value of its own, as a
 * client shows a choice set whose value is empty with nothing chosen.
 */
export const NO_SALES_STAGE = 'none';

/** A sales stage as a card names it, including where a deal without one stands. */
export type ShownSalesStage = SalesStage | 'none' | 'created';

/** Where a deal without a sales stage stands: a deal the partner created at 'created', an accepted one at 'none'. */
export function salesStageStart(record: Pick<ReferralRecord, 'desk'>): 'none' | 'created' {
  return record.desk.createdByPartner ? 'created' : 'none';
}

/** The deal's sales stage as its card names it (see ShownSalesStage). */
export function shownSalesStageOf(record: Pick<ReferralRecord, 'referral' | 'desk'>): ShownSalesStage {
  return record.referral.salesStage ?? salesStageStart(record);
}

export function isSalesStage(value: string): value is SalesStage {
  return (SALES_STAGES as readonly string[]).includes(value);
}

/** The deal's progress in per cent (Closed/Won is 100). */
export function progressOf(referral: Pick<Referral, 'salesStage' | 'status' | 'substatus'>): number {
  if (referral.status === 'Closed' && referral.substatus === 'Won') return WON_PERCENT;
  return referral.salesStage ? STAGE_PERCENT[referral.salesStage] : START_PERCENT;
}

/** The stage after `current` (the first one when none is set), or undefined after the last. */
export function nextSalesStage(current: SalesStage | undefined): SalesStage | undefined {
  return SALES_STAGES[current ? SALES_STAGES.indexOf(current) + 1 : 0];
}

/** Whether every sales stage has been completed (the last one is reached). */
export function allStagesComplete(referral: Pick<Referral, 'salesStage'>): boolean {
  return referral.salesStage === SALES_STAGES[SALES_STAGES.length - 1];
}
