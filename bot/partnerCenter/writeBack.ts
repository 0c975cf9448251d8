import type { DateTime } from 'luxon';
import { sharedFieldsOf, type PartnerCenterState } from '../domain/partnerCenterCopy';
import type { ReferralRecord } from '../domain/referral';
import type { PatchOperation } from '../domain/patchOperations';
import { attemptKey, nextWriteBack, refusedBefore } from '../domain/writeBackPlan';
import { BackgroundDrain } from '../jobs/backgroundDrain';
import { workOnClaimed } from '../jobs/claimedTask';
import type { Repeat } from '../jobs/heartbeat';
import type { Logger } from '../log';
import { ConflictError, retryTime, type OutboxRepository, type OutboxTask, type StoredReferral } from '../store';
import { PartnerCenterError, PreconditionFailedError } from './errors';
import { holdCardTask, ingestReferrals, type IngestDeps, type IngestOptions, type WriteBackQueue } from '../referrals';
import { readServedReferral, type ServedReferral } from './remoteReferral';

/** What writing back needs of Partner Center's Referrals API (see PartnerCenterClient). */
export interface ReferralsApi {
  getReferral(id: string): Promise<ServedReferral | null>;
  /** Partner Center's copy after the patch. */
  patchReferral(id: string, operations: PatchOperation[], eTag: string): Promise<ServedReferral>;
}

export interface WriteBackDeps {
  api: ReferralsApi;
  outbox: OutboxRepository;
  /**
   * What Partner Center's answers are stored with, as every delivery is (see ingestReferrals), and the
   * referrals and cards a recorded failure changes; the write-back itself is this queue.
   */
  receive: Omit<IngestDeps, 'writeBack'>;
  clock: () => DateTime;
  log: Logger;
  /** How long a claimed task is reserved for one worker without renewal (OUTBOX_CLAIM_MS); renewed while it works. */
  leaseMs?: number;
  /** The timer renewing claims (defaults to a real interval). */
  repeat?: Repeat;
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
}

/** A referral needs at most this many patches in a row (accept, then close) plus a re-read after a 412. */
const MAX_STEPS = 6;

/**
 * Writes the desk's decisions back to Partner Center, from a durable outbox: one row per
 * referral, written by the follow-up of every change before it is done, so a restart
 * loses nothing. Each pass patches what Partner Center's copy lacks (see nextWriteBack),
 * with the copy's eTag as If-Match, one lifecycle step after the other, and takes Partner
 * Center's answer as the new copy. A 412 (the referral changed there) reads it again and
 * merges (mergeCopies): what still holds is written, what both changed is a conflict the
 * card shows. Partner Center's refusals are recorded for the card; throttling and outages
 * are retried later.
 */
export class WriteBack extends BackgroundDrain implements WriteBackQueue {
  constructor(private readonly deps: WriteBackDeps) {
    super(deps.log, 'write-back');
  }

  /** Queues the referral when the desk has something Partner Center has not (the follow-up of every change). */
  async queue(record: ReferralRecord): Promise<void> {
    const state = record.desk.partnerCenter;
    if (!state) return;
    const step = nextWriteBack(sharedFieldsOf(record.referral), state.copy.fields);
    // A write waiting to be tried again keeps its outbox row and its time; it writes what the desk has then.
    if (step.kind !== 'patch' || refusedBefore(state, step) || (state.failure && !state.failure.permanent)) return;
    // `record` may predate a failed attempt (the card sync follows up on what it read a moment
    // ago): the outbox row, not the record, tells that a retry is waiting.
    await this.deps.outbox.enqueueUnlessRetrying(record.referral.id, this.nowIso());
    this.kick();
  }

  /** The ports a delivery is stored with, this queue among them. */
  private get receiving(): IngestDeps {
    return { ...this.deps.receive, writeBack: this };
  }

  protected async drainOnce(): Promise<void> {
    const claim = { clock: this.deps.clock, claimMs: this.deps.leaseMs, repeat: this.deps.repeat };
    for (const task of await this.deps.outbox.due(this.nowIso())) {
      await workOnClaimed(this.deps.outbox, task, claim, async (claimed) => {
        const attempt: { operations?: PatchOperation[] } = {};
        try {
          await this.writeBack(claimed.referralId, attempt);
          await this.deps.outbox.complete(claimed);
        } catch (error) {
          await this.failed(claimed, error, attempt.operations);
        }
      });
    }
  }

  /** Brings Partner Center's copy of the referral to what the desk has, or records why it cannot be; `attempt` holds the patch being sent. */
  private async writeBack(id: string, attempt: { operations?: PatchOperation[] }): Promise<void> {
    const services = this.receiving;
    for (let step = 0; step < MAX_STEPS; step++) {
      attempt.operations = undefined;
      const stored = await services.referrals.get(id);
      const state = stored?.record.desk.partnerCenter;
      if (!stored || !state) return;
      // A delivery without an eTag gives nothing to write against: read Partner Center's copy first.
      if (!state.copy.eTag) {
        await this.reread(services, id);
        continue;
      }
      const next = nextWriteBack(sharedFieldsOf(stored.record.referral), state.copy.fields);
      if (next.kind === 'inStep') return await this.setState(services, stored, { failure: undefined });
      if (next.kind === 'unwritable') {
        return await this.setState(services, stored, { failure: { reason: '', at: this.nowIso(), permanent: true } });
      }
      if (refusedBefore(state, next)) return;
      attempt.operations = next.operations;
      try {
        await this.take(services, await this.deps.api.patchReferral(id, next.operations, state.copy.eTag), {
          written: next.fields,
        });
      } catch (error) {
        if (!(error instanceof PreconditionFailedError)) throw error;
        // The patch was not refused, only out of date: a failing re-read must not mark it as refused.
        attempt.operations = undefined;
        await this.reread(services, id);
      }
    }
    // Still not in step (Partner Center changed it after every read): the outbox tries again later.
    throw new Error(`referral ${id} kept changing in Partner Center while it was written`);
  }

  /** Partner Center's current copy, merged with the desk's (a 412, or a copy without eTag). */
  private async reread(services: IngestDeps, id: string): Promise<void> {
    const current = await this.deps.api.getReferral(id);
    if (!current) throw new WriteBackRefusal(`referral ${id} is not in Partner Center`);
    await this.take(services, current, {});
  }

  private async take(services: IngestDeps, served: ServedReferral, options: IngestOptions): Promise<void> {
    const read = readServedReferral(served);
    if ('problem' in read)
      throw new WriteBackRefusal(`Partner Center sent a referral the desk cannot read: ${read.problem}`);
    await ingestReferrals(services, [read.referral], options);
  }

  /** Records how writing went, for the card; a concurrent change re-reads and records it again. */
  private async setState(
    services: IngestDeps,
    stored: StoredReferral,
    change: Partial<PartnerCenterState>,
  ): Promise<void> {
    let current: StoredReferral | null = stored;
    for (let attempt = 0; attempt < 5 && current; attempt++) {
      const state = current.record.desk.partnerCenter;
      if (!state || sameFailure(state.failure, change.failure)) return;
      const record: ReferralRecord = {
        referral: current.record.referral,
        desk: {
          ...current.record.desk,
          revision: current.record.desk.revision + 1,
          partnerCenter: { ...state, ...change },
        },
      };
      try {
        // The card follows, as after every change: it shows how writing back went.
        await holdCardTask(services, record.referral.id);
        await services.referrals.save(current, record, null);
        services.cards.release(record.referral.id);
        return;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        current = await services.referrals.get(stored.record.referral.id);
      }
    }
  }

  private async failed(task: OutboxTask, error: unknown, operations: PatchOperation[] | undefined): Promise<void> {
    const reason = String((error as Error)?.message ?? error);
    const status = error instanceof PartnerCenterError ? error.status : undefined;
    // Partner Center refused the write (not throttling, not an outage): retrying cannot help until the next change.
    const permanent =
      error instanceof WriteBackRefusal ||
      (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429);
    this.deps.log.error(`referral ${task.referralId} not written back to Partner Center`, error);
    const services = this.receiving;
    const stored = await services.referrals.get(task.referralId);
    const attempt = operations && attemptKey(operations);
    // The retry is in the outbox before the card says it will come.
    if (!permanent) await this.deps.outbox.retryLater(task, this.retryAt(task), reason);
    if (stored)
      await this.setState(services, stored, {
        failure: { reason: reason.slice(0, 300), at: this.nowIso(), permanent, ...(attempt ? { attempt } : {}) },
      });
    if (permanent) await this.deps.outbox.complete(task);
  }

  private retryAt(task: OutboxTask): string {
    return retryTime(
      this.deps.clock(),
      task.attempts,
      this.deps.retryDelayMs ?? 30_000,
      this.deps.maxRetryDelayMs ?? 30 * 60_000,
    );
  }

  private nowIso(): string {
    return this.deps.clock().toUTC().toISO()!;
  }
}

function sameFailure(a: PartnerCenterState['failure'], b: PartnerCenterState['failure']): boolean {
  return a?.reason === b?.reason && a?.permanent === b?.permanent && a?.attempt === b?.attempt;
}

/** Writing back cannot go on until something changes: retrying would meet the same answer. */
class WriteBackRefusal extends Error {}
