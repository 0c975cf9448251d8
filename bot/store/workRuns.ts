/**
 * How far each piece of scheduled work got (claimed, done, given up), one row per piece
 * that ever ran, in a table of its own: a tick writes here, never to the plans.
 */
import type { TableClient } from '@azure/data-tables';
import { isStatus } from './errors';
import { getOrNull, planPartition, type RunEntity, type ScheduledWork } from './scheduleKeys';
import { encodeKey } from './tables';

/** The run records of scheduled work, each written under its version. */
export class WorkRuns {
  constructor(private readonly runs: TableClient) {}

  /** The run record of a referral's work under `key`, or `null` while it has never been claimed. */
  async read(referralId: string, key: string): Promise<(RunEntity & { etag: string }) | null> {
    return getOrNull<RunEntity>(this.runs, planPartition(referralId), encodeKey(key));
  }

  /** Writes a run record under its version (creating it on the first claim); `null` when someone else changed it. */
  async update(
    work: ScheduledWork,
    change: Partial<Pick<ScheduledWork, 'state' | 'claimedUntil' | 'attempts'>>,
  ): Promise<ScheduledWork | null> {
    const entity: RunEntity = {
      partitionKey: planPartition(work.referralId),
      rowKey: encodeKey(work.key),
      state: change.state ?? work.state,
      claimedUntil: change.claimedUntil ?? work.claimedUntil,
      attempts: change.attempts ?? work.attempts,
    };
    try {
      const result = work.etag
        ? await this.runs.updateEntity(entity, 'Replace', { etag: work.etag })
        : await this.runs.createEntity(entity);
      return { ...work, ...change, etag: result.etag ?? '' };
    } catch (error) {
      if (isStatus(error, 404, 409, 412)) return null;
      throw error;
    }
  }
}
