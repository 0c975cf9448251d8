import type { TableClient } from '@azure/data-tables';
import { isStatus } from './errors';

const PARTITION = 'poll';
const ROW = 'referrals';

/**
 * How far polling Partner Center has got: the newest `updatedDateTime` of the referrals
 * stored so far. It only moves forward, and only after a page is stored.
 */
export class PollCursorRepository {
  constructor(private readonly table: TableClient) {}

  async get(): Promise<string | null> {
    try {
      return (await this.table.getEntity<{ cursor: string }>(PARTITION, ROW)).cursor;
    } catch (error) {
      if (isStatus(error, 404)) return null;
      throw error;
    }
  }

  /** Moves the cursor to `cursor` unless it is already further (instances may poll at once). */
  async advance(cursor: string): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      let etag: string | undefined;
      try {
        const row = await this.table.getEntity<{ cursor: string }>(PARTITION, ROW);
        if (Date.parse(row.cursor) >= Date.parse(cursor)) return;
        etag = row.etag;
      } catch (error) {
        if (!isStatus(error, 404)) throw error;
      }
      try {
        if (etag) await this.table.updateEntity({ partitionKey: PARTITION, rowKey: ROW, cursor }, 'Replace', { etag });
        else await this.table.createEntity({ partitionKey: PARTITION, rowKey: ROW, cursor });
        return;
      } catch (error) {
        if (!isStatus(error, 409, 412)) throw error;
      }
    }
  }
}
