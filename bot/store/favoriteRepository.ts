import { odata, type TableClient } from '@azure/data-tables';
import { isStatus } from './errors';
import { KeptReads } from './keptReads';
import { decodeKey, encodeKey, deleteIfPresent } from './tables';

interface FavoriteEntity {
  partitionKey: string;
  rowKey: string;
  /** When it was starred (ISO-8601), to list the newest first. */
  starredAt: string;
}

/**
 * How long a process keeps a user's stars it read. Every card a user opens shows whether
 * they starred it: a star set here counts at once, one set through another instance of the
 * desk within this time.
 */
export const STARS_KEPT_MS = 60_000;

/** Each user's starred referrals: one partition per user, one row per referral, kept a while once read. */
export class FavoriteRepository {
  private readonly reads: KeptReads<FavoriteEntity[]>;

  /** `now` counts milliseconds for how long a user's stars are kept (a monotonic clock by default). */
  constructor(
    private readonly table: TableClient,
    now?: () => number,
  ) {
    this.reads = new KeptReads(STARS_KEPT_MS, now);
  }

  async isFavorite(userId: string, referralId: string): Promise<boolean> {
    const rowKey = encodeKey(referralId);
    return (await this.starred(userId)).some((row) => row.rowKey === rowKey);
  }

  /** Stars or unstars; doing it twice is the same as once. */
  async set(userId: string, referralId: string, on: boolean, at: string): Promise<void> {
    await this.reads.writing(encodeKey(userId), () => this.write(userId, referralId, on, at));
  }

  private async write(userId: string, referralId: string, on: boolean, at: string): Promise<void> {
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
    await deleteIfPresent(this.table, encodeKey(userId), encodeKey(referralId));
  }

  /** The referral ids a user starred, newest first. */
  async list(userId: string): Promise<string[]> {
    const rows = [...(await this.starred(userId))];
    return rows.sort((a, b) => b.starredAt.localeCompare(a.starredAt)).map((row) => decodeKey(row.rowKey));
  }

  /** The user's star rows, as read at most STARS_KEPT_MS ago. */
  private starred(userId: string): Promise<FavoriteEntity[]> {
    const partitionKey = encodeKey(userId);
    return this.reads.read(partitionKey, async () => {
      const rows: FavoriteEntity[] = [];
      const entities = this.table.listEntities<FavoriteEntity>({
        queryOptions: { filter: odata`PartitionKey eq ${partitionKey}`, select: ['RowKey', 'starredAt'] },
      });
      for await (const entity of entities)
        rows.push({ partitionKey, rowKey: entity.rowKey, starredAt: entity.starredAt });
      return rows;
    });
  }
}
