import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { PlannedWork } from '../../bot/domain/reminderPlan';
import { minuteOf, SCHEDULER, ScheduleRepository } from '../../bot/store/scheduleRepository';
import { freshStorage } from '../support/rootHooks';

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const work = (key: string, due: string): PlannedWork => ({ kind: 'deadlineReminder', key, dueAt: at(due) });

describe('store: ScheduleRepository', () => {
  let schedule: ScheduleRepository;

  beforeEach(async () => {
    const { storage } = await freshStorage();
    schedule = new ScheduleRepository(storage.client('schedule'), storage.client('scheduleRuns'));
  });

  it('indexes planned work by the minute it is due', async () => {
    await schedule.replacePlan(
      'r-1',
      [work('a', '2026-11-24T04:00:30.000Z'), work('b', '2026-11-25T08:00:00.000Z')],
      1,
    );
    assert.deepEqual(await schedule.bucket('2026-11-24T04:00Z'), [{ referralId: 'r-1', key: 'a' }]);
    assert.deepEqual(await schedule.bucket('2026-11-25T08:00Z'), [{ referralId: 'r-1', key: 'b' }]);
    assert.deepEqual(await schedule.bucket('2026-11-24T04:01Z'), []);
    const a = await schedule.work('r-1', 'a');
    assert.equal(a?.state, 'pending');
    assert.equal(a?.dueAt, '2026-11-24T04:00:30.000Z');
    assert.equal(minuteOf(at('2026-11-24T04:00:59.999Z')), '2026-11-24T04:00Z');
  });

  it('marks each minute with work in its day, and moves work for a closed minute to the next open one', async () => {
    await schedule.replacePlan('r-1', [work('a', '2026-11-24T04:00:00.000Z')], 1);
    const day = (after = '2026-11-23T23:59Z') => schedule.minutesWithWork('2026-11-24', after, '2026-11-24T23:59Z');
    assert.deepEqual(await day(), ['2026-11-24T04:00Z']);
    assert.deepEqual(await day('2026-11-24T04:00Z'), [], 'only those after `after`');
    await schedule.setCursor(SCHEDULER, '2026-11-24T04:10Z');

    await schedule.replacePlan('r-2', [work('late', '2026-11-24T04:05:00.000Z')], 1);
    assert.deepEqual(await schedule.bucket('2026-11-24T04:11Z'), [{ referralId: 'r-2', key: 'late' }]);
    assert.deepEqual(await schedule.bucket('2026-11-24T04:05Z'), []);
    assert.deepEqual(await day(), ['2026-11-24T04:00Z', '2026-11-24T04:11Z']);
  });

  it('moves work on when another instance moved the cursor past its minute while it was listed', async () => {
    const { storage } = await freshStorage();
    const writer = new ScheduleRepository(storage.client('schedule'), storage.client('scheduleRuns'));
    const scheduler = new ScheduleRepository(storage.client('schedule'), storage.client('scheduleRuns'));
    await writer.cursor(SCHEDULER);
    await scheduler.setCursor(SCHEDULER, '2026-11-24T04:10Z');
    await writer.replacePlan('r-1', [work('late', '2026-11-24T04:05:00.000Z')], 1);
    assert.deepEqual(await writer.bucket('2026-11-24T04:11Z'), [{ referralId: 'r-1', key: 'late' }]);
    assert.deepEqual(await writer.minutesWithWork('2026-11-24', '2026-11-24T04:10Z', '2026-11-24T23:59Z'), [
      '2026-11-24T04:11Z',
    ]);
  });

  it('replanning keeps done work done and cancels work no longer planned', async () => {
    await schedule.replacePlan(
      'r-1',
      [work('a', '2026-11-24T04:00:00.000Z'), work('b', '2026-11-25T08:00:00.000Z')],
      1,
    );
    const a = (await schedule.work('r-1', 'a'))!;
    const claimed = (await schedule.claim(a, '2026-11-24T04:00:00.000Z', '2026-11-24T04:05:00.000Z'))!;
    assert.equal(await schedule.complete(claimed), true);

    await schedule.replacePlan(
      'r-1',
      [work('a', '2026-11-24T04:00:00.000Z'), work('c', '2026-11-26T08:00:00.000Z')],
      1,
    );
    assert.equal((await schedule.work('r-1', 'a'))?.state, 'done');
    assert.equal(await schedule.work('r-1', 'b'), null, 'no longer planned: cancelled');
    assert.equal((await schedule.work('r-1', 'c'))?.state, 'pending');
  });

  it('keeps the plan of the newest revision when plans of two changes are written out of order', async () => {
    await schedule.replacePlan('r-1', [work('newer', '2026-11-24T04:00:00.000Z')], 3);
    await schedule.replacePlan('r-1', [work('older', '2026-11-24T04:00:00.000Z')], 2);
    assert.equal((await schedule.work('r-1', 'newer'))?.state, 'pending');
    assert.equal(await schedule.work('r-1', 'older'), null);
    await schedule.replacePlan('r-1', [work('newest', '2026-11-24T04:00:00.000Z')], 4);
    assert.equal(await schedule.work('r-1', 'newer'), null);
    assert.equal((await schedule.work('r-1', 'newest'))?.state, 'pending');
  });

  it('lists work that moved in its new minute', async () => {
    await schedule.replacePlan('r-1', [work('a', '2026-11-24T04:00:00.000Z')], 1);
    await schedule.replacePlan('r-1', [work('a', '2026-11-24T06:30:00.000Z')], 1);
    assert.deepEqual(await schedule.bucket('2026-11-24T06:30Z'), [{ referralId: 'r-1', key: 'a' }]);
    assert.equal((await schedule.work('r-1', 'a'))?.dueAt, '2026-11-24T06:30:00.000Z');
  });

  it('lets exactly one of several workers claim a piece of work, and a lapsed claim be taken over', async () => {
    await schedule.replacePlan('r-1', [work('a', '2026-11-24T04:00:00.000Z')], 1);
    const seen = await Promise.all(Array.from({ length: 5 }, () => schedule.work('r-1', 'a')));
    const claims = await Promise.all(
      seen.map((w) => schedule.claim(w!, '2026-11-24T04:00:00.000Z', '2026-11-24T04:05:00.000Z')),
    );
    assert.equal(claims.filter(Boolean).length, 1);

    const held = (await schedule.work('r-1', 'a'))!;
    assert.equal(
      await schedule.claim(held, '2026-11-24T04:04:59.000Z', '2026-11-24T04:10:00.000Z'),
      null,
      'still held',
    );
    const taken = await schedule.claim(held, '2026-11-24T04:05:00.000Z', '2026-11-24T04:10:00.000Z');
    assert.ok(taken, 'taken over once the claim ran out');
    assert.equal(await schedule.complete(claims.find(Boolean)!), false, 'the first worker lost it');
    assert.equal(await schedule.complete(taken), true);
    assert.equal(
      await schedule.claim((await schedule.work('r-1', 'a'))!, '2026-11-30T00:00:00.000Z', '2026-11-30T00:05:00.000Z'),
      null,
      'done work is never claimed',
    );
  });

  it('retries failed work in a later minute, and gives up after repeated failures', async () => {
    await schedule.replacePlan('r-1', [work('a', '2026-11-24T04:00:00.000Z')], 1);
    for (let attempt = 1; attempt <= 8; attempt++) {
      const claimed = (await schedule.claim(
        (await schedule.work('r-1', 'a'))!,
        '2026-11-24T04:00:00.000Z',
        '2026-11-24T04:05:00.000Z',
      ))!;
      await schedule.retryLater(claimed, at('2026-11-24T05:00:00Z').plus({ minutes: attempt }));
    }
    assert.equal((await schedule.work('r-1', 'a'))?.state, 'cancelled');
    assert.equal((await schedule.bucket('2026-11-24T05:01Z')).length, 1);
    assert.equal((await schedule.bucket('2026-11-24T05:08Z')).length, 0, 'not queued again once given up');
  });

  it('keeps every item of a busy minute, across pages and concurrent writers of several instances', async () => {
    const { storage } = await freshStorage();
    // Pages of 500 characters hold about ten items, so 90 items fill several. Each instance
    // remembers its own last pages, so the three keep writing over each other's.
    const instances = Array.from(
      { length: 3 },
      () => new ScheduleRepository(storage.client('schedule'), storage.client('scheduleRuns'), 500),
    );
    for (let batch = 0; batch < 2; batch++) {
      await Promise.all(
        instances.flatMap((instance, n) =>
          Array.from({ length: 15 }, (_, i) =>
            instance.replacePlan(`referral-${batch}-${n}-${i}`, [work('k', '2026-11-24T04:00:00.000Z')], 1),
          ),
        ),
      );
    }
    const items = await instances[0].bucket('2026-11-24T04:00Z');
    assert.equal(new Set(items.map((i) => i.referralId)).size, 90);
    assert.equal(items.length, 90, 'each once');
    assert.deepEqual(await instances[1].minutesWithWork('2026-11-24', '2026-11-23T23:59Z', '2026-11-24T23:59Z'), [
      '2026-11-24T04:00Z',
    ]);
  });

  it('grants a lease to one instance at a time, renews it for its holder, and hands it over once it runs out', async () => {
    const now = '2026-11-24T04:00:00.000Z';
    const results = await Promise.all(
      ['one', 'two', 'three'].map((holder) =>
        schedule.acquireLease('scheduler', holder, now, '2026-11-24T04:01:00.000Z'),
      ),
    );
    assert.equal(results.filter(Boolean).length, 1);
    const holder = ['one', 'two', 'three'][results.indexOf(true)];
    const other = holder === 'one' ? 'two' : 'one';
    assert.equal(
      await schedule.acquireLease('scheduler', holder, '2026-11-24T04:00:30.000Z', '2026-11-24T04:01:30.000Z'),
      true,
    );
    assert.equal(
      await schedule.acquireLease('scheduler', other, '2026-11-24T04:01:00.000Z', '2026-11-24T04:02:00.000Z'),
      false,
    );
    assert.equal(
      await schedule.acquireLease('scheduler', other, '2026-11-24T04:01:30.000Z', '2026-11-24T04:02:30.000Z'),
      true,
    );
  });
});
