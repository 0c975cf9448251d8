import assert from 'node:assert/strict';
import {
  DESK_WEBHOOK_EVENTS,
  deliveryOutcome,
  isSuccessCode,
  planRegistration,
  readRegistration,
  readTestEventStatus,
  type TestEventStatus,
} from '../../tools/partnerCenter/webhookPlan';
import { apiUrlFrom, webhookUrlFrom } from '../../tools/partnerCenter/webhookUrl';

const URL_ = 'https://desk.example.com/api/partner-center/events';

describe('partner-center:webhooks: what to register, and how a test delivery went (pure)', () => {
  it('creates a registration of the four referral events and test-created when there is none', () => {
    assert.deepEqual(planRegistration(undefined, URL_), {
      action: 'create',
      body: {
        WebhookUrl: URL_,
        WebhookEvents: [
          'referral-created',
          'referral-updated',
          'related-referral-created',
          'related-referral-updated',
          'test-created',
        ],
      },
    });
  });

  it('keeps a registration with the same URL (scheme, host in any case) and every event, whatever else', () => {
    const plan = planRegistration(
      {
        url: 'HTTPS://Desk.Example.com/api/partner-center/events',
        events: ['subscription-updated', ...DESK_WEBHOOK_EVENTS],
      },
      URL_,
    );
    assert.deepEqual(plan, { action: 'keep', others: ['subscription-updated'] });
  });

  it('updates a registration missing an event, or at another URL or path, keeping the events it has', () => {
    const missing = planRegistration({ url: URL_, events: ['referral-created', 'Referral-Updated'] }, URL_);
    assert.equal(missing.action, 'update');
    assert.deepEqual(missing.action === 'update' && missing.body.WebhookEvents, [
      'referral-created',
      'Referral-Updated',
      'related-referral-created',
      'related-referral-updated',
      'test-created',
    ]);
    assert.deepEqual(missing.action === 'update' && missing.changes, [
      'add related-referral-created, related-referral-updated, test-created',
    ]);
    const moved = planRegistration(
      { url: 'https://desk.example.com/API/partner-center/events', events: [...DESK_WEBHOOK_EVENTS] },
      URL_,
    );
    assert.equal(moved.action, 'update', 'the path is compared exactly');
    assert.deepEqual(moved.action === 'update' && moved.changes, [
      `URL https://desk.example.com/API/partner-center/events → ${URL_}`,
    ]);
  });

  it('reads a registration in either letter case, and none from an answer without a URL', () => {
    assert.deepEqual(readRegistration({ webhookUrl: URL_, webhookEvents: ['test-created', 3] }), {
      url: URL_,
      events: ['test-created'],
    });
    assert.deepEqual(readRegistration({ SubscriberId: 's', WebhookUrl: URL_, WebhookEvents: [] }), {
      url: URL_,
      events: [],
    });
    assert.equal(readRegistration({ WebhookUrl: '' }), undefined);
    assert.equal(readRegistration(null), undefined);
  });

  it('reads Partner Center’s test event state, and names what is missing', () => {
    const status = readTestEventStatus({
      correlationId: '04af2aea-d413-42db-824e-f328001484d1',
      partnerId: '00234d9d-8c2d-4ff5-8c18-39f8afc6f7f3',
      status: 'completed',
      callbackUrl: URL_,
      results: [
        { responseCode: 'OK', responseMessage: '', systemError: false, dateTimeUtc: '2017-12-08T21:39:48.2386997' },
      ],
    });
    assert.equal(status.callbackUrl, URL_);
    assert.equal(deliveryOutcome(status), 'delivered');
    assert.throws(() => readTestEventStatus({ results: [] }), /the answer has no status/);
    assert.throws(() => readTestEventStatus([]), /not a JSON object/);
  });

  it('counts a delivery as made only on a 2xx answer, by name or number; pending while still on its way', () => {
    assert.deepEqual(['OK', 'accepted', 'NoContent', '200', '204'].map(isSuccessCode), [true, true, true, true, true]);
    assert.deepEqual(['Unauthorized', '404', 'OKAY', '', '2000'].map(isSuccessCode), [
      false,
      false,
      false,
      false,
      false,
    ]);
    const result = (responseCode: string, systemError = false) => ({
      responseCode,
      responseMessage: '',
      systemError,
      dateTimeUtc: '',
    });
    const state = (status: string, results: TestEventStatus['results']): TestEventStatus => ({
      correlationId: 'c',
      status,
      results,
    });
    assert.equal(deliveryOutcome(state('pending', [result('ServiceUnavailable')])), 'pending');
    assert.equal(deliveryOutcome(state('failed', [result('Unauthorized')])), 'failed');
    assert.equal(deliveryOutcome(state('completed', [])), 'failed', 'completed without a 2xx answer is not delivered');
    assert.equal(deliveryOutcome(state('failed', [result('ServiceUnavailable'), result('OK')])), 'delivered');
  });

  it('builds the URL from --url or BOT_DOMAIN: https, http only for this machine', () => {
    assert.equal(webhookUrlFrom(undefined, ' desk.example.com '), URL_);
    assert.equal(
      webhookUrlFrom('http://[::1]:3978/api/partner-center/events', 'ignored.example.com'),
      'http://[::1]:3978/api/partner-center/events',
    );
    assert.throws(
      () => webhookUrlFrom('http://10.0.0.5/api/partner-center/events', undefined),
      /^CommandError: --url must be an https URL/,
    );
    assert.throws(() => webhookUrlFrom('https://user:pw@desk.example.com/x', undefined), /--url must be an https URL/);
    for (const domain of ['desk.example.com:8443', 'desk.example.com/api', 'https://desk.example.com']) {
      assert.throws(
        () => webhookUrlFrom(undefined, domain),
        new RegExp(`BOT_DOMAIN must be the desk's host name only.*not "${domain}"`),
      );
    }
    assert.throws(() => webhookUrlFrom(undefined, ''), /set BOT_DOMAIN .* or pass --url/);
    assert.equal(apiUrlFrom('http://127.0.0.1:4010/webhooks/v1/'), 'http://127.0.0.1:4010/webhooks/v1');
    assert.throws(() => apiUrlFrom('http://api.example.com/webhooks/v1'), /^CommandError: --api must be an https URL/);
  });
});
