import assert from 'node:assert/strict';
import { generateReferral } from '../../../tools/partnerCenterSimulator';
import { NOW } from '../../support/fixtures';
import { simulatorCalls, useSimulator } from './fixtures';

describe('Partner Center simulator over HTTP', () => {
  const referral = generateReferral(1, NOW.minus({ hours: 2 }));

  const { simulator, restartWith } = useSimulator([referral]);

  const { tokenUrl, redeem, grant } = simulatorCalls(simulator);

  describe('token endpoint (stand-in for Entra ID)', () => {
    it('redeems the refresh token for a Partner Center access token and a new refresh token', async () => {
      const sim = simulator();
      const { status, body } = await redeem(grant());
      assert.equal(status, 200);
      assert.equal(body.token_type, 'Bearer');
      assert.equal(body.expires_in, 3600);
      assert.equal(body.scope, 'https://api.partner.microsoft.com/.default');
      assert.equal(typeof body.access_token, 'string');
      assert.notEqual(body.refresh_token, sim.credentials.refreshToken);
      const rotated = await redeem(grant({ refresh_token: body.refresh_token }));
      assert.equal(rotated.status, 200, 'the rotated refresh token works');
      assert.deepEqual(
        sim.tokenRequests.map((r) => [r.refreshToken, r.status]),
        [
          [sim.credentials.refreshToken, 200],
          [body.refresh_token, 200],
        ],
      );
    });

    it('keeps an older refresh token working after rotation, as Entra does, until revoked', async () => {
      const sim = simulator();
      await redeem(grant());
      assert.equal((await redeem(grant())).status, 200);
      sim.revokeRefreshToken(sim.credentials.refreshToken);
      const refused = await redeem(grant());
      assert.equal(refused.status, 400);
      assert.equal(refused.body.error, 'invalid_grant');
    });

    it('with single-use refresh tokens, refuses one once it was redeemed, and takes its successor', async () => {
      await restartWith({ singleUseRefreshTokens: true });
      const first = await redeem(grant());
      assert.equal(first.status, 200);
      const again = await redeem(grant());
      assert.deepEqual([again.status, again.body.error], [400, 'invalid_grant']);
      const next = await redeem(grant({ refresh_token: first.body.refresh_token }));
      assert.equal(next.status, 200);
      assert.equal((await redeem(grant({ refresh_token: first.body.refresh_token }))).status, 400);
    });

    it('gives a new refresh token for a new sign-in, working beside the earlier ones', async () => {
      const sim = simulator();
      const signedIn = sim.signIn();
      assert.notEqual(signedIn, sim.credentials.refreshToken);
      assert.equal((await redeem(grant({ refresh_token: signedIn }))).status, 200);
      assert.equal((await redeem(grant())).status, 200);
    });

    it('takes the client credentials in an Authorization: Basic header too', async () => {
      const { client_id, client_secret, ...rest } = grant();
      const basic = Buffer.from(`${encodeURIComponent(client_id)}:${encodeURIComponent(client_secret)}`).toString(
        'base64',
      );
      assert.equal((await redeem(rest, undefined, { authorization: `Basic ${basic}` })).status, 200);
    });

    const refusals: [string, () => Record<string, string>, string | undefined, number, string, number][] = [
      ['a wrong client secret', () => grant({ client_secret: 'wrong' }), undefined, 401, 'invalid_client', 7000215],
      ['no client secret', () => ({ ...grant(), client_secret: '' }), undefined, 401, 'invalid_client', 7000218],
      ['an unknown refresh token', () => grant({ refresh_token: 'made-up' }), undefined, 400, 'invalid_grant', 9002313],
      [
        'an unknown client id',
        () => grant({ client_id: '00000000-0000-0000-0000-000000000000' }),
        undefined,
        400,
        'unauthorized_client',
        700016,
      ],
      ['an unknown tenant', () => grant(), 'other-tenant', 400, 'invalid_request', 90002],
      [
        'a scope of another resource',
        () => grant({ scope: 'https://graph.microsoft.com/.default' }),
        undefined,
        400,
        'invalid_scope',
        70011,
      ],
      ['no scope', () => ({ ...grant(), scope: '' }), undefined, 400, 'invalid_request', 900144],
      [
        'another grant type',
        () => grant({ grant_type: 'client_credentials' }),
        undefined,
        400,
        'unsupported_grant_type',
        70003,
      ],
      ['no grant type', () => ({ ...grant(), grant_type: '' }), undefined, 400, 'invalid_request', 900144],
    ];
    for (const [what, fields, tenant, status, error, code] of refusals) {
      it(`answers ${what} as Entra does: ${status} ${error} (AADSTS${code})`, async () => {
        const answer = await redeem(fields(), tenant);
        assert.equal(answer.status, status);
        assert.equal(answer.body.error, error);
        assert.deepEqual(answer.body.error_codes, [code]);
        assert.match(answer.body.error_description, new RegExp(`^AADSTS${code}: .+\\r\\nTrace ID: `));
        assert.equal(answer.body.access_token, undefined);
      });
    }

    it('reads only form-encoded bodies', async () => {
      const response = await fetch(tokenUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(grant()),
      });
      assert.equal(response.status, 400);
      assert.match(
        ((await response.json()) as { error_description: string }).error_description,
        /must contain the following parameter: 'grant_type'/,
      );
    });
  });
});
