import { odata, type TableClient } from '@azure/data-tables';
import type { DateTime } from 'luxon';
import { ConflictError, isStatus } from './errors';
import { dueNow, OutboxReleases } from './outboxReleases';

/** Rows waiting for a channel link are due at no time. */
const NEVER = '9999-12-31T00:00:00.000Z';

/** A referral with work to do: its channel card to post or bring up to date, or its changes to write back. */
export interface OutboxTask {
  referralId: string;
  etag: string;
  enqueuedAt: string;
  dueAt: string;
  attempts: number;
  unrouted: boolean;
  claimedUntil: string;
  lastError: string;
  /** The card is to be updated even if the referral did not change (what it shows changed with time). */
  refresh: boolean;
  /** It was enqueued again while claimed: completing it releases it to be done again. */
  requeued?: boolean;
}

/** A task `hold` reserved: whether it made the task (there was none) and the version it wrote. */
export interface HeldTask {
  referralId: string;
  created: boolean;
  etag: string;
}

type OutboxTaskEntity = Omit<OutboxTask, 'referralId' | 'etag'> & { partitionKey: string; rowKey: string };

/**
 * A durable to-do list of work per referral: card posts and updates (`card`), or writing
 * changes back to Partner Center (`writeBack`), one row per referral. A row is written
 * before the change it follows, so a crash between the two leaves work to do, never lost
 * work. Instances claim a row with its ETag before working on it, for a short while their
 * worker renews as long as it works.
 */
export class OutboxRepository {
  /** The release of the tasks waiting for a channel link, asked for durably and done in the background. */
  readonly releases: OutboxReleases;

  constructor(
    private readonly table: TableClient,
    private readonly partition: 'card' | 'writeBack' = 'card',
  ) {
    this.releases = new OutboxReleases(table, partition);
  }

  /**
   * Asks for the referral's card to be synced now (again, if a task is already there);
   * with `refresh`, to be updated even when the referral did not change.
   */
  async enqueue(referralId: string, now: string, options: { refresh?: boolean } = {}): Promise<void> {
    await this.table.upsertEntity(
      {
        partitionKey: this.partition,
        rowKey: referralId,
        ...dueNow(now),
        ...(options.refresh ? { refresh: true } : {}),
      },
      'Merge',
    );
  }

  /**
   * As `enqueue`, except that a task waiting to be tried again (it failed, and no worker has
   * it) keeps its time: a retry is not brought forward. Decided on the row's version, so a
   * failure recorded meanwhile is never overwritten.
   */
  async enqueueUnlessRetrying(referralId: string, now: string): Promise<void> {
    const key = { partitionKey: this.partition, rowKey: referralId };
    for (let attempt = 0; attempt < 5; attempt++) {
      const row = await this.getOrNull(referralId);
      try {
        if (!row) await this.table.createEntity({ ...key, ...dueNow(now) });
        else if (row.attempts > 0 && !(row.claimedUntil > now)) return;
        else await this.table.updateEntity({ ...key, ...dueNow(now) }, 'Merge', { etag: row.etag });
        return;
      } catch (error) {
        // Made, changed or removed meanwhile: look again.
        if (!isStatus(error, 404, 409, 412)) throw error;
      }
    }
    throw new ConflictError(`Task of referral ${referralId}`);
  }

  /**
   * Reserves the referral's task while a change of the referral is being stored: makes the
   * task, or moves the one there, to be due at `until`, so no worker syncs a change that may
   * still be taken back. `enqueue` releases it once the change stands; should the change
   * never be finished (a crash), it falls due at `until` and is worked as any other.
   */
  async hold(referralId: string, now: string, until: string): Promise<HeldTask> {
    const key = { partitionKey: this.partition, rowKey: referralId };
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const made = await this.table.createEntity({
          ...key,
          enqueuedAt: now,
          dueAt: until,
          unrouted: false,
          attempts: 0,
          lastError: '',
        });
        return { referralId, created: true, etag: made.etag ?? '' };
      } catch (error) {
        if (!isStatus(error, 409)) throw error;
      }
      try {
        const moved = await this.table.updateEntity({ ...key, dueAt: until, unrouted: false }, 'Merge');
        return { referralId, created: false, etag: moved.etag ?? '' };
      } catch (error) {
        // Completed between the two calls: make it again.
        if (!isStatus(error, 404)) throw error;
      }
    }
    throw new ConflictError(`Task of referral ${referralId}`);
  }

  /** Removes a task `hold` made, unless it changed since (someone else enqueued it: it is theirs then). */
  async dropHeld(task: HeldTask): Promise<void> {
    try {
      await this.table.deleteEntity(this.partition, task.referralId, { etag: task.etag });
    } catch (error) {
      if (!isStatus(error, 404, 412)) throw error;
    }
  }

  /** Tasks due by `now` (including claimed ones; `claim` sorts those out), oldest due first. */
  async due(now: string): Promise<OutboxTask[]> {
    return this.query(odata`PartitionKey eq ${this.partition} and dueAt le ${now}`);
  }

  /** Tasks parked until a channel is linked. */
  async unrouted(): Promise<OutboxTask[]> {
    return this.query(odata`PartitionKey eq ${this.partition} and unrouted eq true`);
  }

  /** Takes the task for `leaseUntil`; `null` when another worker holds it or it changed. */
  async claim(task: OutboxTask, now: string, leaseUntil: string): Promise<OutboxTask | null> {
    if (task.claimedUntil > now) return null;
    try {
      const result = await this.table.updateEntity(
        { partitionKey: this.partition, rowKey: task.referralId, claimedUntil: leaseUntil },
        'Merge',
        { etag: task.etag },
      );
      return { ...task, claimedUntil: leaseUntil, etag: result.etag ?? '' };
    } catch (error) {
      if (isStatus(error, 404, 412)) return null;
      throw error;
    }
  }

  /**
   * Extends a claim the worker still holds to `until` (its holder renews it while it works on
   * the task). `task` is brought up to date in place, so completing it later uses the renewed
   * version. `false` when the claim is lost: another worker claimed the task after it ran
   * out, or it was released or removed. A task enqueued again meanwhile keeps its claim and is
   * marked `requeued`.
   */
  async renewClaim(task: OutboxTask, until: string): Promise<boolean> {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const result = await this.table.updateEntity(
          { partitionKey: this.partition, rowKey: task.referralId, claimedUntil: until },
          'Merge',
          { etag: task.etag },
        );
        Object.assign(task, { claimedUntil: until, etag: result.etag ?? '' });
        return true;
      } catch (error) {
        if (isStatus(error, 404)) return false;
        if (!isStatus(error, 412)) throw error;
      }
      // Changed since: still this worker's claim when nobody claimed or released it.
      const current = await this.getOrNull(task.referralId);
      if (!current || current.claimedUntil !== task.claimedUntil) return false;
      Object.assign(task, { etag: current.etag, requeued: true });
    }
    return false;
  }

  /** Removes a finished task, unless it was enqueued again meanwhile: then it is released to run again. */
  async complete(task: OutboxTask): Promise<void> {
    if (task.requeued) return this.release(task.referralId, {});
    try {
      await this.table.deleteEntity(this.partition, task.referralId, { etag: task.etag });
    } catch (error) {
      if (isStatus(error, 404)) return;
      if (!isStatus(error, 412)) throw error;
      await this.release(task.referralId, {});
    }
  }

  /** Leaves the task for a later attempt. */
  async retryLater(task: OutboxTask, dueAt: string, error: string): Promise<void> {
    await this.release(task.referralId, { dueAt, attempts: task.attempts + 1, lastError: error.slice(0, 1000) });
  }

  /** Parks the task until a channel link is made (with why, when it failed for good). */
  async park(task: OutboxTask, lastError = ''): Promise<void> {
    await this.release(task.referralId, { dueAt: NEVER, unrouted: true, lastError: lastError.slice(0, 1000) });
  }

  private async release(referralId: string, fields: Partial<OutboxTaskEntity>): Promise<void> {
    try {
      await this.table.updateEntity(
        { partitionKey: this.partition, rowKey: referralId, claimedUntil: '', ...fields },
        'Merge',
      );
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }

  private async getOrNull(referralId: string): Promise<(OutboxTaskEntity & { etag: string }) | null> {
    try {
      return await this.table.getEntity<OutboxTaskEntity>(this.partition, referralId);
    } catch (error) {
      if (isStatus(error, 404)) return null;
      throw error;
    }
  }

  private async query(filter: string): Promise<OutboxTask[]> {
    const tasks: OutboxTask[] = [];
    for await (const row of this.table.listEntities<OutboxTaskEntity>({ queryOptions: { filter } })) {
      tasks.push({
        referralId: row.rowKey,
        etag: row.etag,
        enqueuedAt: row.enqueuedAt,
        dueAt: row.dueAt,
        attempts: row.attempts ?? 0,
        unrouted: row.unrouted === true,
        claimedUntil: row.claimedUntil ?? '',
        lastError: row.lastError ?? '',
        refresh: row.refresh === true,
      });
    }
    return tasks.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }
}

/** When a task that failed `attempts` times is tried again: the delay doubles with each attempt, up to `maxMs`. */
export function retryTime(now: DateTime, attempts: number, baseMs: number, maxMs: number): string {
  return now
    .plus({ milliseconds: Math.min(maxMs, baseMs * 2 ** attempts) })
    .toUTC()
    .toISO()!;
}
