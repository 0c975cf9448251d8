import assert from 'node:assert/strict';
import { Duration } from 'luxon';
import { NextLinkRefusedError } from '../../../bot/partnerCenter/errors';
import { parseReferrals } from '../../../bot/partnerCenter/referralSchema';
import { generateReferrals } from '../../../tools/partnerCenterSimulator';
import { NOW } from '../../support/fixtures';
import { collectPages } from '../../support/simulatedPartnerCenter';
import { failureOf, ids, useSimulatedPartnerCenter } from './fixtures';

describe('partnerCenter: the Referrals API client (against the simulator)', () => {
  const { partnerCenter, restart, apiRequests } = useSimulatedPartnerCenter();

  describe('listing', () => {
    const since = NOW.minus({ hours: 9, minutes: 30 }).toUTC().toISO()!;
    const filter = `updatedDateTime gt ${since}`;

    it('follows @odata.nextLink over every page, each referral once, in order', async () => {
      const pc = partnerCenter();
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
      const pc = partnerCenter();
      const [page] = await collectPages(pc.client.listReferrals());
      const parsed = parseReferrals(page);
      assert.ok('referrals' in parsed);
      assert.equal(parsed.referrals.length, 10);
    });

    it('neither skips nor repeats a referral changed between pages: it comes once, as changed, at its new place', async () => {
      const pc = partnerCenter();
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
      const pc = partnerCenter();
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
      const pc = partnerCenter();
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
      const pc = partnerCenter();
      const pages = await collectPages(pc.client.listReferrals({ orderBy: 'updatedDateTime desc', top: 6 }));
      assert.deepEqual(
        pages.flat().map((r) => r.id),
        [...ids].reverse(),
      );
    });

    it('filters by status and direction as the desk polls', async () => {
      const pc = partnerCenter();
      pc.simulator.update(ids[2], { status: 'Active', substatus: 'Accepted' });
      const pages = await collectPages(
        pc.client.listReferrals({ filter: "direction eq 'Incoming' and (status eq 'Active' or type eq 'Shared')" }),
      );
      const seen = pages.flat();
      assert.ok(seen.some((r) => r.id === ids[2]));
      for (const referral of seen) assert.ok(referral.status === 'Active' || referral.type === 'Shared');
    });

    it('surfaces a bad filter as a PartnerCenterError with the service’s words, without retrying', async () => {
      const pc = partnerCenter();
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
      const pc = await restart({ simulator: { nextLinkOrigin: 'http://elsewhere.example' } });
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
      const pc = await restart({ simulator: { nextLinkOrigin: 'http://127.0.0.1' } });
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
});
