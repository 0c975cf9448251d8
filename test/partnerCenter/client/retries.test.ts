import assert from 'node:assert/strict';
import { PartnerCenterClient } from '../../../bot/partnerCenter/client';
import type { AccessTokenProvider } from '../../../bot/partnerCenter/tokens';
import { startSimulatedPartnerCenter } from '../../support/simulatedPartnerCenter';
import { ACCEPT, failureOf, ids, useSimulatedPartnerCenter } from './fixtures';

describe('partnerCenter: the Referrals API client (against the simulator)', () => {
  const { partnerCenter, restart, apiRequests } = useSimulatedPartnerCenter();

  describe('retries', () => {
    it('waits as long as Retry-After says on 429, then succeeds', async () => {
      const pc = partnerCenter();
      pc.simulator.throttleNext(1, 2);
      const found = await pc.client.getReferral(ids[0]);
      assert.equal((found?.referral as { id: string }).id, ids[0]);
      assert.deepEqual(pc.waits, [2000]);
      assert.deepEqual(
        apiRequests().map((r) => r.status),
        [429, 200],
      );
    });

    it('backs off with full jitter on 503: each wait random below a doubling ceiling', async () => {
      const pc = await restart({ randoms: [0.9, 0.3, 0.75], retry: { baseDelayMs: 1000, maxDelayMs: 60_000 } });
      pc.simulator.failNext(3, 503);
      await pc.client.getReferral(ids[0]);
      // Ceilings 1000, 2000, 4000 ms; the waits are random × ceiling.
      assert.deepEqual(pc.waits, [900, 600, 3000]);
      assert.deepEqual(
        apiRequests().map((r) => r.status),
        [503, 503, 503, 200],
      );
    });

    it('gives up after the last attempt, every wait within its bounds, with the last status', async () => {
      const pc = await restart({
        randoms: [0.99, 0.99, 0.99, 0.99, 0.99],
        retry: { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 1500 },
      });
      pc.simulator.failNext(20, 503);
      const error = await failureOf(pc.client.getReferral(ids[0]));
      assert.equal(error.status, 503);
      assert.equal(error.attempts, 5);
      assert.match(error.message, /^Partner Center answered 503 to GET .+ after 5 attempts: ServiceUnavailable/);
      assert.equal(apiRequests().length, 5);
      assert.equal(pc.waits.length, 4);
      const ceilings = [500, 1000, 1500, 1500];
      pc.waits.forEach((wait, i) =>
        assert.ok(wait >= 0 && wait < ceilings[i], `wait ${i + 1}: ${wait} ms below ${ceilings[i]}`),
      );
      assert.deepEqual(pc.waits, [495, 990, 1485, 1485]);
    });

    it('sends the same correlation id with every attempt of one call', async () => {
      const pc = partnerCenter();
      pc.simulator.failNext(1, 500);
      const correlationIds: string[] = [];
      const watching: typeof fetch = (input, init) => {
        correlationIds.push(new Headers(init?.headers).get('ms-correlationid') ?? '');
        return fetch(input, init);
      };
      const client = new PartnerCenterClient({
        apiUrl: pc.simulator.apiUrl,
        tokens: pc.tokens,
        fetch: watching,
        timing: { sleep: async () => undefined },
      });
      await client.getReferral(ids[0]);
      await client.getReferral(ids[0]);
      assert.equal(correlationIds.length, 3);
      assert.equal(correlationIds[0], correlationIds[1]);
      assert.notEqual(correlationIds[1], correlationIds[2]);
    });

    it('does not wait longer than its cap: a Retry-After beyond it ends the call, saying how long', async () => {
      const pc = await restart({ retry: { maxDelayMs: 10_000 } });
      pc.simulator.throttleNext(1, 120);
      const error = await failureOf(pc.client.getReferral(ids[0]));
      assert.equal(error.status, 429);
      assert.equal(error.retryAfterMs, 120_000);
      assert.deepEqual(pc.waits, []);
    });

    it('retries a PATCH on 503, which If-Match makes safe: it is applied once', async () => {
      const pc = partnerCenter();
      const { eTag } = (await pc.client.getReferral(ids[0]))!;
      pc.simulator.failNext(2, 503);
      const result = await pc.client.patchReferral(ids[0], ACCEPT, eTag);
      assert.equal((result.referral as { status: string }).status, 'Active');
      assert.equal(pc.simulator.patches.length, 1);
      assert.equal(pc.waits.length, 2);
    });

    it('renews an expired token once on 401 and succeeds', async () => {
      const pc = partnerCenter();
      await pc.client.getReferral(ids[0]);
      pc.simulator.expireTokens();
      const found = await pc.client.getReferral(ids[1]);
      assert.equal((found?.referral as { id: string }).id, ids[1]);
      assert.deepEqual(
        apiRequests().map((r) => r.status),
        [200, 401, 200],
      );
      assert.equal(pc.simulator.tokenRequests.length, 2);
      assert.deepEqual(pc.waits, [], 'a renewal is no backoff');
    });

    it('gives a clear error when a renewed token is refused too, after one renewal', async () => {
      const pc = partnerCenter();
      const invalidated: (string | undefined)[] = [];
      const unusable: AccessTokenProvider = {
        getToken: async () => 'revoked-token',
        invalidate: (rejected) => void invalidated.push(rejected),
      };
      const client = new PartnerCenterClient({
        apiUrl: pc.simulator.apiUrl,
        tokens: unusable,
        timing: { sleep: async () => undefined },
      });
      const error = await failureOf(client.getReferral(ids[0]));
      assert.equal(error.status, 401);
      assert.match(
        error.message,
        /refused a newly issued access token \(401 .+\) for GET .+; check that PARTNER_CENTER_TENANT_ID/,
      );
      assert.deepEqual(invalidated, ['revoked-token']);
      assert.deepEqual(
        apiRequests().map((r) => r.status),
        [401, 401],
      );
    });

    it('tries again when the token endpoint is unavailable for a while', async () => {
      const pc = partnerCenter();
      pc.simulator.failTokenRequests(2, 503);
      const found = await pc.client.getReferral(ids[0]);
      assert.equal((found?.referral as { id: string }).id, ids[0]);
      assert.equal(pc.waits.length, 2);
      assert.deepEqual(
        pc.simulator.requests.map((r) => [r.path.endsWith('/token') ? 'token' : 'api', r.status]),
        [
          ['token', 503],
          ['token', 503],
          ['token', 200],
          ['api', 200],
        ],
      );
    });

    it('passes on the token endpoint’s refusal of the secret without calling the API', async () => {
      const pc = await restart({ credentials: { clientSecret: 'an-expired-secret' } });
      const error = await pc.client.getReferral(ids[0]).then(
        () => assert.fail('expected a refusal'),
        (e: Error) => e,
      );
      assert.match(error.message, /^PARTNER_CENTER_CLIENT_SECRET was refused/);
      assert.equal(apiRequests().length, 0);
      assert.deepEqual(pc.waits, [], 'a refused secret is not retried');
    });

    describe('when the API cannot be reached', () => {
      let closedApiUrl: string;
      beforeEach(async () => {
        const other = await startSimulatedPartnerCenter();
        closedApiUrl = other.simulator.apiUrl;
        await other.stop();
        await restart({ apiUrl: closedApiUrl, retry: { maxAttempts: 3 } });
      });

      it('retries a GET, then says it could not reach Partner Center', async () => {
        const pc = partnerCenter();
        const error = await failureOf(pc.client.getReferral(ids[0]));
        assert.equal(error.status, undefined);
        assert.match(
          error.message,
          /^Partner Center could not be reached \(GET \/v1\.0\/engagements\/referrals\/[0-9a-f-]+, attempt 3\): fetch failed/,
        );
        assert.equal(pc.waits.length, 2);
      });

      it('does not retry a PATCH it cannot know the fate of', async () => {
        const pc = partnerCenter();
        const error = await failureOf(pc.client.patchReferral(ids[0], ACCEPT, '"e"'));
        assert.match(error.message, /could not be reached \(PATCH .+, attempt 1\)/);
        assert.deepEqual(pc.waits, []);
      });
    });
  });
});
