/**
 * The index of due work by minute: each minute's bucket of work (in pages), the marks of the
 * minutes that have work, and the scheduler's cursor. Every row is read by its keys alone,
 * and none is read before work is added to it.
 */
import type { TableClient } from '@azure/data-tables';
import type { PlannedWork } from '../domain/reminderPlan';
import { BucketPages } from './bucketPages';
import { MinuteMarks } from './minuteMarks';
import { getOrNull, minuteOf, nextMinute, SCHEDULER, type BucketItem } from './scheduleKeys';

/** Work to list, and the minute it goes in. */
interface Placement {
  minute: string;
  item: BucketItem;
}

/**
 * Where work due in a minute is listed, and how far the scheduler is through the minutes.
 * The scheduler's cursor closes the minutes up to it: work listed in one of them goes to the
 * minute after the cursor. Work is listed first and the cursor read after, and the scheduler
 * moves the cursor first and reads the minutes it closed once more after, so whichever
 * comes second sees the other: nothing listed while the scheduler moves on is left behind.
 */
export class DueIndex {
  private readonly marks: MinuteMarks;
  private readonly pages: BucketPages;
  /**
   * The scheduler's cursor as last read or written here. It only moves on, so work due before
   * it goes straight to the minute after it; should it have moved further meanwhile, the read
   * after listing moves the work on.
   */
  private knownCursor = '';

  /** `pageChars` is the size of a bucket page. */
  constructor(
    private readonly table: TableClient,
    pageChars: number,
  ) {
    this.marks = new MinuteMarks(table);
    this.pages = new BucketPages(table, pageChars, (minute) => this.marks.mark(minute));
  }

  /** The work listed in a minute's bucket, in the order its pages were written. */
  async bucket(minute: string): Promise<BucketItem[]> {
    return this.pages.read(minute);
  }

  /** The minutes of `day` after `after` up to `through` that have work, in order. */
  async minutesWithWork(day: string, after: string, through: string): Promise<string[]> {
    return this.marks.between(day, after, through);
  }

  async cursor(name: string): Promise<string | undefined> {
    const through = (await getOrNull<{ through: string }>(this.table, 'cursor', name))?.through;
    if (name === SCHEDULER) this.knownCursor = through ?? '';
    return through;
  }

  /** Moves the cursor to `through`; for the scheduler's, that closes the minutes up to it. */
  async setCursor(name: string, through: string): Promise<void> {
    await this.table.upsertEntity({ partitionKey: 'cursor', rowKey: name, through }, 'Replace');
    if (name === SCHEDULER) this.knownCursor = through;
  }

  /** Lists planned work of a referral, each in the minute it is due, or the next one the scheduler will read. */
  async list(referralId: string, works: readonly PlannedWork[]): Promise<void> {
    if (works.length === 0) return;
    await this.place(works.map((work) => ({ minute: minuteOf(work.dueAt), item: { referralId, key: work.key } })));
  }

  /** Lists the work in the minute, or the next one the scheduler will read (work runs once whatever lists it). */
  async add(minute: string, item: BucketItem): Promise<void> {
    await this.place([{ minute, item }]);
  }

  /**
   * Lists each piece of work in its minute (those a write is on its way to share it), then
   * reads the cursor: work in a minute it has closed meanwhile is listed again after it.
   */
  private async place(placements: readonly Placement[]): Promise<void> {
    let open = placements.map(({ minute, item }) => ({ minute: this.openFrom(minute), item }));
    while (open.length > 0) {
      await Promise.all(open.map(({ minute, item }) => this.pages.append(minute, item)));
      const cursor = (await this.cursor(SCHEDULER)) ?? '';
      open = open.filter(({ minute }) => minute <= cursor).map(({ item }) => ({ minute: nextMinute(cursor), item }));
    }
  }

  /** The minute, or the first one after the cursor as last known when that has closed it. */
  private openFrom(minute: string): string {
    const cursor = this.knownCursor;
    return cursor && minute <= cursor ? nextMinute(cursor) : minute;
  }
}
