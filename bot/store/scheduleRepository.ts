import type { TableClient } from '@azure/data-tables';
import { DateTime } from 'luxon';
import type { PlannedWork, ReminderKind } from '../domain/reminderPlan';
import { ConflictError, isStatus } from './errors';
import { encodeKey } from './tables';

/** A planned piece of work with how far it got: its run state is kept apart from the plan. */
export interface ScheduledWork {
  referralId: string;
  key: string;
  kind: ReminderKind;
  dueAt: string;
  /** Whom a direct message is for (actor id). */
  recipient?: string;
  /** `cancelled` also when it was given up after repeated failures. */
  state: 'pending' | 'done' | 'cancelled';
  /** A worker holds it until then (ISO), or ''. */
  claimedUntil: string;
  attempts: number;
  /** Version of its run record; '' while it has never been claimed. */
  etag: string;
}

/** A planned piece of work as the plan row keeps it. */
interface PlanItem {
  key: string;
  kind: ReminderKind;
  dueAt: string;
  recipient?: string;
}

/** A referral's plan: its items as JSON, and the referral revision it was made from. */
interface PlanEntity {
  partitionKey: string;
  rowKey: string;
  items: string;
  revision?: number;
}

interface RunEntity {
  partitionKey: string;
  rowKey: string;
  state: ScheduledWork['state'];
  claimedUntil: string;
  attempts: number;
}

/** Which minutes of a day (HH:mm) have work, and up to which minute the scheduler is through. */
export interface DayIndex {
  minutes: string[];
  /** A minute (as `minuteOf` writes it), or '' while nothing of the day is closed. */
  closedThrough: string;
  etag: string;
}

/** The name of the scheduler's cursor and lease. */
export const SCHEDULER = 'scheduler';

/** A reference to work in a minute's bucket. */
export interface BucketItem {
  referralId: string;
  key: string;
}

/** Bucket pages stay well inside a property's 64 KiB. */
const PAGE_CHARS = 28_000;
const MAX_ATTEMPTS = 8;

const planPartition = (referralId: string) => `plan~${encodeKey(referralId)}`;
const bucketPartition = (minute: string) => `due~${minute}`;
const dayPartition = (day: string) => `day~${day}`;

/** A short jittered wait before another writer's change is read again. */
function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * (attempt + 1)));
}

const MINUTE_FORMAT = "yyyy-MM-dd'T'HH:mm'Z'";

/** The minute a due time falls in, as its bucket's name (UTC, to the minute). */
export function minuteOf(instant: DateTime): string {
  return instant.toUTC().startOf('minute').toFormat(MINUTE_FORMAT);
}

export function nextMinute(minute: string): string {
  return DateTime.fromFormat(minute, MINUTE_FORMAT, { zone: 'utc' }).plus({ minutes: 1 }).toFormat(MINUTE_FORMAT);
}

/**
 * The index of due work. Every row is read by its keys alone, never by a query: a tick reads
 * the index of the day, the buckets of its minutes that have passed and have work, and then
 * that work, so its cost follows what is due, not how many referrals are open.
 *
 * - `plan~<referral>` / `items`: the referral's current plan (work not in it is cancelled);
 * - `due~<minute>` / `page-<n>`: the work due in that minute (duplicates are harmless);
 * - `day~<yyyy-MM-dd>` / `index`: the minutes of that day with work, and how far it is closed;
 * - `cursor` / `<name>`: the last minute whose bucket a scheduler has worked through;
 * - `lease` / `<name>`: which instance runs the scheduler loop, until when (short, renewed
 *   while it works).
 *
 * How far each piece of work got (claimed, done) is kept in a second table, `runs`, one row
 * per piece that ever ran: the tick writes only there and to the day it closes, never to
 * the rows that grow with the number of open referrals.
 */
export class ScheduleRepository {
  /** `pageChars` is the size of a bucket page (smaller in tests, to see pages fill). */
  constructor(
    private readonly table: TableClient,
    private readonly runs: TableClient,
    private readonly pageChars = PAGE_CHARS,
  ) {}

  /**
   * Makes the referral's stored plan the given one, made from its `revision`: new work is
   * added to the index, work no longer planned is cancelled (by no longer being in the
   * plan), work already done stays done, and work that moved (a direct message waiting for
   * other working hours) is listed in its new minute too. A plan made from an older revision
   * than the stored one is not stored (plans of two changes may be written out of order).
   * The index is written before the plan, so a crash between the two leaves listed work that
   * the next plan of the referral lists again, never planned work that nothing lists. Safe
   * to repeat.
   */
  async replacePlan(referralId: string, plan: readonly PlannedWork[], revision: number): Promise<void> {
    const items: PlanItem[] = plan.map((work) => ({ key: work.key, kind: work.kind, dueAt: work.dueAt.toUTC().toISO()!, recipient: work.recipient }));
    const text = JSON.stringify(items);
    for (let attempt = 0; attempt < 20; attempt++) {
      const stored = await this.getOrNull<PlanEntity>(planPartition(referralId), 'items');
      if (stored && (stored.revision ?? 0) > revision) return;
      if (stored?.items === text && stored.revision === revision) return;
      const previous = new Map((stored ? (JSON.parse(stored.items) as PlanItem[]) : []).map((item) => [item.key, item.dueAt]));
      for (const [i, work] of plan.entries()) {
        if (previous.get(work.key) !== items[i].dueAt) await this.index(referralId, work);
      }
      const entity: PlanEntity = { partitionKey: planPartition(referralId), rowKey: 'items', items: text, revision };
      try {
        if (stored) await this.table.updateEntity(entity, 'Replace', { etag: stored.etag });
        else await this.table.createEntity(entity);
        return;
      } catch (error) {
        // Another plan of the referral was written meanwhile: compare with that one.
        if (!isStatus(error, 409, 412)) throw error;
        await pause(attempt);
      }
    }
    throw new ConflictError(`Plan of referral ${referralId}`);
  }

  /** The work of a referral's current plan under `key`, with its run state; `null` when not planned (cancelled). */
  async work(referralId: string, key: string): Promise<ScheduledWork | null> {
    const item = (await this.planItems(referralId)).find((i) => i.key === key);
    if (!item) return null;
    const run = await this.getOrNull<RunEntity>(planPartition(referralId), encodeKey(key), this.runs);
    return {
      referralId,
      key,
      kind: item.kind,
      dueAt: item.dueAt,
      ...(item.recipient ? { recipient: item.recipient } : {}),
      state: run?.state ?? 'pending',
      claimedUntil: run?.claimedUntil ?? '',
      attempts: run?.attempts ?? 0,
      etag: run?.etag ?? '',
    };
  }

  /** Takes pending work until `until`; `null` when it is done, given up, or another worker holds it. */
  async claim(work: ScheduledWork, now: string, until: string): Promise<ScheduledWork | null> {
    if (work.state !== 'pending' || work.claimedUntil > now) return null;
    return this.updateRun(work, { claimedUntil: until });
  }

  /**
   * Extends a claim the worker still holds to `until` (its holder renews it while the work
   * runs); `null` when the claim was lost: another worker took it after it ran out.
   */
  async renewClaim(work: ScheduledWork, until: string): Promise<ScheduledWork | null> {
    if (work.state !== 'pending' || !work.etag) return null;
    return this.updateRun(work, { claimedUntil: until });
  }

  /** Marks claimed work done (with the claim's version: a worker whose claim ran out loses). */
  async complete(work: ScheduledWork): Promise<boolean> {
    return (await this.updateRun(work, { state: 'done', claimedUntil: '' })) !== null;
  }

  /**
   * Releases claimed work that failed, to run again at `retryAt` (it is listed in that
   * minute); after too many attempts it is given up.
   */
  async retryLater(work: ScheduledWork, retryAt: DateTime): Promise<void> {
    const attempts = work.attempts + 1;
    const updated = await this.updateRun(work, { claimedUntil: '', attempts, state: attempts >= MAX_ATTEMPTS ? 'cancelled' : 'pending' });
    if (updated && updated.state === 'pending') await this.addToBucket(minuteOf(retryAt), { referralId: work.referralId, key: work.key });
  }

  /** Releases claimed work that is not to run before `at` (no failure), and looks at it again then. */
  async postpone(work: ScheduledWork, at: DateTime): Promise<void> {
    if (await this.updateRun(work, { claimedUntil: '' })) await this.addToBucket(minuteOf(at), { referralId: work.referralId, key: work.key });
  }

  /** Looks at work again at `at` (e.g. when another worker's claim on it runs out). */
  async recheckAt(item: BucketItem, at: DateTime): Promise<void> {
    await this.addToBucket(minuteOf(at), item);
  }

  /** The work listed in a minute's bucket, in the order it was added. */
  async bucket(minute: string): Promise<BucketItem[]> {
    const items: BucketItem[] = [];
    for (let index = 0; ; index++) {
      const entity = await this.getOrNull<{ items: string }>(bucketPartition(minute), `page-${index}`);
      if (!entity) return items;
      items.push(...(JSON.parse(entity.items) as BucketItem[]));
    }
  }

  /** A day's index: the minutes (HH:mm) that have work, and up to which minute the scheduler has closed it. */
  async dayIndex(day: string): Promise<DayIndex> {
    const entity = await this.getOrNull<{ minutes: string; closedThrough: string }>(dayPartition(day), 'index');
    return entity ? { minutes: JSON.parse(entity.minutes) as string[], closedThrough: entity.closedThrough, etag: entity.etag } : { minutes: [], closedThrough: '', etag: '' };
  }

  /**
   * Records that the scheduler has worked through the day up to `through` (a minute), unless
   * a minute was added since `index` was read (`false`: read it again). Work due in a closed
   * minute goes to the next open one.
   */
  async closeDay(day: string, through: string, index: DayIndex): Promise<boolean> {
    const entity = { partitionKey: dayPartition(day), rowKey: 'index', minutes: JSON.stringify(index.minutes), closedThrough: through };
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
    return (await this.getOrNull<{ through: string }>('cursor', name))?.through;
  }

  async setCursor(name: string, through: string): Promise<void> {
    await this.table.upsertEntity({ partitionKey: 'cursor', rowKey: name, through }, 'Replace');
  }

  /**
   * Takes or renews the lease called `name` for `holder` until `until`: granted when nobody
   * holds it, it ran out, or `holder` already has it. Two instances never both hold it.
   */
  async acquireLease(name: string, holder: string, now: string, until: string): Promise<boolean> {
    const current = await this.getOrNull<{ holder: string; until: string }>('lease', name);
    try {
      if (!current) {
        await this.table.createEntity({ partitionKey: 'lease', rowKey: name, holder, until });
        return true;
      }
      if (current.holder !== holder && current.until > now) return false;
      await this.table.updateEntity({ partitionKey: 'lease', rowKey: name, holder, until }, 'Replace', { etag: current.etag });
      return true;
    } catch (error) {
      if (isStatus(error, 409, 412)) return false;
      throw error;
    }
  }

  private async planItems(referralId: string): Promise<PlanItem[]> {
    const entity = await this.getOrNull<PlanEntity>(planPartition(referralId), 'items');
    return entity ? (JSON.parse(entity.items) as PlanItem[]) : [];
  }

  /** Lists planned work in the minute it is due, or the next one the scheduler will read. */
  private async index(referralId: string, work: PlannedWork): Promise<void> {
    // Work due in a minute the scheduler has already passed goes into the next one it will read.
    const cursor = await this.cursor(SCHEDULER);
    const due = minuteOf(work.dueAt);
    await this.addToBucket(cursor && due <= cursor ? nextMinute(cursor) : due, { referralId, key: work.key });
  }

  /** Writes a run record under its version (creating it on the first claim); `null` when someone else changed it. */
  private async updateRun(work: ScheduledWork, change: Partial<Pick<ScheduledWork, 'state' | 'claimedUntil' | 'attempts'>>): Promise<ScheduledWork | null> {
    const entity: RunEntity = {
      partitionKey: planPartition(work.referralId),
      rowKey: encodeKey(work.key),
      state: change.state ?? work.state,
      claimedUntil: change.claimedUntil ?? work.claimedUntil,
      attempts: change.attempts ?? work.attempts,
    };
    try {
      const result = work.etag ? await this.runs.updateEntity(entity, 'Replace', { etag: work.etag }) : await this.runs.createEntity(entity);
      return { ...work, ...change, etag: result.etag ?? '' };
    } catch (error) {
      if (isStatus(error, 404, 409, 412)) return null;
      throw error;
    }
  }

  /**
   * Lists the item in the minute's bucket and the minute in its day's index. When the
   * scheduler has already closed that minute, the item moves on to the next open one (it may
   * stay behind in the closed bucket too: work runs once whatever lists it).
   */
  private async addToBucket(first: string, item: BucketItem): Promise<void> {
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
          await this.table.updateEntity({ partitionKey: bucketPartition(minute), rowKey: `page-${page.index}`, items: text }, 'Replace', { etag: page.entity.etag });
        } else {
          await this.table.createEntity({ partitionKey: bucketPartition(minute), rowKey: `page-${page ? page.index + 1 : 0}`, items: JSON.stringify([item]) });
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
      const entity = await this.getOrNull<{ items: string }>(bucketPartition(minute), `page-${index}`);
      if (!entity) return last;
      last = { index, entity };
    }
  }

  private async getOrNull<T extends object>(partitionKey: string, rowKey: string, table = this.table): Promise<(T & { etag: string }) | null> {
    try {
      return await table.getEntity<T>(partitionKey, rowKey);
    } catch (error) {
      if (isStatus(error, 404)) return null;
      throw error;
    }
  }
}
