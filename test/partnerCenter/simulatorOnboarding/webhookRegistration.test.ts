import assert from 'node:assert/strict';
import { generateReferral } from '../../../tools/partnerCenterSimulator';
import { sharedTestPki } from '../../../tools/partnerCenterSimulator/certificates';
import { WebhookSubscription } from '../../../tools/partnerCenterSimulator/webhookSubscription';
import { NOW } from '../../support/fixtures';
import { onboardingCalls, REFERRALS_SCOPE, useOnboardingSimulator, WEBHOOK_SCOPE } from './fixtures';

/** The parts of the simulator that onboarding uses: device-code sign-in, and the webhook registration API. */
describe('Partner Center simulator: signing in with a device code, and the webhook registration API', () => {
  const referral = generateReferral(1, NOW);

  const { simulator, simulatorClock } = useOnboardingSimulator([referral]);

  const { redeem, call } = onboardingCalls(simulator);

  describe('webhook registration API', () => {
    let token: string;
    const registration = '/webhooks/v1/registration';
    const send = (method: string, path: string, body?: unknown) =>
      call(path, token, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    beforeEach(async () => {
      const sim = simulator();
      token = (await redeem(sim.credentials.refreshToken, WEBHOOK_SCOPE)).body.access_token;
    });

    it('takes only tokens for api.partnercenter.microsoft.com, and the Referrals API not those', async () => {
      const sim = simulator();
      const referralsToken = (await redeem(sim.credentials.refreshToken, REFERRALS_SCOPE)).body.access_token;
      const refused = await call(registration, referralsToken);
      assert.equal(refused.status, 401);
      assert.match(
        refused.body.error.message,
        /another resource; this API takes tokens for https:\/\/api\.partnercenter\.microsoft\.com$/,
      );
      assert.equal((await call(`/v1.0/engagements/referrals/${String(referral.id)}`, token)).status, 401);
    });

    it('creates one registration with POST (409 for a second), changes it with PUT (404 without one)', async () => {
      const sim = simulator();
      assert.equal((await send('GET', registration)).status, 404);
      assert.equal(
        (await send('PUT', registration, { WebhookUrl: 'https://desk.example.com/e', WebhookEvents: ['test-created'] }))
          .status,
        404,
      );
      const created = await send('POST', registration, {
        webhookUrl: 'https://desk.example.com/e',
        webhookEvents: ['Referral-Created', 'test-created'],
      });
      assert.equal(created.status, 200);
      assert.deepEqual(Object.keys(created.body), ['SubscriberId', 'WebhookUrl', 'WebhookEvents']);
      assert.deepEqual(
        created.body.WebhookEvents,
        ['referral-created', 'test-created'],
        'event names are taken in any case',
      );
      assert.equal(
        (
          await send('POST', registration, {
            WebhookUrl: 'https://other.example.com/e',
            WebhookEvents: ['test-created'],
          })
        ).status,
        409,
      );
      const changed = await send('PUT', registration, {
        WebhookUrl: 'https://desk.example.com/moved',
        WebhookEvents: ['referral-updated'],
      });
      assert.equal(changed.status, 200);
      assert.equal(changed.body.SubscriberId, created.body.SubscriberId);
      assert.deepEqual((await send('GET', registration)).body, changed.body);
      assert.equal(sim.webhookRegistration?.url(), 'https://desk.example.com/moved');
    });

    it('refuses a body naming a bad URL or an unknown event, naming the field', async () => {
      const target = async (body: unknown) => (await send('POST', registration, body)).body.error.target;
      assert.equal(
        await target({ WebhookUrl: 'http://desk.example.com/e', WebhookEvents: ['test-created'] }),
        'WebhookUrl',
      );
      assert.equal(await target({ WebhookUrl: 'https://desk.example.com/e', WebhookEvents: [] }), 'WebhookEvents');
      const unknown = await send('POST', registration, {
        WebhookUrl: 'https://desk.example.com/e',
        WebhookEvents: ['referral-deleted'],
      });
      assert.equal(unknown.status, 400);
      assert.match(
        unknown.body.error.message,
        /^Unknown events: referral-deleted; see GET \/webhooks\/v1\/registration\/events$/,
      );
      assert.ok((await send('GET', `${registration}/events`)).body.includes('related-referral-updated'));
    });

    it('sends a test event only for a registration with test-created, two a minute, when it can sign one', async () => {
      const clock = simulatorClock();

      const sim = simulator();
      const validation = `${registration}/validationEvents`;
      assert.equal((await send('POST', validation)).status, 404, 'no registration yet');
      sim.registerWebhook('https://desk.example.com/e', ['referral-created']);
      const without = await send('POST', validation);
      assert.equal(without.status, 400);
      assert.match(without.body.error.message, /Register the test-created event/);
      sim.registerWebhook('https://desk.example.com/e');
      assert.equal(
        (await send('POST', validation)).status,
        503,
        'a simulator without a signing certificate delivers nothing',
      );

      const delivered: string[] = [];
      const unsubscribe = sim.onValidationRequest((event) => delivered.push(event.correlationId));
      const first = await send('POST', validation);
      assert.equal(first.status, 200);
      assert.equal((await send('POST', validation)).status, 200);
      const third = await send('POST', validation);
      assert.equal(third.status, 429);
      assert.equal(third.headers.get('retry-after'), '60');
      clock.advance({ seconds: 60 });
      assert.equal((await send('POST', validation)).status, 200);
      unsubscribe();
      assert.equal(delivered.length, 3);
      assert.equal(delivered[0], first.body.correlationId);

      const state = await send('GET', `${validation}/${first.body.correlationId}`);
      assert.deepEqual(state.body, {
        correlationId: first.body.correlationId,
        partnerId: sim.credentials.tenantId,
        status: 'pending',
        callbackUrl: 'https://desk.example.com/e',
        results: [],
      });
      assert.equal((await send('GET', `${validation}/not-one`)).status, 404);
    });

    it('delivers a signed test event to the registered URL, recording each attempt (nobody listens here)', async () => {
      const sim = simulator();
      const subscription = new WebhookSubscription(sim, { certificate: sharedTestPki(), sleep: async () => undefined });
      try {
        sim.registerWebhook('http://127.0.0.1:9/nobody-listens');
        const { body } = await send('POST', `${registration}/validationEvents`);
        await subscription.settled();
        const state = (await send('GET', `${registration}/validationEvents/${body.correlationId}`)).body;
        assert.equal(state.status, 'failed');
        assert.equal(state.results.length, 10, 'tried 10 times, as Partner Center does');
        assert.ok(
          state.results.every(
            (r: { systemError: boolean; responseCode: string }) => r.systemError && r.responseCode === '',
          ),
        );
        assert.match(state.results[0].dateTimeUtc, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}$/);
      } finally {
        subscription.stop();
      }
    });
  });
});
