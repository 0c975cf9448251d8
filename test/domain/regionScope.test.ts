import assert from 'node:assert/strict';
import { inScope, regionCodesOf, regionScopeOf } from '../../bot/domain/regionScope';
import { NO_REGION, type Region } from '../../bot/domain/routing';

const REGIONS: Region[] = [
  {
    code: 'emea',
    name: 'EMEA',
    countries: ['DE', 'FR', 'GB'],
    managers: ['aad-manager'],
    responders: ['29:responder'],
  },
  { code: 'dach', name: 'DACH', countries: ['DE', 'AT', 'CH'] },
  { code: 'americas', name: 'Americas', countries: ['US', 'CA'] },
];
const user = (id: string, teamsId = `29:${id}`) => ({ id, name: id, teamsId });

describe('the regions a user looks after', () => {
  it('are the ones they manage or answer for, by AAD object id or Teams id', () => {
    const manager = regionScopeOf(user('aad-manager'), REGIONS, []);
    const responder = regionScopeOf(user('aad-responder', '29:responder'), REGIONS, []);
    for (const scope of [manager, responder]) {
      assert.equal(scope.all, false);
      assert.deepEqual(!scope.all && scope.regions.map((r) => r.code), ['emea']);
    }
  });

  it('are all of them for an admin and for a user with no region role', () => {
    assert.deepEqual(regionScopeOf(user('aad-manager'), REGIONS, ['aad-manager']), { all: true, why: 'admin' });
    assert.deepEqual(regionScopeOf(user('aad-rep'), REGIONS, ['aad-admin']), { all: true, why: 'noRole' });
  });

  it('read every region that shares a country, and tell by the country; all regions include the referrals of none', () => {
    const manager = regionScopeOf(user('aad-manager'), REGIONS, []);
    assert.deepEqual(
      regionCodesOf(manager, REGIONS),
      ['emea', 'dach'],
      'a German referral counts under the smaller DACH',
    );
    assert.equal(inScope(manager, 'DE'), true);
    assert.equal(inScope(manager, 'AT'), false, 'Austria is DACH, not EMEA');
    assert.equal(inScope(manager, 'US'), false);
    const everyone = regionScopeOf(user('aad-rep'), REGIONS, []);
    assert.deepEqual(regionCodesOf(everyone, REGIONS), ['emea', 'dach', 'americas', NO_REGION]);
    assert.equal(inScope(everyone, 'JP'), true);
  });
});
