import assert from 'node:assert/strict';
import { VERBS } from '../../../cards/verbs';
import {
  CHANNELS,
  USERS,
  botAddedToTeam,
  cardAction,
  channelMessage,
  personalCardAction,
  personalMessage,
  teamMember,
} from '../../support/teamsActivities';
import { ACCEPT_FORM, deliverAndAwaitCard, replies } from '../flows';
import { inTeam, TEAM_B, TEAM_B_CHANNEL, useLinkedDesk } from './fixtures';

describe('who may reach the desk (over HTTP, as an attacker would)', function () {
  this.timeout(30_000);
  const { desk, restartWith } = useLinkedDesk();

  describe('the referrals of another team', () => {
    let americasId: string;

    beforeEach(async () => {
      const h = desk();
      // Team B, where only Bob is a member, takes the Americas.
      h.connector.membersOf[TEAM_B.id] = [teamMember(USERS.bob)];
      await h.activity(inTeam(botAddedToTeam(h.serviceUrl, USERS.bob), TEAM_B));
      await h.activity(inTeam(channelMessage(h.serviceUrl, TEAM_B_CHANNEL, 'link americas', USERS.bob), TEAM_B));
      const delivered = await deliverAndAwaitCard(h, TEAM_B_CHANNEL, {
        customerProfile: { name: 'Fabrikam Americas', address: { city: 'Toronto', country: 'CA' } },
      });
      americasId = delivered.id;
      h.connector.calls.length = 0;
    });

    it('are not found, listed or opened by a member of another team', async () => {
      const h = desk();
      await h.activity(personalMessage(h.serviceUrl, 'find fabrikam', USERS.alice));
      assert.ok(
        replies(h.connector.calls, 'a:personal').some((text) => /fabrikam/i.test(text)),
        'says nothing was found',
      );
      assert.ok(!JSON.stringify(h.connector.calls).includes(americasId), 'the referral is neither listed nor named');
      const history = await h.activity(
        personalCardAction(h.serviceUrl, 'card-1', VERBS.history, { referralId: americasId }, USERS.alice),
      );
      assert.equal(history.body.value, h.services.strings.actions.notFound);
      const accept = await h.activity(
        cardAction(h.serviceUrl, CHANNELS.emea, 'card-1', VERBS.accept, { referralId: americasId, ...ACCEPT_FORM }),
      );
      assert.equal(accept.body.value, h.services.strings.actions.notFound);
      const star = await h.activity(
        personalCardAction(h.serviceUrl, 'card-1', VERBS.favorite, { referralId: americasId, on: true }, USERS.alice),
      );
      assert.equal(star.body.value, h.services.strings.actions.notFound);
      assert.deepEqual(await h.services.favorites.list(USERS.alice.aadObjectId), []);
      assert.equal((await h.services.referrals.get(americasId))!.record.referral.status, 'New');
    });

    it("are found and worked by that team's member, from a personal chat too", async () => {
      const h = desk();
      await h.activity(personalMessage(h.serviceUrl, 'find fabrikam', USERS.bob));
      assert.ok(JSON.stringify(h.connector.calls).includes(americasId));
      const accept = await h.activity(
        personalCardAction(h.serviceUrl, 'card-1', VERBS.accept, { referralId: americasId, ...ACCEPT_FORM }, USERS.bob),
      );
      assert.equal(accept.body.type, 'application/vnd.microsoft.card.adaptive', JSON.stringify(accept.body));
      assert.equal((await h.services.referrals.get(americasId))!.record.desk.owner?.id, USERS.bob.aadObjectId);
    });

    it("are seen by an admin and by the region's managers", async () => {
      const h = await restartWith({ DESK_ADMINS: USERS.manager.aadObjectId });
      h.connector.membersOf[TEAM_B.id] = [teamMember(USERS.bob)];
      await h.activity(inTeam(botAddedToTeam(h.serviceUrl, USERS.bob), TEAM_B));
      await h.activity(inTeam(channelMessage(h.serviceUrl, TEAM_B_CHANNEL, 'link americas', USERS.bob), TEAM_B));
      const { id } = await deliverAndAwaitCard(h, TEAM_B_CHANNEL, {
        customerProfile: { name: 'Fabrikam Americas', address: { country: 'CA' } },
      });
      const history = await h.activity(
        personalCardAction(h.serviceUrl, 'card-1', VERBS.history, { referralId: id }, USERS.manager),
      );
      assert.equal(history.body.type, 'application/vnd.microsoft.card.adaptive');
    });
  });
});
