import assert from 'node:assert/strict';
import { at, useFreshOutbox } from './fixtures';

describe('store: OutboxRepository', () => {
  const { outboxOf, dueTask } = useFreshOutbox();

  describe('claim', () => {
    it('lets exactly one of two workers claim the same task', async () => {
      const outbox = outboxOf();
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
      const outbox = outboxOf();
      await outbox.enqueue('r-1', at(0));
      const seen = await dueTask('r-1', at(1));
      const results = await Promise.all(Array.from({ length: 10 }, () => outbox.claim({ ...seen }, at(1), at(6))));
      assert.equal(results.filter((claimed) => claimed !== null).length, 1);
    });

    it('refuses a task whose lease has not run out, and allows it afterwards', async () => {
      const outbox = outboxOf();
      await outbox.enqueue('r-1', at(0));
      assert.ok(await outbox.claim(await dueTask('r-1', at(1)), at(1), at(6)));

      assert.equal(await outbox.claim(await dueTask('r-1', at(2)), at(2), at(7)), null);

      const reclaimed = await outbox.claim(await dueTask('r-1', at(7)), at(7), at(12));
      assert.ok(reclaimed, 'a lapsed lease can be taken over');
      assert.equal(reclaimed.claimedUntil, at(12));
    });

    it('refuses a task read before it changed', async () => {
      const outbox = outboxOf();
      await outbox.enqueue('r-1', at(0));
      const stale = await dueTask('r-1', at(1));
      await outbox.enqueue('r-1', at(1));
      assert.equal(await outbox.claim(stale, at(1), at(6)), null);
    });

    it('refuses a task that was completed meanwhile', async () => {
      const outbox = outboxOf();
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
      const outbox = outboxOf();
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
      const outbox = outboxOf();
      await outbox.enqueue('r-1', at(0));
      const first = (await outbox.claim(await dueTask('r-1', at(1)), at(1), at(2)))!;
      const second = await outbox.claim(await dueTask('r-1', at(2)), at(2), at(3));
      assert.ok(second);

      assert.equal(await outbox.renewClaim(first, at(4)), false);
      assert.equal((await dueTask('r-1', at(2))).claimedUntil, at(3), "the other worker's claim stands");
    });

    it('is refused once the task was released or completed', async () => {
      const outbox = outboxOf();
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
      const outbox = outboxOf();
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
});
