import assert from 'node:assert/strict';
import { generateReferral, type PartnerCenterSimulator } from '../../tools/partnerCenterSimulator';
import { sharedTestPki } from '../../tools/partnerCenterSimulator/certificates';
import { DEVICE_LOGIN_PATH } from '../../tools/partnerCenterSimulator/simulator';
import { WebhookSubscription } from '../../tools/partnerCenterSimulator/webhookSubscription';
import { NOW } from '../support/fixtures';
import { MovableClock } from '../support/movableClock';
import { startControlledSimulator } from '../support/controlledSimulator';
import type { WireObject } from '../support/wireJson';

const REFERRALS_SCOPE = 'https://api.partner.microsoft.com/.default offline_access';
const WEBHOOK_SCOPE = 'https://api.partnercenter.microsoft.com/user_impersonation';
const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** The parts of the simulator that onboarding uses: device-code sign-in, and the webhook registration API. */
describe('Partner Center simulator: signing in with a device code, and the webhook registration API', () => {
  let clock: MovableClock;
  let sim: PartnerCenterSimulator;
  const referral = generateReferral(1, NOW);

  beforeEach(async () => {
    clock = new MovableClock();
    sim = await startControlledSimulator({ clock: clock.read, referrals: [referral] });
  });
  afterEach(async () => sim.stop());

  async function form(path: string, fields: Record<string, string>) {
    const response = await fetch(`${sim.url}/${sim.credentials.tenantId}/oauth2/v2.0/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: response.status, body: (await response.json()) as WireObject };
  }

  const askDeviceCode = (scope = REFERRALS_SCOPE, clientId = sim.credentials.clientId) =>
    form('devicecode', { client_id: clientId, scope });
  const poll = (deviceCode: string, overrides: Record<string, string> = {}) =>
    form('token', {
      grant_type: DEVICE_GRANT,
      client_id: sim.credentials.clientId,
      client_secret: sim.credentials.clientSecret,
      device_code: deviceCode,
      ...overrides,
    });
  const redeem = (refreshToken: string, scope: string) =>
    form('token', {
      grant_type: 'refresh_token',
      client_id: sim.credentials.clientId,
      client_secret: sim.credentials.clientSecret,
      refresh_token: refreshToken,
      scope,
    });

  async function call(path: string, token: string, init: RequestInit = {}) {
    const response = await fetch(`${sim.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }

  describe('device code sign-in (stand-in for Entra ID)', () => {
    it('gives a device code, a user code, the page to enter it at, and Entra’s lifetime and interval', async () => {
      const { status, body } = await askDeviceCode();
      assert.equal(status, 200);
      assert.match(body.user_code, /^[B-Z2-9]{9}$/);
      assert.equal(typeof body.device_code, 'string');
      assert.equal(body.verification_uri, `${sim.url}${DEVICE_LOGIN_PATH}`);
      assert.equal(body.expires_in, 900);
      assert.equal(body.interval, 5);
      assert.equal(
        body.message,
        `To sign in, use a web browser to open the page ${body.verification_uri} ` +
          `and enter the code ${body.user_code} to authenticate.`,
      );
    });

    it('refuses an unknown app, a scope of no Partner Center resource or of two, and a GET', async () => {
      assert.equal((await askDeviceCode(REFERRALS_SCOPE, 'another-app')).body.error, 'unauthorized_client');
      assert.equal((await askDeviceCode('https://graph.microsoft.com/.default')).body.error, 'invalid_scope');
      assert.equal((await askDeviceCode(`${REFERRALS_SCOPE} ${WEBHOOK_SCOPE}`)).body.error, 'invalid_scope');
      const get = await fetch(`${sim.url}/${sim.credentials.tenantId}/oauth2/v2.0/devicecode`);
      assert.equal(get.status, 405);
      await get.arrayBuffer();
    });

    it('answers pending, slow_down to a poll within the interval (which grows by 5 s), then tokens once', async () => {
      const { body: code } = await askDeviceCode();
      clock.advance({ seconds: 5 });
      assert.equal((await poll(code.device_code)).body.error, 'authorization_pending');
      clock.advance({ seconds: 4 });
      const early = await poll(code.device_code);
      assert.equal(early.body.error, 'slow_down');
      clock.advance({ seconds: 9 });
      assert.equal((await poll(code.device_code)).body.error, 'slow_down', 'the interval is 10 s now');
      clock.advance({ seconds: 15 });
      assert.equal((await poll(code.device_code)).body.error, 'authorization_pending');
      assert.equal(
        sim.answerSignIn(code.user_code.toLowerCase(), 'approve'),
        true,
        'the user code is taken in any case',
      );
      clock.advance({ seconds: 15 });
      const signedIn = await poll(code.device_code);
      assert.equal(signedIn.status, 200);
      assert.equal(signedIn.body.scope, 'https://api.partner.microsoft.com/.default');
      const referrals = await call(`/v1.0/engagements/referrals/${String(referral.id)}`, signedIn.body.access_token);
      assert.equal(referrals.status, 200);
      assert.equal(
        (await redeem(signedIn.body.refresh_token, WEBHOOK_SCOPE)).status,
        200,
        'its refresh token works for the webhook API too',
      );
      clock.advance({ seconds: 15 });
      const again = await poll(code.device_code);
      assert.equal(again.body.error, 'invalid_grant');
      assert.deepEqual(again.body.error_codes, [54005]);
    });

    it('hands out no refresh token without offline_access, as Entra does', async () => {
      const { body: code } = await askDeviceCode('https://api.partner.microsoft.com/.default');
      sim.answerSignIn(code.user_code, 'approve');
      clock.advance({ seconds: 5 });
      const signedIn = await poll(code.device_code);
      assert.equal(signedIn.status, 200);
      assert.equal(signedIn.body.refresh_token, undefined);
    });

    it('answers declined, expired, an unknown device code, and a wrong client secret as Entra does', async () => {
      const { body: declined } = await askDeviceCode();
      const { body: expiring } = await askDeviceCode();
      sim.answerSignIn(declined.user_code, 'decline');
      clock.advance({ seconds: 5 });
      assert.equal((await poll(declined.device_code)).body.error, 'authorization_declined');
      assert.equal((await poll(expiring.device_code, { client_secret: 'wrong' })).body.error, 'invalid_client');
      assert.equal((await poll('made-up')).body.error, 'bad_verification_code');
      clock.advance({ seconds: 895 });
      const expired = await poll(expiring.device_code);
      assert.equal(expired.body.error, 'expired_token');
      assert.match(expired.body.error_description, /^AADSTS70020: /);
      assert.equal(sim.answerSignIn(expiring.user_code, 'approve'), false, 'an expired code cannot be approved');
    });

    it('plays the user at its verification page over HTTP, naming what is wrong in the request', async () => {
      const { body: code } = await askDeviceCode();
      const page = (body: unknown) =>
        fetch(`${sim.url}${DEVICE_LOGIN_PATH}`, { method: 'POST', body: JSON.stringify(body) });
      const field = async (response: Response) => ((await response.json()) as { field?: string }).field;
      const noCode = await page({ decision: 'approve' });
      assert.equal(noCode.status, 400);
      assert.equal(await field(noCode), 'userCode');
      const noDecision = await page({ userCode: code.user_code, decision: 'maybe' });
      assert.equal(noDecision.status, 400);
      assert.equal(await field(noDecision), 'decision');
      const unknown = await page({ userCode: 'NOTACODE', decision: 'approve' });
      assert.equal(unknown.status, 404);
      assert.equal(await field(unknown), 'userCode');
      const approved = await page({ userCode: code.user_code, decision: 'approve' });
      assert.equal(approved.status, 200);
      await approved.arrayBuffer();
      assert.equal(sim.deviceCodes[0].state, 'approved');
      const howTo = await fetch(`${sim.url}${DEVICE_LOGIN_PATH}`);
      assert.match(
        ((await howTo.json()) as { message: string }).message,
        /POST \/simulator\/device-login with \{ "userCode"/,
      );
    });
  });

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
      token = (await redeem(sim.credentials.refreshToken, WEBHOOK_SCOPE)).body.access_token;
    });

    it('takes only tokens for api.partnercenter.microsoft.com, and the Referrals API not those', async () => {
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
