import assert from 'node:assert/strict';
import { generateReferral } from '../../../tools/partnerCenterSimulator';
import { NOW } from '../../support/fixtures';
import { simulatorCalls, useSimulator } from './fixtures';

describe('Partner Center simulator over HTTP', () => {
  const referral = generateReferral(1, NOW.minus({ hours: 2 }));
  const id = referral.id as string;

  const { simulator, simulatorClock, restartWith } = useSimulator([referral]);

  const { accessToken, api } = simulatorCalls(simulator);

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
      const sim = simulator();
      const token = await accessToken();
      assert.equal((await api(`/${id}`, { token })).status, 200);
      sim.expireTokens();
      const answer = await api(`/${id}`, { token });
      assert.equal(answer.status, 401);
      assert.match(answer.body?.error.message, /expired/);
      assert.equal((await api(`/${id}`)).status, 200, 'a token issued afterwards works');
    });

    it('refuses a token once its lifetime has passed on the simulator’s clock', async () => {
      const clock = simulatorClock();
      const token = await accessToken();
      clock.advance({ seconds: 3599 });
      assert.equal((await api(`/${id}`, { token })).status, 200);
      clock.advance({ seconds: 1 });
      assert.equal((await api(`/${id}`, { token })).status, 401);
    });
  });

  describe('referrals', () => {
    it('serves one referral with its eTag in the body and the ETag header', async () => {
      const sim = simulator();
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
      let sim = simulator();
      sim.add(generateReferral(2, NOW));
      const own = await api('?$top=1');
      assert.ok(
        own.body?.['@odata.nextLink'].startsWith(`${sim.apiUrl}?$top=1&$skiptoken=`),
        own.body?.['@odata.nextLink'],
      );
      sim = await restartWith({
        referrals: [referral, generateReferral(2, NOW)],
        nextLinkOrigin: 'https://api.partner.microsoft.com',
      });
      const told = await api('?$top=1');
      assert.match(
        told.body?.['@odata.nextLink'],
        /^https:\/\/api\.partner\.microsoft\.com\/v1\.0\/engagements\/referrals\?\$top=1&\$skiptoken=/,
      );
    });

    it('serves at most servedPageSize referrals a page, whatever $top asks, with a link to the rest', async () => {
      const sim = await restartWith({
        referrals: [referral, generateReferral(2, NOW), generateReferral(3, NOW)],
        servedPageSize: 2,
      });
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
      const clock = simulatorClock();

      const sim = simulator();
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
      const sim = simulator();
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
});
