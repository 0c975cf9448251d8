import assert from 'node:assert/strict';
import { at, useFreshOutbox } from './fixtures';

describe('store: OutboxRepository', () => {
  const { outboxOf, dueTask } = useFreshOutbox();

  describe('complete', () => {
    it('deletes a finished task', async () => {
      const outbox = outboxOf();
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
      const outbox = outboxOf();
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
      const outbox = outboxOf();
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
      const outbox = outboxOf();
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
      const outbox = outboxOf();
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
      const outbox = outboxOf();
      await outbox.enqueue('r-1', at(0));
      await outbox.retryLater(await dueTask('r-1', at(1)), at(2), 'e'.repeat(5_000));
      assert.equal((await dueTask('r-1', at(2))).lastError.length, 1_000);
    });

    it('starts counting afresh when the referral is enqueued again', async () => {
      const outbox = outboxOf();
      await outbox.enqueue('r-1', at(0));
      await outbox.retryLater(await dueTask('r-1', at(1)), at(30), 'boom');
      await outbox.enqueue('r-1', at(2));
      const task = await dueTask('r-1', at(2));
      assert.equal(task.attempts, 0);
      assert.equal(task.dueAt, at(2));
      assert.equal(task.lastError, '');
    });

    it('does not bring back a task that was completed meanwhile', async () => {
      const outbox = outboxOf();
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
      const outbox = outboxOf();
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
      const outbox = outboxOf();
      await outbox.enqueue('r-1', at(0));
      await outbox.park(await dueTask('r-1', at(1)));
      await outbox.enqueue('r-1', at(5));

      assert.deepEqual(await outbox.unrouted(), []);
      const task = await dueTask('r-1', at(5));
      assert.equal(task.unrouted, false);
      assert.equal(task.dueAt, at(5));
    });
  });
});
