import assert from 'node:assert/strict';
import { type CardLocation } from '../../../bot/store/referralRepository';
import { change, ID, rejectsWithConflict, useFreshRepository } from './fixtures';

describe('store: ReferralRepository', () => {
  const { repository, stored, createArrived } = useFreshRepository();

  describe('saveCard', () => {
    const CARD: CardLocation = { conversationId: '19:emea@thread.tacv2', activityId: '1732356000000', revision: 1 };

    it('records where the card is', async () => {
      const repo = repository();
      const read = await createArrived();
      const saved = await repo.saveCard(read, CARD);

      const after = await stored();
      assert.deepEqual(after.card, CARD);
      assert.deepEqual(saved.card, CARD);
      assert.equal(saved.etag, after.etag);
      assert.deepEqual(after.record, read.record);
      assert.equal((await repo.history(ID)).length, 1, 'a card location is not a history event');
    });

    it('throws ConflictError on a stale ETag and keeps the stored card', async () => {
      const repo = repository();
      const read = await createArrived();
      await repo.saveCard(read, CARD);

      await rejectsWithConflict(repo.saveCard(read, { ...CARD, activityId: 'other', revision: 7 }));

      assert.deepEqual((await stored()).card, CARD);
    });

    it('throws ConflictError when the referral changed since it was read', async () => {
      const repo = repository();
      const read = await createArrived();
      const next = change(read.record, 'Changed');
      await repo.save(read, next.record, next.event);
      await rejectsWithConflict(repo.saveCard(read, CARD));
      assert.equal((await stored()).card, undefined);
    });

    it('keeps the card location through a later save', async () => {
      const repo = repository();
      const read = await createArrived();
      const withCard = await repo.saveCard(read, CARD);
      const next = change(withCard.record, 'Renamed');

      const saved = await repo.save(withCard, next.record, next.event);

      assert.deepEqual(saved.card, CARD);
      const after = await stored();
      assert.deepEqual(after.card, CARD);
      assert.equal(after.record.referral.name, 'Renamed');
    });

    it('keeps the card location through a save from a fresh read', async () => {
      const repo = repository();
      const read = await createArrived();
      await repo.saveCard(read, CARD);
      const fresh = await stored();
      const next = change(fresh.record, 'Renamed');
      await repo.save(fresh, next.record, next.event);
      assert.deepEqual((await stored()).card, CARD);
    });

    it('refuses a save from a read taken before the card was recorded', async () => {
      const repo = repository();
      const read = await createArrived();
      await repo.saveCard(read, CARD);
      const next = change(read.record, 'Stale');
      await rejectsWithConflict(repo.save(read, next.record, next.event));
      const after = await stored();
      assert.deepEqual(after.card, CARD);
      assert.equal(after.record.referral.name, 'Contoso cloud migration');
    });
  });
});
