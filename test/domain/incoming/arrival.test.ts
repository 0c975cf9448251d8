import assert from 'node:assert/strict';
import { PARTNER_CENTER_ACTOR, arrival } from '../../../bot/domain/incoming';
import { sharedFieldsOf } from '../../../bot/domain/partnerCenterCopy';
import { NOW, receivedRecord } from '../../support/fixtures';

describe('incoming', () => {
  describe('arrival', () => {
    it('makes revision 1 with a "received" event by Partner Center', () => {
      const referral = receivedRecord().referral;
      const { record, event } = arrival(referral, NOW, 'direct', 'etag-1');
      assert.deepEqual(record, {
        referral,
        desk: {
          revision: 1,
          partnerCenter: {
            copy: { eTag: 'etag-1', updatedDateTime: referral.updatedDateTime, fields: sharedFieldsOf(referral) },
          },
        },
      });
      assert.deepEqual(event, {
        referralId: referral.id,
        revision: 1,
        at: '2026-11-23T09:00:00.000Z',
        actor: PARTNER_CENTER_ACTOR,
        action: 'received',
        changes: [],
      });
    });

    it('stamps the event in UTC whatever zone the clock is in', () => {
      const { event } = arrival(receivedRecord().referral, NOW.setZone('Asia/Tokyo'));
      assert.equal(event.at, '2026-11-23T09:00:00.000Z');
    });

    it('is made by Partner Center, not a Teams user', () => {
      assert.deepEqual(PARTNER_CENTER_ACTOR, { id: 'partner-center', name: 'Partner Center' });
    });
  });
});
