import { odata, type TableClient } from '@azure/data-tables';
import { isStatus } from './errors';
import { decodeKey, encodeKey } from './tables';

interface FavoriteEntity {
  partitionKey: string;
  rowKey: string;
  /** When it was starred (ISO-8601), to list the newest first. */
  starredAt: string;
}

/** Each user's starred referrals: one partition per user, one row per referral. */
export class FavoriteRepository {
  constructor(private readonly table: TableClient) {}

  async isFavorite(userId: string, referralId: string): Promise<boolean> {
    try {
      await this.table.getEntity(encodeKey(userId), encodeKey(referralId), {
        queryOptions: { select: ['PartitionKey'] },
      });
      return true;
    } catch (error) {
      if (isStatus(error, 404)) return false;
      throw error;
    }
  }

  /** Stars or unstars; doing it twice is the same as once. */
  async set(userId: string, referralId: string, on: boolean, at: string): Promise<void> {
    if (on) {
      const entity: FavoriteEntity = { partitionKey: encodeKey(userId), rowKey: encodeKey(referralId), starredAt: at };
      try {
        await this.table.createEntity(entity);
      } catch (error) {
        // Already starred: a retried click keeps the first star and its time.
        if (!isStatus(error, 409)) throw error;
      }
      return;
    }
    try {
      await this.table.deleteEntity(encodeKey(userId), encodeKey(referralId));
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }

  /** The referral ids a user starred, newest first. */
  async list(userId: string): Promise<string[]> {
    const rows: FavoriteEntity[] = [];
    const entities = this.table.listEntities<FavoriteEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${encodeKey(userId)}` },
    });
    for await (const entity of entities) rows.push(entity);
    return rows.sort((a, b) => b.starredAt.localeCompare(a.starredAt)).map((row) => decodeKey(row.rowKey));
  }
}
