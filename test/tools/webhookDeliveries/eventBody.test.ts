import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { parseWebhookEvent } from '../../../bot/partnerCenter/webhookEvents';
import { eventBody } from '../../../tools/partnerCenterSimulator/webhooks';
import { NOW, REFERRAL_URI } from './fixtures';

describe("the simulator's webhook deliveries", () => {
  describe('eventBody', () => {
    it('writes a referral event as Partner Center does, to the seven fractional digits of its date', () => {
      const body = eventBody(
        'referral-created',
        REFERRAL_URI,
        DateTime.fromISO('2026-03-02T10:15:30.123+01:00', { setZone: true }),
      );
      assert.equal(
        JSON.stringify(body),
        `{"EventName":"referral-created","ResourceUri":"${REFERRAL_URI}","ResourceName":"referral","AuditUri":null,"ResourceChangeUtcDate":"2026-03-02T09:15:30.1230000+00:00"}`,
      );
    });

    it('names the resource "test" for a test delivery', () => {
      assert.equal(
        eventBody(
          'test-created',
          'https://api.partnercenter.microsoft.com/webhooks/v1/registration/validationEvents/c0bf',
          NOW,
        ).ResourceName,
        'test',
      );
    });

    it("is read back by the desk's parser", () => {
      const parsed = parseWebhookEvent(eventBody('related-referral-updated', REFERRAL_URI, NOW));
      assert.ok(parsed.kind === 'event');
      assert.equal(parsed.event.event, 'related-referral-updated');
      assert.equal(parsed.event.referralId, '7e2b0c8a-5f0e-4c9e-9d1f-2f3b6a1c0d42');
      assert.equal(parsed.event.changedAt.toISO(), '2026-06-01T12:00:00.000Z');
    });
  });
});
