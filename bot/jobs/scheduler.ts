import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Logger } from '../log';
import { minuteOf, nextMinute, SCHEDULER, type BucketItem, type ScheduleRepository, type ScheduledWork } from '../store/scheduleRepository';

/**
 * What running a piece of work came to: done for good, to be tried again later (a failure,
 * counted), or not yet (e.g. its recipient's working hours begin later), to be run then.
 */
export type WorkResult = 'done' | 'retry' | { notBefore: DateTime };
export type WorkRunner = (work: ScheduledWork, now: DateTime) => Promise<WorkResult>;

export interface SchedulerOptions {
  /** Identifies this instance in the lease (defaults to a random id). */
  instanceId?: string;
  /** How long the lease lasts without being renewed; longer than a tick takes. */
  leaseMs?: number;
  /** How long one piece of work is reserved for the instance running it. */
  claimMs?: number;
  /** Wait before a failed piece of work is tried again. */
  retryMs?: number;
  /** Days worked through per tick at most, so a tick after long downtime stays short. */
  maxDaysPerTick?: number;
}

/**
 * Runs scheduled work once it is due, exactly once across instances and restarts. One
 * instance at a time holds the lease and works through the past minutes that have work, in
 * order, day by day; every piece of work is claimed with its ETag before it runs and marked
 * done after, and a day is closed before the cursor moves past it, so nothing added late
 * is skipped.
 */
export class Scheduler {
  private readonly instanceId: string;
  private readonly leaseMs: number;
  private readonly claimMs: number;
  private readonly retryMs: number;
  private readonly maxDays: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly deps: { schedule: ScheduleRepository; clock: () => DateTime; log: Logger; run: WorkRunner },
    options: SchedulerOptions = {},
  ) {
    this.instanceId = options.instanceId ?? randomUUID();
    this.leaseMs = options.leaseMs ?? 120_000;
    this.claimMs = options.claimMs ?? 120_000;
    this.retryMs = options.retryMs ?? 60_000;
    this.maxDays = options.maxDaysPerTick ?? 31;
  }

  /** Ticks every `intervalMs` (and once now) until stopped. */
  start(intervalMs: number): void {
    const tick = () => void this.tick().catch((error: unknown) => this.deps.log.error('scheduler tick failed', error));
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.whenIdle();
  }

  /** Resolves when no pass is running. */
  async whenIdle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** One pass: the work due in every minute that has passed since the last one. Returns how much ran. */
  tick(): Promise<number> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /**
   * Sets the cursor on the very first start anywhere, before any work is planned: work due
   * earlier than it is put in the first minute after it.
   */
  async initialize(): Promise<void> {
    const { schedule, clock } = this.deps;
    if (!(await schedule.cursor(SCHEDULER))) await schedule.setCursor(SCHEDULER, minuteOf(clock().minus({ minutes: 1 })));
  }

  private async pass(): Promise<number> {
    const { schedule, clock } = this.deps;
    const now = clock();
    if (!(await schedule.acquireLease(SCHEDULER, this.instanceId, iso(now), iso(now.plus({ milliseconds: this.leaseMs }))))) return 0;
    await this.initialize();
    // Only minutes that are over: work due later in this one waits for the next tick.
    const target = minuteOf(now.minus({ minutes: 1 }));
    let cursor = (await schedule.cursor(SCHEDULER))!;
    let ran = 0;
    for (let days = 0; cursor < target && days < this.maxDays; days++) {
      const day = nextMinute(cursor).slice(0, 10);
      const through = target.slice(0, 10) === day ? target : `${day}T23:59Z`;
      ran += await this.workThroughDay(day, cursor, through, now);
      cursor = through;
      await schedule.setCursor(SCHEDULER, cursor);
    }
    return ran;
  }

  /**
   * Runs the work of a day's minutes after `after` up to `through`, then closes the day that
   * far; a minute added meanwhile makes it look again. Work added to a minute while its
   * bucket was being read is listed there alone, so once the day is closed (from then on
   * added work goes to the next open minute) the buckets are read once more for it.
   */
  private async workThroughDay(day: string, after: string, through: string, now: DateTime): Promise<number> {
    let ran = 0;
    /** Per minute, how many of its bucket's items (in the order they were added) have been run. */
    const seen = new Map<string, number>();
    const runNewIn = async (minute: string) => {
      const items = await this.deps.schedule.bucket(minute);
      for (const item of items.slice(seen.get(minute) ?? 0)) ran += await this.runOne(item, now);
      seen.set(minute, items.length);
    };
    for (;;) {
      const index = await this.deps.schedule.dayIndex(day);
      const minutes = index.minutes.map((time) => `${day}T${time}Z`).filter((minute) => minute > after && minute <= through);
      for (const minute of minutes) await runNewIn(minute);
      if (await this.deps.schedule.closeDay(day, through, index)) break;
    }
    for (const minute of [...seen.keys()]) await runNewIn(minute);
    return ran;
  }

  private async runOne(item: BucketItem, now: DateTime): Promise<number> {
    const { schedule, log } = this.deps;
    const work = await schedule.work(item.referralId, item.key);
    if (!work || work.state !== 'pending') return 0;
    const nowIso = iso(now);
    if (work.dueAt > nowIso || work.claimedUntil > nowIso) {
      // Not due yet (moved later), or another instance is on it: look again then.
      await schedule.recheckAt(item, laterOf(work, now));
      return 0;
    }
    const claimed = await schedule.claim(work, nowIso, iso(now.plus({ milliseconds: this.claimMs })));
    if (!claimed) return 0;
    try {
      const result = await this.deps.run(claimed, now);
      if (result === 'done') {
        await schedule.complete(claimed);
        return 1;
      }
      if (result !== 'retry') {
        await schedule.postpone(claimed, result.notBefore);
        return 0;
      }
    } catch (error) {
      log.error(`scheduled ${work.kind} of referral ${work.referralId} failed`, error);
    }
    await schedule.retryLater(claimed, now.plus({ milliseconds: this.retryMs }));
    return 0;
  }
}

function iso(instant: DateTime): string {
  return instant.toUTC().toISO()!;
}

/** When work that cannot run now is worth looking at again: when it is due, or when its claim runs out. */
function laterOf(work: ScheduledWork, now: DateTime): DateTime {
  return DateTime.fromISO(work.dueAt > iso(now) ? work.dueAt : work.claimedUntil, { zone: 'utc' });
}
