import assert from 'node:assert/strict';
import type { ManagerGrant } from '../../bot/domain/managers';
import { withGrantedManagers } from '../../bot/domain/managers';
import { authorityOf, isAdmin, regionsManagedBy } from '../../bot/domain/permissions';
import { regionManagers, type Region } from '../../bot/domain/routing';

const REGIONS: readonly Region[] = [
  { code: 'emea', name: 'EMEA', countries: ['DE', 'FR'], managers: ['aad-configured'] },
  { code: 'dach', name: 'DACH', countries: ['DE', 'AT', 'CH'] },
  { code: 'apac', name: 'APAC', countries: ['JP'] },
];

const granted = (region: string, id: string): ManagerGrant => ({
  region,
  user: { id, name: id, teamsId: `29:${id}` },
  grantedBy: { id: 'aad-admin', name: 'Admin' },
  grantedAt: '2026-11-23T09:00:00.000Z',
});

describe('region managers: the regions file and those admins grant', () => {
  it('adds granted managers to the configured ones, each once and by actor id only', () => {
    const regions = withGrantedManagers(REGIONS, [
      granted('emea', 'aad-new'),
      granted('emea', 'aad-configured'),
      granted('dach', 'aad-new'),
      granted('gone', 'aad-x'),
    ]);
    assert.deepEqual(
      regions.map((r) => r.managers),
      [['aad-configured', 'aad-new'], ['aad-new'], undefined],
    );
    assert.deepEqual(regionManagers('DE', regions), ['aad-configured', 'aad-new'], 'escalations go to each once');
    assert.deepEqual(REGIONS[0].managers, ['aad-configured'], 'the configuration is left as it is');
  });

  it("gives a granted manager authority over the region's referrals, and only there", () => {
    const regions = withGrantedManagers(REGIONS, [granted('apac', 'aad-new')]);
    const actor = { id: 'aad-new', name: 'New', teamsId: '29:aad-new' };
    assert.deepEqual(authorityOf(actor, 'JP', regions, []), { admin: false, regionManager: true });
    assert.deepEqual(authorityOf(actor, 'DE', regions, []), { admin: false, regionManager: false });
  });

  it('tells the regions a user manages: all of them for an admin, by AAD object id or Teams id', () => {
    const regions = withGrantedManagers(REGIONS, [granted('apac', 'aad-new')]);
    assert.deepEqual(
      regionsManagedBy({ id: 'aad-new' }, regions, []).map((r) => r.code),
      ['apac'],
    );
    assert.deepEqual(
      regionsManagedBy({ id: 'aad-configured' }, regions, []).map((r) => r.code),
      ['emea'],
    );
    assert.deepEqual(regionsManagedBy({ id: 'aad-nobody' }, regions, []), []);
    assert.deepEqual(
      regionsManagedBy({ id: 'aad-admin', teamsId: '29:admin' }, regions, ['29:admin']).map((r) => r.code),
      ['emea', 'dach', 'apac'],
    );
    assert.equal(isAdmin({ id: 'aad-admin', teamsId: '29:admin' }, ['29:admin']), true);
    assert.equal(isAdmin({ id: 'aad-admin' }, ['29:other']), false);
  });
});
