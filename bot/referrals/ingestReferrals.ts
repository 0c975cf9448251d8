import { notTakenAtFirstSight, type NotTakenReason } from '../domain/firstSight';
import { applyIncoming, arrival, completeReferral, type IncomingReferral } from '../domain/incoming';
import type { WrittenField } from '../domain/partnerCenterCopy';
import type { ReferralRecord } from '../domain/referral';
import { responseFlowFor } from '../domain/routing';
import { ConflictError } from '../store';
import { holdCardTask } from './cardTasks';
import type { ReferralWrites, UseCaseDeps } from './ports';

export interface IngestResult {
  /** Stored for the first time, or updated by a newer copy. */
  received: string[];
  /** Already stored as they are (or newer): nothing changed. */
  duplicates: string[];
  /** New to the desk but not for it (outgoing, or expired before it came): not stored, no card. */
  ignored: { id: string; reason: NotTakenReason }[];
}

/** The result as a sender is told it: `ignored` only when some were, so other answers read as they always did. */
export function deliveryAnswer(result: IngestResult): Partial<IngestResult> {
  const { ignored, ...rest } = result;
  return ignored.length > 0 ? result : rest;
}

/** `written`: Partner Center's answer to the desk's own write of these fields (see applyIncoming). */
export interface IngestOptions {
  written?: readonly WrittenField[];
}

/** What storing a delivery uses: the referrals, the card tasks and cards, the undo of deliveries, the write-back, the clock. */
export type IngestDeps = Pick<
  UseCaseDeps,
  'referrals' | 'regions' | 'outbox' | 'cards' | 'unfinishedDeliveries' | 'writeBack' | 'clock' | 'log'
>;

/** How often storing one referral is tried against changes made meanwhile, before the delivery gives up (ConflictError). */
export const MAX_ATTEMPTS = 5;

/**
 * Stores referrals from Partner Center (or any feed of its JSON) and queues their cards.
 * Idempotent per referral id: a repeated delivery changes nothing; a newer one updates the
 * stored referral and its card. Each referral is stored before its card is posted. A referral
 * new to the desk that is not for it (see notTakenAtFirstSight) is left out: not stored, no card.
 *
 * All or nothing: each referral's row (with its history event) is written with its card task
 * held (see OutboxRepository.hold). Should any call fail before every referral is stored
 * (storage went away, a change kept losing to others), what was written is taken back (see
 * UnfinishedDeliveries) and the error thrown: the caller answers that nothing was stored and
 * the sender delivers again. Once every referral is stored the delivery stands: the tasks are
 * released, and the card sync does the rest after the answer (see releaseTasks). That keeps a
 * delivery to three storage calls per referral before its answer: read, hold the task, write.
 * What an earlier delivery left to take back is taken back first.
 */
export async function ingestReferrals(
  services: IngestDeps,
  referrals: readonly IncomingReferral[],
  options: IngestOptions = {},
): Promise<IngestResult> {
  await services.unfinishedDeliveries.settle();
  const result: IngestResult = { received: [], duplicates: [], ignored: [] };
  const writes = referrals.map((referral): ReferralWrites => ({ referralId: referral.id }));
  const outcomes = await storeAll(services, referrals, options, writes);
  referrals.forEach((referral, i) => {
    const outcome = outcomes[i];
    if (outcome && 'ignored' in outcome) {
      result.ignored.push({ id: referral.id, reason: outcome.ignored });
      services.log.info(`referral ${referral.id} not taken: ${NOT_TAKEN[outcome.ignored]}`);
    } else (outcome ? result.received : result.duplicates).push(referral.id);
  });
  releaseTasks(services, writes);
  return result;
}

/** How many referrals of a delivery are stored at once: each waits on storage, not on the processor. */
const STORED_AT_ONCE = 8;

type StoreOutcome = ReferralRecord | null | { ignored: NotTakenReason };

/**
 * Stores every referral of a delivery, STORED_AT_ONCE at a time, each recording what it wrote
 * in its `writes` entry; the outcomes in the delivery's order. Should one fail, the others
 * still running are waited for, everything written is taken back and the error thrown.
 */
async function storeAll(
  services: IngestDeps,
  referrals: readonly IncomingReferral[],
  options: IngestOptions,
  writes: readonly ReferralWrites[],
): Promise<StoreOutcome[]> {
  const outcomes: StoreOutcome[] = [];
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < referrals.length) {
      const i = next++;
      try {
        outcomes[i] = await storeOne(services, referrals[i], options, writes[i]);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(STORED_AT_ONCE, referrals.length) }, worker));
  if (failure) {
    await services.unfinishedDeliveries.takeBack(writes);
    throw failure.error;
  }
  return outcomes;
}

/** What the log says of a referral left out. */
const NOT_TAKEN: Record<NotTakenReason, string> = {
  outgoing: 'it is outgoing (the partner created it), so there is nothing to answer',
  expired: 'it had expired before the desk first saw it',
};

/**
 * Stores one referral of a delivery, recording in `write` what it writes: the record stored,
 * null when nothing changed, or why a referral new to the desk is left out.
 */
async function storeOne(
  services: IngestDeps,
  delivered: IncomingReferral,
  options: IngestOptions,
  write: ReferralWrites,
): Promise<StoreOutcome> {
  const { referrals } = services;
  // Partner Center's version of the referral is kept with its copy, not in the referral.
  const { eTag, ...incoming } = delivered as IncomingReferral & { eTag?: string };
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const now = services.clock();
    const stored = await referrals.get(incoming.id);
    const referral = completeReferral(incoming, stored?.record.referral, now);
    if (!stored) {
      const ignored = notTakenAtFirstSight(referral, now);
      if (ignored) return { ignored };
      const arrived = arrival(
        referral,
        now,
        responseFlowFor(referral.customerProfile.address.country, services.regions),
        eTag,
      );
      const record = writingBack(services, arrived.record);
      write.task ??= await holdCardTask(services, incoming.id);
      write.change = { record, event: arrived.event, previous: null };
      if (await referrals.create(record, arrived.event)) return record;
    } else {
      const applied = applyIncoming(stored.record, referral, now, eTag, options);
      if (!applied) return null;
      const record = writingBack(services, applied.record);
      write.task ??= await holdCardTask(services, incoming.id);
      write.change = { record, event: applied.event, previous: stored };
      try {
        await referrals.save(stored, record, applied.event);
        return record;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    // Someone else stored it first: read it again.
    write.change = undefined;
  }
  throw new ConflictError(`Referral ${incoming.id}`);
}

/**
 * Once every referral of a delivery is stored, the delivery stands: its held card tasks are
 * released, and the card sync runs them after the answer, each with everything that follows a
 * change (plan, index rows, write-back; see followUp) and the card.
 */
function releaseTasks(services: IngestDeps, writes: readonly ReferralWrites[]): void {
  for (const write of writes) if (write.task) services.cards.release(write.referralId);
}

/** The record, marked as written back when the desk is connected to Partner Center (its card then shows how that stands). */
function writingBack(services: Pick<UseCaseDeps, 'writeBack'>, record: ReferralRecord): ReferralRecord {
  const state = record.desk.partnerCenter;
  if (!services.writeBack || !state) return record;
  return { ...record, desk: { ...record.desk, partnerCenter: { ...state, writesBack: true } } };
}
