import { applyIncoming, arrival, completeReferral, type IncomingReferral } from '../domain/incoming';
import { responseFlowFor } from '../domain/routing';
import { followUp } from '../followUps';
import type { Services } from '../services';
import { ConflictError } from '../store/errors';

export interface IngestResult {
  /** Stored for the first time, or updated by a newer copy. */
  received: string[];
  /** Already stored as they are (or newer): nothing changed. */
  duplicates: string[];
}

const MAX_ATTEMPTS = 5;

/**
 * Stores referrals from Partner Center (or any feed of its JSON) and queues their cards.
 * Idempotent per referral id: a repeated delivery changes nothing; a newer one updates the
 * stored referral and its card. Each referral is stored before its card is posted.
 */
export async function ingestReferrals(services: Services, referrals: readonly IncomingReferral[]): Promise<IngestResult> {
  const result: IngestResult = { received: [], duplicates: [] };
  for (const referral of referrals) {
    const changed = await ingestOne(services, referral);
    (changed ? result.received : result.duplicates).push(referral.id);
  }
  if (result.received.length > 0) services.cardSync.kick();
  return result;
}

async function ingestOne(services: Services, incoming: IncomingReferral): Promise<boolean> {
  const { referrals, outbox } = services;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const now = services.clock();
    const nowIso = now.toUTC().toISO()!;
    const stored = await referrals.get(incoming.id);
    const referral = completeReferral(incoming, stored?.record.referral, now);
    if (!stored) {
      // Queue the card first: a crash between the two writes leaves a task, never a lost card.
      await outbox.enqueue(referral.id, nowIso);
      const { record, event } = arrival(referral, now, responseFlowFor(referral.customerProfile.address.country, services.regions));
      if (await referrals.create(record, event)) {
        // Due again now: a worker may have looked at the task before the referral existed.
        await outbox.enqueue(referral.id, nowIso);
        await followUp(services, record);
        return true;
      }
      continue;
    }
    const decision = applyIncoming(stored.record, referral, now);
    if (!decision) return false;
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
