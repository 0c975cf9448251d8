import assert from 'node:assert/strict';
import { notTakenAtFirstSight } from '../../bot/domain/firstSight';
import type { Referral } from '../../bot/domain/referral';
import { NOW, receivedRecord } from '../support/fixtures';

/** A received referral (expiring 2026-12-07T08:00Z, two weeks after NOW) with `overrides`. */
const referral = (overrides: Record<string, unknown> = {}): Referral => ({
  ...receivedRecord().referral,
  ...overrides,
});

describe('firstSight: referrals the desk leaves alone when it first sees them', () => {
  it('takes an incoming referral that is still open, or whose direction is unset', () => {
    assert.equal(notTakenAtFirstSight(referral(), NOW), undefined);
    assert.equal(notTakenAtFirstSight(referral({ direction: undefined }), NOW), undefined);
  });

  it('leaves out an outgoing referral, however its direction is written', () => {
    for (const direction of ['Outgoing', 'outgoing', 'OUTGOING']) {
      assert.equal(notTakenAtFirstSight(referral({ direction }), NOW), 'outgoing', direction);
    }
  });

  it('leaves out one that is Expired, or still undecided at or past its expiry', () => {
    assert.equal(notTakenAtFirstSight(referral({ status: 'Closed', substatus: 'Expired' }), NOW), 'expired');
    const expiry = NOW.plus({ days: 14 }).minus({ hours: 1 });
    assert.equal(notTakenAtFirstSight(referral(), expiry.minus({ milliseconds: 1 })), undefined, 'a moment before');
    assert.equal(notTakenAtFirstSight(referral(), expiry), 'expired', 'at its expiry');
    const pending = referral({ status: 'New', substatus: 'Pending' });
    assert.equal(notTakenAtFirstSight(pending, expiry.plus({ days: 1 })), 'expired');
  });

  it('takes an Accepted or otherwise closed referral past its expiry: only unanswered ones expire', () => {
    const later = NOW.plus({ days: 30 });
    assert.equal(notTakenAtFirstSight(referral({ status: 'Active', substatus: 'Accepted' }), later), undefined);
    assert.equal(notTakenAtFirstSight(referral({ status: 'Closed', substatus: 'Won' }), later), undefined);
  });
});
