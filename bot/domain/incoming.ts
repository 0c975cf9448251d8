import type { DateTime } from 'luxon';
import { diffFields, type HistoryEvent } from './history';
import { historyView, type Decision } from './lifecycle';
import type { Actor, Referral, ReferralRecord } from './referral';
import type { ResponseFlow } from './routing';
import { stageOf, type Stage } from './stage';
import { expiryOf, parseInstant } from './timeLimits';

/** A referral as delivered: Partner Center may leave out its timestamps. */
export type IncomingReferral = Omit<Referral, 'createdDateTime' | 'updatedDateTime' | 'expirationDateTime'> &
  Partial<Pick<Referral, 'createdDateTime' | 'updatedDateTime' | 'expirationDateTime'>>;

/**
 * Fills in the timestamps a delivery left out: from the stored copy when there is one (so a
 * repeated delivery without them is a duplicate, not an update), else from `now`. Without
 * an expiry, a referral expires 14 days after it was created.
 */
export function completeReferral(incoming: IncomingReferral, stored: Referral | undefined, now: DateTime): Referral {
  const createdDateTime = incoming.createdDateTime ?? stored?.createdDateTime ?? now.toUTC().toISO()!;
  const updatedDateTime = incoming.updatedDateTime ?? stored?.updatedDateTime ?? createdDateTime;
  return {
    ...incoming,
    createdDateTime,
    updatedDateTime,
    expirationDateTime: expiryOf({ createdDateTime, expirationDateTime: incoming.expirationDateTime ?? stored?.expirationDateTime }).toISO()!,
  };
}

export const PARTNER_CENTER_ACTOR: Actor = { id: 'partner-center', name: 'Partner Center' };

/** How far along a stage is; a delivery never moves a referral back. */
const STAGE_RANK: Record<Stage, number> = { received: 0, evaluating: 0, accepted: 1, won: 2, lost: 2, declined: 2, expired: 2, missed: 2 };

/** A referral that has just arrived, with its arrival event; `flow` is its region's way of answering. */
export function arrival(referral: Referral, now: DateTime, flow: ResponseFlow = 'direct'): Decision {
  const record: ReferralRecord = { referral, desk: { revision: 1, ...(flow === 'twoStep' ? { flow } : {}) } };
  const event: HistoryEvent = {
    referralId: referral.id,
    revision: 1,
    at: now.toUTC().toISO()!,
    actor: PARTNER_CENTER_ACTOR,
    action: 'received',
    changes: [],
  };
  return { record, event };
}

/**
 * A newer copy of a stored referral from Partner Center. Older or equal copies change
 * nothing (`null`); a copy whose stage is behind the stored one (the desk acted on it and
 * Partner Center has not heard yet) updates everything but what the desk decided.
 */
export function applyIncoming(stored: ReferralRecord, incoming: Referral, now: DateTime): Decision | null {
  // Compared as instants: the same moment may be written with or without milliseconds or an offset.
  if (parseInstant(incoming.updatedDateTime) <= parseInstant(stored.referral.updatedDateTime)) return null;
  const current = stored.referral;
  const behind = STAGE_RANK[stageOf(incoming)] < STAGE_RANK[stageOf(current)];
  const referral: Referral = behind ? keepDeskDecisions(incoming, current) : incoming;
  const revision = stored.desk.revision + 1;
  const record: ReferralRecord = { referral, desk: { ...stored.desk, revision } };
  const event: HistoryEvent = {
    referralId: referral.id,
    revision,
    at: now.toUTC().toISO()!,
    actor: PARTNER_CENTER_ACTOR,
    action: 'updated',
    changes: diffFields(historyView(stored), historyView(record)),
  };
  return { record, event };
}

/** The incoming copy, with the lifecycle and the deal details the desk's decision set. */
function keepDeskDecisions(incoming: Referral, current: Referral): Referral {
  return {
    ...incoming,
    name: current.name,
    status: current.status,
    substatus: current.substatus,
    statusReason: current.statusReason,
    acceptedDateTime: current.acceptedDateTime,
    closedDateTime: current.closedDateTime,
    externalReferenceId: current.externalReferenceId,
    campaignId: current.campaignId,
    details: {
      ...incoming.details,
      dealValue: current.details.dealValue,
      currency: current.details.currency,
      closingDateTime: current.details.closingDateTime,
      notes: current.details.notes,
    },
  };
}
