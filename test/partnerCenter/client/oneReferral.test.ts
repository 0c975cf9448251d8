import assert from 'node:assert/strict';
import { PartnerCenterClient } from '../../../bot/partnerCenter/client';
import { PreconditionFailedError } from '../../../bot/partnerCenter/errors';
import type { PatchOperation } from '../../../bot/domain/patchOperations';
import { API_BASE_PATH } from '../../../tools/partnerCenterSimulator';
import type { WireObject } from '../../support/wireJson';
import { ACCEPT, failureOf, ids, useSimulatedPartnerCenter } from './fixtures';

describe('partnerCenter: the Referrals API client (against the simulator)', () => {
  const { partnerCenter, apiRequests } = useSimulatedPartnerCenter();

  describe('reading one referral', () => {
    it('gives the referral and its eTag', async () => {
      const pc = partnerCenter();
      const found = await pc.client.getReferral(ids[3]);
      assert.equal((found?.referral as { id: string }).id, ids[3]);
      assert.equal(found?.eTag, `"${pc.simulator.get(ids[3])!.eTag}"`);
    });

    it('gives null for an id Partner Center does not have', async () => {
      const pc = partnerCenter();
      assert.equal(await pc.client.getReferral('00000000-0000-4000-8000-000000000000'), null);
      assert.equal(apiRequests().length, 1, 'a 404 is an answer, not a failure to retry');
    });

    it('escapes the id in the path', async () => {
      const pc = partnerCenter();
      assert.equal(await pc.client.getReferral('a/b?c'), null);
      assert.equal(apiRequests()[0].path, `${API_BASE_PATH}/a%2Fb%3Fc`);
    });
  });

  describe('writing back', () => {
    it('patches with the right eTag and returns the new version; the simulator logs the operations', async () => {
      const pc = partnerCenter();
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
      const pc = partnerCenter();
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
        const pc = partnerCenter();
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
      const pc = partnerCenter();
      pc.simulator.update(ids[0], { status: 'Closed', substatus: 'Declined' });
      const { eTag } = (await pc.client.getReferral(ids[0]))!;
      const error = await failureOf(pc.client.patchReferral(ids[0], ACCEPT, eTag));
      assert.equal(error.target, '/status');
      assert.match(error.message, /\/status: the referral is Closed \(Declined\), which is final/);
    });

    it('reads the referral again when the service answers 204 without it', async () => {
      const pc = partnerCenter();
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
});
