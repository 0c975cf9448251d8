import assert from 'node:assert/strict';
import type { ManagerGrant } from '../../bot/domain/managers';
import type { Region } from '../../bot/domain/routing';
import type { RoleRepository } from '../../bot/store/roleRepository';
import { digestReaders, digestRegionsOf, wantsWeeklyDigest } from '../../bot/referrals';

const REGIONS: Region[] = [
  { code: 'emea', name: 'EMEA', countries: ['DE'], managers: ['aad-configured', '29:by-teams-id'] },
  { code: 'apac', name: 'APAC', countries: ['JP'] },
];
const grant = (region: string, id: string): ManagerGrant => ({
  region,
  user: { id, name: id },
  grantedBy: { id: 'aad-admin', name: 'Admin' },
  grantedAt: '2026-11-23T09:00:00.000Z',
});
const services = (grants: ManagerGrant[]) => ({
  regions: REGIONS,
  admins: ['aad-admin', 'aad-configured'],
  roles: { managerGrants: async () => grants } as unknown as RoleRepository,
});

describe('who gets a digest', () => {
  it("is every admin and every region's manager, granted or configured, each once", async () => {
    assert.deepEqual(await digestReaders(services([grant('apac', 'aad-granted'), grant('emea', 'aad-granted')])), [
      'aad-admin',
      'aad-configured',
      '29:by-teams-id',
      'aad-granted',
    ]);
  });

  it('covers the regions each manages: all of them for an admin', async () => {
    const s = services([grant('apac', 'aad-granted')]);
    assert.deepEqual(
      (await digestRegionsOf(s, { id: 'aad-granted' })).map((r) => r.code),
      ['apac'],
    );
    assert.deepEqual(
      (await digestRegionsOf(s, { id: 'aad-x', teamsId: '29:by-teams-id' })).map((r) => r.code),
      ['emea'],
    );
    assert.deepEqual(
      (await digestRegionsOf(s, { id: 'aad-admin' })).map((r) => r.code),
      ['emea', 'apac'],
    );
    assert.deepEqual(await digestRegionsOf(s, { id: 'aad-nobody' }), []);
  });

  it('is weekly unless the user said "digest off"', () => {
    assert.equal(wantsWeeklyDigest(null), true);
    assert.equal(wantsWeeklyDigest({}), true);
    assert.equal(wantsWeeklyDigest({ digestOff: false }), true);
    assert.equal(wantsWeeklyDigest({ digestOff: true }), false);
  });
});
