import assert from 'node:assert/strict';
import { generateReferral } from '../../../tools/partnerCenterSimulator';
import { DEVICE_LOGIN_PATH } from '../../../tools/partnerCenterSimulator/simulator';
import { NOW } from '../../support/fixtures';
import { onboardingCalls, REFERRALS_SCOPE, useOnboardingSimulator, WEBHOOK_SCOPE } from './fixtures';

/** The parts of the simulator that onboarding uses: device-code sign-in, and the webhook registration API. */
describe('Partner Center simulator: signing in with a device code, and the webhook registration API', () => {
  const referral = generateReferral(1, NOW);

  const { simulator, simulatorClock } = useOnboardingSimulator([referral]);

  const { askDeviceCode, poll, redeem, call } = onboardingCalls(simulator);

  describe('device code sign-in (stand-in for Entra ID)', () => {
    it('gives a device code, a user code, the page to enter it at, and Entra’s lifetime and interval', async () => {
      const sim = simulator();
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
      const sim = simulator();
      assert.equal((await askDeviceCode(REFERRALS_SCOPE, 'another-app')).body.error, 'unauthorized_client');
      assert.equal((await askDeviceCode('https://graph.microsoft.com/.default')).body.error, 'invalid_scope');
      assert.equal((await askDeviceCode(`${REFERRALS_SCOPE} ${WEBHOOK_SCOPE}`)).body.error, 'invalid_scope');
      const get = await fetch(`${sim.url}/${sim.credentials.tenantId}/oauth2/v2.0/devicecode`);
      assert.equal(get.status, 405);
      await get.arrayBuffer();
    });

    it('answers pending, slow_down to a poll within the interval (which grows by 5 s), then tokens once', async () => {
      const clock = simulatorClock();

      const sim = simulator();
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
      const clock = simulatorClock();

      const sim = simulator();
      const { body: code } = await askDeviceCode('https://api.partner.microsoft.com/.default');
      sim.answerSignIn(code.user_code, 'approve');
      clock.advance({ seconds: 5 });
      const signedIn = await poll(code.device_code);
      assert.equal(signedIn.status, 200);
      assert.equal(signedIn.body.refresh_token, undefined);
    });

    it('answers declined, expired, an unknown device code, and a wrong client secret as Entra does', async () => {
      const clock = simulatorClock();

      const sim = simulator();
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
      const sim = simulator();
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
});
