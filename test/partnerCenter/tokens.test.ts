import assert from 'node:assert/strict';
import type { Logger } from '../../bot/log';
import { PartnerCenterTokens, TokenRequestError } from '../../bot/partnerCenter/tokens';
import { generateReferral } from '../../tools/partnerCenterSimulator';
import { NOW } from '../support/fixtures';
import { startSimulatedPartnerCenter, type SimulatedPartnerCenter } from '../support/simulatedPartnerCenter';

describe('partnerCenter: access tokens from a refresh token (against the simulator)', () => {
  let pc: SimulatedPartnerCenter;
  const rotated: string[] = [];
  const referral = generateReferral(1, NOW);

  beforeEach(async () => {
    rotated.length = 0;
    pc = await startSimulatedPartnerCenter({
      simulator: { referrals: [referral] },
      tokens: { onRefreshToken: (token) => void rotated.push(token) },
    });
  });
  afterEach(async () => pc.stop());

  /** Whether the API takes the token. */
  async function accepted(token: string): Promise<boolean> {
    const response = await fetch(`${pc.simulator.apiUrl}/${String(referral.id)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await response.arrayBuffer();
    return response.status === 200;
  }

  function providerWith(overrides: Partial<typeof pc.simulator.credentials>, options: { tenant?: string } = {}) {
    return new PartnerCenterTokens(
      { ...pc.simulator.credentials, ...(options.tenant ? { tenantId: options.tenant } : {}), ...overrides },
      { authorityUrl: pc.simulator.authorityUrl, clock: pc.clock.read },
    );
  }

  async function refusal(provider: PartnerCenterTokens): Promise<TokenRequestError> {
    const error = await provider.getToken().then(
      () => assert.fail('expected the token request to be refused'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof TokenRequestError, String(error));
    return error;
  }

  it('redeems the refresh token with the app’s id and secret for a token the API takes', async () => {
    const token = await pc.tokens.getToken();
    assert.equal(await accepted(token), true);
    const [request] = pc.simulator.tokenRequests;
    assert.equal(request.grantType, 'refresh_token');
    assert.equal(request.clientId, pc.simulator.credentials.clientId);
    assert.equal(request.refreshToken, pc.simulator.credentials.refreshToken);
    assert.equal(request.scope, 'https://api.partner.microsoft.com/.default offline_access');
  });

  it('keeps the token until shortly before it expires, then renews it with the newest refresh token', async () => {
    const first = await pc.tokens.getToken();
    pc.clock.advance({ seconds: 3600 - 300 - 1 });
    assert.equal(await pc.tokens.getToken(), first, 'still cached 5 minutes and a second before expiry');
    assert.equal(pc.simulator.tokenRequests.length, 1);
    pc.clock.advance({ seconds: 1 });
    const second = await pc.tokens.getToken();
    assert.notEqual(second, first);
    assert.equal(await accepted(second), true);
    const requests = pc.simulator.tokenRequests;
    assert.equal(requests.length, 2);
    assert.equal(
      requests[1].refreshToken,
      rotated[0],
      'the second renewal used the refresh token the first one handed out',
    );
    assert.equal(rotated.length, 2, 'each new refresh token was handed to onRefreshToken');
    assert.equal(pc.tokens.refreshToken, rotated[1]);
    assert.notEqual(rotated[0], pc.simulator.credentials.refreshToken);
  });

  it('renews at half the lifetime of a short-lived token', async () => {
    await pc.stop();
    pc = await startSimulatedPartnerCenter({ simulator: { accessTokenLifetimeSeconds: 120 } });
    const first = await pc.tokens.getToken();
    pc.clock.advance({ seconds: 59 });
    assert.equal(await pc.tokens.getToken(), first);
    pc.clock.advance({ seconds: 1 });
    assert.notEqual(await pc.tokens.getToken(), first);
  });

  it('shares one renewal among concurrent callers', async () => {
    const tokens = await Promise.all(Array.from({ length: 5 }, () => pc.tokens.getToken()));
    assert.equal(new Set(tokens).size, 1);
    assert.equal(pc.simulator.tokenRequests.length, 1);
  });

  it('renews after invalidate(), and after invalidate(token) only while that token is the cached one', async () => {
    const first = await pc.tokens.getToken();
    pc.tokens.invalidate('some-other-token');
    assert.equal(await pc.tokens.getToken(), first, 'invalidating another token changes nothing');
    pc.tokens.invalidate(first);
    const second = await pc.tokens.getToken();
    assert.notEqual(second, first);
    pc.tokens.invalidate(first);
    assert.equal(await pc.tokens.getToken(), second, 'a late invalidation of the old token keeps the new one');
    pc.tokens.invalidate();
    assert.notEqual(await pc.tokens.getToken(), second);
    assert.equal(pc.simulator.tokenRequests.length, 3);
  });

  it('names PARTNER_CENTER_CLIENT_SECRET when Entra refuses the secret', async () => {
    const error = await refusal(providerWith({ clientSecret: 'wrong' }));
    assert.match(
      error.message,
      /^PARTNER_CENTER_CLIENT_SECRET was refused for app [0-9a-f-]+ \(invalid_client: AADSTS7000215: Invalid client secret provided/,
    );
    assert.equal(error.status, 401);
    assert.equal(error.error, 'invalid_client');
    assert.equal(error.retryable, false);
  });

  it('names PARTNER_CENTER_REFRESH_TOKEN when Entra refuses the grant', async () => {
    pc.simulator.revokeRefreshToken(pc.simulator.credentials.refreshToken);
    const error = await refusal(providerWith({}));
    assert.match(error.message, /^PARTNER_CENTER_REFRESH_TOKEN was refused \(invalid_grant: AADSTS9002313/);
    assert.match(error.message, /Referrals Admin or Referrals User role/);
  });

  it('says a sign-in is needed once Entra refuses the refresh token, and not for a refused secret', async () => {
    assert.equal(pc.tokens.signInNeeded, false);
    assert.equal(pc.client.signInNeeded, false);
    const wrongSecret = providerWith({ clientSecret: 'wrong' });
    await refusal(wrongSecret);
    assert.equal(wrongSecret.signInNeeded, false);

    pc.simulator.revokeRefreshToken(pc.simulator.credentials.refreshToken);
    await refusal(pc.tokens);
    assert.equal(pc.tokens.signInNeeded, true);
    assert.equal(pc.client.signInNeeded, true, 'the client says so too');
  });

  it('names PARTNER_CENTER_TENANT_ID and PARTNER_CENTER_CLIENT_ID when those are unknown', async () => {
    assert.match(
      (await refusal(providerWith({}, { tenant: 'contoso-partner' }))).message,
      /^PARTNER_CENTER_TENANT_ID "contoso-partner" was not found/,
    );
    assert.match(
      (await refusal(providerWith({ clientId: 'not-our-app' }))).message,
      /^PARTNER_CENTER_CLIENT_ID "not-our-app" is not an app of tenant/,
    );
  });

  it('tries again on the next call after a refusal', async () => {
    pc.simulator.revokeRefreshToken(pc.simulator.credentials.refreshToken);
    await refusal(pc.tokens);
    await refusal(pc.tokens);
    assert.equal(pc.simulator.tokenRequests.length, 2);
  });

  it('says the token endpoint is unreachable, as something that may pass', async () => {
    const url = pc.simulator.authorityUrl;
    await pc.stop();
    const provider = new PartnerCenterTokens(pc.simulator.credentials, { authorityUrl: url });
    const error = await refusal(provider);
    assert.match(
      error.message,
      /^The token endpoint http:\/\/127\.0\.0\.1:\d+\/[^ ]+\/oauth2\/v2\.0\/token could not be reached/,
    );
    assert.equal(error.retryable, true);
    pc = await startSimulatedPartnerCenter();
  });

  it('still gives the token when keeping the new refresh token fails, and reports that', async () => {
    const reported: string[] = [];
    const logger: Logger = {
      info: () => undefined,
      error: (message, error) => reported.push(`${message}: ${(error as Error).message}`),
    };
    const provider = new PartnerCenterTokens(pc.simulator.credentials, {
      authorityUrl: pc.simulator.authorityUrl,
      logger,
      onRefreshToken: () => Promise.reject(new Error('disk full')),
    });
    assert.equal(await accepted(await provider.getToken()), true);
    assert.deepEqual(reported, ['Could not keep the new Partner Center refresh token: disk full']);
    assert.notEqual(provider.refreshToken, pc.simulator.credentials.refreshToken, 'the new one is used in memory');
  });

  it('starts from the kept refresh token, read once before the first renewal', async () => {
    const kept = pc.simulator.signIn();
    let reads = 0;
    const provider = new PartnerCenterTokens(pc.simulator.credentials, {
      authorityUrl: pc.simulator.authorityUrl,
      clock: pc.clock.read,
      storedRefreshToken: async () => {
        reads++;
        return kept;
      },
    });
    assert.equal(await accepted(await provider.getToken()), true);
    assert.equal(pc.simulator.tokenRequests[0].refreshToken, kept);
    provider.invalidate();
    await provider.getToken();
    assert.equal(reads, 1, 'read once');
    assert.notEqual(pc.simulator.tokenRequests[1].refreshToken, kept, 'then the renewed one is used');
  });

  it('starts from the configured refresh token when none is kept', async () => {
    const provider = new PartnerCenterTokens(pc.simulator.credentials, {
      authorityUrl: pc.simulator.authorityUrl,
      storedRefreshToken: async () => undefined,
    });
    await provider.getToken();
    assert.equal(pc.simulator.tokenRequests[0].refreshToken, pc.simulator.credentials.refreshToken);
  });

  it('fails the renewal as worth retrying when the kept token cannot be read; reads it again next time', async () => {
    const answers: (() => Promise<string | undefined>)[] = [
      () => Promise.reject(new Error('table storage unavailable')),
      async () => undefined,
    ];
    const provider = new PartnerCenterTokens(pc.simulator.credentials, {
      authorityUrl: pc.simulator.authorityUrl,
      storedRefreshToken: () => answers.shift()!(),
    });
    const error = await refusal(provider);
    assert.equal(
      error.message,
      'The kept Partner Center refresh token could not be read (table storage unavailable); the desk tries again later',
    );
    assert.equal(error.retryable, true);
    assert.equal(pc.simulator.tokenRequests.length, 0, 'Entra was not asked with a token that may be used up');
    await provider.getToken();
    assert.equal(answers.length, 0, 'read again');
    assert.equal(pc.simulator.tokenRequests.length, 1);
  });
});
