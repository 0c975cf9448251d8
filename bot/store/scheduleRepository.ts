import type { TableClient } from '@azure/data-tables';
import type { DateTime } from 'luxon';
import type { PlannedWork } from '../domain/reminderPlan';
import { DueIndex } from './dueIndex';
import { ConflictError, isStatus } from './errors';
import {
  getOrNull,
  minuteOf,
  pause,
  planPartition,
  type BucketItem,
  type PlanEntity,
  type PlanItem,
  type ScheduledWork,
} from './scheduleKeys';
import { WorkRuns } from './workRuns';

export { minuteOf, nextMinute, SCHEDULER, type BucketItem, type ScheduledWork } from './scheduleKeys';

/** Bucket pages stay well inside a property's 64 KiB. */
const PAGE_CHARS = 28_000;
const MAX_ATTEMPTS = 8;

/**
 * The index of due work. Every row is read by its keys alone, never by a query: a tick reads
 * the marks of the minutes that have passed, the buckets of those with work, and then that
 * work, so its cost follows what is due, not how many referrals are open. Listing work reads
 * nothing but the scheduler's cursor (see DueIndex).
 *
 * - `plan~<referral>` / `items`: the referral's current plan (work not in it is cancelled);
 * - `due~<minute>` / `page-<n>`: the work due in that minute (duplicates are harmless);
 * - `minutes~<yyyy-MM-dd>` / `<HH>` and `hours`: a property `m<mm>` for each minute of that
 *   hour with work, and `h<HH>` for each hour of that day with work;
 * - `day~<yyyy-MM-dd>` / `index`: the minutes of that day with work, as the earlier format
 *   kept them (read, never written);
 * - `cursor` / `<name>`: the last minute a scheduler has worked through (and closed);
 * - `lease` / `<name>`: which instance runs the scheduler loop, until when (short, renewed
 *   while it works).
 *
 * How far each piece of work got (claimed, done) is kept in a second table, `runs`, one row
 * per piece that ever ran: the tick writes only there and to the cursor, never to the rows
 * that grow with the number of open referrals.
 */
export class ScheduleRepository {
  private readonly due: DueIndex;
  private readonly runs: WorkRuns;

  /** `pageChars` is the size of a bucket page (smaller in tests, to see pages fill). */
  constructor(
    private readonly table: TableClient,
    runs: TableClient,
    pageChars = PAGE_CHARS,
  ) {
    this.due = new DueIndex(table, pageChars);
    this.runs = new WorkRuns(runs);
  }

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
    const items: PlanItem[] = plan.map((work) => ({
      key: work.key,
      kind: work.kind,
      dueAt: work.dueAt.toUTC().toISO()!,
      recipient: work.recipient,
    }));
    const text = JSON.stringify(items);
    for (let attempt = 0; attempt < 20; attempt++) {
      const stored = await getOrNull<PlanEntity>(this.table, planPartition(referralId), 'items');
      if (stored && (stored.revision ?? 0) > revision) return;
      if (stored?.items === text && stored.revision === revision) return;
      const previous = new Map(
        (stored ? (JSON.parse(stored.items) as PlanItem[]) : []).map((item) => [item.key, item.dueAt]),
      );
      await this.due.list(
        referralId,
        plan.filter((work, i) => previous.get(work.key) !== items[i].dueAt),
      );
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
    const run = await this.runs.read(referralId, key);
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
    return this.runs.update(work, { claimedUntil: until });
  }

  /**
   * Extends a claim the worker still holds to `until` (its holder renews it while the work
   * runs); `null` when the claim was lost: another worker took it after it ran out.
   */
  async renewClaim(work: ScheduledWork, until: string): Promise<ScheduledWork | null> {
    if (work.state !== 'pending' || !work.etag) return null;
    return this.runs.update(work, { claimedUntil: until });
  }

  /** Marks claimed work done (with the claim's version: a worker whose claim ran out loses). */
  async complete(work: ScheduledWork): Promise<boolean> {
    return (await this.runs.update(work, { state: 'done', claimedUntil: '' })) !== null;
  }

  /**
   * Releases claimed work that failed, to run again at `retryAt` (it is listed in that
   * minute); after too many attempts it is given up.
   */
  async retryLater(work: ScheduledWork, retryAt: DateTime): Promise<void> {
    const attempts = work.attempts + 1;
    const updated = await this.runs.update(work, {
      claimedUntil: '',
      attempts,
      state: attempts >= MAX_ATTEMPTS ? 'cancelled' : 'pending',
    });
    if (updated && updated.state === 'pending')
      await this.due.add(minuteOf(retryAt), { referralId: work.referralId, key: work.key });
  }

  /** Releases claimed work that is not to run before `at` (no failure), and looks at it again then. */
  async postpone(work: ScheduledWork, at: DateTime): Promise<void> {
    if (await this.runs.update(work, { claimedUntil: '' }))
      await this.due.add(minuteOf(at), { referralId: work.referralId, key: work.key });
  }

  /** Looks at work again at `at` (e.g. when another worker's claim on it runs out). */
  async recheckAt(item: BucketItem, at: DateTime): Promise<void> {
    await this.due.add(minuteOf(at), item);
  }

  /** The work listed in a minute's bucket, in the order it was added. */
  async bucket(minute: string): Promise<BucketItem[]> {
    return this.due.bucket(minute);
  }

  /** The minutes of `day` after `after` up to `through` (on that day) that have work, in order. */
  async minutesWithWork(day: string, after: string, through: string): Promise<string[]> {
    return this.due.minutesWithWork(day, after, through);
  }

  async cursor(name: string): Promise<string | undefined> {
    return this.due.cursor(name);
  }

  /**
   * Moves the cursor called `name` to `through` (a minute). The scheduler's closes the minutes
   * up to it: work listed in one of them from then on goes to the minute after it.
   */
  async setCursor(name: string, through: string): Promise<void> {
    await this.due.setCursor(name, through);
  }

  /**
   * Takes or renews the lease called `name` for `holder` until `until`: granted when nobody
   * holds it, it ran out, or `holder` already has it. Two instances never both hold it.
   */
  async acquireLease(name: string, holder: string, now: string, until: string): Promise<boolean> {
    const current = await getOrNull<{ holder: string; until: string }>(this.table, 'lease', name);
    try {
      if (!current) {
        await this.table.createEntity({ partitionKey: 'lease', rowKey: name, holder, until });
        return true;
      }
      if (current.holder !== holder && current.until > now) return false;
      await this.table.updateEntity({ partitionKey: 'lease', rowKey: name, holder, until }, 'Replace', {
        etag: current.etag,
      });
      return true;
    } catch (error) {
      if (isStatus(error, 409, 412)) return false;
      throw error;
    }
  }

  private async planItems(referralId: string): Promise<PlanItem[]> {
    const entity = await getOrNull<PlanEntity>(this.table, planPartition(referralId), 'items');
    return entity ? (JSON.parse(entity.items) as PlanItem[]) : [];
  }
}
