import assert from 'node:assert/strict';
import { generateReferral, PartnerCenterSimulator, type ReferralChange } from '../../tools/partnerCenterSimulator';
import { NOW } from '../support/fixtures';
import { MovableClock } from '../support/movableClock';
import type { WireObject } from '../support/wireJson';

const SCOPE = 'https://api.partner.microsoft.com/.default offline_access';

describe('Partner Center simulator over HTTP', () => {
  let clock: MovableClock;
  let sim: PartnerCenterSimulator;
  const referral = generateReferral(1, NOW.minus({ hours: 2 }));
  const id = referral.id as string;

  beforeEach(async () => {
    clock = new MovableClock();
    sim = new PartnerCenterSimulator({ clock: clock.read, referrals: [referral] });
    await sim.start();
  });
  afterEach(async () => sim.stop());

  const tokenUrl = (tenant = sim.credentials.tenantId) => `${sim.authorityUrl}/${tenant}/oauth2/v2.0/token`;

  async function redeem(fields: Record<string, string>, tenant?: string, headers: Record<string, string> = {}) {
    const response = await fetch(tokenUrl(tenant), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: response.status, body: (await response.json()) as WireObject };
  }

  const grant = (overrides: Record<string, string> = {}) => ({
    grant_type: 'refresh_token',
    client_id: sim.credentials.clientId,
    client_secret: sim.credentials.clientSecret,
    refresh_token: sim.credentials.refreshToken,
    scope: SCOPE,
    ...overrides,
  });

  async function accessToken(): Promise<string> {
    const { status, body } = await redeem(grant());
    assert.equal(status, 200);
    return body.access_token;
  }

  async function api(path: string, init: RequestInit & { token?: string | null } = {}) {
    const token = init.token === undefined ? await accessToken() : init.token;
    const headers = new Headers(init.headers);
    if (token !== null) headers.set('authorization', `Bearer ${token}`);
    const response = await fetch(`${sim.apiUrl}${path}`, { ...init, headers });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? (JSON.parse(text) as WireObject) : undefined,
    };
  }

  describe('token endpoint (stand-in for Entra ID)', () => {
    it('redeems the refresh token for a Partner Center access token and a new refresh token', async () => {
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
      await redeem(grant());
      assert.equal((await redeem(grant())).status, 200);
      sim.revokeRefreshToken(sim.credentials.refreshToken);
      const refused = await redeem(grant());
      assert.equal(refused.status, 400);
      assert.equal(refused.body.error, 'invalid_grant');
    });

    it('with single-use refresh tokens, refuses one once it was redeemed, and takes its successor', async () => {
      await sim.stop();
      sim = new PartnerCenterSimulator({ clock: clock.read, singleUseRefreshTokens: true });
      await sim.start();
      const first = await redeem(grant());
      assert.equal(first.status, 200);
      const again = await redeem(grant());
      assert.deepEqual([again.status, again.body.error], [400, 'invalid_grant']);
      const next = await redeem(grant({ refresh_token: first.body.refresh_token }));
      assert.equal(next.status, 200);
      assert.equal((await redeem(grant({ refresh_token: first.body.refresh_token }))).status, 400);
    });

    it('gives a new refresh token for a new sign-in, working beside the earlier ones', async () => {
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

  describe('authentication of API calls', () => {
    it('refuses a call without a bearer token, saying so', async () => {
      const answer = await api(`/${id}`, { token: null });
      assert.equal(answer.status, 401);
      assert.match(answer.headers.get('www-authenticate') ?? '', /^Bearer error="invalid_request"/);
      assert.match(answer.body?.error.message, /no Authorization: Bearer/);
    });

    it('refuses a token it did not issue', async () => {
      const answer = await api(`/${id}`, { token: 'forged' });
      assert.equal(answer.status, 401);
      assert.match(answer.headers.get('www-authenticate') ?? '', /error="invalid_token"/);
    });

    it('refuses every token issued before expireTokens()', async () => {
      const token = await accessToken();
      assert.equal((await api(`/${id}`, { token })).status, 200);
      sim.expireTokens();
      const answer = await api(`/${id}`, { token });
      assert.equal(answer.status, 401);
      assert.match(answer.body?.error.message, /expired/);
      assert.equal((await api(`/${id}`)).status, 200, 'a token issued afterwards works');
    });

    it('refuses a token once its lifetime has passed on the simulator’s clock', async () => {
      const token = await accessToken();
      clock.advance({ seconds: 3599 });
      assert.equal((await api(`/${id}`, { token })).status, 200);
      clock.advance({ seconds: 1 });
      assert.equal((await api(`/${id}`, { token })).status, 401);
    });
  });

  describe('referrals', () => {
    it('serves one referral with its eTag in the body and the ETag header', async () => {
      const answer = await api(`/${id}`);
      assert.equal(answer.status, 200);
      assert.equal(answer.body?.id, id);
      assert.equal(answer.headers.get('etag'), `"${answer.body?.eTag}"`);
      assert.equal(answer.body?.eTag, sim.get(id)?.eTag);
    });

    it('answers an unknown id with 404 and an OData error', async () => {
      const answer = await api('/no-such-referral');
      assert.equal(answer.status, 404);
      assert.deepEqual(answer.body, {
        error: { code: 'NotFound', message: 'Referral no-such-referral was not found', target: 'id' },
      });
    });

    it('lists with the OData envelope; a bad query option is a 400 naming it', async () => {
      const list = await api('');
      assert.deepEqual(
        list.body?.value.map((r: { id: string }) => r.id),
        [id],
      );
      assert.equal(list.body?.['@odata.nextLink'], undefined);
      const bad = await api('?$top=0');
      assert.equal(bad.status, 400);
      assert.equal(bad.body?.error.target, '$top');
    });

    it('writes an absolute nextLink on the origin asked, or the one it is told', async () => {
      sim.add(generateReferral(2, NOW));
      const own = await api('?$top=1');
      assert.ok(
        own.body?.['@odata.nextLink'].startsWith(`${sim.apiUrl}?$top=1&$skiptoken=`),
        own.body?.['@odata.nextLink'],
      );
      await sim.stop();
      sim = new PartnerCenterSimulator({
        clock: clock.read,
        referrals: [referral, generateReferral(2, NOW)],
        nextLinkOrigin: 'https://api.partner.microsoft.com',
      });
      await sim.start();
      const told = await api('?$top=1');
      assert.match(
        told.body?.['@odata.nextLink'],
        /^https:\/\/api\.partner\.microsoft\.com\/v1\.0\/engagements\/referrals\?\$top=1&\$skiptoken=/,
      );
    });

    it('serves at most servedPageSize referrals a page, whatever $top asks, with a link to the rest', async () => {
      await sim.stop();
      sim = new PartnerCenterSimulator({
        clock: clock.read,
        referrals: [referral, generateReferral(2, NOW), generateReferral(3, NOW)],
        servedPageSize: 2,
      });
      await sim.start();
      const first = await api('?$top=100');
      assert.equal(first.body?.value.length, 2);
      const rest = await api(String(first.body?.['@odata.nextLink']).slice(sim.apiUrl.length));
      assert.deepEqual([rest.body?.value.length, rest.body?.['@odata.nextLink']], [1, undefined]);
    });

    it('refuses methods it does not serve', async () => {
      assert.equal(
        (await api('', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status,
        405,
      );
      assert.equal((await api(`/${id}`, { method: 'DELETE' })).status, 405);
    });
  });

  describe('patches', () => {
    const accept = JSON.stringify([
      { op: 'replace', path: '/status', value: 'Active' },
      { op: 'replace', path: '/substatus', value: 'Accepted' },
    ]);

    it('answers 204 with the new ETag unless the representation is asked for, stamping the simulator’s time', async () => {
      clock.advance({ minutes: 5 });
      const answer = await api(`/${id}`, {
        method: 'PATCH',
        body: accept,
        headers: { 'content-type': 'application/json-patch+json' },
      });
      assert.equal(answer.status, 204);
      assert.equal(answer.body, undefined);
      const stored = sim.get(id)!;
      assert.equal(answer.headers.get('etag'), `"${stored.eTag}"`);
      assert.equal(stored.updatedDateTime, '2026-11-23T09:05:00.000Z');
      assert.equal(stored.acceptedDateTime, '2026-11-23T09:05:00.000Z');
    });

    it('checks If-Match when sent, quoted or not, or *', async () => {
      const { eTag } = sim.get(id)!;
      const stale = await api(`/${id}`, {
        method: 'PATCH',
        body: accept,
        headers: { 'content-type': 'application/json', 'if-match': '"not-it"' },
      });
      assert.equal(stale.status, 412);
      assert.equal(stale.body?.error.code, 'PreconditionFailed');
      assert.equal(sim.patches.length, 0);
      const bare = await api(`/${id}`, {
        method: 'PATCH',
        body: accept,
        headers: { 'content-type': 'application/json', 'if-match': eTag },
      });
      assert.equal(bare.status, 204);
      const any = await api(`/${id}`, {
        method: 'PATCH',
        body: JSON.stringify([{ op: 'replace', path: '/details/notes', value: 'n' }]),
        headers: { 'content-type': 'application/json', 'if-match': '*' },
      });
      assert.equal(any.status, 204);
      assert.deepEqual(
        sim.patches.map((p) => p.eTagBefore),
        [eTag, sim.patches[0].eTagAfter],
      );
    });

    it('refuses a body that is not JSON, or not sent as JSON', async () => {
      const notJson = await api(`/${id}`, {
        method: 'PATCH',
        body: '[{',
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(notJson.status, 400);
      assert.match(notJson.body?.error.message, /not JSON/);
      const asText = await api(`/${id}`, { method: 'PATCH', body: accept, headers: { 'content-type': 'text/plain' } });
      assert.equal(asText.status, 415);
    });
  });

  describe('controls for tests', () => {
    it('throttles the next requests with Retry-After, then serves again', async () => {
      const token = await accessToken();
      sim.throttleNext(2, 7);
      for (let i = 0; i < 2; i++) {
        const answer = await api(`/${id}`, { token });
        assert.equal(answer.status, 429);
        assert.equal(answer.headers.get('retry-after'), '7');
        assert.equal(answer.body?.error.code, 'TooManyRequests');
      }
      assert.equal((await api(`/${id}`, { token })).status, 200);
    });

    it('fails the next requests with a 5xx or a refusal, then serves again; token requests are not failed', async () => {
      sim.failNext(1, 502);
      sim.failNext(1, 403);
      const token = await accessToken();
      assert.equal((await api(`/${id}`, { token })).status, 502);
      assert.equal((await api(`/${id}`, { token })).status, 403);
      assert.equal((await api(`/${id}`, { token })).status, 200);
      assert.throws(() => sim.failNext(1, 429), /throttleNext/);
      assert.throws(() => sim.failNext(1, 302), /4xx or 5xx/);
    });

    it('fails token requests on demand, as Entra answers an outage', async () => {
      sim.failTokenRequests(1);
      const failed = await redeem(grant());
      assert.equal(failed.status, 503);
      assert.equal(failed.body.error, 'temporarily_unavailable');
      assert.equal((await redeem(grant())).status, 200);
    });

    it('logs every request with its query and status', async () => {
      const token = await accessToken();
      await api("?$filter=status eq 'New'&$top=5", { token });
      assert.deepEqual(
        sim.requests.map((r) => [r.method, r.path, r.query, r.status]),
        [
          ['POST', `/${sim.credentials.tenantId}/oauth2/v2.0/token`, {}, 200],
          ['GET', '/v1.0/engagements/referrals', { $filter: "status eq 'New'", $top: '5' }, 200],
        ],
      );
    });

    it('changes a referral as in the portal: merged, with a new eTag and updatedDateTime', async () => {
      const before = sim.get(id)!;
      clock.advance({ hours: 1 });
      const after = sim.update(id, { details: { dealValue: 99_000 }, favorite: true });
      assert.notEqual(after.eTag, before.eTag);
      assert.equal(after.updatedDateTime, '2026-11-23T10:00:00.000Z');
      assert.equal((after.details as { dealValue: number }).dealValue, 99_000);
      assert.equal(
        (after.details as { notes: string }).notes,
        (before.details as { notes: string }).notes,
        'other details are kept',
      );
      assert.equal(after.favorite, true);
      assert.throws(() => sim.update('missing', {}), /holds no referral missing/);
      assert.throws(() => sim.add(referral), /already holds referral/);
    });

    it('tells listeners of every referral added or changed, by the API or the portal', async () => {
      const changes: ReferralChange[] = [];
      const stop = sim.onChange((change) => changes.push(change));
      const added = sim.add(generateReferral(5, NOW));
      sim.update(id, { favorite: true });
      await api(`/${id}`, {
        method: 'PATCH',
        body: JSON.stringify([{ op: 'replace', path: '/externalReferenceId', value: 'CRM-1' }]),
        headers: { 'content-type': 'application/json' },
      });
      stop();
      sim.update(id, { favorite: false });
      assert.deepEqual(
        changes.map((c) => [c.kind, c.referral.id]),
        [
          ['created', added.id],
          ['updated', id],
          ['updated', id],
        ],
      );
      assert.equal(changes[2].referral.externalReferenceId, 'CRM-1');
    });

    it('hands requests it does not serve to extraRoutes (e.g. a certificate), else 404', async () => {
      assert.equal((await fetch(`${sim.url}/certificates/webhook.cer`)).status, 404);
      await sim.stop();
      sim = new PartnerCenterSimulator({
        clock: clock.read,
        extraRoutes: (req, res) => {
          if (req.url !== '/certificates/webhook.cer') return false;
          res.writeHead(200, { 'content-type': 'application/pkix-cert' });
          res.end('certificate bytes');
          return true;
        },
      });
      await sim.start();
      const served = await fetch(`${sim.url}/certificates/webhook.cer`);
      assert.equal(served.status, 200);
      assert.equal(await served.text(), 'certificate bytes');
      assert.equal((await fetch(`${sim.url}/elsewhere`)).status, 404);
      assert.equal((await api('', { token: null })).status, 401, 'the API stays the simulator’s own');
      assert.deepEqual(
        sim.requests.map((r) => [r.path, r.status]),
        [
          ['/certificates/webhook.cer', 200],
          ['/elsewhere', 404],
          ['/v1.0/engagements/referrals', 401],
        ],
      );
    });
  });
});
