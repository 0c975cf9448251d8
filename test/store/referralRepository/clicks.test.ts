import assert from 'node:assert/strict';
import { CLICKS_KEPT } from '../../../bot/store/referralRepository';
import { change, ID, useFreshRepository } from './fixtures';

describe('store: ReferralRepository, the clicks that changed a referral', () => {
  const { repository, createArrived } = useFreshRepository();
  const click = (n: number) => ({ actorId: 'aad-alice', activityId: `f:${n}` });

  it('keeps the last CLICKS_KEPT clicks in the row, through saves without a click and a take-back', async () => {
    const repo = repository();
    let current = await createArrived();
    for (let n = 1; n <= CLICKS_KEPT + 1; n++) {
      const next = change(current.record, `Change ${n}`);
      current = await repo.save(current, next.record, next.event, click(n));
    }
    const found = async (n: number) => (await repo.getWithClick(ID, click(n))).clicked;
    assert.equal(await found(1), false, 'the oldest is forgotten');
    assert.equal(await found(2), true);
    assert.equal(await found(CLICKS_KEPT + 1), true);
    assert.equal((await repo.getWithClick(ID, { actorId: 'aad-bob', activityId: 'f:2' })).clicked, false, 'per sender');

    const plain = change(current.record, 'Partner Center update');
    const saved = await repo.save(current, plain.record, plain.event);
    assert.equal(await found(CLICKS_KEPT + 1), true, 'a change without a click keeps them');
    assert.equal(await repo.takeBack({ ...plain, previous: current }), 'takenBack');
    assert.notEqual((await repo.get(ID))?.etag, saved.etag);
    assert.equal(await found(CLICKS_KEPT + 1), true, 'and so does taking a change back');
  });
});
