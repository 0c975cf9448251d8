import assert from 'node:assert/strict';
import type { LifecycleCommand } from '../../../bot/domain/commands';
import { decide } from '../../../bot/domain/lifecycle';
import { MAX_TEAM_MEMBERS } from '../../../bot/domain/validation';
import { NOW } from '../../support/fixtures';
import { ENGINEER, ENGINEER_MEMBER, OWNER, accepted, edit, kindOf, ok, problems } from './fixtures';

describe('deal changes on an accepted deal', () => {
  describe('team members', () => {
    it('adds a member with their Teams account, who may then work the deal, and removes them again', () => {
      const add: LifecycleCommand = { action: 'addMember', input: { member: ENGINEER_MEMBER, account: ENGINEER } };
      assert.equal(kindOf(decide(accepted(), edit(), ENGINEER, NOW)), 'notPermitted');

      const { record: withEngineer, event } = ok(decide(accepted(), add, OWNER, NOW));
      assert.deepEqual(withEngineer.referral.team, [ENGINEER_MEMBER]);
      assert.deepEqual(withEngineer.desk.teamAccounts, [{ email: 'presales@partner.example', actor: ENGINEER }]);
      assert.deepEqual(event.changes, [
        { field: 'team', before: undefined, after: 'Presales Engineer (presales@partner.example)' },
      ]);
      ok(decide(withEngineer, edit(), ENGINEER, NOW));

      const removed = ok(
        decide(withEngineer, { action: 'removeMember', input: { email: 'PRESALES@partner.example' } }, ENGINEER, NOW),
      ).record;
      assert.deepEqual(removed.referral.team, []);
      assert.deepEqual(removed.desk.teamAccounts, []);
      assert.equal(kindOf(decide(removed, edit(), ENGINEER, NOW)), 'notPermitted');
    });

    it('adds a contact without a Teams account, who cannot act in Teams', () => {
      const next = ok(
        decide(accepted(), { action: 'addMember', input: { member: ENGINEER_MEMBER } }, OWNER, NOW),
      ).record;
      assert.deepEqual(next.referral.team, [ENGINEER_MEMBER]);
      assert.equal(next.desk.teamAccounts, undefined);
    });

    for (const [change, expected] of [
      [
        { firstName: ' ', lastName: '' },
        [
          { field: 'firstName', problem: 'required' },
          { field: 'lastName', problem: 'required' },
        ],
      ],
      [{ phoneNumber: 'call me' }, [{ field: 'phoneNumber', problem: 'invalidPhone' }]],
      [{ phoneNumber: '+1 23' }, [{ field: 'phoneNumber', problem: 'invalidPhone' }]],
      [{ phoneNumber: '' }, [{ field: 'phoneNumber', problem: 'required' }]],
      [{ email: 'presales.partner.example' }, [{ field: 'email', problem: 'invalidEmail' }]],
      [{ email: 'a b@partner.example' }, [{ field: 'email', problem: 'invalidEmail' }]],
    ] as const) {
      it(`refuses a member with ${JSON.stringify(change)}`, () => {
        const result = decide(
          accepted(),
          { action: 'addMember', input: { member: { ...ENGINEER_MEMBER, ...change } } },
          OWNER,
          NOW,
        );
        assert.deepEqual(problems(result), expected);
      });
    }

    it("refuses another person with a team member's e-mail and a full team, and changes nothing when the same person is added again", () => {
      const withOne = accepted({ team: [ENGINEER_MEMBER] });
      const again = {
        action: 'addMember',
        input: { member: { ...ENGINEER_MEMBER, email: 'Presales@Partner.Example' } },
      } as const;
      assert.deepEqual(decide(withOne, again, OWNER, NOW), { kind: 'noChange', action: 'addMember' });
      const other = {
        action: 'addMember',
        input: { member: { ...ENGINEER_MEMBER, firstName: 'Other', email: 'Presales@Partner.Example' } },
      } as const;
      assert.deepEqual(problems(decide(withOne, other, OWNER, NOW)), [{ field: 'email', problem: 'duplicate' }]);
      const full = accepted({
        team: Array.from({ length: MAX_TEAM_MEMBERS }, (_, i) => ({
          ...ENGINEER_MEMBER,
          email: `m${i}@partner.example`,
        })),
      });
      assert.deepEqual(
        problems(decide(full, { action: 'addMember', input: { member: ENGINEER_MEMBER } }, OWNER, NOW)),
        [{ field: 'team', problem: 'tooMany' }],
      );
    });

    it('changes nothing when removing someone not (or no longer) on the team', () => {
      assert.deepEqual(
        decide(accepted(), { action: 'removeMember', input: { email: 'x@partner.example' } }, OWNER, NOW),
        { kind: 'noChange', action: 'removeMember' },
      );
    });
  });
});
