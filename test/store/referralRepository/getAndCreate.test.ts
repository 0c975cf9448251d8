import assert from 'node:assert/strict';
import { arrival } from '../../../bot/domain/incoming';
import type { ReferralRecord } from '../../../bot/domain/referral';
import { NOW } from '../../support/fixtures';
import { ALICE, ID, richReferral, useFreshRepository } from './fixtures';

describe('store: ReferralRepository', () => {
  const { repository, stored, createArrived } = useFreshRepository();

  describe('get and create', () => {
    it('returns null for an unknown id', async () => {
      const repo = repository();
      assert.equal(await repo.get('no-such-referral'), null);
    });

    it('round-trips the whole record, extra fields included', async () => {
      const repo = repository();
      const record: ReferralRecord = {
        referral: richReferral(),
        desk: {
          revision: 1,
          owner: ALICE,
          lastDecision: { action: 'accept', by: ALICE, at: '2026-11-23T09:00:00.000Z' },
        },
      };
      const event = arrival(record.referral, NOW).event;

      assert.equal(await repo.create(record, event), true);
      const found = await stored();

      assert.deepEqual(found.record, record);
      assert.equal(typeof found.etag, 'string');
      assert.ok(found.etag.length > 0, 'an ETag is returned');
      assert.equal(found.card, undefined);
      assert.deepEqual(await repo.history(ID), [event]);
    });

    it('refuses to create an existing id and stores no second arrival event', async () => {
      const repo = repository();
      const first = await createArrived();
      const again = arrival(richReferral({ name: 'A second delivery' }), NOW.plus({ minutes: 5 }));

      assert.equal(await repo.create(again.record, again.event), false);

      const after = await stored();
      assert.equal(after.record.referral.name, 'Contoso cloud migration');
      assert.equal(after.etag, first.etag, 'the stored entity was not touched');
      const history = await repo.history(ID);
      assert.equal(history.length, 1);
      assert.equal(history[0].at, '2026-11-23T09:00:00.000Z');
    });

    it('keeps referrals apart', async () => {
      const repo = repository();
      await createArrived(richReferral({ id: 'r-1', name: 'One' }));
      await createArrived(richReferral({ id: 'r-10', name: 'Ten' }));
      assert.equal((await stored('r-1')).record.referral.name, 'One');
      assert.equal((await stored('r-10')).record.referral.name, 'Ten');
      assert.deepEqual(
        (await repo.history('r-1')).map((e) => e.referralId),
        ['r-1'],
      );
      assert.deepEqual(await repo.history('r-2'), []);
    });
  });
});
