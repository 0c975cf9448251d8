import assert from 'node:assert/strict';
import { OutboxRepository } from '../../bot/store/outboxRepository';
import { NOW } from '../support/fixtures';
import { freshStorage } from '../support/rootHooks';

/** An ISO instant `minutes` after the fixed test clock. */
const at = (minutes: number): string => NOW.plus({ minutes }).toISO()!;

describe('store: the outbox, releasing waiting tasks and queueing without bringing a retry forward', () => {
  let outbox: OutboxRepository;

  beforeEach(async () => {
    const { storage } = await freshStorage();
    outbox = new OutboxRepository(storage.client('cardOutbox'));
  });

  /** `ids` enqueued, then parked as if no channel was linked for them. */
  async function parked(ids: string[]): Promise<void> {
    for (const id of ids) await outbox.enqueue(id, at(0));
    for (const task of await outbox.due(at(0))) if (ids.includes(task.referralId)) await outbox.park(task);
  }

  describe('releases', () => {
    it('keeps one request however often it is asked for, and says how many tasks wait', async () => {
      await parked(['r-1', 'r-2']);
      await outbox.enqueue('r-3', at(0));
      assert.equal(await outbox.releases.pending(), null);
      assert.equal(await outbox.releases.request(at(1)), 2);
      assert.equal(await outbox.releases.request(at(2)), 2);
      assert.ok(await outbox.releases.pending());
      assert.deepEqual(
        (await outbox.due(at(5))).map((t) => t.referralId),
        ['r-3'],
        'the request is no task',
      );
    });

    it('queues every waiting task again, due now and counted afresh, in transactions of at most a hundred', async () => {
      const ids = Array.from({ length: 150 }, (_, n) => `r-${String(n).padStart(3, '0')}`);
      await parked(ids);
      assert.equal(await outbox.releases.requeueWaiting(at(5)), 150);
      assert.deepEqual(await outbox.unrouted(), []);
      const due = await outbox.due(at(5));
      assert.deepEqual(due.map((t) => t.referralId).sort(), ids);
      assert.ok(due.every((t) => t.dueAt === at(5) && t.attempts === 0 && !t.unrouted));
    });

    it('is done with the version it read only: asked for again meanwhile, it stays to be done once more', async () => {
      await outbox.releases.request(at(1));
      const first = await outbox.releases.pending();
      await outbox.releases.request(at(2));
      await outbox.releases.done(first!);
      const again = await outbox.releases.pending();
      assert.ok(again);
      await outbox.releases.done(again);
      assert.equal(await outbox.releases.pending(), null);
    });
  });

  describe('enqueueUnlessRetrying', () => {
    it('makes the task when there is none, and brings a task due later forward', async () => {
      await outbox.enqueueUnlessRetrying('r-1', at(0));
      await outbox.enqueue('r-2', at(10));
      await outbox.enqueueUnlessRetrying('r-2', at(1));
      assert.deepEqual(
        (await outbox.due(at(1))).map((t) => t.referralId),
        ['r-1', 'r-2'],
      );
    });

    it('leaves a task waiting for its retry at its time, with its attempts', async () => {
      await outbox.enqueue('r-1', at(0));
      await outbox.retryLater((await outbox.due(at(0)))[0], at(30), 'Partner Center answered 503');
      await outbox.enqueueUnlessRetrying('r-1', at(1));
      assert.deepEqual(await outbox.due(at(29)), []);
      const [task] = await outbox.due(at(30));
      assert.equal(task.attempts, 1);
    });

    it('queues a task a worker is on again (it is released to run again when completed)', async () => {
      await outbox.enqueue('r-1', at(0));
      const claimed = await outbox.claim((await outbox.due(at(0)))[0], at(1), at(5));
      assert.ok(claimed);
      await outbox.enqueueUnlessRetrying('r-1', at(2));
      await outbox.complete(claimed);
      assert.deepEqual(
        (await outbox.due(at(2))).map((t) => t.referralId),
        ['r-1'],
      );
    });
  });
});
