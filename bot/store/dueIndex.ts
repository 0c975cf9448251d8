/**
 * The index of due work by minute: each minute's bucket of work (in pages), each day's list
 * of minutes with work and how far the scheduler has closed it, and the scheduler's cursor.
 * Every row is read by its keys alone.
 */
import type { TableClient } from '@azure/data-tables';
import type { PlannedWork } from '../domain/reminderPlan';
import { ConflictError, isStatus } from './errors';
import {
  bucketPartition,
  dayPartition,
  getOrNull,
  minuteOf,
  nextMinute,
  pause,
  SCHEDULER,
  type BucketItem,
  type DayIndex,
} from './scheduleKeys';

/** Where work due in a minute is listed, and how far the scheduler is through the days. */
export class DueIndex {
  /** `pageChars` is the size of a bucket page. */
  constructor(
    private readonly table: TableClient,
    private readonly pageChars: number,
  ) {}

  /** The work listed in a minute's bucket, in the order it was added. */
  async bucket(minute: string): Promise<BucketItem[]> {
    const items: BucketItem[] = [];
    for (let index = 0; ; index++) {
      const entity = await getOrNull<{ items: string }>(this.table, bucketPartition(minute), `page-${index}`);
      if (!entity) return items;
      items.push(...(JSON.parse(entity.items) as BucketItem[]));
    }
  }

  /** A day's index: the minutes (HH:mm) that have work, and up to which minute the scheduler has closed it. */
  async dayIndex(day: string): Promise<DayIndex> {
    const entity = await getOrNull<{ minutes: string; closedThrough: string }>(this.table, dayPartition(day), 'index');
    return entity
      ? { minutes: JSON.parse(entity.minutes) as string[], closedThrough: entity.closedThrough, etag: entity.etag }
      : { minutes: [], closedThrough: '', etag: '' };
  }

  /** Records that the day is worked through up to `through`, unless its index changed since `index` was read. */
  async closeDay(day: string, through: string, index: DayIndex): Promise<boolean> {
    const entity = {
      partitionKey: dayPartition(day),
      rowKey: 'index',
      minutes: JSON.stringify(index.minutes),
      closedThrough: through,
    };
    try {
      if (index.etag) await this.table.updateEntity(entity, 'Replace', { etag: index.etag });
      else await this.table.createEntity(entity);
      return true;
    } catch (error) {
      if (isStatus(error, 409, 412)) return false;
      throw error;
    }
  }

  async cursor(name: string): Promise<string | undefined> {
    return (await getOrNull<{ through: string }>(this.table, 'cursor', name))?.through;
  }

  async setCursor(name: string, through: string): Promise<void> {
    await this.table.upsertEntity({ partitionKey: 'cursor', rowKey: name, through }, 'Replace');
  }

  /**
   * Lists planned work of a referral, each in the minute it is due, or the next one the scheduler
   * will read. One after the other: works due in the same minute share its bucket and day.
   */
  async list(referralId: string, works: readonly PlannedWork[]): Promise<void> {
    if (works.length === 0) return;
    // Work due in a minute the scheduler has already passed goes into the next one it will read
    // (and should the scheduler pass the minute meanwhile, `add` moves it on).
    const cursor = await this.cursor(SCHEDULER);
    for (const work of works) {
      const due = minuteOf(work.dueAt);
      await this.add(cursor && due <= cursor ? nextMinute(cursor) : due, { referralId, key: work.key });
    }
  }

  /**
   * Lists the item in the minute's bucket and the minute in its day's index. When the
   * scheduler has already closed that minute, the item moves on to the next open one (it may
   * stay behind in the closed bucket too: work runs once whatever lists it).
   */
  async add(first: string, item: BucketItem): Promise<void> {
    let minute = first;
    for (;;) {
      await this.appendToPage(minute, item);
      const closedThrough = await this.registerMinute(minute);
      if (!closedThrough) return;
      minute = nextMinute(closedThrough);
    }
  }

  /** Adds the minute to its day's index; returns where the day is closed when that already covers it. */
  private async registerMinute(minute: string): Promise<string | undefined> {
    const day = minute.slice(0, 10);
    const time = minute.slice(11, 16);
    for (let attempt = 0; attempt < 20; attempt++) {
      const index = await this.dayIndex(day);
      if (index.closedThrough >= minute) return index.closedThrough;
      if (index.minutes.includes(time)) return undefined;
      const minutes = [...index.minutes, time].sort();
      if (await this.closeDay(day, index.closedThrough, { ...index, minutes })) return undefined;
      await pause(attempt);
    }
    throw new ConflictError(`Schedule day ${day}`);
  }

  /** Appends to the minute's last page under its ETag, opening a new page when it is full. */
  private async appendToPage(minute: string, item: BucketItem): Promise<void> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const page = await this.lastPage(minute);
      const items = page ? (JSON.parse(page.entity.items) as BucketItem[]) : [];
      const text = JSON.stringify([...items, item]);
      try {
        if (page && text.length <= this.pageChars) {
          await this.table.updateEntity(
            { partitionKey: bucketPartition(minute), rowKey: `page-${page.index}`, items: text },
            'Replace',
            { etag: page.entity.etag },
          );
        } else {
          await this.table.createEntity({
            partitionKey: bucketPartition(minute),
            rowKey: `page-${page ? page.index + 1 : 0}`,
            items: JSON.stringify([item]),
          });
        }
        return;
      } catch (error) {
        // Another writer was faster: read the page again.
        if (!isStatus(error, 409, 412)) throw error;
        await pause(attempt);
      }
    }
    throw new ConflictError(`Schedule bucket ${minute}`);
  }

  private async lastPage(minute: string): Promise<{ index: number; entity: { items: string; etag: string } } | null> {
    let last: { index: number; entity: { items: string; etag: string } } | null = null;
    for (let index = 0; ; index++) {
      const entity = await getOrNull<{ items: string }>(this.table, bucketPartition(minute), `page-${index}`);
      if (!entity) return last;
      last = { index, entity };
    }
  }
}
