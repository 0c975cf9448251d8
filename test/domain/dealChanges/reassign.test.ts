import assert from 'node:assert/strict';
import type { LifecycleCommand } from '../../../bot/domain/commands';
import { isDomainError } from '../../../bot/domain/errors';
import { decide } from '../../../bot/domain/lifecycle';
import { authorityOf, NO_AUTHORITY, type Authority } from '../../../bot/domain/permissions';
import type { Actor } from '../../../bot/domain/referral';
import { NOW } from '../../support/fixtures';
import { ADMIN, ENGINEER, ENGINEER_MEMBER, MANAGER, OWNER, STRANGER, accepted, edit, kindOf, ok } from './fixtures';

describe('deal changes on an accepted deal', () => {
  describe('reassigning the owner', () => {
    const handOver = (to: Actor): LifecycleCommand => ({ action: 'reassign', input: { newOwner: to } });
    const withEngineer = () =>
      accepted({ team: [ENGINEER_MEMBER] }, { teamAccounts: [{ email: ENGINEER_MEMBER.email, actor: ENGINEER }] });

    const WHO: [string, Actor, Authority, string][] = [
      ['the owner', OWNER, NO_AUTHORITY, 'decision'],
      ["a manager of the deal's region", STRANGER, MANAGER, 'decision'],
      ['an admin', STRANGER, ADMIN, 'decision'],
      ['a team member', ENGINEER, NO_AUTHORITY, 'notPermitted'],
      ['anyone else', STRANGER, NO_AUTHORITY, 'notPermitted'],
    ];
    for (const [who, actor, authority, outcome] of WHO) {
      it(`${outcome === 'decision' ? 'lets' : 'refuses'} ${who}`, () => {
        const result = decide(withEngineer(), handOver(ENGINEER), actor, NOW, authority);
        assert.equal(kindOf(result), outcome);
        if (!isDomainError(result)) {
          assert.deepEqual(result.record.desk.owner, ENGINEER);
          assert.deepEqual(result.event.changes, [{ field: 'owner', before: 'EMEA Rep', after: 'Presales Engineer' }]);
        }
      });
    }

    it("finds who is an admin, and who manages the region of the deal's country", () => {
      const regions = [
        { code: 'dach', name: 'DACH', countries: ['DE', 'AT'], managers: ['aad-stranger'] },
        { code: 'nordics', name: 'Nordics', countries: ['SE'], managers: ['29:owner'] },
      ];
      assert.deepEqual(authorityOf(STRANGER, 'DE', regions, []), { admin: false, regionManager: true });
      assert.deepEqual(authorityOf(STRANGER, 'SE', regions, []), { admin: false, regionManager: false });
      assert.deepEqual(authorityOf(OWNER, 'SE', regions, []), { admin: false, regionManager: true }, 'by Teams id too');
      assert.deepEqual(authorityOf(ENGINEER, 'JP', regions, ['29:engineer']), { admin: true, regionManager: false });
    });

    it('gives a manager no say over the rest of the deal', () => {
      assert.equal(kindOf(decide(accepted(), edit(), STRANGER, NOW, MANAGER)), 'notPermitted');
      assert.equal(kindOf(decide(accepted(), { action: 'win', input: {} }, STRANGER, NOW, ADMIN)), 'notPermitted');
    });

    it('changes nothing when handing the deal to its owner', () => {
      assert.deepEqual(decide(accepted(), handOver(OWNER), OWNER, NOW), { kind: 'noChange', action: 'reassign' });
    });

    it('takes the deal away from the previous owner', () => {
      const next = ok(decide(accepted(), handOver(ENGINEER), OWNER, NOW)).record;
      assert.equal(kindOf(decide(next, edit(), OWNER, NOW)), 'notPermitted');
      ok(decide(next, edit(), ENGINEER, NOW));
    });
  });
});
