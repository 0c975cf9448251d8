import { odata, type TableClient } from '@azure/data-tables';
import { isStatus } from './errors';

const PARTITION = 'card';
/** Rows waiting for a channel link are due at no time. */
const NEVER = '9999-12-31T00:00:00.000Z';

/** A referral whose channel card must be posted or brought up to date. */
export interface CardTask {
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
}

type CardTaskEntity = Omit<CardTask, 'referralId' | 'etag'> & { partitionKey: string; rowKey: string };

/**
 * The durable to-do list of card posts and updates. A row is written before the change it
 * follows, so a crash between the two leaves work to do, never a lost card. Instances
 * claim a row with its ETag before working on it.
 */
export class CardOutboxRepository {
  constructor(private readonly table: TableClient) {}

  /**
   * Asks for the referral's card to be synced now (again, if a task is already there);
   * with `refresh`, to be updated even when the referral did not change.
   */
  async enqueue(referralId: string, now: string, options: { refresh?: boolean } = {}): Promise<void> {
    await this.table.upsertEntity(
      { partitionKey: PARTITION, rowKey: referralId, enqueuedAt: now, dueAt: now, unrouted: false, attempts: 0, lastError: '', ...(options.refresh ? { refresh: true } : {}) },
      'Merge',
    );
  }

  /** Tasks due by `now` (including claimed ones; `claim` sorts those out), oldest due first. */
  async due(now: string): Promise<CardTask[]> {
    return this.query(odata`PartitionKey eq ${PARTITION} and dueAt le ${now}`);
  }

  /** Tasks parked until a channel is linked. */
  async unrouted(): Promise<CardTask[]> {
    return this.query(odata`PartitionKey eq ${PARTITION} and unrouted eq true`);
  }

  /** Takes the task for `leaseUntil`; `null` when another worker holds it or it changed. */
  async claim(task: CardTask, now: string, leaseUntil: string): Promise<CardTask | null> {
    if (task.claimedUntil > now) return null;
    try {
      const result = await this.table.updateEntity({ partitionKey: PARTITION, rowKey: task.referralId, claimedUntil: leaseUntil }, 'Merge', { etag: task.etag });
      return { ...task, claimedUntil: leaseUntil, etag: result.etag ?? '' };
    } catch (error) {
      if (isStatus(error, 404, 412)) return null;
      throw error;
    }
  }

  /** Removes a finished task, unless it was enqueued again meanwhile: then it is released to run again. */
  async complete(task: CardTask): Promise<void> {
    try {
      await this.table.deleteEntity(PARTITION, task.referralId, { etag: task.etag });
    } catch (error) {
      if (isStatus(error, 404)) return;
      if (!isStatus(error, 412)) throw error;
      await this.release(task.referralId, {});
    }
  }

  /** Leaves the task for a later attempt. */
  async retryLater(task: CardTask, dueAt: string, error: string): Promise<void> {
    await this.release(task.referralId, { dueAt, attempts: task.attempts + 1, lastError: error.slice(0, 1000) });
  }

  /** Parks the task until a channel link is made (with why, when it failed for good). */
  async park(task: CardTask, lastError = ''): Promise<void> {
    await this.release(task.referralId, { dueAt: NEVER, unrouted: true, lastError: lastError.slice(0, 1000) });
  }

  private async release(referralId: string, fields: Partial<CardTaskEntity>): Promise<void> {
    try {
      await this.table.updateEntity({ partitionKey: PARTITION, rowKey: referralId, claimedUntil: '', ...fields }, 'Merge');
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }

  private async query(filter: string): Promise<CardTask[]> {
    const tasks: CardTask[] = [];
    for await (const row of this.table.listEntities<CardTaskEntity>({ queryOptions: { filter } })) {
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
