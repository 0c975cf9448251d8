import assert from 'node:assert/strict';
import { tableStorage } from '../../bot/store/tables';
import { PartnerCenterGrantRepository, type StoredGrant } from '../../bot/store/partnerCenterGrantRepository';
import { embeddedConnectionString, freshStorage } from '../support/rootHooks';

const grant = (n: number, renewedAt: string): StoredGrant => ({
  origin: 'origin-1',
  sealed: { keyId: 'key-1', iv: `iv-${n}`, ciphertext: `ciphertext-${n}`, tag: `tag-${n}` },
  renewedAt,
});

describe('store: PartnerCenterGrantRepository', () => {
  let prefix: string;
  let grants: PartnerCenterGrantRepository;

  /** An instance of the desk: its own client of the table. */
  const anotherInstance = () =>
    new PartnerCenterGrantRepository(tableStorage(embeddedConnectionString(), prefix).client('partnerCenterGrant'));

  beforeEach(async () => {
    ({ prefix } = await freshStorage());
    grants = anotherInstance();
  });

  it('has nothing before the first renewal, then gives back the token as kept', async () => {
    assert.equal(await grants.get(), null);
    assert.equal(await grants.keep(grant(1, '2026-11-23T09:00:00.000Z')), true);
    assert.deepEqual(await anotherInstance().get(), grant(1, '2026-11-23T09:00:00.000Z'));
  });

  it('replaces the kept token with a newer one, and never with an older one', async () => {
    await grants.keep(grant(1, '2026-11-23T09:00:00.000Z'));
    assert.equal(await grants.keep(grant(2, '2026-11-23T10:00:00.000Z')), true);
    const late = await anotherInstance().keep(grant(3, '2026-11-23T09:30:00.000Z'));
    assert.equal(late, false, 'handed out earlier, written later');
    assert.deepEqual(await grants.get(), grant(2, '2026-11-23T10:00:00.000Z'));
  });

  it('keeps the newest when several instances write at once', async () => {
    const instances = Array.from({ length: 6 }, anotherInstance);
    const times = ['09:03', '09:05', '09:01', '09:04', '09:00', '09:02'].map((t) => `2026-11-23T${t}:00.000Z`);
    const written = await Promise.all(instances.map((instance, i) => instance.keep(grant(i, times[i]))));
    assert.equal(written[1], true, 'the newest is written');
    assert.deepEqual(await grants.get(), grant(1, '2026-11-23T09:05:00.000Z'));
  });
});
