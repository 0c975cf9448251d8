import type { DateTime } from 'luxon';
import { diffFields, type HistoryEvent } from './history';
import { historyView, type Decision } from './lifecycle';
import {
  mergeCopies,
  sameValue,
  sharedFieldsOf,
  withSharedFields,
  type PartnerCenterCopy,
  type PartnerCenterState,
  type SharedField,
  type SharedFields,
} from './partnerCenterCopy';
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
    expirationDateTime: expiryOf({
      createdDateTime,
      expirationDateTime: incoming.expirationDateTime ?? stored?.expirationDateTime,
    }).toISO()!,
  };
}

export const PARTNER_CENTER_ACTOR: Actor = { id: 'partner-center', name: 'Partner Center' };

/** How far along a stage is; a delivery never moves a referral back. */
const STAGE_RANK: Record<Stage, number> = {
  received: 0,
  evaluating: 0,
  accepted: 1,
  won: 2,
  lost: 2,
  declined: 2,
  expired: 2,
  missed: 2,
};

/** Partner Center's copy of a referral as delivered, with its eTag (empty when the delivery had none). */
export function copyOf(referral: Referral, eTag: string | undefined): PartnerCenterCopy {
  return { eTag: eTag ?? '', updatedDateTime: referral.updatedDateTime, fields: sharedFieldsOf(referral) };
}

/**
 * A referral that has just arrived, with its arrival event; `flow` is its region's way of
 * answering, `eTag` Partner Center's version of it.
 */
export function arrival(referral: Referral, now: DateTime, flow: ResponseFlow = 'direct', eTag?: string): Decision {
  const record: ReferralRecord = {
    referral,
    desk: { revision: 1, ...(flow === 'twoStep' ? { flow } : {}), partnerCenter: { copy: copyOf(referral, eTag) } },
  };
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

/** A newer copy from Partner Center: the record it makes, and the history event when anyone would see a change. */
export interface IncomingDecision {
  record: ReferralRecord;
  event: HistoryEvent | null;
}

/**
 * A newer copy of a stored referral from Partner Center; older or equal copies change
 * nothing (`null`), so duplicate and out-of-order deliveries never undo a newer state. The
 * copy is merged three ways with what the desk changed since its last copy (see
 * mergeCopies): the desk's changes still to be written are kept, Partner Center's come in,
 * and a field both changed is a conflict recorded for the card. Records without a copy
 * (kept before copies were) keep what the desk decided when the copy is behind it.
 * `written`: the copy is Partner Center's answer to the desk's own write of these fields, so
 * it is newer whatever its time says; it settles an earlier failure, and the conflicts of
 * the fields written (the desk wrote its value again).
 */
export function applyIncoming(
  stored: ReferralRecord,
  incoming: Referral,
  now: DateTime,
  eTag?: string,
  options: { written?: readonly SharedField[] } = {},
): IncomingDecision | null {
  const state = stored.desk.partnerCenter;
  if (
    !isNewer(
      incoming,
      eTag,
      state?.copy ?? { eTag: '', updatedDateTime: stored.referral.updatedDateTime },
      Boolean(options.written),
    )
  )
    return null;
  const current = stored.referral;
  const theirs = sharedFieldsOf(incoming);
  const merge = state
    ? mergeCopies(sharedFieldsOf(current), baseOf(state.copy.fields, theirs, options.written ?? []), theirs)
    : undefined;
  const referral = merge ? withDeskChanges(current, incoming, merge.fields) : legacyMerge(current, incoming);
  const conflicts = merge?.conflicts ?? [];
  const { conflicts: earlier, failure, ...rest } = state ?? {};
  const standing =
    conflicts.length > 0 ? conflicts : (earlier ?? []).filter((conflict) => !options.written?.includes(conflict.field));
  const partnerCenter: PartnerCenterState = {
    ...rest,
    copy: copyOf(incoming, eTag),
    ...(standing.length > 0 ? { conflicts: standing } : {}),
    ...(!options.written && failure ? { failure } : {}),
  };
  const revision = stored.desk.revision + 1;
  const record: ReferralRecord = { referral, desk: { ...stored.desk, revision, partnerCenter } };
  const changes = diffFields(historyView(stored), historyView(record));
  const event: HistoryEvent | null =
    changes.length === 0
      ? null
      : {
          referralId: referral.id,
          revision,
          at: now.toUTC().toISO()!,
          actor: PARTNER_CENTER_ACTOR,
          action: 'updated',
          changes,
        };
  return { record, event };
}

/**
 * Whether a delivered copy is newer than the one the desk has. Times are compared as
 * instants (the same moment may be written with or without milliseconds or an offset); at
 * the same time, a different eTag is a newer version (two changes within a moment, or a
 * first copy with an eTag). The answer to the desk's own write is newer unless older.
 */
function isNewer(
  incoming: Referral,
  eTag: string | undefined,
  known: Pick<PartnerCenterCopy, 'eTag' | 'updatedDateTime'>,
  written: boolean,
): boolean {
  const [at, since] = [parseInstant(incoming.updatedDateTime), parseInstant(known.updatedDateTime)];
  if (at > since) return true;
  if (at < since) return false;
  return written || (eTag !== undefined && eTag !== '' && eTag !== known.eTag);
}

/**
 * What both sides started from: the copy the desk had, but for the fields the desk just
 * wrote, which Partner Center now has as the desk sent them (a change the desk made since
 * is then still the desk's, and no conflict).
 */
function baseOf(copy: SharedFields, theirs: SharedFields, written: readonly SharedField[]): SharedFields {
  const base = { ...copy } as Record<SharedField, unknown>;
  for (const field of written) base[field] = theirs[field];
  return base as unknown as SharedFields;
}

/** The incoming copy with the merged shared fields, which hold the desk's changes Partner Center has not had yet. */
function withDeskChanges(current: Referral, incoming: Referral, fields: SharedFields): Referral {
  const referral = withSharedFields(incoming, fields);
  // The desk's lifecycle kept: so are the moments it was accepted and closed.
  if (sameValue('lifecycle', fields.lifecycle, sharedFieldsOf(incoming).lifecycle)) return referral;
  return { ...referral, acceptedDateTime: current.acceptedDateTime, closedDateTime: current.closedDateTime };
}

/** Without a copy to compare with: a copy whose stage is behind the desk's updates everything but what the desk decided. */
function legacyMerge(current: Referral, incoming: Referral): Referral {
  const behind = STAGE_RANK[stageOf(incoming)] < STAGE_RANK[stageOf(current)];
  return behind ? keepDeskDecisions(incoming, current) : incoming;
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
