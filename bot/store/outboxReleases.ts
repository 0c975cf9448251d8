import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { isStatus } from './errors';

/** Azure Tables takes at most this many rows in one transaction (all of one partition). */
const MAX_TRANSACTION = 100;

/** The row asking for the release: one, however often it is asked for before it is done. */
const RELEASE_ROW = 'waiting';

/** The fields that make a task due now, as after its first enqueue. */
export function dueNow(now: string) {
  return { enqueuedAt: now, dueAt: now, unrouted: false, attempts: 0, lastError: '' };
}

/** A request for a release, as read: done with this version only. */
export interface ReleaseRequest {
  etag: string;
}

/**
 * The release of tasks waiting for a channel link, in the outbox's table: asked for with one
 * durable row (written before whoever asked is answered), done in the background by
 * re-queueing every waiting task, in transactions of a hundred, then removing the row. A
 * crash in between leaves the row, so the next worker does the release again (re-queueing
 * twice is harmless).
 */
export class OutboxReleases {
  private readonly requests: string;

  constructor(
    private readonly table: TableClient,
    private readonly partition: string,
  ) {
    this.requests = `${partition}~release`;
  }

  /** Asks for a release, and says how many tasks are waiting now. */
  async request(now: string): Promise<number> {
    await this.table.upsertEntity({ partitionKey: this.requests, rowKey: RELEASE_ROW, requestedAt: now }, 'Replace');
    return (await this.waiting()).length;
  }

  /** The release asked for and not done yet, if there is one. */
  async pending(): Promise<ReleaseRequest | null> {
    try {
      const row = await this.table.getEntity(this.requests, RELEASE_ROW);
      return { etag: row.etag };
    } catch (error) {
      if (isStatus(error, 404)) return null;
      throw error;
    }
  }

  /** Queues every waiting task again, due `now`; how many. */
  async requeueWaiting(now: string): Promise<number> {
    const actions: TransactionAction[] = (await this.waiting()).map((rowKey) => [
      'upsert',
      { partitionKey: this.partition, rowKey, ...dueNow(now) },
      'Merge',
    ]);
    for (let i = 0; i < actions.length; i += MAX_TRANSACTION)
      await this.table.submitTransaction(actions.slice(i, i + MAX_TRANSACTION));
    return actions.length;
  }

  /** Marks the release done, unless it was asked for again since it was read (then it is done once more). */
  async done(request: ReleaseRequest): Promise<void> {
    try {
      await this.table.deleteEntity(this.requests, RELEASE_ROW, { etag: request.etag });
    } catch (error) {
      if (!isStatus(error, 404, 412)) throw error;
    }
  }

  /** The referral ids of the tasks waiting for a channel link. */
  private async waiting(): Promise<string[]> {
    const ids: string[] = [];
    const filter = odata`PartitionKey eq ${this.partition} and unrouted eq true`;
    for await (const row of this.table.listEntities({ queryOptions: { filter, select: ['RowKey'] } }))
      ids.push(row.rowKey!);
    return ids;
  }
}
