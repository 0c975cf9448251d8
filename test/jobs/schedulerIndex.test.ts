import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { PlannedWork } from '../../bot/domain/reminderPlan';
import { Scheduler, type WorkRunner } from '../../bot/jobs/scheduler';
import { quietLogger } from '../../bot/log';
import { ScheduleRepository } from '../../bot/store/scheduleRepository';
import type { TableStorage } from '../../bot/store/tables';
import { freshStorage } from '../support/rootHooks';

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const work = (key: string, due: string): PlannedWork => ({ kind: 'deadlineReminder', key, dueAt: at(due) });
const DUE = '2026-11-24T04:00:00.000Z';

describe('scheduler and its index (Azurite)', () => {
  let storage: TableStorage;
  let schedule: ScheduleRepository;
  let now: DateTime;
  const scheduler = (run: WorkRunner) =>
    new Scheduler({ schedule, clock: () => now, log: quietLogger, run }, { instanceId: 'test' });

  beforeEach(async () => {
    ({ storage } = await freshStorage());
    schedule = new ScheduleRepository(storage.client('schedule'), storage.client('scheduleRuns'));
    now = at('2026-11-24T03:00:00Z');
    await scheduler(async () => 'done').initialize();
  });

  it('runs work planned into a minute while the pass is reading that minute, in the same pass', async () => {
    await schedule.replacePlan('r-1', [work('a', DUE)], 1);
    const ran: string[] = [];
    const s = scheduler(async (item) => {
      ran.push(`${item.referralId}/${item.key}`);
      // Another referral is planned meanwhile, due in the very minute being worked through.
      if (item.referralId === 'r-1') await schedule.replacePlan('r-2', [work('b', DUE)], 1);
      return 'done';
    });
    now = at('2026-11-24T04:01:30Z');
    assert.equal(await s.tick(), 2);
    assert.deepEqual(ran, ['r-1/a', 'r-2/b']);
    now = now.plus({ minutes: 5 });
    assert.equal(await s.tick(), 0, 'each once');
  });

  it('runs postponed work when its time comes, without counting it as a failure', async () => {
    await schedule.replacePlan('r-1', [work('a', DUE)], 1);
    const later = at('2026-11-24T07:00:00Z');
    let calls = 0;
    const s = scheduler(async () => (++calls === 1 ? { notBefore: later } : 'done'));
    now = at('2026-11-24T04:01:30Z');
    assert.equal(await s.tick(), 0);
    const postponed = (await schedule.work('r-1', 'a'))!;
    assert.deepEqual([postponed.state, postponed.attempts, postponed.claimedUntil], ['pending', 0, '']);
    now = at('2026-11-24T06:59:30Z');
    assert.equal(await s.tick(), 0, 'not before then');
    now = at('2026-11-24T07:01:30Z');
    assert.equal(await s.tick(), 1);
    assert.equal(calls, 2);
    assert.equal((await schedule.work('r-1', 'a'))?.state, 'done');
  });

  it('runs work listed by the earlier format of the index, and work listed after it in the same minute', async () => {
    // As the earlier format left them: the plan, the minute's page, and the day's index of
    // minutes with work (read and written under its ETag then).
    const table = storage.client('schedule');
    const plan = [{ key: 'a', kind: 'deadlineReminder', dueAt: DUE }];
    await table.createEntity({ partitionKey: 'plan~r-old', rowKey: 'items', items: JSON.stringify(plan), revision: 1 });
    const listed = JSON.stringify([{ referralId: 'r-old', key: 'a' }]);
    await table.createEntity({ partitionKey: 'due~2026-11-24T04:00Z', rowKey: 'page-0', items: listed });
    await table.createEntity({
      partitionKey: 'day~2026-11-24',
      rowKey: 'index',
      minutes: '["04:00"]',
      closedThrough: '',
    });

    // The desk starts again with this version, and lists more work in that minute.
    schedule = new ScheduleRepository(table, storage.client('scheduleRuns'));
    await schedule.replacePlan('r-new', [work('b', DUE)], 1);
    assert.deepEqual(await schedule.bucket('2026-11-24T04:00Z'), [
      { referralId: 'r-old', key: 'a' },
      { referralId: 'r-new', key: 'b' },
    ]);
    const ran: string[] = [];
    const s = scheduler(async (item) => {
      ran.push(`${item.referralId}/${item.key}`);
      return 'done';
    });
    now = at('2026-11-24T04:01:30Z');
    assert.equal(await s.tick(), 2);
    assert.deepEqual(ran, ['r-old/a', 'r-new/b']);
    now = now.plus({ minutes: 5 });
    assert.equal(await s.tick(), 0, 'each once');
  });

  it('finds a minute the earlier format listed in its day though nothing marks it', async () => {
    const table = storage.client('schedule');
    const plan = [{ key: 'a', kind: 'expire', dueAt: '2026-11-25T07:30:10.000Z' }];
    await table.createEntity({ partitionKey: 'plan~r-old', rowKey: 'items', items: JSON.stringify(plan), revision: 1 });
    const listed = JSON.stringify([{ referralId: 'r-old', key: 'a' }]);
    await table.createEntity({ partitionKey: 'due~2026-11-25T07:30Z', rowKey: 'page-0', items: listed });
    await table.createEntity({
      partitionKey: 'day~2026-11-25',
      rowKey: 'index',
      minutes: '["07:30"]',
      closedThrough: '',
    });
    const ran: string[] = [];
    const s = scheduler(async (item) => {
      ran.push(`${item.kind}:${item.referralId}/${item.key}`);
      return 'done';
    });
    now = at('2026-11-25T07:29:30Z');
    assert.equal(await s.tick(), 0, 'not due yet');
    now = at('2026-11-25T07:31:30Z');
    assert.equal(await s.tick(), 1);
    assert.deepEqual(ran, ['expire:r-old/a']);
  });
});
