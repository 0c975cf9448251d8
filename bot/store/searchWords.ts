/**
 * The words referrals are found by: one row per word of a referral, keyed by the word and
 * the referral (`words~<word>~<shard>` / `<referral id>`), so the referrals with a word
 * beginning with a text are one range of partitions. A word many referrals share has its
 * rows spread over partitions by the referral's shard (a hash of its id), so no partition
 * grows with the number of referrals. A referral's id has such a row too, marked `whole`: it
 * is found by the whole id only.
 *
 * The earlier format kept a row per beginning of every word (`term~<beginning>` / `<referral
 * id>`). While any are left they are read too; a referral's go when it is indexed again.
 */
import { createHash } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import { MIN_TERM } from '../domain/searchTerms';
import { decodeKey, encodeKey, deleteIfPresent } from './tables';

const PREFIX = 'words~';
const LEGACY_PREFIX = 'term~';
/** How many partitions a word's rows are spread over. */
const SHARDS = 64;

/** Lone halves of a surrogate pair (a word cut inside a character) cannot be encoded: U+FFFD stands in. */
const wellFormed = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
const keyOf = (text: string) => encodeKey(wellFormed(text));
const partitionOf = (word: string, referralId: string) => `${PREFIX}${keyOf(word)}~${shardOf(referralId)}`;
/** The word of a row's partition (its key, as keyOf writes it). */
const wordOf = (partitionKey: string) => partitionKey.slice(PREFIX.length, partitionKey.lastIndexOf('~'));
/** The first key after every key beginning with `key`. */
const following = (key: string) => key.slice(0, -1) + String.fromCharCode(key.charCodeAt(key.length - 1) + 1);

/** The referral's shard, the same for all its rows, spread evenly over the shards however alike ids are. */
function shardOf(referralId: string): string {
  const hash = createHash('sha1').update(referralId).digest().readUInt32BE(0);
  return (hash % SHARDS).toString(16).padStart(2, '0');
}

/** The rows referrals are found by. */
export class SearchWords {
  /** Whether rows of the earlier format are left, looked up once: none are written any more. */
  private legacy: Promise<boolean> | undefined;

  constructor(private readonly table: TableClient) {}

  /** Writes the rows of the referral's `words`, and with `withId` the row of its id. */
  async add(referralId: string, words: readonly string[], withId: boolean): Promise<void> {
    const id = referralId.toLowerCase();
    await Promise.all([
      ...words.map((word) =>
        this.table.upsertEntity(
          { partitionKey: partitionOf(word, referralId), rowKey: encodeKey(referralId) },
          'Replace',
        ),
      ),
      ...(withId
        ? [
            this.table.upsertEntity(
              { partitionKey: partitionOf(id, referralId), rowKey: encodeKey(referralId), whole: true },
              'Replace',
            ),
          ]
        : []),
    ]);
  }

  /** Removes the rows of the referral's `words`, and its rows of the earlier format, one per `legacyTerms`. */
  async remove(referralId: string, words: readonly string[], legacyTerms: readonly string[]): Promise<void> {
    await Promise.all([
      ...words.map((word) => deleteIfPresent(this.table, partitionOf(word, referralId), encodeKey(referralId))),
      ...legacyTerms.map((term) =>
        deleteIfPresent(this.table, `${LEGACY_PREFIX}${encodeKey(term)}`, encodeKey(referralId)),
      ),
    ]);
  }

  /**
   * Ids of referrals with a word beginning with `text` (three characters or more), or whose
   * whole id it is: at most `limit`, in the order of their ids.
   */
  async find(text: string, limit: number): Promise<string[]> {
    if (text.length < MIN_TERM) return [];
    const ids = new Set<string>();
    const from = PREFIX + keyOf(text);
    const rows = this.table.listEntities<{ whole?: boolean }>({
      queryOptions: {
        filter: odata`PartitionKey ge ${from} and PartitionKey lt ${following(from)}`,
        select: ['PartitionKey', 'RowKey', 'whole'],
      },
    });
    for await (const row of rows) {
      if (row.whole && wordOf(row.partitionKey!) !== keyOf(text)) continue;
      ids.add(decodeKey(row.rowKey!));
      if (ids.size >= limit) break;
    }
    if (ids.size < limit && (await this.legacyLeft())) {
      for await (const row of this.table.listEntities<object>({
        queryOptions: { filter: odata`PartitionKey eq ${LEGACY_PREFIX + keyOf(text)}`, select: ['RowKey'] },
      })) {
        ids.add(decodeKey(row.rowKey!));
        if (ids.size >= limit) break;
      }
    }
    return [...ids].sort((a, b) => compare(encodeKey(a), encodeKey(b)));
  }

  private legacyLeft(): Promise<boolean> {
    this.legacy ??= this.anyLegacyRow().catch((error: unknown) => {
      this.legacy = undefined;
      throw error;
    });
    return this.legacy;
  }

  private async anyLegacyRow(): Promise<boolean> {
    const filter = odata`PartitionKey ge ${LEGACY_PREFIX} and PartitionKey lt ${following(LEGACY_PREFIX)}`;
    const pages = this.table.listEntities({ queryOptions: { filter, select: ['RowKey'] } }).byPage({ maxPageSize: 1 });
    for await (const page of pages) if (page.length > 0) return true;
    return false;
  }
}

function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
