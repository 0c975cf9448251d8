import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { PlannedWork } from '../../bot/domain/reminderPlan';
import { Scheduler, type WorkRunner } from '../../bot/jobs/scheduler';
import { quietLogger } from '../../bot/log';
import { ScheduleRepository } from '../../bot/store/scheduleRepository';
import { freshStorage } from '../support/rootHooks';

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const work = (key: string, due: string): PlannedWork => ({ kind: 'deadlineReminder', key, dueAt: at(due) });
const DUE = '2026-11-24T04:00:00.000Z';

describe('scheduler and its index (Azurite)', () => {
  let schedule: ScheduleRepository;
  let now: DateTime;
  const scheduler = (run: WorkRunner) =>
    new Scheduler({ schedule, clock: () => now, log: quietLogger, run }, { instanceId: 'test' });

  beforeEach(async () => {
    const { storage } = await freshStorage();
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
});
