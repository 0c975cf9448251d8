import { DateTime } from 'luxon';
import { Scheduler } from '../bot/jobs';
import { quietLogger } from '../bot/log';
import { startEmbeddedTables, minuteOf, nextMinute, SCHEDULER, ScheduleRepository, tableStorage } from '../bot/store';

/**
 * Scheduler tick time against the number of open referrals. Each open referral has its
 * plan (six pieces of work over the next 14 days) in the index; every round, the same
 * number of pieces is due. The index is read by key only, so the tick should cost the same
 * with 1,000 or 100,000 open referrals (target: ratio at most 1.2).
 */

const WORK_PER_REFERRAL = 6;
const DUE_PER_TICK = 50;
const ROUNDS = 7;
const NOW = DateTime.fromISO('2026-11-23T09:00:00.000Z', { zone: 'utc' });

interface Result {
  referrals: number;
  plannedWork: number;
  medianMs: number;
  worstMs: number;
}

async function measure(referrals: number): Promise<Result> {
  const embedded = await startEmbeddedTables({});
  try {
    const storage = tableStorage(embedded.connectionString, `bench${referrals}`);
    await storage.ensureTables();
    const table = storage.client('schedule');
    const schedule = new ScheduleRepository(table, storage.client('scheduleRuns'));
    await fillIndex(table, referrals);

    let clock = NOW;
    const scheduler = new Scheduler(
      { schedule, clock: () => clock, log: quietLogger, run: async () => 'done' },
      { instanceId: 'bench' },
    );
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const dueAt = clock.plus({ minutes: 1 });
      await schedule.setCursor(SCHEDULER, minuteOf(clock));
      for (let i = 0; i < DUE_PER_TICK; i++) {
        await schedule.replacePlan(`due-${round}-${i}`, [{ kind: 'expire', key: `expire:${round}`, dueAt }], 1);
      }
      clock = dueAt.plus({ minutes: 1, seconds: 1 });
      const started = process.hrtime.bigint();
      const ran = await scheduler.tick();
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (ran !== DUE_PER_TICK) throw new Error(`round ${round}: ran ${ran}, expected ${DUE_PER_TICK}`);
    }
    times.sort((a, b) => a - b);
    return {
      referrals,
      plannedWork: referrals * WORK_PER_REFERRAL,
      medianMs: times[Math.floor(times.length / 2)],
      worstMs: times.at(-1)!,
    };
  } finally {
    await embedded.stop();
  }
}

/**
 * Writes the index as planning would leave it for `referrals` open referrals, in bulk:
 * their plans, the minute buckets listing their work, and the marks of those minutes and their hours.
 */
async function fillIndex(
  table: ReturnType<ReturnType<typeof tableStorage>['client']>,
  referrals: number,
): Promise<void> {
  const buckets = new Map<string, { referralId: string; key: string }[]>();
  const pending: Promise<unknown>[] = [];
  for (let r = 0; r < referrals; r++) {
    const referralId = `open-${r}`;
    const items = Array.from({ length: WORK_PER_REFERRAL }, (_, k) => {
      // Spread over the 14 days after tomorrow, so none of it is due during the rounds.
      const dueAt = NOW.plus({ days: 1, minutes: ((r * WORK_PER_REFERRAL + k) * 7) % (14 * 24 * 60) });
      const key = `work-${k}`;
      const minute = minuteOf(dueAt);
      buckets.set(minute, [...(buckets.get(minute) ?? []), { referralId, key }]);
      return { key, kind: 'deadlineReminder', dueAt: dueAt.toISO() };
    });
    pending.push(
      table.createEntity({ partitionKey: `plan~${referralId}`, rowKey: 'items', items: JSON.stringify(items) }),
    );
    if (pending.length >= 32) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending.splice(0));
  /** Per hour (`<day>T<HH>`), its marks: a property `m<mm>` per minute with work. */
  const hours = new Map<string, Record<string, boolean>>();
  for (const [minute, items] of buckets) {
    pending.push(table.createEntity({ partitionKey: `due~${minute}`, rowKey: 'page-0', items: JSON.stringify(items) }));
    hours.set(minute.slice(0, 13), { ...hours.get(minute.slice(0, 13)), [`m${minute.slice(14, 16)}`]: true });
    if (pending.length >= 32) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending.splice(0));
  /** Per day, its marks: a property `h<HH>` per hour with work. */
  const days = new Map<string, Record<string, boolean>>();
  for (const [hour, marks] of hours) {
    const day = hour.slice(0, 10);
    pending.push(table.createEntity({ partitionKey: `minutes~${day}`, rowKey: hour.slice(11), ...marks }));
    days.set(day, { ...days.get(day), [`h${hour.slice(11)}`]: true });
    if (pending.length >= 32) await Promise.all(pending.splice(0));
  }
  for (const [day, marks] of days)
    pending.push(table.createEntity({ partitionKey: `minutes~${day}`, rowKey: 'hours', ...marks }));
  await Promise.all(pending.splice(0));
  // Sanity: the first bucket's minute follows the cursor's format.
  if (!buckets.has(nextMinute(minuteOf(NOW.plus({ days: 1 }).minus({ minutes: 1 })))))
    throw new Error('bucket names do not match minuteOf');
}

export async function schedulerBenchmark(): Promise<void> {
  const sizes = [1_000, 100_000];
  const results: Result[] = [];
  for (const size of sizes) {
    const started = Date.now();
    results.push(await measure(size));
    console.log(
      `  filled and measured ${size.toLocaleString('en')} open referrals in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
  }
  console.log(`\nScheduler tick, ${DUE_PER_TICK} pieces of work due per tick, median of ${ROUNDS} ticks:`);
  console.log('  open referrals   planned work   median ms   worst ms');
  for (const r of results) {
    console.log(
      `  ${r.referrals.toLocaleString('en').padStart(14)}   ${r.plannedWork.toLocaleString('en').padStart(12)}   ${r.medianMs.toFixed(1).padStart(10)}   ${r.worstMs.toFixed(1).padStart(8)}`,
    );
  }
  const ratio = results[1].medianMs / results[0].medianMs;
  console.log(
    `  ratio ${sizes[1].toLocaleString('en')} / ${sizes[0].toLocaleString('en')}: ${ratio.toFixed(2)} (target at most 1.2)`,
  );
}
