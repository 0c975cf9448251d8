import assert from 'node:assert/strict';
import { Duration } from 'luxon';
import { PartnerCenterClient } from '../../bot/partnerCenter/client';
import { NextLinkRefusedError, PartnerCenterError, PreconditionFailedError } from '../../bot/partnerCenter/errors';
import type { PatchOperation } from '../../bot/domain/patchOperations';
import { parseReferrals } from '../../bot/partnerCenter/referralSchema';
import type { AccessTokenProvider } from '../../bot/partnerCenter/tokens';
import { API_BASE_PATH, generateReferrals } from '../../tools/partnerCenterSimulator';
import { NOW } from '../support/fixtures';
import {
  collectPages,
  startSimulatedPartnerCenter,
  type SimulatedPartnerCenter,
  type SimulationOptions,
} from '../support/simulatedPartnerCenter';
import type { WireObject } from '../support/wireJson';

/** Ten referrals, created (and last updated) an hour apart, the last at NOW − 1 h. */
const STREAM = generateReferrals(10, {
  seed: 100,
  from: NOW.minus({ hours: 10 }),
  every: Duration.fromObject({ hours: 1 }),
});
const ids = STREAM.map((r) => r.id as string);

const ACCEPT: PatchOperation[] = [
  { op: 'replace', path: '/status', value: 'Active' },
  { op: 'replace', path: '/substatus', value: 'Accepted' },
  { op: 'replace', path: '/details/dealValue', value: 48_000 },
  { op: 'replace', path: '/details/closingDateTime', value: '2027-02-26T00:00:00Z' },
];

async function failureOf(promise: Promise<unknown>): Promise<PartnerCenterError> {
  const error = await promise.then(
    () => assert.fail('expected the call to fail'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof PartnerCenterError, `expected a PartnerCenterError, got ${String(error)}`);
  return error;
}

describe('partnerCenter: the Referrals API client (against the simulator)', () => {
  let pc: SimulatedPartnerCenter;
  const start = async (options: SimulationOptions = {}) => {
    pc = await startSimulatedPartnerCenter({ ...options, simulator: { referrals: STREAM, ...options.simulator } });
  };
  beforeEach(async () => start());
  afterEach(async () => pc.stop());

  /** The API requests the simulator received (not the token endpoint's). */
  const apiRequests = () => pc.simulator.requests.filter((r) => r.path.startsWith(API_BASE_PATH));

  describe('listing', () => {
    const since = NOW.minus({ hours: 9, minutes: 30 }).toUTC().toISO()!;
    const filter = `updatedDateTime gt ${since}`;

    it('follows @odata.nextLink over every page, each referral once, in order', async () => {
      const pages = await collectPages(pc.client.listReferrals({ filter, top: 4 }));
      assert.deepEqual(
        pages.map((p) => p.length),
        [4, 4, 1],
      );
      assert.deepEqual(
        pages.flat().map((r) => r.id),
        ids.slice(1),
        'all but the referral before the filter’s time',
      );
      const requests = apiRequests();
      assert.equal(requests.length, 3);
      for (const request of requests) {
        assert.equal(request.query.$filter, filter);
        assert.equal(request.query.$top, '4');
      }
      assert.equal(requests[0].query.$skiptoken, undefined);
      assert.ok(
        requests[1].query.$skiptoken &&
          requests[2].query.$skiptoken &&
          requests[1].query.$skiptoken !== requests[2].query.$skiptoken,
      );
    });

    it('reads referrals the desk’s parser accepts', async () => {
      const [page] = await collectPages(pc.client.listReferrals());
      const parsed = parseReferrals(page);
      assert.ok('referrals' in parsed);
      assert.equal(parsed.referrals.length, 10);
    });

    it('neither skips nor repeats a referral changed between pages: it comes once, as changed, at its new place', async () => {
      const changedId = ids[6];
      const pages = await collectPages(pc.client.listReferrals({ filter, top: 3 }), (page) => {
        if (page !== 0) return;
        pc.clock.advance({ minutes: 1 });
        pc.simulator.update(changedId, { details: { notes: 'changed in the portal' } });
      });
      const seen = pages.flat().map((r) => r.id);
      assert.deepEqual(seen, [...ids.slice(1, 6), ...ids.slice(7), changedId]);
      assert.equal(new Set(seen).size, 9);
      const changed = pages.flat().find((r) => r.id === changedId)!;
      assert.equal(changed.details.notes, 'changed in the portal');
      assert.equal(changed.eTag, pc.simulator.get(changedId)!.eTag);
    });

    it('shows a referral changed after it was read again, as its newer version, and skips none', async () => {
      const pages = await collectPages(pc.client.listReferrals({ filter, top: 3 }), (page) => {
        if (page !== 0) return;
        pc.clock.advance({ minutes: 1 });
        pc.simulator.update(ids[1], { status: 'Closed', substatus: 'Expired' });
      });
      const seen = pages.flat();
      assert.deepEqual(
        seen.map((r) => r.id),
        [...ids.slice(1), ids[1]],
      );
      assert.deepEqual([seen[0].status, seen[seen.length - 1].status], ['New', 'Closed']);
    });

    it('lists a referral that arrives while paging at the end', async () => {
      const [late] = generateReferrals(1, { seed: 999, from: NOW, every: Duration.fromObject({}) });
      const pages = await collectPages(pc.client.listReferrals({ top: 5 }), (page) => {
        if (page === 0) pc.simulator.add(late);
      });
      assert.deepEqual(
        pages.flat().map((r) => r.id),
        [...ids, late.id],
      );
    });

    it('orders the newest change first when asked', async () => {
      const pages = await collectPages(pc.client.listReferrals({ orderBy: 'updatedDateTime desc', top: 6 }));
      assert.deepEqual(
        pages.flat().map((r) => r.id),
        [...ids].reverse(),
      );
    });

    it('filters by status and direction as the desk polls', async () => {
      pc.simulator.update(ids[2], { status: 'Active', substatus: 'Accepted' });
      const pages = await collectPages(
        pc.client.listReferrals({ filter: "direction eq 'Incoming' and (status eq 'Active' or type eq 'Shared')" }),
      );
      const seen = pages.flat();
      assert.ok(seen.some((r) => r.id === ids[2]));
      for (const referral of seen) assert.ok(referral.status === 'Active' || referral.type === 'Shared');
    });

    it('surfaces a bad filter as a PartnerCenterError with the service’s words, without retrying', async () => {
      const error = await failureOf(collectPages(pc.client.listReferrals({ filter: "Status eq 'New'" })));
      assert.equal(error.status, 400);
      assert.equal(error.target, '$filter');
      assert.match(error.serviceMessage ?? '', /unknown field "Status"/);
      assert.match(
        error.message,
        /^Partner Center answered 400 to GET \/v1\.0\/engagements\/referrals\?\$filter=Status eq 'New': BadRequest: Invalid \$filter: unknown field "Status"/,
      );
      assert.equal(apiRequests().length, 1);
      assert.deepEqual(pc.waits, []);
    });

    it('refuses a nextLink to another origin, so the token goes nowhere else', async () => {
      await pc.stop();
      await start({ simulator: { nextLinkOrigin: 'http://elsewhere.example' } });
      const pages: unknown[] = [];
      const error = await failureOf(
        (async () => {
          for await (const page of pc.client.listReferrals({ top: 4 })) pages.push(page);
        })(),
      );
      assert.ok(error instanceof NextLinkRefusedError);
      assert.match(error.message, /an @odata\.nextLink to http:\/\/elsewhere\.example, not http:\/\/127\.0\.0\.1:\d+/);
      assert.equal(pages.length, 1, 'the page read is handed out before its link is refused');
      assert.equal(apiRequests().length, 1);
    });

    it('follows an http:// nextLink to the API’s host, naming no port, on the API’s own origin', async () => {
      await pc.stop();
      await start({ simulator: { nextLinkOrigin: 'http://127.0.0.1' } });
      const pages = await collectPages(pc.client.listReferrals({ top: 4 }));
      assert.deepEqual(
        pages.map((p) => p.length),
        [4, 4, 2],
      );
      assert.deepEqual(
        pages.flat().map((r) => r.id),
        ids,
      );
      assert.equal(apiRequests().length, 3);
    });
  });

  describe('reading one referral', () => {
    it('gives the referral and its eTag', async () => {
      const found = await pc.client.getReferral(ids[3]);
      assert.equal((found?.referral as { id: string }).id, ids[3]);
      assert.equal(found?.eTag, `"${pc.simulator.get(ids[3])!.eTag}"`);
    });

    it('gives null for an id Partner Center does not have', async () => {
      assert.equal(await pc.client.getReferral('00000000-0000-4000-8000-000000000000'), null);
      assert.equal(apiRequests().length, 1, 'a 404 is an answer, not a failure to retry');
    });

    it('escapes the id in the path', async () => {
      assert.equal(await pc.client.getReferral('a/b?c'), null);
      assert.equal(apiRequests()[0].path, `${API_BASE_PATH}/a%2Fb%3Fc`);
    });
  });

  describe('writing back', () => {
    it('patches with the right eTag and returns the new version; the simulator logs the operations', async () => {
      const { eTag } = (await pc.client.getReferral(ids[0]))!;
      pc.clock.advance({ minutes: 3 });
      const result = await pc.client.patchReferral(ids[0], ACCEPT, eTag);
      const referral = result.referral as WireObject;
      assert.equal(`${referral.status}/${referral.substatus}`, 'Active/Accepted');
      assert.equal(referral.details.dealValue, 48_000);
      assert.equal(referral.acceptedDateTime, '2026-11-23T09:03:00.000Z');
      assert.notEqual(result.eTag, eTag);
      assert.equal(result.eTag, `"${pc.simulator.get(ids[0])!.eTag}"`);
      assert.equal(pc.simulator.patches.length, 1);
      assert.deepEqual(pc.simulator.patches[0].operations, ACCEPT);
      assert.equal(`"${pc.simulator.patches[0].eTagBefore}"`, eTag);
    });

    it('throws PreconditionFailedError, carrying nothing stale, when the referral changed since it was read', async () => {
      const { eTag } = (await pc.client.getReferral(ids[0]))!;
      pc.simulator.update(ids[0], { details: { notes: 'edited in the portal' } });
      const error = await failureOf(pc.client.patchReferral(ids[0], ACCEPT, eTag));
      assert.ok(error instanceof PreconditionFailedError);
      assert.equal(error.status, 412);
      assert.equal(error.referralId, ids[0]);
      assert.match(error.message, /changed in Partner Center since it was read \(412\); read it again/);
      assert.ok(!('eTag' in error) && !('referral' in error));
      assert.equal(pc.simulator.patches.length, 0);
      assert.deepEqual(pc.waits, [], 'a 412 is not retried');
    });

    const refused: [string, PatchOperation[] | unknown[], string, RegExp][] = [
      [
        'a path outside the contract',
        [{ op: 'replace', path: '/name', value: 'Renamed' }],
        '/name',
        /\/name cannot be changed/,
      ],
      [
        'a status the referral cannot take',
        [{ op: 'replace', path: '/status', value: 'Active' }],
        '/substatus',
        /substatus Received does not fit status Active/,
      ],
    ];
    for (const [what, operations, path, message] of refused) {
      it(`surfaces ${what} as a 400 naming ${path}`, async () => {
        const { eTag } = (await pc.client.getReferral(ids[0]))!;
        const error = await failureOf(pc.client.patchReferral(ids[0], operations as PatchOperation[], eTag));
        assert.equal(error.status, 400);
        assert.equal(error.target, path);
        assert.match(error.message, message);
        assert.ok(error.message.includes(`[${path}]`), error.message);
        assert.equal(pc.simulator.patches.length, 0);
      });
    }

    it('surfaces an invalid transition of a closed referral as a 400 naming /status', async () => {
      pc.simulator.update(ids[0], { status: 'Closed', substatus: 'Declined' });
      const { eTag } = (await pc.client.getReferral(ids[0]))!;
      const error = await failureOf(pc.client.patchReferral(ids[0], ACCEPT, eTag));
      assert.equal(error.target, '/status');
      assert.match(error.message, /\/status: the referral is Closed \(Declined\), which is final/);
    });

    it('reads the referral again when the service answers 204 without it', async () => {
      const { eTag } = (await pc.client.getReferral(ids[0]))!;
      const plainFetch: typeof fetch = (input, init) => {
        const headers = new Headers(init?.headers);
        headers.delete('prefer');
        return fetch(input, { ...init, headers });
      };
      const client = new PartnerCenterClient({ apiUrl: pc.simulator.apiUrl, tokens: pc.tokens, fetch: plainFetch });
      const result = await client.patchReferral(ids[0], ACCEPT, eTag);
      assert.equal((result.referral as { status: string }).status, 'Active');
      assert.equal(result.eTag, `"${pc.simulator.get(ids[0])!.eTag}"`);
      assert.deepEqual(
        apiRequests()
          .slice(-2)
          .map((r) => [r.method, r.status]),
        [
          ['PATCH', 204],
          ['GET', 200],
        ],
      );
    });
  });

  describe('retries', () => {
    it('waits as long as Retry-After says on 429, then succeeds', async () => {
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
      await pc.stop();
      await start({ randoms: [0.9, 0.3, 0.75], retry: { baseDelayMs: 1000, maxDelayMs: 60_000 } });
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
      await pc.stop();
      await start({
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
      await pc.stop();
      await start({ retry: { maxDelayMs: 10_000 } });
      pc.simulator.throttleNext(1, 120);
      const error = await failureOf(pc.client.getReferral(ids[0]));
      assert.equal(error.status, 429);
      assert.equal(error.retryAfterMs, 120_000);
      assert.deepEqual(pc.waits, []);
    });

    it('retries a PATCH on 503, which If-Match makes safe: it is applied once', async () => {
      const { eTag } = (await pc.client.getReferral(ids[0]))!;
      pc.simulator.failNext(2, 503);
      const result = await pc.client.patchReferral(ids[0], ACCEPT, eTag);
      assert.equal((result.referral as { status: string }).status, 'Active');
      assert.equal(pc.simulator.patches.length, 1);
      assert.equal(pc.waits.length, 2);
    });

    it('renews an expired token once on 401 and succeeds', async () => {
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
      await pc.stop();
      await start({ credentials: { clientSecret: 'an-expired-secret' } });
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
        await pc.stop();
        await start({ apiUrl: closedApiUrl, retry: { maxAttempts: 3 } });
      });

      it('retries a GET, then says it could not reach Partner Center', async () => {
        const error = await failureOf(pc.client.getReferral(ids[0]));
        assert.equal(error.status, undefined);
        assert.match(
          error.message,
          /^Partner Center could not be reached \(GET \/v1\.0\/engagements\/referrals\/[0-9a-f-]+, attempt 3\): fetch failed/,
        );
        assert.equal(pc.waits.length, 2);
      });

      it('does not retry a PATCH it cannot know the fate of', async () => {
        const error = await failureOf(pc.client.patchReferral(ids[0], ACCEPT, '"e"'));
        assert.match(error.message, /could not be reached \(PATCH .+, attempt 1\)/);
        assert.deepEqual(pc.waits, []);
      });
    });
  });
});
