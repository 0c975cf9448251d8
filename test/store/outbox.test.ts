import assert from 'node:assert/strict';
import { OutboxRepository, type OutboxTask } from '../../bot/store/outboxRepository';
import { NOW } from '../support/fixtures';
import { freshStorage } from '../support/rootHooks';

/** An ISO instant `minutes` after the fixed test clock. */
const at = (minutes: number): string => NOW.plus({ minutes }).toISO()!;

describe('store: OutboxRepository', () => {
  let outbox: OutboxRepository;

  beforeEach(async () => {
    const { storage } = await freshStorage();
    outbox = new OutboxRepository(storage.client('cardOutbox'));
  });

  async function dueTask(referralId: string, now = at(60)): Promise<OutboxTask> {
    const task = (await outbox.due(now)).find((t) => t.referralId === referralId);
    assert.ok(task, `${referralId} should be due at ${now}`);
    return task;
  }

  describe('enqueue and due', () => {
    it('returns nothing when nothing was enqueued', async () => {
      assert.deepEqual(await outbox.due(at(1_000_000)), []);
      assert.deepEqual(await outbox.unrouted(), []);
    });

    it('returns the tasks due by now, oldest due first', async () => {
      await outbox.enqueue('r-3', at(2));
      await outbox.enqueue('r-1', at(0));
      await outbox.enqueue('r-2', at(1));

      assert.deepEqual(
        (await outbox.due(at(5))).map((t) => t.referralId),
        ['r-1', 'r-2', 'r-3'],
      );
      assert.deepEqual(
        (await outbox.due(at(1))).map((t) => t.referralId),
        ['r-1', 'r-2'],
        'due includes tasks due exactly now',
      );
      assert.deepEqual(await outbox.due(at(-1)), []);
    });

    it('describes a fresh task', async () => {
      await outbox.enqueue('r-1', at(0));
      const task = await dueTask('r-1');
      assert.equal(task.enqueuedAt, at(0));
      assert.equal(task.dueAt, at(0));
      assert.equal(task.attempts, 0);
      assert.equal(task.unrouted, false);
      assert.equal(task.claimedUntil, '');
      assert.equal(task.lastError, '');
      assert.ok(task.etag.length > 0);
    });

    it('keeps one task per referral; enqueueing again makes it due at the new time', async () => {
      await outbox.enqueue('r-1', at(0));
      await outbox.enqueue('r-1', at(3));

      const due = await outbox.due(at(10));
      assert.equal(due.length, 1);
      assert.equal(due[0].dueAt, at(3));
      assert.equal(due[0].enqueuedAt, at(3));
    });
  });

  describe('claim', () => {
    it('lets exactly one of two workers claim the same task', async () => {
      await outbox.enqueue('r-1', at(0));
      const [seenByA, seenByB] = await Promise.all([dueTask('r-1', at(1)), dueTask('r-1', at(1))]);

      const [a, b] = await Promise.all([outbox.claim(seenByA, at(1), at(6)), outbox.claim(seenByB, at(1), at(6))]);

      assert.equal([a, b].filter((claimed) => claimed !== null).length, 1, 'exactly one worker wins');
      const winner = (a ?? b)!;
      assert.equal(winner.claimedUntil, at(6));
      assert.notEqual(winner.etag, seenByA.etag);
      assert.equal((await dueTask('r-1', at(1))).claimedUntil, at(6));
    });

    it('lets exactly one of ten workers claim the same task', async () => {
      await outbox.enqueue('r-1', at(0));
      const seen = await dueTask('r-1', at(1));
      const results = await Promise.all(Array.from({ length: 10 }, () => outbox.claim({ ...seen }, at(1), at(6))));
      assert.equal(results.filter((claimed) => claimed !== null).length, 1);
    });

    it('refuses a task whose lease has not run out, and allows it afterwards', async () => {
      await outbox.enqueue('r-1', at(0));
      assert.ok(await outbox.claim(await dueTask('r-1', at(1)), at(1), at(6)));

      assert.equal(await outbox.claim(await dueTask('r-1', at(2)), at(2), at(7)), null);

      const reclaimed = await outbox.claim(await dueTask('r-1', at(7)), at(7), at(12));
      assert.ok(reclaimed, 'a lapsed lease can be taken over');
      assert.equal(reclaimed.claimedUntil, at(12));
    });

    it('refuses a task read before it changed', async () => {
      await outbox.enqueue('r-1', at(0));
      const stale = await dueTask('r-1', at(1));
      await outbox.enqueue('r-1', at(1));
      assert.equal(await outbox.claim(stale, at(1), at(6)), null);
    });

    it('refuses a task that was completed meanwhile', async () => {
      await outbox.enqueue('r-1', at(0));
      const seen = await dueTask('r-1', at(1));
      const claimed = await outbox.claim(seen, at(1), at(6));
      assert.ok(claimed);
      await outbox.complete(claimed);
      assert.equal(await outbox.claim(seen, at(7), at(12)), null);
    });
  });

  describe('renewClaim', () => {
    it('keeps the task from other workers past the first claim, and completes it with the renewed version', async () => {
      await outbox.enqueue('r-1', at(0));
      const claimed = (await outbox.claim(await dueTask('r-1', at(1)), at(1), at(2)))!;
      assert.equal(await outbox.renewClaim(claimed, at(3)), true);

      assert.equal(claimed.claimedUntil, at(3), 'the task is brought up to date in place');
      assert.equal(
        await outbox.claim(await dueTask('r-1', at(2.5)), at(2.5), at(4)),
        null,
        'still held after the first claim would have run out',
      );
      await outbox.complete(claimed);
      assert.deepEqual(await outbox.due(at(1_000)), [], 'completed under the renewed version');
    });

    it('is refused once another worker took the task over after the claim ran out', async () => {
      await outbox.enqueue('r-1', at(0));
      const first = (await outbox.claim(await dueTask('r-1', at(1)), at(1), at(2)))!;
      const second = await outbox.claim(await dueTask('r-1', at(2)), at(2), at(3));
      assert.ok(second);

      assert.equal(await outbox.renewClaim(first, at(4)), false);
      assert.equal((await dueTask('r-1', at(2))).claimedUntil, at(3), "the other worker's claim stands");
    });

    it('is refused once the task was released or completed', async () => {
      await outbox.enqueue('r-1', at(0));
      await outbox.enqueue('r-2', at(0));
      const released = (await outbox.claim(await dueTask('r-1', at(1)), at(1), at(2)))!;
      await outbox.retryLater(released, at(5), 'timeout');
      const completed = (await outbox.claim(await dueTask('r-2', at(1)), at(1), at(2)))!;
      await outbox.complete({ ...completed });

      assert.equal(await outbox.renewClaim(released, at(3)), false);
      assert.equal(await outbox.renewClaim(completed, at(3)), false);
      assert.equal((await dueTask('r-1', at(5))).claimedUntil, '');
    });

    it('keeps the claim of a task enqueued again meanwhile, which is then released to be done again, not removed', async () => {
      await outbox.enqueue('r-1', at(0));
      const claimed = (await outbox.claim(await dueTask('r-1', at(1)), at(1), at(2)))!;
      await outbox.enqueue('r-1', at(1.5));

      assert.equal(await outbox.renewClaim(claimed, at(3)), true);
      assert.equal(await outbox.claim(await dueTask('r-1', at(2.5)), at(2.5), at(4)), null, 'still held');
      await outbox.complete(claimed);

      const task = await dueTask('r-1', at(2.5));
      assert.equal(task.claimedUntil, '', 'released');
      assert.equal(task.dueAt, at(1.5), 'due again for the change enqueued meanwhile');
    });
  });

  describe('complete', () => {
    it('deletes a finished task', async () => {
      await outbox.enqueue('r-1', at(0));
      await outbox.enqueue('r-2', at(0));
      const claimed = await outbox.claim(await dueTask('r-1', at(1)), at(1), at(6));
      assert.ok(claimed);

      await outbox.complete(claimed);

      assert.deepEqual(
        (await outbox.due(at(1_000))).map((t) => t.referralId),
        ['r-2'],
      );
      assert.deepEqual(await outbox.unrouted(), []);
    });

    it('keeps a task enqueued again while it was worked on, released and due again', async () => {
      await outbox.enqueue('r-1', at(0));
      const claimed = await outbox.claim(await dueTask('r-1', at(1)), at(1), at(6));
      assert.ok(claimed);
      await outbox.enqueue('r-1', at(2));

      await outbox.complete(claimed);

      const task = await dueTask('r-1', at(2));
      assert.equal(task.claimedUntil, '', 'the task is released');
      assert.equal(task.dueAt, at(2));
      assert.ok(await outbox.claim(task, at(2), at(7)), 'another worker can take it at once');
    });

    it('does nothing for a task that is already gone', async () => {
      await outbox.enqueue('r-1', at(0));
      const claimed = await outbox.claim(await dueTask('r-1', at(1)), at(1), at(6));
      assert.ok(claimed);
      await outbox.complete(claimed);
      await outbox.complete(claimed);
      assert.deepEqual(await outbox.due(at(1_000)), []);
    });
  });

  describe('retryLater', () => {
    it('moves dueAt, counts the attempt, keeps the error and releases the claim', async () => {
      await outbox.enqueue('r-1', at(0));
      const claimed = await outbox.claim(await dueTask('r-1', at(1)), at(1), at(6));
      assert.ok(claimed);

      await outbox.retryLater(claimed, at(10), 'Teams answered 503');

      assert.deepEqual(await outbox.due(at(9)), []);
      const task = await dueTask('r-1', at(10));
      assert.equal(task.dueAt, at(10));
      assert.equal(task.attempts, 1);
      assert.equal(task.lastError, 'Teams answered 503');
      assert.equal(task.claimedUntil, '');
      assert.equal(task.enqueuedAt, at(0));
    });

    it('counts every attempt', async () => {
      await outbox.enqueue('r-1', at(0));
      for (let attempt = 1; attempt <= 3; attempt++) {
        const now = at(attempt * 10);
        const claimed = await outbox.claim(await dueTask('r-1', now), now, at(attempt * 10 + 5));
        assert.ok(claimed);
        await outbox.retryLater(claimed, at(attempt * 10 + 10), `failure ${attempt}`);
      }
      const task = await dueTask('r-1', at(40));
      assert.equal(task.attempts, 3);
      assert.equal(task.lastError, 'failure 3');
    });

    it('keeps at most 1,000 characters of the error', async () => {
      await outbox.enqueue('r-1', at(0));
      await outbox.retryLater(await dueTask('r-1', at(1)), at(2), 'e'.repeat(5_000));
      assert.equal((await dueTask('r-1', at(2))).lastError.length, 1_000);
    });

    it('starts counting afresh when the referral is enqueued again', async () => {
      await outbox.enqueue('r-1', at(0));
      await outbox.retryLater(await dueTask('r-1', at(1)), at(30), 'boom');
      await outbox.enqueue('r-1', at(2));
      const task = await dueTask('r-1', at(2));
      assert.equal(task.attempts, 0);
      assert.equal(task.dueAt, at(2));
      assert.equal(task.lastError, '');
    });

    it('does not bring back a task that was completed meanwhile', async () => {
      await outbox.enqueue('r-1', at(0));
      const seen = await dueTask('r-1', at(1));
      const claimed = await outbox.claim(seen, at(1), at(6));
      assert.ok(claimed);
      await outbox.complete(claimed);
      await outbox.retryLater(seen, at(2), 'late');
      await outbox.park(seen);
      assert.deepEqual(await outbox.due(at(1_000)), []);
      assert.deepEqual(await outbox.unrouted(), []);
    });
  });

  describe('park', () => {
    it('moves a task out of due() and into unrouted()', async () => {
      await outbox.enqueue('r-1', at(0));
      await outbox.enqueue('r-2', at(0));
      const claimed = await outbox.claim(await dueTask('r-1', at(1)), at(1), at(6));
      assert.ok(claimed);

      await outbox.park(claimed);

      assert.deepEqual(
        (await outbox.due(at(1))).map((t) => t.referralId),
        ['r-2'],
      );
      assert.deepEqual(
        (await outbox.due('9999-01-01T00:00:00.000Z')).map((t) => t.referralId),
        ['r-2'],
      );
      const unrouted = await outbox.unrouted();
      assert.deepEqual(
        unrouted.map((t) => t.referralId),
        ['r-1'],
      );
      assert.equal(unrouted[0].unrouted, true);
      assert.equal(unrouted[0].claimedUntil, '');
    });

    it('brings a parked task back when it is enqueued again', async () => {
      await outbox.enqueue('r-1', at(0));
      await outbox.park(await dueTask('r-1', at(1)));
      await outbox.enqueue('r-1', at(5));

      assert.deepEqual(await outbox.unrouted(), []);
      const task = await dueTask('r-1', at(5));
      assert.equal(task.unrouted, false);
      assert.equal(task.dueAt, at(5));
    });
  });

  describe('hold and dropHeld', () => {
    it('makes a task that is not due before the hold runs out, until it is enqueued', async () => {
      const held = await outbox.hold('r-1', at(0), at(5));

      assert.equal(held.created, true);
      assert.deepEqual(await outbox.due(at(4)), []);
      assert.equal((await dueTask('r-1', at(5))).dueAt, at(5), 'a hold that is never released falls due');
      await outbox.enqueue('r-1', at(1));
      assert.equal((await dueTask('r-1', at(1))).dueAt, at(1));
    });

    it('holds a task that was there, parked or due, without making another', async () => {
      await outbox.enqueue('r-1', at(0));
      await outbox.park(await dueTask('r-1', at(1)));

      const held = await outbox.hold('r-1', at(1), at(6));

      assert.equal(held.created, false);
      assert.deepEqual(await outbox.unrouted(), []);
      assert.deepEqual(await outbox.due(at(5)), []);
      assert.equal((await outbox.due(at(6))).length, 1);
    });

    it('drops the task it made, but not one enqueued since', async () => {
      await outbox.dropHeld(await outbox.hold('r-1', at(0), at(5)));
      assert.deepEqual(await outbox.due('9999-01-01T00:00:00.000Z'), []);

      const held = await outbox.hold('r-2', at(0), at(5));
      await outbox.enqueue('r-2', at(1));
      await outbox.dropHeld(held);
      assert.deepEqual(
        (await outbox.due(at(1))).map((t) => t.referralId),
        ['r-2'],
      );
      await outbox.dropHeld(held);
    });
  });
});
