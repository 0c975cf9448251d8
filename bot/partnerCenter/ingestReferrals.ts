import { applyIncoming, arrival, completeReferral, type IncomingReferral } from '../domain/incoming';
import { responseFlowFor } from '../domain/routing';
import { followUp } from '../followUps';
import type { Services } from '../services';
import { ConflictError } from '../store/errors';
import type { ReferralRecord } from '../domain/referral';
import type { WrittenField } from '../domain/partnerCenterCopy';

export interface IngestResult {
  /** Stored for the first time, or updated by a newer copy. */
  received: string[];
  /** Already stored as they are (or newer): nothing changed. */
  duplicates: string[];
}

/** `written`: Partner Center's answer to the desk's own write of these fields (see applyIncoming). */
export interface IngestOptions {
  written?: readonly WrittenField[];
}

const MAX_ATTEMPTS = 5;

/**
 * Stores referrals from Partner Center (or any feed of its JSON) and queues their cards.
 * Idempotent per referral id: a repeated delivery changes nothing; a newer one updates the
 * stored referral and its card. Each referral is stored before its card is posted.
 */
export async function ingestReferrals(services: Services, referrals: readonly IncomingReferral[], options: IngestOptions = {}): Promise<IngestResult> {
  const result: IngestResult = { received: [], duplicates: [] };
  for (const referral of referrals) {
    const changed = await ingestOne(services, referral, options);
    (changed ? result.received : result.duplicates).push(referral.id);
  }
  if (result.received.length > 0) services.cardSync.kick();
  return result;
}

async function ingestOne(services: Services, delivered: IncomingReferral, options: IngestOptions): Promise<boolean> {
  const { referrals, outbox } = services;
  // Partner Center's version of the referral is kept with its copy, not in the referral.
  const { eTag, ...incoming } = delivered as IncomingReferral & { eTag?: string };
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const now = services.clock();
    const nowIso = now.toUTC().toISO()!;
    const stored = await referrals.get(incoming.id);
    const referral = completeReferral(incoming, stored?.record.referral, now);
    if (!stored) {
      // Queue the card first: a crash between the two writes leaves a task, never a lost card.
      await outbox.enqueue(referral.id, nowIso);
      const arrived = arrival(referral, now, responseFlowFor(referral.customerProfile.address.country, services.regions), eTag);
      const { record, event } = { ...arrived, record: writingBack(services, arrived.record) };
      if (await referrals.create(record, event)) {
        // Due again now: a worker may have looked at the task before the referral existed.
        await outbox.enqueue(referral.id, nowIso);
        await followUp(services, record);
        return true;
      }
      continue;
    }
    const applied = applyIncoming(stored.record, referral, now, eTag, options);
    if (!applied) return false;
    const decision = { ...applied, record: writingBack(services, applied.record) };
    await outbox.enqueue(referral.id, nowIso);
    try {
      await referrals.save(stored, decision.record, decision.event);
      await followUp(services, decision.record);
      return true;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  throw new ConflictError(`Referral ${incoming.id}`);
}

/** The record, marked as written back when the desk is connected to Partner Center (its card then shows how that stands). */
function writingBack(services: Services, record: ReferralRecord): ReferralRecord {
  const state = record.desk.partnerCenter;
  if (!services.partnerCenter || !state) return record;
  return { ...record, desk: { ...record.desk, partnerCenter: { ...state, writesBack: true } } };
}
