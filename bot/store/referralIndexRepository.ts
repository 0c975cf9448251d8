import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { DealSummary } from '../domain/dealSummary';
import { weekOf, type ReferralFact } from '../domain/digestFacts';
import { parseInstant } from '../domain/timeLimits';
import { isStatus } from './errors';
import { SearchWords } from './searchWords';
import { encodeKey, deleteIfPresent } from './tables';

/** What a referral's index rows are, so the next indexing can remove those that no longer hold. */
export interface IndexEntry {
  /** The referral revision the rows show. */
  revision: number;
  people: string[];
  region: string;
  open: boolean;
  /** The words the referral is found by (see SearchWords); missing in an entry of the earlier format. */
  words?: string[];
  /** In an entry of the earlier format: every beginning of every word, a row each, removed at the next indexing. */
  terms?: string[];
  /** Facts are written for history events up to this revision. */
  factsThrough: number;
}

/** A referral's index rows as they are to be. */
export interface IndexUpdate extends Omit<IndexEntry, 'terms'> {
  words: string[];
  summary: DealSummary;
  /** Facts not written yet. */
  facts: ReferralFact[];
}

const person = (userId: string) => `person~${encodeKey(userId)}`;
const open = (region: string) => `open~${region}`;
const facts = (region: string, week: string) => `facts~${region}~${week}`;
const entry = (referralId: string) => `entry~${encodeKey(referralId)}`;
const ENTRY_ROW = 'state';
/** Azure Table transactions take at most 100 operations. */
const MAX_TRANSACTION = 100;
const TOLD_ROW = 'told';
const CONFLICT_TOLD_ROW = 'toldConflict';

/**
 * The indexes that lists and digests read instead of every referral, each a partition read
 * by its key: a user's own deals (`person~`), a region's open referrals and deals
 * (`open~`), the words referrals are found by (`words~`, see SearchWords), and what
 * happened per region and week (`facts~`), plus per referral which rows it has (`entry~`).
 * Rows are written before the entry that lists them, so a crash between leaves rows the
 * next indexing finds again.
 */
export class ReferralIndexRepository {
  private readonly words: SearchWords;

  constructor(private readonly table: TableClient) {
    this.words = new SearchWords(table);
  }

  async entry(referralId: string): Promise<IndexEntry | null> {
    try {
      const row = await this.table.getEntity<{ state: string }>(entry(referralId), ENTRY_ROW);
      return JSON.parse(row.state) as IndexEntry;
    } catch (error) {
      if (isStatus(error, 404)) return null;
      throw error;
    }
  }

  /** Makes the referral's rows those of `next`, removing what `previous` had and `next` has not. */
  async update(referralId: string, next: IndexUpdate, previous: IndexEntry | null): Promise<void> {
    const row = encodeKey(referralId);
    const summary = JSON.stringify(next.summary);
    const partitions = [...next.people.map(person), ...(next.open ? [open(next.region)] : [])];
    // An entry without words is of the earlier format (or there is none): the id's row is written too.
    const known = previous?.words;
    // The rows are independent of each other: written at once, the entry (which says they are in place) after.
    await Promise.all([
      ...partitions.map((partition) =>
        this.table.upsertEntity({ partitionKey: partition, rowKey: row, summary }, 'Replace'),
      ),
      this.words.add(
        referralId,
        next.words.filter((word) => !known?.includes(word)),
        !known,
      ),
      this.addFacts(next.facts),
    ]);
    const state: IndexEntry = {
      revision: next.revision,
      people: next.people,
      region: next.region,
      open: next.open,
      words: next.words,
      factsThrough: next.factsThrough,
    };
    await this.table.upsertEntity(
      { partitionKey: entry(referralId), rowKey: ENTRY_ROW, state: JSON.stringify(state) },
      'Replace',
    );
    if (!previous) return;
    const stale = [
      ...previous.people.filter((id) => !next.people.includes(id)).map(person),
      ...(previous.open && (!next.open || previous.region !== next.region) ? [open(previous.region)] : []),
    ];
    await Promise.all([
      ...stale.map((partition) => deleteIfPresent(this.table, partition, row)),
      this.words.remove(
        referralId,
        (known ?? []).filter((word) => !next.words.includes(word)),
        previous.terms ?? [],
      ),
    ]);
  }

  /** Writes facts (of any referrals), in one transaction per week's partition and hundred rows. */
  async addFacts(list: readonly ReferralFact[]): Promise<void> {
    const byPartition = new Map<string, TransactionAction[]>();
    for (const fact of list) {
      const partitionKey = facts(fact.region, weekOf(parseInstant(fact.at)));
      const rowKey = `${encodeKey(fact.referralId)}~${fact.revision.toString().padStart(10, '0')}`;
      byPartition.set(partitionKey, [
        ...(byPartition.get(partitionKey) ?? []),
        ['upsert', { partitionKey, rowKey, fact: JSON.stringify(fact) }, 'Replace'],
      ]);
    }
    const transactions = [...byPartition.values()].flatMap((actions) =>
      Array.from({ length: Math.ceil(actions.length / MAX_TRANSACTION) }, (_, i) =>
        actions.slice(i * MAX_TRANSACTION, (i + 1) * MAX_TRANSACTION),
      ),
    );
    await Promise.all(transactions.map((actions) => this.table.submitTransaction(actions)));
  }

  /** The people who were told they now work on the referral (so each is told once). */
  async told(referralId: string): Promise<string[]> {
    try {
      const row = await this.table.getEntity<{ people: string }>(entry(referralId), TOLD_ROW);
      return JSON.parse(row.people) as string[];
    } catch (error) {
      if (isStatus(error, 404)) return [];
      throw error;
    }
  }

  async setTold(referralId: string, people: readonly string[]): Promise<void> {
    await this.table.upsertEntity(
      { partitionKey: entry(referralId), rowKey: TOLD_ROW, people: JSON.stringify(people) },
      'Replace',
    );
  }

  /** Which write-back conflicts the referral's owner was told of (so each is told once). */
  async conflictTold(referralId: string): Promise<string | null> {
    try {
      return (await this.table.getEntity<{ conflicts: string }>(entry(referralId), CONFLICT_TOLD_ROW)).conflicts;
    } catch (error) {
      if (isStatus(error, 404)) return null;
      throw error;
    }
  }

  async setConflictTold(referralId: string, conflicts: string): Promise<void> {
    await this.table.upsertEntity({ partitionKey: entry(referralId), rowKey: CONFLICT_TOLD_ROW, conflicts }, 'Replace');
  }

  /** The referrals `userId` owns or is on the team of. */
  async personDeals(userId: string): Promise<DealSummary[]> {
    return this.summaries(person(userId));
  }

  /** The open referrals and deals of a region. */
  async openDeals(region: string): Promise<DealSummary[]> {
    return this.summaries(open(region));
  }

  /** Ids of the referrals found by `text` (a word's beginning, or a whole referral id), at most `limit`. */
  async findByTerm(text: string, limit: number): Promise<string[]> {
    return this.words.find(text, limit);
  }

  /** The facts of a region in the given weeks (UTC Mondays, yyyy-MM-dd). */
  async facts(region: string, weeks: readonly string[]): Promise<ReferralFact[]> {
    const found: ReferralFact[] = [];
    for (const week of weeks) {
      for await (const row of this.table.listEntities<{ fact: string }>({
        queryOptions: { filter: odata`PartitionKey eq ${facts(region, week)}` },
      })) {
        found.push(JSON.parse(row.fact) as ReferralFact);
      }
    }
    return found;
  }

  private async summaries(partition: string): Promise<DealSummary[]> {
    const found: DealSummary[] = [];
    for await (const row of this.table.listEntities<{ summary: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${partition}` },
    })) {
      found.push(JSON.parse(row.summary) as DealSummary);
    }
    return found;
  }
}
