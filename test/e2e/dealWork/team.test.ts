import assert from 'node:assert/strict';
import { VERBS } from '../../../cards/verbs';
import { USERS } from '../../support/teamsActivities';
import { dealVerbs } from '../flows';
import { dealActions, EDIT, ENGINEER, MESSAGE, useAcceptedDeal } from './fixtures';

/** An accepted deal (a partner's P2P invitation, owned by Alice), worked on through its card as Teams sends it. */
describe('working on an accepted deal (over HTTP)', () => {
  const deal = useAcceptedDeal();
  const { click, stored, actionsIn, lastChannelUpdate } = dealActions(deal);

  describe('team', () => {
    const engineer = {
      firstName: 'Presales',
      lastName: 'Engineer',
      phoneNumber: '+49 30 5550100',
      email: 'Engineer@Partner.example',
    };

    it('adds a colleague found in the team by e-mail, who may then work the deal and whose client refreshes the card', async () => {
      const { h } = deal();
      const answer = await click(VERBS.addMember, engineer);
      assert.match(
        JSON.stringify(answer.body.value),
        /Presales Engineer · Engineer@Partner.example · \+49 30 5550100"/,
      );
      assert.ok(
        h.connector.requests.some((r) => r.includes('/members/Engineer%40Partner.example')),
        'looked the e-mail up in Teams',
      );
      const { record } = await stored();
      assert.deepEqual(record.referral.team, [engineer]);
      assert.deepEqual(record.desk.teamAccounts?.[0].actor, {
        id: ENGINEER.aadObjectId,
        name: ENGINEER.name,
        teamsId: ENGINEER.id,
      });

      const shared = await lastChannelUpdate(/Presales Engineer/);
      assert.deepEqual(shared.refresh?.userIds, [USERS.alice.id, ENGINEER.id]);

      const edited = await click(VERBS.edit, EDIT, ENGINEER);
      assert.match(JSON.stringify(edited.body.value), /Contoso landing zone/);
      const refreshed = await click(VERBS.refresh, {}, ENGINEER);
      assert.ok(dealVerbs(refreshed.body.value).includes(VERBS.win), 'a team member gets Won and Lost');
      assert.ok(!dealVerbs(refreshed.body.value).includes(VERBS.reassign), 'but cannot hand the deal over');
    });

    it('keeps someone outside the team as a contact who cannot act in Teams', async () => {
      const answer = await click(VERBS.addMember, {
        firstName: 'Outside',
        lastName: 'Consultant',
        phoneNumber: '+44 20 7946 0000',
        email: 'consultant@elsewhere.example',
      });
      assert.match(
        JSON.stringify(answer.body.value),
        /Outside Consultant · consultant@elsewhere.example · \+44 20 7946 0000 \(not in Teams\)/,
      );
      assert.equal((await stored()).record.desk.teamAccounts, undefined);
    });

    it('refuses a member with a bad phone number or e-mail, naming the field, and stores nothing', async () => {
      const before = await stored();
      for (const [inputs, field] of [
        [{ ...engineer, phoneNumber: 'ring me' }, /Phone must be a phone number/],
        [{ ...engineer, email: 'engineer.partner.example' }, /E-mail must be an e-mail address/],
        [{ ...engineer, lastName: '' }, /Last name is required/],
      ] as const) {
        const answer = await click(VERBS.addMember, inputs);
        assert.equal(answer.body.type, MESSAGE);
        assert.match(String(answer.body.value), field);
      }
      assert.deepEqual((await stored()).record, before.record);
    });

    it('removes a member, who then may not act; a retried removal changes nothing', async () => {
      await click(VERBS.addMember, engineer);
      const removed = await click(VERBS.removeMember, { email: engineer.email });
      assert.doesNotMatch(JSON.stringify(removed.body.value), /Presales Engineer ·/);
      assert.match(JSON.stringify(await click(VERBS.removeMember, { email: engineer.email })), /Nothing to change/);
      assert.deepEqual(await actionsIn(), ['received', 'accept', 'addMember', 'removeMember']);
      const refused = await click(VERBS.edit, EDIT, ENGINEER);
      assert.match(JSON.stringify(refused.body.value), /Only Alice Rep/);
    });
  });
});
