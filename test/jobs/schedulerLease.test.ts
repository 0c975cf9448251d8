import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { Scheduler, type WorkRunner, type WorkResult } from '../../bot/jobs/scheduler';
import { quietLogger } from '../../bot/log';
import { SCHEDULER, ScheduleRepository, type ScheduledWork } from '../../bot/store/scheduleRepository';
import { ManualTimer } from '../support/manualTimer';
import { MovableClock } from '../support/movableClock';
import { freshStorage } from '../support/rootHooks';

/** The instances start here; the work is due two minutes earlier, in a minute that is over. */
const START = DateTime.fromISO('2026-11-24T10:02:30.000Z', { zone: 'utc' });
const DUE = DateTime.fromISO('2026-11-24T10:00:00.000Z', { zone: 'utc' });

describe('scheduler lease and claims (Azurite, injected clock and timers)', () => {
  let schedule: ScheduleRepository;
  let clock: MovableClock;
  /** Who ran what, in order: `<instance>:<key>`. */
  let ran: string[];

  /** A scheduler instance on the same tables, whose heartbeat fires only on `timer.fire()`. */
  const instance = (
    instanceId: string,
    timer: ManualTimer,
    run: (work: ScheduledWork) => Promise<WorkResult> = async () => 'done',
  ) => {
    const recording: WorkRunner = (work) => {
      ran.push(`${instanceId}:${work.key}`);
      return run(work);
    };
    return new Scheduler(
      { schedule, clock: clock.read, log: quietLogger, run: recording },
      { instanceId, repeat: timer.repeat },
    );
  };
  const pending = async (key: string) => (await schedule.work('r-1', key))?.state === 'pending';

  beforeEach(async () => {
    const { storage } = await freshStorage();
    schedule = new ScheduleRepository(storage.client('schedule'), storage.client('scheduleRuns'));
    clock = new MovableClock(START);
    ran = [];
    await schedule.setCursor(SCHEDULER, '2026-11-24T09:59Z');
    const keys = ['a', 'b', 'c', 'd'];
    await schedule.replacePlan(
      'r-1',
      keys.map((key, i) => ({ kind: 'deadlineReminder', key, dueAt: DUE.plus({ seconds: i }) })),
      1,
    );
  });

  it('lets another instance take over 15 s after the holder crashed, not before, with the work it had claimed', async () => {
    let claimed!: () => void;
    const sawClaim = new Promise<void>((resolve) => (claimed = resolve));
    // A claims `a` and dies while running it: its pass never ends and nothing renews any more.
    const crashed = instance('A', new ManualTimer(), async (work) => {
      if (work.key !== 'a') return 'done';
      claimed();
      return new Promise<WorkResult>(() => undefined);
    });
    void crashed.tick();
    await sawClaim;

    const survivor = instance('B', new ManualTimer());
    clock.advance({ milliseconds: 14_999 });
    assert.equal(await survivor.tick(), 0, "the crashed instance's lease still holds");
    assert.deepEqual(ran, ['A:a']);
    assert.ok(await pending('b'), 'nothing else ran meanwhile');

    clock.advance({ milliseconds: 1 });
    assert.equal(await survivor.tick(), 4, 'the lease and the claim on `a` ran out together');
    assert.deepEqual(ran, ['A:a', 'B:a', 'B:b', 'B:c', 'B:d']);
  });

  it('keeps the lease and its claims across a pass much longer than the lease, renewing as it works', async () => {
    const timer = new ManualTimer();
    const other = instance('B', new ManualTimer());
    const otherTicks: number[] = [];
    const holder = instance('A', timer, async (work) => {
      if (work.key === 'a') {
        // One long piece of work: only the timer renews while it runs.
        clock.advance({ seconds: 10 });
        await timer.fire();
        clock.advance({ seconds: 10 });
        assert.ok(
          (await schedule.work('r-1', 'a'))!.claimedUntil > clock.now.toISO()!,
          'its claim was renewed with the lease',
        );
      } else {
        clock.advance({ seconds: 10 });
      }
      otherTicks.push(await other.tick());
      return 'done';
    });

    assert.equal(await holder.tick(), 4);
    assert.ok(clock.now.diff(START).as('seconds') >= 50, 'the pass took more than three times the lease');
    assert.deepEqual(otherTicks, [0, 0, 0, 0], 'the other instance never got the lease');
    assert.deepEqual(ran, ['A:a', 'A:b', 'A:c', 'A:d']);
    assert.equal(timer.running, 0, 'the heartbeats stop with the pass');
  });

  it('stops a pass cleanly when renewing the lease is refused because another instance took it', async () => {
    const holder = instance('A', new ManualTimer(), async (work) => {
      if (work.key === 'a') {
        // Stalled past its lease, which another instance took meanwhile.
        clock.advance({ seconds: 20 });
        assert.ok(
          await schedule.acquireLease(SCHEDULER, 'B', clock.now.toISO()!, clock.now.plus({ seconds: 15 }).toISO()!),
        );
      }
      return 'done';
    });

    assert.equal(await holder.tick(), 1, 'the piece it was running is finished, nothing after it');
    assert.deepEqual(ran, ['A:a']);
    assert.ok((await pending('b')) && (await pending('c')) && (await pending('d')));
    assert.equal(await schedule.cursor(SCHEDULER), '2026-11-24T09:59Z', 'the cursor did not move');
    assert.equal(await holder.tick(), 0, 'and it stays out while the other holds the lease');

    assert.equal(await instance('B', new ManualTimer()).tick(), 3, 'the new holder carries on');
    assert.deepEqual(ran, ['A:a', 'B:b', 'B:c', 'B:d']);
  });
});
