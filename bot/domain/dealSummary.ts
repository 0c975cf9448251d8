import type { ReferralRecord, SalesStage } from './referral';
import { regionOf, type Region } from './routing';
import { progressOf, shownSalesStageOf, STAGE_PERCENT, type ShownSalesStage } from './salesStage';
import { stageOfRecord, type Stage } from './stage';
import { answerDeadlineOf } from './timeLimits';

/** What lists and digests show of a referral, kept beside the indexes so they need not read it. */
export interface DealSummary {
  referralId: string;
  /** The region it counts under (`NO_REGION` when none contains its country). */
  region: string;
  stage: Stage;
  /** The deal's name, else the customer's. */
  name: string;
  customer: string;
  /** The customer's country (ISO alpha-2); rows indexed before it was kept have none. */
  country?: string;
  value?: number;
  currency?: string;
  /** How far the deal is, in per cent (accepted and created deals start at 10). */
  percent: number;
  /** An accepted deal's sales stage as its card names it: 'none' before the first, 'created' for a deal the partner created. */
  salesStage?: ShownSalesStage;
  /** Undecided: when it must be answered (ISO). */
  deadline?: string;
  /** The estimated close (ISO), once someone gave one. */
  closing?: string;
  owner?: { id: string; name: string };
  /** The partner's own reference (CRM ID). */
  crmId?: string;
  /** When it last moved to another stage (ISO): a closed one, when it was closed. */
  decidedAt?: string;
}

/**
 * The sales stage of a summary; a row kept before summaries named it is read from its
 * percentage (a created deal at the start then reads as accepted).
 */
export function shownSalesStage(deal: Pick<DealSummary, 'salesStage' | 'percent'>): ShownSalesStage {
  if (deal.salesStage) return deal.salesStage;
  const stages = Object.keys(STAGE_PERCENT) as SalesStage[];
  return stages.find((stage) => STAGE_PERCENT[stage] === deal.percent) ?? 'none';
}

/** The summary of a referral as it stands. */
export function summaryOf(record: ReferralRecord, regions: readonly Region[]): DealSummary {
  const { referral, desk } = record;
  const stage = stageOfRecord(record);
  const undecided = stage === 'received' || stage === 'evaluating';
  const summary: DealSummary = {
    referralId: referral.id,
    region: regionOf(referral.customerProfile.address.country, regions),
    stage,
    name: referral.name || referral.customerProfile.name,
    customer: referral.customerProfile.name,
    country: referral.customerProfile.address.country,
    value: referral.details.dealValue,
    currency: referral.details.currency,
    percent: progressOf(referral),
    salesStage: stage === 'accepted' ? shownSalesStageOf(record) : undefined,
    deadline: undecided ? answerDeadlineOf(record).toISO()! : undefined,
    closing: referral.details.closingDateTime,
    owner: desk.owner ? { id: desk.owner.id, name: desk.owner.name } : undefined,
    crmId: referral.externalReferenceId,
    decidedAt: desk.lastDecision?.at,
  };
  return Object.fromEntries(Object.entries(summary).filter(([, value]) => value !== undefined)) as DealSummary;
}

/** Whether a referral is still open: undecided, or an accepted deal. */
export function isOpen(stage: Stage): boolean {
  return stage === 'received' || stage === 'evaluating' || stage === 'accepted';
}

/** Who has the referral among their own deals: its owner and its team members with a Teams account. */
export function peopleOf(record: ReferralRecord): string[] {
  const ids = [record.desk.owner?.id, ...(record.desk.teamAccounts ?? []).map((account) => account.actor.id)];
  return [...new Set(ids.filter((id): id is string => id !== undefined && id !== 'system'))];
}

/**
 * Whose `my deals` lists the referral: its people (see peopleOf), and while it is being
 * evaluated (two-step flow), whoever said Interested, who is to accept or decline it.
 */
export function listedFor(record: ReferralRecord): string[] {
  const interested = stageOfRecord(record) === 'evaluating' ? record.desk.lastDecision?.by.id : undefined;
  const people = peopleOf(record);
  return interested === undefined || interested === 'system' || people.includes(interested)
    ? people
    : [...people, interested];
}
