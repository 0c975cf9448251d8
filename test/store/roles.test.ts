import assert from 'node:assert/strict';
import type { ManagerGrant } from '../../bot/domain/managers';
import { RoleRepository } from '../../bot/store/roleRepository';
import { freshStorage } from '../support/rootHooks';

const grant = (region: string, id: string, name = id): ManagerGrant => ({
  region,
  user: { id, name, teamsId: `29:${name}`, email: `${name}@partner.example` },
  grantedBy: { id: 'aad-admin', name: 'Teams Admin' },
  grantedAt: '2026-11-23T09:00:00.000Z',
});

describe('store: RoleRepository', () => {
  let roles: RoleRepository;

  beforeEach(async () => {
    const { storage } = await freshStorage();
    roles = new RoleRepository(storage.client('roles'));
  });

  it('keeps a manager per region, once, and gives them back as granted', async () => {
    assert.deepEqual(await roles.managerGrants(), []);
    assert.equal(await roles.grantManager(grant('emea', 'aad-manager')), true);
    assert.equal(await roles.grantManager(grant('apac', 'aad-manager')), true);
    assert.equal(
      await roles.grantManager({ ...grant('emea', 'aad-manager'), grantedAt: '2026-12-01T00:00:00.000Z' }),
      false,
      'already granted',
    );
    assert.equal(await roles.grantManager(grant('emea', '29:odd/id#with?chars', 'odd')), true);
    const grants = await roles.managerGrants();
    assert.equal(grants.length, 3);
    assert.deepEqual(
      grants.find((g) => g.region === 'emea' && g.user.id === 'aad-manager'),
      grant('emea', 'aad-manager'),
      'the first grant stays',
    );
    assert.ok(grants.some((g) => g.user.id === '29:odd/id#with?chars'));
  });

  it('revokes one region of a manager, and says when there was nothing to revoke', async () => {
    await roles.grantManager(grant('emea', 'aad-manager'));
    await roles.grantManager(grant('apac', 'aad-manager'));
    assert.equal(await roles.revokeManager('emea', 'aad-manager'), true);
    assert.equal(await roles.revokeManager('emea', 'aad-manager'), false);
    assert.equal(await roles.revokeManager('americas', 'aad-nobody'), false);
    assert.deepEqual(
      (await roles.managerGrants()).map((g) => g.region),
      ['apac'],
    );
  });
});
