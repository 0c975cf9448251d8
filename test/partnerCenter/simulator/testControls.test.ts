import assert from 'node:assert/strict';
import { generateReferral, type ReferralChange } from '../../../tools/partnerCenterSimulator';
import { NOW } from '../../support/fixtures';
import { simulatorCalls, useSimulator } from './fixtures';

describe('Partner Center simulator over HTTP', () => {
  const referral = generateReferral(1, NOW.minus({ hours: 2 }));
  const id = referral.id as string;

  const { simulator, simulatorClock, restartWith } = useSimulator([referral]);

  const { redeem, grant, accessToken, api } = simulatorCalls(simulator);

  describe('controls for tests', () => {
    it('throttles the next requests with Retry-After, then serves again', async () => {
      const sim = simulator();
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
      const sim = simulator();
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
      const sim = simulator();
      sim.failTokenRequests(1);
      const failed = await redeem(grant());
      assert.equal(failed.status, 503);
      assert.equal(failed.body.error, 'temporarily_unavailable');
      assert.equal((await redeem(grant())).status, 200);
    });

    it('logs every request with its query and status', async () => {
      const sim = simulator();
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
      const clock = simulatorClock();

      const sim = simulator();
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
      const sim = simulator();
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
      let sim = simulator();
      assert.equal((await fetch(`${sim.url}/certificates/webhook.cer`)).status, 404);
      sim = await restartWith({
        extraRoutes: (req, res) => {
          if (req.url !== '/certificates/webhook.cer') return false;
          res.writeHead(200, { 'content-type': 'application/pkix-cert' });
          res.end('certificate bytes');
          return true;
        },
      });
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
