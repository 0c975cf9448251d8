import assert from 'node:assert/strict';
import { arrival } from '../../../bot/domain/incoming';
import { NOW } from '../../support/fixtures';
import { change, ID, richReferral, useFreshRepository } from './fixtures';

describe('store: ReferralRepository', () => {
  const { repository, stored, createArrived } = useFreshRepository();

  describe('takeBack', () => {
    it('removes a new referral with its arrival event, so it can be created again', async () => {
      const repo = repository();
      const { record, event } = arrival(richReferral(), NOW);
      assert.equal(await repo.create(record, event), true);

      assert.equal(await repo.takeBack({ record, event, previous: null }), 'takenBack');

      assert.equal(await repo.get(ID), null);
      assert.deepEqual(await repo.history(ID), []);
      assert.equal(await repo.create(record, event), true, 'nothing of it is left in the way');
    });

    it("puts a changed referral back as it was, its card included, and removes the change's event", async () => {
      const repo = repository();
      const card = { conversationId: '19:emea@thread.tacv2', activityId: '1732356000000', revision: 1 };
      const read = await repo.saveCard(await createArrived(), card);
      const next = change(read.record, 'Renamed');
      await repo.save(read, next.record, next.event);

      assert.equal(await repo.takeBack({ ...next, previous: read }), 'takenBack');

      const after = await stored();
      assert.deepEqual(after.record, read.record);
      assert.deepEqual(after.card, read.card);
      assert.deepEqual(
        (await repo.history(ID)).map((e) => e.revision),
        [1],
      );
    });

    it('leaves a referral that changed since as it is, and says whether the change was ever stored', async () => {
      const repo = repository();
      const read = await createArrived();
      const next = change(read.record, 'Renamed');
      const saved = await repo.save(read, next.record, next.event);
      const later = change(saved.record, 'Renamed again');
      await repo.save(saved, later.record, later.event);

      assert.equal(await repo.takeBack({ ...next, previous: read }), 'changedSince');
      assert.equal((await stored()).record.referral.name, 'Renamed again');
      assert.equal((await repo.history(ID)).length, 3);

      const never = change((await stored()).record, 'Never stored');
      assert.equal(await repo.takeBack({ ...never, previous: await stored() }), 'notStored');
      assert.equal(
        await repo.takeBack({ ...arrival(richReferral({ id: 'never-created' }), NOW), previous: null }),
        'notStored',
      );
    });

    it('leaves a new referral whose card was posted meanwhile', async () => {
      const repo = repository();
      const { record, event } = arrival(richReferral(), NOW);
      await repo.create(record, event);
      await repo.saveCard(await stored(), {
        conversationId: '19:emea@thread.tacv2',
        activityId: '1732356000000',
        revision: 1,
      });

      assert.equal(await repo.takeBack({ record, event, previous: null }), 'changedSince');
      assert.ok((await stored()).card);
    });
  });
});
