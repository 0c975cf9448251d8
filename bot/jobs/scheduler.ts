import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Logger } from '../log';
import { Heartbeat, type Repeat } from './heartbeat';
import {
  minuteOf,
  nextMinute,
  SCHEDULER,
  type BucketItem,
  type ScheduleRepository,
  type ScheduledWork,
} from '../store';

/**
 * What running a piece of work came to: done for good, to be tried again later (a failure,
 * counted), or not yet (e.g. its recipient's working hours begin later), to be run then.
 */
export type WorkResult = 'done' | 'retry' | { notBefore: DateTime };
export type WorkRunner = (work: ScheduledWork, now: DateTime) => Promise<WorkResult>;

export interface SchedulerOptions {
  /** Identifies this instance in the lease (defaults to a random id). */
  instanceId?: string;
  /**
   * How long the lease lasts without being renewed: how long a dead instance keeps the others
   * waiting. Its holder renews it every third of that while it works.
   */
  leaseMs?: number;
  /** How long one piece of work is reserved for the instance running it, renewed the same way while it runs. */
  claimMs?: number;
  /** Wait before a failed piece of work is tried again. */
  retryMs?: number;
  /** Days worked through per tick at most, so a tick after long downtime stays short. */
  maxDaysPerTick?: number;
  /** The timer that renews the lease and claims while a piece of work takes long (defaults to a real interval). */
  repeat?: Repeat;
}

/** The lease was taken over by another instance during a pass: the pass stops where it is. */
class LeaseLost extends Error {}

/**
 * Runs scheduled work once it is due, exactly once across instances and restarts. One
 * instance at a time holds a short lease, renewed while it works, and works through the past
 * minutes that have work, in order, day by day, then the work already due in the current
 * minute; every piece of work is claimed with its ETag before it runs and marked done after,
 * and the minutes a day's pass closed (by moving the cursor) are read once more after, so
 * nothing added late is skipped.
 */
export class Scheduler {
  private readonly instanceId: string;
  private readonly leaseMs: number;
  private readonly claimMs: number;
  private readonly retryMs: number;
  private readonly maxDays: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  /** How much the pass running has done. */
  private ran = 0;

  constructor(
    private readonly deps: { schedule: ScheduleRepository; clock: () => DateTime; log: Logger; run: WorkRunner },
    private readonly options: SchedulerOptions = {},
  ) {
    this.instanceId = options.instanceId ?? randomUUID();
    this.leaseMs = options.leaseMs ?? 15_000;
    this.claimMs = options.claimMs ?? 15_000;
    this.retryMs = options.retryMs ?? 60_000;
    this.maxDays = options.maxDaysPerTick ?? 31;
  }

  /**
   * Ticks once now, then every `intervalMs` until stopped. Work is due on the minute (a
   * digest at 09:00, a reminder at 14:30): when the interval divides a minute, the ticks
   * keep in step with the minutes, each interval starting just after a minute begins, so
   * such work runs a moment after it falls due rather than up to a whole interval later.
   */
  start(intervalMs: number): void {
    const tick = () => void this.tick().catch((error: unknown) => this.deps.log.error('scheduler tick failed', error));
    const repeat = () => {
      this.timer = setInterval(tick, intervalMs);
      this.timer.unref();
    };
    tick();
    if (60_000 % intervalMs !== 0) return repeat();
    this.timer = setTimeout(
      () => {
        tick();
        repeat();
      },
      untilMinuteTick(this.deps.clock()) % intervalMs,
    );
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

  /**
   * One pass: the work due in every minute that has passed since the last one, then the work
   * due by now in the current minute. Returns how much ran.
   */
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
    if (!(await schedule.cursor(SCHEDULER)))
      await schedule.setCursor(SCHEDULER, minuteOf(clock().minus({ minutes: 1 })));
  }

  private async pass(): Promise<number> {
    const { schedule, clock, log } = this.deps;
    const now = clock();
    const takeLease = (at: DateTime, until: DateTime) =>
      schedule.acquireLease(SCHEDULER, this.instanceId, iso(at), iso(until));
    if (!(await takeLease(now, now.plus({ milliseconds: this.leaseMs })))) return 0;
    const lease = new Heartbeat(takeLease, { clock, leaseMs: this.leaseMs, repeat: this.options.repeat }, now).start();
    this.ran = 0;
    try {
      await this.workThrough(now, lease);
    } catch (error) {
      if (!(error instanceof LeaseLost)) throw error;
      log.info('scheduler lease taken over by another instance: this pass stops');
    } finally {
      await lease.stop();
    }
    return this.ran;
  }

  private async workThrough(now: DateTime, lease: Heartbeat): Promise<void> {
    const { schedule } = this.deps;
    await this.initialize();
    const target = minuteOf(now.minus({ minutes: 1 }));
    let cursor = (await schedule.cursor(SCHEDULER))!;
    for (let days = 0; cursor < target && days < this.maxDays; days++) {
      const day = nextMinute(cursor).slice(0, 10);
      const through = target.slice(0, 10) === day ? target : `${day}T23:59Z`;
      await this.workThroughDay(day, cursor, through, lease);
      cursor = through;
    }
    // Caught up: the current minute's work due by now runs too. The minute stays open (the
    // cursor stays before it), so what falls due later in it runs at a later tick.
    if (cursor < target) return;
    for (const item of await schedule.bucket(nextMinute(target))) await this.runOne(item, lease, 'dueByNow');
  }

  /**
   * Runs the work of a day's minutes after `after` up to `through`, then moves the cursor
   * there, which closes them: work listed in them from then on goes to a later minute. Work
   * listed in them before that but after they were read is found by reading them once more.
   */
  private async workThroughDay(day: string, after: string, through: string, lease: Heartbeat): Promise<void> {
    const { schedule } = this.deps;
    /** The work already looked at, by minute (work listed twice in a minute runs once). */
    const seen = new Set<string>();
    const runNewIn = async (minute: string) => {
      for (const item of await schedule.bucket(minute)) {
        const id = JSON.stringify([minute, item.referralId, item.key]);
        if (seen.has(id)) continue;
        seen.add(id);
        await this.runOne(item, lease, 'overMinute');
      }
    };
    for (const minute of await schedule.minutesWithWork(day, after, through)) await runNewIn(minute);
    await this.stillHolding(lease);
    await schedule.setCursor(SCHEDULER, through);
    for (const minute of await schedule.minutesWithWork(day, after, through)) await runNewIn(minute);
  }

  /**
   * Runs one listed piece of work if it is due and nobody else holds it. Of a minute that is
   * over, work that cannot run now is looked at again later; of the current minute, it is
   * left where it is listed, to be read again when the minute is over.
   */
  private async runOne(item: BucketItem, lease: Heartbeat, minute: 'overMinute' | 'dueByNow'): Promise<void> {
    const { schedule, clock, log } = this.deps;
    await this.stillHolding(lease);
    const work = await schedule.work(item.referralId, item.key);
    if (!work || work.state !== 'pending') return;
    const now = clock();
    const nowIso = iso(now);
    if (work.dueAt > nowIso || work.claimedUntil > nowIso) {
      // Not due yet (moved later), or another instance is on it: look again then.
      if (minute === 'overMinute') await schedule.recheckAt(item, laterOf(work, now));
      return;
    }
    const claimed = await schedule.claim(work, nowIso, iso(now.plus({ milliseconds: this.claimMs })));
    if (!claimed) return;
    let held = claimed;
    const claim = new Heartbeat(
      async (_at, until) => {
        const renewed = await schedule.renewClaim(held, iso(until));
        if (renewed) held = renewed;
        return renewed !== null;
      },
      { clock, leaseMs: this.claimMs, repeat: this.options.repeat },
      now,
    ).start();
    let result: WorkResult = 'retry';
    try {
      result = await this.deps.run(claimed, now);
    } catch (error) {
      log.error(`scheduled ${work.kind} of referral ${work.referralId} failed`, error);
    } finally {
      await claim.stop();
    }
    if (result === 'done') {
      if (await schedule.complete(held)) this.ran++;
    } else if (result !== 'retry') {
      await schedule.postpone(held, result.notBefore);
    } else {
      await schedule.retryLater(held, clock().plus({ milliseconds: this.retryMs }));
    }
  }

  /** Renews the lease when it is time; stops the pass when another instance has taken it. */
  private async stillHolding(lease: Heartbeat): Promise<void> {
    if (!(await lease.beat())) throw new LeaseLost();
  }
}

/** How far past the start of a minute the ticks fall: work due on the minute is due by then, even with a clock a little behind. */
export const MINUTE_TICK_OFFSET_MS = 1_000;

/** The wait from `now` until the next tick in step with the minutes: just after the next minute begins (or this one, if that is still ahead). */
export function untilMinuteTick(now: DateTime): number {
  const intoMinute = now.toMillis() % 60_000;
  return intoMinute < MINUTE_TICK_OFFSET_MS
    ? MINUTE_TICK_OFFSET_MS - intoMinute
    : 60_000 - intoMinute + MINUTE_TICK_OFFSET_MS;
}

function iso(instant: DateTime): string {
  return instant.toUTC().toISO()!;
}

/** When work that cannot run now is worth looking at again: when it is due, or when its claim runs out. */
function laterOf(work: ScheduledWork, now: DateTime): DateTime {
  return DateTime.fromISO(work.dueAt > iso(now) ? work.dueAt : work.claimedUntil, { zone: 'utc' });
}
