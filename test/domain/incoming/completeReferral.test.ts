import assert from 'node:assert/strict';
import { applyIncoming, completeReferral, type IncomingReferral } from '../../../bot/domain/incoming';
import { NOW, receivedRecord } from '../../support/fixtures';

describe('incoming', () => {
  describe('completeReferral', () => {
    const bare = (overrides: Partial<IncomingReferral> = {}): IncomingReferral => {
      const { createdDateTime: _c, updatedDateTime: _u, expirationDateTime: _e, ...rest } = receivedRecord().referral;
      return { ...rest, ...overrides };
    };

    it('keeps the timestamps Partner Center sent', () => {
      const referral = completeReferral(
        bare({
          createdDateTime: '2026-11-20T15:00:00.000Z',
          updatedDateTime: '2026-11-21T15:00:00.000Z',
          expirationDateTime: '2026-12-01T00:00:00.000Z',
        }),
        undefined,
        NOW,
      );
      assert.deepEqual(
        [referral.createdDateTime, referral.updatedDateTime, referral.expirationDateTime],
        ['2026-11-20T15:00:00.000Z', '2026-11-21T15:00:00.000Z', '2026-12-01T00:00:00.000Z'],
      );
    });

    it('expires 14 days after creation without an expiry, and is updated when created', () => {
      const referral = completeReferral(bare({ createdDateTime: '2026-11-20T15:00:00.000Z' }), undefined, NOW);
      assert.equal(referral.expirationDateTime, '2026-12-04T15:00:00.000Z');
      assert.equal(referral.updatedDateTime, '2026-11-20T15:00:00.000Z');
    });

    it('takes now for a new referral without any timestamp', () => {
      const referral = completeReferral(bare(), undefined, NOW);
      assert.deepEqual(
        [referral.createdDateTime, referral.updatedDateTime, referral.expirationDateTime],
        ['2026-11-23T09:00:00.000Z', '2026-11-23T09:00:00.000Z', '2026-12-07T09:00:00.000Z'],
      );
    });

    it('takes the stored timestamps for a repeated delivery without them, so it changes nothing', () => {
      const stored = completeReferral(bare(), undefined, NOW);
      const again = completeReferral(bare(), stored, NOW.plus({ hours: 5 }));
      assert.equal(again.createdDateTime, stored.createdDateTime);
      assert.equal(again.updatedDateTime, stored.updatedDateTime);
      assert.equal(applyIncoming({ referral: stored, desk: { revision: 1 } }, again, NOW.plus({ hours: 5 })), null);
    });
  });
});
