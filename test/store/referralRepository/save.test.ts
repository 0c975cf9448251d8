import assert from 'node:assert/strict';
import { arrival } from '../../../bot/domain/incoming';
import { ConflictError } from '../../../bot/store/errors';
import { NOW } from '../../support/fixtures';
import { change, ID, rejectsWithConflict, useFreshRepository } from './fixtures';

describe('store: ReferralRepository', () => {
  const { repository, stored, createArrived } = useFreshRepository();

  describe('save', () => {
    it('replaces the record, adds the event and returns the new ETag', async () => {
      const repo = repository();
      const first = await createArrived();
      const next = change(first.record, 'Renamed');

      const saved = await repo.save(first, next.record, next.event);

      const after = await stored();
      assert.deepEqual(after.record, next.record);
      assert.equal(saved.etag, after.etag, 'save returns the ETag now stored');
      assert.notEqual(saved.etag, first.etag);
      assert.deepEqual(saved.record, next.record);
      assert.deepEqual(await repo.history(ID), [arrival(first.record.referral, NOW).event, next.event]);
    });

    it('accepts a chain of saves, each from the result of the previous one', async () => {
      const repo = repository();
      let current = await createArrived();
      for (const name of ['Two', 'Three', 'Four']) {
        const next = change(current.record, name);
        current = await repo.save(current, next.record, next.event);
      }
      const after = await stored();
      assert.equal(after.record.referral.name, 'Four');
      assert.equal(after.record.desk.revision, 4);
    });

    it('throws ConflictError on a stale ETag and writes neither the referral nor the event', async () => {
      const repo = repository();
      const read = await createArrived();
      const winner = change(read.record, 'Winner');
      await repo.save(read, winner.record, winner.event);

      // Same read, and an event row that would not collide: only the ETag can stop it.
      const loser = change(read.record, 'Loser', 99);
      await rejectsWithConflict(repo.save(read, loser.record, loser.event));

      const after = await stored();
      assert.equal(after.record.referral.name, 'Winner');
      assert.equal(after.record.desk.revision, 2);
      const history = await repo.history(ID);
      assert.equal(history.length, 2);
      assert.deepEqual(
        history.map((e) => e.revision),
        [1, 2],
      );
    });

    it('throws ConflictError when the event of that revision is already stored', async () => {
      const repo = repository();
      const read = await createArrived();
      const winner = change(read.record, 'Winner');
      const saved = await repo.save(read, winner.record, winner.event);

      // A fresh ETag, but an event revision that exists: the whole change is refused.
      const clash = change(saved.record, 'Clash', 2);
      await rejectsWithConflict(repo.save(saved, clash.record, clash.event));

      const after = await stored();
      assert.equal(after.record.referral.name, 'Winner');
      assert.equal(after.etag, saved.etag);
      assert.equal((await repo.history(ID)).length, 2);
    });

    it('lets exactly one of 20 concurrent saves from the same read succeed', async () => {
      const repo = repository();
      const read = await createArrived();
      const changes = Array.from({ length: 20 }, (_, i) => change(read.record, `Writer ${i}`));

      const results = await Promise.allSettled(changes.map((c) => repo.save(read, c.record, c.event)));

      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
      assert.equal(won.length, 1, `exactly one save should succeed, ${won.length} did`);
      for (const r of results) {
        if (r.status === 'rejected') assert.ok(r.reason instanceof ConflictError, String(r.reason));
      }
      const after = await stored();
      assert.equal(after.record.referral.name, `Writer ${won[0]}`);
      const history = await repo.history(ID);
      assert.equal(history.length, 2);
      assert.deepEqual(history[1], changes[won[0]].event);
    });

    it('lets exactly one of 20 concurrent saves succeed even when their events would not collide', async () => {
      const repo = repository();
      const read = await createArrived();
      const changes = Array.from({ length: 20 }, (_, i) => change(read.record, `Writer ${i}`, 100 + i));

      const results = await Promise.allSettled(changes.map((c) => repo.save(read, c.record, c.event)));

      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
      assert.equal(won.length, 1, `exactly one save should succeed, ${won.length} did`);
      assert.equal((await stored()).record.referral.name, `Writer ${won[0]}`);
      assert.deepEqual(
        (await repo.history(ID)).map((e) => e.revision),
        [1, 100 + won[0]],
      );
    });
  });
});
