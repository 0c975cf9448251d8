import assert from 'node:assert/strict';
import { VERBS } from '../../../cards/verbs';
import {
  CHANNELS,
  TEAM,
  USERS,
  botAddedToTeam,
  botRemovedFromTeam,
  channelMessage,
  personalCardAction,
  personalMessage,
  teamMember,
} from '../../support/teamsActivities';
import { ACCEPT_FORM, deliverAndAwaitCard, replies } from '../flows';
import { fromTenant, inTeam, OTHER_TENANT, STRANGER, TEAM_B, TEAM_B_CHANNEL, traces, useLinkedDesk } from './fixtures';

describe('who may reach the desk (over HTTP, as an attacker would)', function () {
  this.timeout(30_000);
  const { desk } = useLinkedDesk();

  describe('another tenant', () => {
    it('cannot link a channel: it hears a short refusal and routing stays as it was', async () => {
      const h = desk();
      const answer = await h.activity(
        fromTenant(channelMessage(h.serviceUrl, CHANNELS.americas, 'link emea', STRANGER), OTHER_TENANT),
      );
      assert.equal(answer.status, 200);
      assert.deepEqual(replies(h.connector.calls, CHANNELS.americas.id), [h.services.strings.access.otherTenant]);
      const links = await h.services.links.list();
      assert.deepEqual(
        links.map((l) => [l.target.code, l.channel.conversationId]),
        [['emea', CHANNELS.emea.id]],
      );
      assert.deepEqual(await traces(h, STRANGER), []);
    });

    it('cannot accept a referral from a personal chat, nor install the desk in its team', async () => {
      const h = desk();
      const { id } = await deliverAndAwaitCard(h, CHANNELS.emea);
      h.connector.calls.length = 0;
      const click = fromTenant(
        personalCardAction(h.serviceUrl, 'card-1', VERBS.accept, { referralId: id, ...ACCEPT_FORM }, STRANGER),
        OTHER_TENANT,
      );
      const answer = await h.activity(click);
      assert.equal(answer.body.value, h.services.strings.access.otherTenant);
      assert.equal((await h.services.referrals.get(id))!.record.referral.status, 'New');
      const install = fromTenant(inTeam(botAddedToTeam(h.serviceUrl, STRANGER), TEAM_B), OTHER_TENANT);
      assert.equal((await h.activity(install)).status, 200);
      assert.equal(await h.services.conversations.team(TEAM_B.id), null);
      assert.deepEqual(h.connector.calls, [], 'nothing sent anywhere');
      assert.deepEqual(await traces(h, STRANGER), []);
    });
  });

  describe('a team the desk was never installed in', () => {
    it('gets a refusal for link, links and unlink, and nothing is stored', async () => {
      const h = desk();
      for (const text of ['link americas', 'links', 'unlink emea']) {
        await h.activity(inTeam(channelMessage(h.serviceUrl, TEAM_B_CHANNEL, text, USERS.bob), TEAM_B));
      }
      assert.deepEqual(
        replies(h.connector.calls, TEAM_B_CHANNEL.id),
        Array(3).fill(h.services.strings.access.teamNotInstalled),
      );
      assert.deepEqual(
        (await h.services.links.list()).map((l) => l.target.code),
        ['emea'],
      );
      assert.equal(await h.services.conversations.get('channel', TEAM_B_CHANNEL.id), null);
    });

    it('stops reaching it once the desk is removed: the team and its links are forgotten', async () => {
      const h = desk();
      assert.equal((await h.activity(botRemovedFromTeam(h.serviceUrl))).status, 200);
      assert.equal(await h.services.conversations.team(TEAM.id), null);
      assert.deepEqual(await h.services.links.list(), []);
      await h.activity(channelMessage(h.serviceUrl, CHANNELS.emea, 'link emea'));
      assert.deepEqual(replies(h.connector.calls, CHANNELS.emea.id), [h.services.strings.access.teamNotInstalled]);
    });
  });

  describe('someone in the tenant but in no installed team', () => {
    it('gets a refusal for every command and action in a personal chat, and leaves no trace', async () => {
      const h = desk();
      const { id } = await deliverAndAwaitCard(h, CHANNELS.emea);
      h.connector.calls.length = 0;
      for (const text of ['find contoso', 'my deals', 'expiring', 'help'])
        await h.activity(personalMessage(h.serviceUrl, text, STRANGER));
      const accept = await h.activity(
        personalCardAction(h.serviceUrl, 'card-1', VERBS.accept, { referralId: id, ...ACCEPT_FORM }, STRANGER),
      );
      const history = await h.activity(
        personalCardAction(h.serviceUrl, 'card-1', VERBS.history, { referralId: id }, STRANGER),
      );
      assert.deepEqual(replies(h.connector.calls, 'a:personal'), Array(4).fill(h.services.strings.access.notAMember));
      assert.equal(accept.body.value, h.services.strings.access.notAMember);
      assert.equal(history.body.value, h.services.strings.access.notAMember);
      const stored = (await h.services.referrals.get(id))!;
      assert.equal(stored.record.referral.status, 'New');
      assert.equal(stored.record.desk.owner, undefined);
      assert.deepEqual(await traces(h, STRANGER), []);
    });

    it('is let in once a team owner adds them to the team (after the remembered membership runs out)', async () => {
      const h = desk();
      await h.activity(personalMessage(h.serviceUrl, 'help', STRANGER));
      h.connector.members.push(teamMember(STRANGER));
      h.clock.advance({ minutes: 11 });
      h.connector.calls.length = 0;
      await h.activity(personalMessage(h.serviceUrl, 'links', STRANGER));
      assert.ok(
        h.connector.calls.some(
          (c) => c.conversationId.startsWith('a:personal') && JSON.stringify(c.body).includes('EMEA'),
        ),
      );
    });
  });
});
