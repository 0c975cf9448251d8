import assert from 'node:assert/strict';
import { at, useFreshOutbox } from './fixtures';

describe('store: OutboxRepository', () => {
  const { outboxOf, dueTask } = useFreshOutbox();

  describe('enqueue and due', () => {
    it('returns nothing when nothing was enqueued', async () => {
      const outbox = outboxOf();
      assert.deepEqual(await outbox.due(at(1_000_000)), []);
      assert.deepEqual(await outbox.unrouted(), []);
    });

    it('returns the tasks due by now, oldest due first', async () => {
      const outbox = outboxOf();
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
      const outbox = outboxOf();
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
      const outbox = outboxOf();
      await outbox.enqueue('r-1', at(0));
      await outbox.enqueue('r-1', at(3));

      const due = await outbox.due(at(10));
      assert.equal(due.length, 1);
      assert.equal(due[0].dueAt, at(3));
      assert.equal(due[0].enqueuedAt, at(3));
    });
  });

  describe('hold and dropHeld', () => {
    it('makes a task that is not due before the hold runs out, until it is enqueued', async () => {
      const outbox = outboxOf();
      const held = await outbox.hold('r-1', at(0), at(5));

      assert.equal(held.created, true);
      assert.deepEqual(await outbox.due(at(4)), []);
      assert.equal((await dueTask('r-1', at(5))).dueAt, at(5), 'a hold that is never released falls due');
      await outbox.enqueue('r-1', at(1));
      assert.equal((await dueTask('r-1', at(1))).dueAt, at(1));
    });

    it('holds a task that was there, parked or due, without making another', async () => {
      const outbox = outboxOf();
      await outbox.enqueue('r-1', at(0));
      await outbox.park(await dueTask('r-1', at(1)));

      const held = await outbox.hold('r-1', at(1), at(6));

      assert.equal(held.created, false);
      assert.deepEqual(await outbox.unrouted(), []);
      assert.deepEqual(await outbox.due(at(5)), []);
      assert.equal((await outbox.due(at(6))).length, 1);
    });

    it('drops the task it made, but not one enqueued since', async () => {
      const outbox = outboxOf();
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
