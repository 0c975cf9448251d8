import assert from 'node:assert/strict';
import { arrival } from '../../../bot/domain/incoming';
import { MAX_REFERRAL_JSON_CHARS } from '../../../bot/store/entityLimits';
import { REFERRAL_ROW } from '../../../bot/store/tables';
import { NOW } from '../../support/fixtures';
import { change, ID, richReferral, useFreshRepository } from './fixtures';

describe('store: ReferralRepository', () => {
  const { repository, table, stored, createArrived } = useFreshRepository();

  describe('large referrals', () => {
    async function rawEntity(id = ID): Promise<Record<string, unknown>> {
      return await table().getEntity(id, REFERRAL_ROW);
    }
    const jsonProperties = (entity: Record<string, unknown>) =>
      Object.keys(entity)
        .filter((k) => /^json\d+$/.test(k))
        .sort();

    it('round-trips a referral JSON longer than 30,000 characters, split over several properties', async () => {
      const referral = richReferral({ details: { ...richReferral().details, notes: 'Requirements. '.repeat(5_000) } });
      const json = JSON.stringify(referral);
      assert.ok(json.length > 70_000, `the test referral is ${json.length} characters`);

      const created = await createArrived(referral);

      assert.deepEqual(created.record.referral, referral);
      const entity = await rawEntity();
      assert.equal(entity.chunks, 3);
      assert.deepEqual(jsonProperties(entity), ['json0', 'json1', 'json2']);
      for (const key of jsonProperties(entity))
        assert.ok((entity[key] as string).length <= 30_000, `${key} is too long`);
    });

    it('leaves no stale chunk after the referral shrinks', async () => {
      const repo = repository();
      const big = await createArrived(richReferral({ details: { notes: 'x'.repeat(65_000) } }));
      assert.equal((await rawEntity()).chunks, 3);

      const small = change(big.record, 'Shrunk');
      small.record.referral = { ...small.record.referral, details: { notes: 'short now' } };
      await repo.save(big, small.record, small.event);

      const entity = await rawEntity();
      assert.equal(entity.chunks, 1);
      assert.deepEqual(jsonProperties(entity), ['json0']);
      assert.deepEqual((await stored()).record, small.record);
    });

    it('round-trips characters outside the Basic Multilingual Plane across chunk boundaries', async () => {
      let splitAPair = false;
      for (const [i, prefix] of ['', 'a'].entries()) {
        const id = `emoji-${i}`;
        const referral = richReferral({ id, details: { notes: `${prefix}${'🚀'.repeat(20_000)}` } });
        const json = JSON.stringify(referral);
        const code = json.charCodeAt(29_999);
        if (code >= 0xd800 && code <= 0xdbff) splitAPair = true;

        await createArrived(referral);

        assert.deepEqual((await stored(id)).record.referral, referral, `prefix ${JSON.stringify(prefix)}`);
      }
      assert.ok(splitAPair, 'one of the referrals must have a surrogate pair across the first chunk boundary');
    });

    it('refuses a referral too large to store, storing nothing', async () => {
      const repo = repository();
      const referral = richReferral({ details: { notes: 'y'.repeat(MAX_REFERRAL_JSON_CHARS) } });
      const { record, event } = arrival(referral, NOW);
      await assert.rejects(repo.create(record, event), RangeError);
      assert.equal(await repo.get(ID), null);
      assert.deepEqual(await repo.history(ID), []);
    });
  });
});
