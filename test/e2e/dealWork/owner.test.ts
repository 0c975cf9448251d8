import assert from 'node:assert/strict';
import { VERBS } from '../../../cards/verbs';
import { USERS } from '../../support/teamsActivities';
import { dealVerbs } from '../flows';
import { dealActions, EDIT, MANAGER, MESSAGE, useAcceptedDeal } from './fixtures';

/** An accepted deal (a partner's P2P invitation, owned by Alice), worked on through its card as Teams sends it. */
describe('working on an accepted deal (over HTTP)', () => {
  const deal = useAcceptedDeal();
  const { click, stored, actionsIn, lastChannelUpdate } = dealActions(deal);

  describe('owner', () => {
    it('lets the owner hand the deal to a colleague by e-mail; the old owner then sees a read-only card', async () => {
      const answer = await click(VERBS.reassign, { newOwnerEmail: 'bob@partner.example' });
      assert.match(JSON.stringify(answer.body.value), /"title":"Owner","value":"Bob Rep"/);
      assert.equal((await stored()).record.desk.owner?.id, USERS.bob.aadObjectId);
      const shared = await lastChannelUpdate(/Bob Rep/);
      assert.deepEqual(shared.refresh?.userIds, [USERS.bob.id]);
      const alice = await click(VERBS.refresh, {});
      assert.deepEqual(dealVerbs(alice.body.value), [VERBS.refresh]);
    });

    it("lets the region's manager hand it over, but not edit it", async () => {
      const { h, referralId } = deal();
      const refreshed = await click(VERBS.refresh, {}, MANAGER);
      assert.deepEqual(
        dealVerbs(refreshed.body.value),
        [VERBS.refresh, VERBS.reassign],
        'a manager sees Change owner only',
      );
      const answer = await click(VERBS.reassign, { newOwnerEmail: 'engineer@partner.example' }, MANAGER);
      assert.match(JSON.stringify(answer.body.value), /"title":"Owner","value":"Presales Engineer"/);
      const history = await h.services.referrals.history(referralId);
      assert.deepEqual(history.at(-1)?.changes, [{ field: 'owner', before: 'Alice Rep', after: 'Presales Engineer' }]);
      assert.equal(history.at(-1)?.actor.name, 'Sales Manager');
      assert.match(JSON.stringify((await click(VERBS.edit, EDIT, MANAGER)).body.value), /Only Presales Engineer/);
    });

    it('refuses anyone else, and an address nobody in the team has', async () => {
      const refused = await click(VERBS.reassign, { newOwnerEmail: 'bob@partner.example' }, USERS.bob);
      assert.match(JSON.stringify(refused.body.value), /the region's managers or an admin can hand it over/);
      const unknown = await click(VERBS.reassign, { newOwnerEmail: 'nobody@partner.example' });
      assert.equal(unknown.body.type, MESSAGE);
      assert.match(String(unknown.body.value), /no one with that address is a member of this team/);
      assert.deepEqual(await actionsIn(), ['received', 'accept']);
    });
  });
});
