import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { VERBS } from '../../cards/verbs';
import { TOKEN_REFUSALS, type TokenRefusalReason } from '../../bot/teams/channelAuth/channelToken';
import { RETRY_AFTER_SECONDS } from '../../bot/http/teamsEndpoint';
import { en } from '../../bot/strings/en';
import { BotHarness, type HttpAnswer } from '../support/botHarness';
import { withConsoleOutput } from '../support/consoleOutput';
import { hs256Token, rs256Token } from '../support/jwt';
import { RecordingLogger } from '../support/recordingLogger';
import { SigningKeyServer } from '../support/signingKeyServer';
import {
  cardAction,
  CHANNELS,
  personalCardAction,
  personalChat,
  TEAM,
  USERS,
  type User,
} from '../support/teamsActivities';

const APP_ID = '00000000-0000-4000-8000-0000000000aa';
const APP_PASSWORD = 'the-app-password';
const ISSUER = 'https://api.botframework.com';

/** A bot with an app id that trusts `keys` for Teams' tokens, logging into `log`. */
function registeredBot(keys: SigningKeyServer, log: RecordingLogger): BotHarness {
  return new BotHarness(
    {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: APP_PASSWORD,
      REFERRALS_WEBHOOK_SECRET: 'webhook-secret',
      ALLOWED_TENANTS: 'tenant-0001',
      // An admin may use the desk from a personal chat before any team installed it.
      DESK_ADMINS: USERS.alice.aadObjectId,
    },
    { teamsTokens: { openIdMetadataUrl: keys.openIdMetadataUrl }, log },
    false,
  );
}

/** The claims the Bot Framework puts in a token for this bot, valid for an hour from the harness's clock. */
function claimsFor(h: BotHarness, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(h.clock.now.toSeconds());
  return {
    iss: ISSUER,
    aud: APP_ID,
    serviceurl: h.serviceUrl,
    nbf: now - 60,
    iat: now - 60,
    exp: now + 3600,
    ...overrides,
  };
}

/** A click that Referral Desk answers in the response alone (the referral is unknown): no outgoing call needed. */
function click(h: BotHarness, by: User, authorization?: string): Promise<HttpAnswer> {
  const activity = personalCardAction(h.serviceUrl, 'card-1', VERBS.refresh, { referralId: 'no-such-referral' }, by);
  return h.activity(activity, authorization === undefined ? {} : { authorization });
}

/** Nothing of `user` was stored: no profile, no personal chat. */
async function assertNothingStoredFor(h: BotHarness, user: User, what: string): Promise<void> {
  assert.equal(await h.services.users.get(user.aadObjectId), null, `${what}: no profile`);
  assert.equal(await h.services.conversations.get('personal', personalChat(user)), null, `${what}: no conversation`);
}

describe('Teams authentication (real tokens over HTTP)', () => {
  describe('with the signing keys reachable', () => {
    const keys = new SigningKeyServer();
    const log = new RecordingLogger();
    let h: BotHarness;

    before(async () => {
      await keys.start();
      h = await registeredBot(keys, log).start();
    });
    after(async () => {
      await h?.stop();
      await keys.stop();
    });

    it('accepts a token the Bot Framework signed for this bot, and fetches the keys once', async () => {
      const token = keys.token(claimsFor(h));
      const { result: answer, printed } = await withConsoleOutput(() => click(h, USERS.alice, `Bearer ${token}`));
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(answer.body.value, en.actions.notFound, 'the bot ran the click');
      await h.settle();
      assert.ok(await h.services.users.get(USERS.alice.aadObjectId), 'and learned who clicked');
      assert.equal((await click(h, USERS.alice, `Bearer ${token}`)).status, 200);
      assert.deepEqual(
        keys.requests,
        ['GET /v1/.well-known/openidconfiguration', 'GET /v1/.well-known/keys'],
        'the keys are kept',
      );
      assert.deepEqual(printed, []);
      assert.equal(h.connector.requests.length, 0);
    });

    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const signed = (h: BotHarness, overrides: Record<string, unknown> = {}) =>
      `Bearer ${keys.token(claimsFor(h, overrides))}`;
    const forgeries: [string, TokenRefusalReason, (h: BotHarness) => string | undefined][] = [
      ['no Authorization header', 'missing-token', () => undefined],
      [
        'a Basic Authorization header',
        'missing-token',
        () => `Basic ${Buffer.from(`${APP_ID}:${APP_PASSWORD}`).toString('base64')}`,
      ],
      ['a Bearer value that is no token', 'malformed-token', () => 'Bearer not-a-token'],
      ['a token whose header is not JSON', 'malformed-token', (h) => `Bearer bm9wZQ.${base64url(claimsFor(h))}.c2ln`],
      ['an unsigned token (alg none)', 'untrusted-signature', (h) => `Bearer ${unsigned(claimsFor(h))}`],
      [
        'the trusted key id, signed with another key',
        'untrusted-signature',
        (h) => `Bearer ${keys.token(claimsFor(h), otherKey)}`,
      ],
      [
        'HS256 keyed with the app password',
        'untrusted-signature',
        (h) => `Bearer ${hs256Token({ kid: keys.kid }, claimsFor(h), APP_PASSWORD)}`,
      ],
      [
        'a key id nobody published',
        'untrusted-signature',
        (h) => `Bearer ${rs256Token({ kid: 'unknown-key' }, claimsFor(h), otherKey)}`,
      ],
      ['an expired token', 'expired-token', (h) => signed(h, { nbf: now(h) - 7200, exp: now(h) - 3600 })],
      [
        'a token valid only tomorrow',
        'expired-token',
        (h) => signed(h, { nbf: now(h) + 86_400, exp: now(h) + 90_000 }),
      ],
      ['another audience', 'wrong-audience', (h) => signed(h, { aud: 'another-bot' })],
      ['another service URL', 'wrong-audience', (h) => signed(h, { serviceurl: 'https://elsewhere.example/' })],
      ['another issuer', 'wrong-issuer', (h) => signed(h, { iss: 'https://sts.elsewhere.example/' })],
    ];
    for (const [what, reason, authorization] of forgeries) {
      it(`refuses ${what} with 401 (${reason}), one log line, nothing stored and nothing sent`, async () => {
        log.take();
        const { result: answer, printed } = await withConsoleOutput(() => click(h, USERS.bob, authorization(h)));
        assert.equal(answer.status, 401);
        assert.deepEqual(answer.body, { error: 'unauthorized', reason, message: TOKEN_REFUSALS[reason] });
        const lines = log.take();
        assert.equal(lines.length, 1, lines.join('\n'));
        assert.match(lines[0], new RegExp(`^info: Teams request refused \\(401\\): ${reason}: `));
        assert.deepEqual(printed, [], 'the library prints no stack trace');
        await assertNothingStoredFor(h, USERS.bob, what);
        assert.equal(h.connector.requests.length, 0);
      });
    }

    it('refuses a token for a channel its signing key is not endorsed for', async () => {
      log.take();
      const activity = {
        ...personalCardAction(h.serviceUrl, 'card-1', VERBS.refresh, {}, USERS.bob),
        channelId: 'directline',
      };
      const answer = await h.activity(activity, { authorization: `Bearer ${keys.token(claimsFor(h))}` });
      assert.equal(answer.status, 401);
      assert.equal(answer.body.reason, 'untrusted-signature');
      assert.deepEqual(log.take(), [
        'info: Teams request refused (401): untrusted-signature: signing key "local-signing-key" is not endorsed for channel "directline"',
      ]);
      await assertNothingStoredFor(h, USERS.bob, 'another channel');
    });

    it("records a team whose install it never heard of once Teams' token vouches for an action there", async () => {
      assert.equal(await h.services.conversations.team(TEAM.id), null);
      const activity = cardAction(
        h.serviceUrl,
        CHANNELS.emea,
        'card-1',
        VERBS.refresh,
        { referralId: 'no-such-referral' },
        USERS.bob,
      );
      const answer = await h.activity(activity, { authorization: `Bearer ${keys.token(claimsFor(h))}` });
      assert.equal(answer.body.value, en.actions.notFound, 'the action ran');
      assert.equal((await h.services.conversations.team(TEAM.id))?.reference.conversation?.id, CHANNELS.emea.id);
    });
  });

  describe('with the signing keys out of reach', () => {
    it('answers 503 with Retry-After while the keys cannot be fetched, and accepts once they can', async () => {
      const keys = await new SigningKeyServer().start();
      const log = new RecordingLogger();
      const h = await registeredBot(keys, log).start();
      try {
        const valid = () => `Bearer ${keys.token(claimsFor(h))}`;
        for (const mode of ['garbage', 'failing', 'keysGarbage'] as const) {
          keys.mode = mode;
          log.take();
          const { result: answer, printed } = await withConsoleOutput(() => click(h, USERS.alice, valid()));
          assert.equal(answer.status, 503, mode);
          assert.equal(answer.headers.get('retry-after'), String(RETRY_AFTER_SECONDS), mode);
          assert.equal(answer.body.error, 'signing_keys_unavailable', mode);
          assert.ok(!JSON.stringify(answer.body).includes('127.0.0.1'), `${mode}: the body names no address`);
          const lines = log.take();
          assert.equal(lines.length, 1, lines.join('\n'));
          assert.match(lines[0], /^info: Teams request refused \(503\): /);
          assert.deepEqual(printed, []);

          const fetchesSoFar = keys.requests.length;
          assert.equal((await click(h, USERS.alice, valid())).status, 503, `${mode}: a failure is not retried at once`);
          assert.equal(keys.requests.length, fetchesSoFar, `${mode}: no fetch within the pause`);
          h.clock.advance({ minutes: 1 });
        }
        await assertNothingStoredFor(h, USERS.alice, 'while the keys were out of reach');
        assert.equal(h.connector.requests.length, 0);

        keys.mode = 'serving';
        assert.equal(
          (await click(h, USERS.alice, valid())).status,
          200,
          'once the keys are served, Teams is heard again',
        );
      } finally {
        await h.stop();
        await keys.stop();
      }
    });

    it('answers 503 when nothing listens at the metadata address', async () => {
      const keys = await new SigningKeyServer().start();
      const log = new RecordingLogger();
      const h = await registeredBot(keys, log).start();
      try {
        await keys.stop();
        log.take();
        const answer = await click(h, USERS.alice, `Bearer ${keys.token(claimsFor(h))}`);
        assert.equal(answer.status, 503);
        assert.equal(answer.headers.get('retry-after'), String(RETRY_AFTER_SECONDS));
        assert.deepEqual(
          log.take().map((line) => line.replace(/\d+/g, 'N')),
          ['info: Teams request refused (N): the OpenID metadata could not be fetched: ECONNREFUSED'],
        );
        await assertNothingStoredFor(h, USERS.alice, 'metadata unreachable');
        assert.equal(h.connector.requests.length, 0);
      } finally {
        await h.stop();
      }
    });

    it('keeps using a key it knows when a refresh fails, but cannot vouch for a new one', async () => {
      const keys = await new SigningKeyServer().start();
      const h = await registeredBot(keys, new RecordingLogger()).start();
      try {
        assert.equal((await click(h, USERS.alice, `Bearer ${keys.token(claimsFor(h))}`)).status, 200);
        await keys.stop();
        h.clock.advance({ hours: 25 });
        assert.equal(
          (await click(h, USERS.alice, `Bearer ${keys.token(claimsFor(h))}`)).status,
          200,
          'the known key still counts',
        );
        const newKey = `Bearer ${rs256Token({ kid: 'rotated-key' }, claimsFor(h), keys.privateKey)}`;
        assert.equal(
          (await click(h, USERS.alice, newKey)).status,
          503,
          'a key the desk could not fetch is neither trusted nor refused',
        );
      } finally {
        await h.stop();
      }
    });
  });
});

const now = (h: BotHarness) => Math.floor(h.clock.now.toSeconds());

const base64url = (json: object) => Buffer.from(JSON.stringify(json)).toString('base64url');

/** A token with `alg: none` and no signature, as a forger without any key would send it. */
function unsigned(claims: Record<string, unknown>): string {
  return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
}
