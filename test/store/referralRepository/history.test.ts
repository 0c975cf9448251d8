import assert from 'node:assert/strict';
import { PARTNER_CENTER_ACTOR } from '../../../bot/domain/incoming';
import { change, ID, useFreshRepository } from './fixtures';

describe('store: ReferralRepository', () => {
  const { repository, createArrived } = useFreshRepository();

  describe('history', () => {
    it('returns the events oldest first, past revision 9', async () => {
      const repo = repository();
      let current = await createArrived();
      for (let i = 0; i < 11; i++) {
        const next = change(current.record, `Name ${i}`);
        current = await repo.save(current, next.record, next.event);
      }

      const history = await repo.history(ID);

      assert.deepEqual(
        history.map((e) => e.revision),
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      );
      assert.deepEqual(history[0].actor, PARTNER_CENTER_ACTOR);
      assert.equal(history[0].action, 'received');
      assert.deepEqual(history[11].changes, [{ field: 'name', before: 'Name 9', after: 'Name 10' }]);
      const times = history.map((e) => e.at);
      assert.deepEqual(times, [...times].sort());
    });

    it('gives the events of a span of revisions, read by key or by query, as the history has them', async () => {
      const repo = repository();
      let current = await createArrived();
      for (let i = 0; i < 7; i++) {
        const next = change(current.record, `Name ${i}`);
        // Revision 4 changes nothing anyone sees in the history: no event.
        current = await repo.save(current, next.record, i === 2 ? null : next.event);
      }
      const history = await repo.history(ID);
      const revisions = async (after: number, through: number) =>
        (await repo.events(ID, after, through)).map((event) => event.revision);
      assert.deepEqual(await revisions(0, 1), [1]);
      assert.deepEqual(await revisions(2, 5), [3, 5], 'by key, the revision without an event left out');
      assert.deepEqual(await revisions(0, 8), [1, 2, 3, 5, 6, 7, 8], 'by query');
      assert.deepEqual(await repo.events(ID, 0, 8), history);
      assert.deepEqual(await revisions(8, 8), []);
    });
  });
});
