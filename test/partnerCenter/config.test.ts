import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../bot/config/config';
import { partnerCenterClientFrom } from '../../bot/partnerCenter/clientFromConfig';
import { TokenKey } from '../../bot/partnerCenter/tokenSealing';
import { generateReferral, PartnerCenterSimulator } from '../../tools/partnerCenterSimulator';
import { NOW } from '../support/fixtures';

const CREDENTIALS = {
  PARTNER_CENTER_TENANT_ID: 'tenant-1',
  PARTNER_CENTER_CLIENT_ID: 'app-1',
  PARTNER_CENTER_CLIENT_SECRET: 'secret-1',
  PARTNER_CENTER_REFRESH_TOKEN: 'refresh-1',
};

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.message;
  }
  assert.fail('expected a ConfigError');
}

describe('partnerCenter: configuration', () => {
  it('leaves Partner Center out when none of its credentials is set', () => {
    assert.equal(loadConfig({}).partnerCenter, undefined);
    assert.equal(
      loadConfig({
        PARTNER_CENTER_TENANT_ID: '',
        PARTNER_CENTER_API_URL: 'https://api.partner.microsoft.com/v1.0/engagements/referrals',
      }).partnerCenter,
      undefined,
    );
  });

  it('reads all four credentials, with the real API and Entra ID by default', () => {
    assert.deepEqual(loadConfig(CREDENTIALS).partnerCenter, {
      tenantId: 'tenant-1',
      clientId: 'app-1',
      clientSecret: 'secret-1',
      refreshToken: 'refresh-1',
      apiUrl: 'https://api.partner.microsoft.com/v1.0/engagements/referrals',
      authorityUrl: 'https://login.microsoftonline.com',
      pollIntervalMs: 15 * 60_000,
    });
  });

  it('names every missing credential when only some are set, and not the ones that are', () => {
    const message = problemsOf({ PARTNER_CENTER_TENANT_ID: 'tenant-1', PARTNER_CENTER_CLIENT_SECRET: 'secret-1' });
    assert.match(
      message,
      /PARTNER_CENTER_CLIENT_ID: must be set too, since PARTNER_CENTER_TENANT_ID, PARTNER_CENTER_CLIENT_SECRET are/,
    );
    assert.match(message, /PARTNER_CENTER_REFRESH_TOKEN: must be set too/);
    assert.doesNotMatch(message, /PARTNER_CENTER_TENANT_ID: /);
    assert.doesNotMatch(message, /PARTNER_CENTER_CLIENT_SECRET: /);
    assert.match(
      problemsOf({ PARTNER_CENTER_REFRESH_TOKEN: 'r' }),
      /PARTNER_CENTER_TENANT_ID: must be set too, since PARTNER_CENTER_REFRESH_TOKEN is/,
    );
  });

  it('polls every PARTNER_CENTER_POLL_MINUTES (0: webhooks only), and names a bad value', () => {
    assert.equal(loadConfig({ ...CREDENTIALS, PARTNER_CENTER_POLL_MINUTES: '0' }).partnerCenter?.pollIntervalMs, 0);
    assert.equal(
      loadConfig({ ...CREDENTIALS, PARTNER_CENTER_POLL_MINUTES: '5' }).partnerCenter?.pollIntervalMs,
      300_000,
    );
    assert.match(
      problemsOf({ ...CREDENTIALS, PARTNER_CENTER_POLL_MINUTES: 'often' }),
      /PARTNER_CENTER_POLL_MINUTES: must be a number of minutes/,
    );
    assert.match(
      problemsOf({ ...CREDENTIALS, PARTNER_CENTER_POLL_MINUTES: '-1' }),
      /PARTNER_CENTER_POLL_MINUTES: must be 0/,
    );
  });

  it('reads PARTNER_CENTER_TOKEN_KEY as the key that seals the renewed refresh token, unset by default', () => {
    const bytes = Buffer.alloc(32, 3);
    const { partnerCenter } = loadConfig({ ...CREDENTIALS, PARTNER_CENTER_TOKEN_KEY: bytes.toString('base64') });
    const key = partnerCenter?.tokenKey;
    assert.equal(key?.id, new TokenKey(bytes).id);
    assert.equal(loadConfig(CREDENTIALS).partnerCenter?.tokenKey, undefined);
  });

  it('names PARTNER_CENTER_TOKEN_KEY when it is not 32 bytes of base64, without repeating the secret', () => {
    for (const [value, problem] of [
      [Buffer.alloc(24, 3).toString('base64'), /decodes to 24 bytes/],
      ['correct horse battery staple', /is not base64/],
    ] as const) {
      const message = problemsOf({ ...CREDENTIALS, PARTNER_CENTER_TOKEN_KEY: value });
      assert.match(message, /PARTNER_CENTER_TOKEN_KEY: must be 32 random bytes in base64 \(44 characters\)/);
      assert.match(message, problem);
      assert.ok(!message.includes(value), message);
    }
  });

  it('takes other URLs without their trailing slash, http only on this machine', () => {
    const local = loadConfig({
      ...CREDENTIALS,
      PARTNER_CENTER_API_URL: 'http://127.0.0.1:4010/v1.0/engagements/referrals/',
      PARTNER_CENTER_AUTHORITY_URL: 'http://localhost:4010/',
    });
    assert.equal(local.partnerCenter?.apiUrl, 'http://127.0.0.1:4010/v1.0/engagements/referrals');
    assert.equal(local.partnerCenter?.authorityUrl, 'http://localhost:4010');
  });

  it('names a URL that is not https, has a query, or is none', () => {
    const message = problemsOf({
      ...CREDENTIALS,
      PARTNER_CENTER_API_URL: 'http://pc.example/v1.0/engagements/referrals',
      PARTNER_CENTER_AUTHORITY_URL: 'login.microsoftonline.com',
    });
    assert.match(message, /PARTNER_CENTER_API_URL: must be an https URL without query/);
    assert.match(message, /PARTNER_CENTER_AUTHORITY_URL: must be an https URL/);
    assert.match(
      problemsOf({ PARTNER_CENTER_API_URL: 'https://api.partner.microsoft.com/v1.0/engagements/referrals?x=1' }),
      /PARTNER_CENTER_API_URL/,
    );
  });

  describe('the client factory', () => {
    it('makes no client without credentials', () => {
      assert.equal(partnerCenterClientFrom(loadConfig({})), undefined);
    });

    it('makes a client that reaches the configured Partner Center (here the simulator)', async () => {
      const referral = generateReferral(4, NOW);
      const simulator = new PartnerCenterSimulator({ referrals: [referral] });
      await simulator.start();
      try {
        const rotated: string[] = [];
        const config = loadConfig({
          PARTNER_CENTER_TENANT_ID: simulator.credentials.tenantId,
          PARTNER_CENTER_CLIENT_ID: simulator.credentials.clientId,
          PARTNER_CENTER_CLIENT_SECRET: simulator.credentials.clientSecret,
          PARTNER_CENTER_REFRESH_TOKEN: simulator.credentials.refreshToken,
          PARTNER_CENTER_API_URL: simulator.apiUrl,
          PARTNER_CENTER_AUTHORITY_URL: simulator.authorityUrl,
        });
        const client = partnerCenterClientFrom(config, { onRefreshToken: (token) => void rotated.push(token) })!;
        const found = await client.getReferral(referral.id as string);
        assert.equal((found?.referral as { id: string }).id, referral.id);
        assert.equal(rotated.length, 1);
        assert.equal(simulator.tokenRequests[0].status, 200);
      } finally {
        await simulator.stop();
      }
    });
  });
});
