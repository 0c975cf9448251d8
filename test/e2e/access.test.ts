import assert from 'node:assert/strict';
import { VERBS } from '../../cards/verbs';
import { BotHarness } from '../support/botHarness';
import {
  CHANNELS,
  TEAM,
  USERS,
  botAddedToTeam,
  cardAction,
  channelMessage,
  personalCardAction,
  personalChat,
  personalMessage,
  teamMember,
  type User,
} from '../support/teamsActivities';
import { ACCEPT_FORM, deliverAndAwaitCard, replies } from './flows';
import type { WireObject } from '../support/wireJson';

/** Someone the desk has never seen: not a member of any team it is installed in. */
const STRANGER: User = { id: '29:stranger', aadObjectId: 'aad-stranger', name: 'Mallory Outsider' };
const OTHER_TENANT = 'tenant-9999';
/** A second team of the same tenant, with a channel of its own. */
const TEAM_B = { id: '19:team-b@thread.tacv2', name: 'Partner Sales Americas' };
const TEAM_B_CHANNEL = { id: '19:team-b-americas@thread.tacv2', name: 'Americas deals' };

type Activity = WireObject;

/** The activity as if sent from another tenant. */
function fromTenant(activity: Activity, tenantId: string): Activity {
  return {
    ...activity,
    conversation: { ...activity.conversation, tenantId },
    channelData: { ...activity.channelData, tenant: { id: tenantId } },
  };
}

/** The activity as if sent in a channel of another team. */
function inTeam(activity: Activity, team: { id: string; name: string }): Activity {
  const conversation =
    activity.conversation.id === TEAM.id ? { ...activity.conversation, id: team.id } : activity.conversation;
  return { ...activity, conversation, channelData: { ...activity.channelData, team, teamsTeamId: team.id } };
}

/** What the desk keeps of a user who wrote to it: their profile and their personal chat. */
async function traces(h: BotHarness, user: User): Promise<unknown[]> {
  const kept = [
    await h.services.users.get(user.aadObjectId),
    await h.services.conversations.get('personal', personalChat(user)),
  ];
  return kept.filter((row) => row !== null && row !== undefined);
}

describe('who may reach the desk (over HTTP, as an attacker would)', function () {
  this.timeout(30_000);
  let h: BotHarness;

  beforeEach(async () => {
    h = await new BotHarness({ ALLOWED_TENANTS: 'tenant-0001' }).start();
    assert.equal((await h.activity(channelMessage(h.serviceUrl, CHANNELS.emea, 'link emea'))).status, 200);
    h.connector.calls.length = 0;
  });
  afterEach(() => h.stop());

  describe('another tenant', () => {
    it('cannot link a channel: it hears a short refusal and routing stays as it was', async () => {
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
      const removal = {
        ...botAddedToTeam(h.serviceUrl),
        type: 'installationUpdate',
        action: 'remove',
        membersAdded: undefined,
      };
      assert.equal((await h.activity(removal)).status, 200);
      assert.equal(await h.services.conversations.team(TEAM.id), null);
      assert.deepEqual(await h.services.links.list(), []);
      await h.activity(channelMessage(h.serviceUrl, CHANNELS.emea, 'link emea'));
      assert.deepEqual(replies(h.connector.calls, CHANNELS.emea.id), [h.services.strings.access.teamNotInstalled]);
    });
  });

  describe('link and unlink in an installed team', () => {
    it('are for the team owners and whoever installed the desk; other members hear who may', async () => {
      await h.activity(channelMessage(h.serviceUrl, CHANNELS.americas, 'link americas', USERS.bob));
      await h.activity(channelMessage(h.serviceUrl, CHANNELS.emea, 'unlink emea', USERS.bob));
      assert.deepEqual(replies(h.connector.calls, '19:'), Array(2).fill(h.services.strings.access.linksByOwners));
      assert.deepEqual(
        (await h.services.links.list()).map((l) => l.target.code),
        ['emea'],
      );
      h.connector.members = h.connector.members.map((m) => (m.id === USERS.bob.id ? { ...m, userRole: 'Owner' } : m));
      await h.activity(channelMessage(h.serviceUrl, CHANNELS.americas, 'link americas', USERS.bob));
      assert.deepEqual((await h.services.links.list()).map((l) => l.target.code).sort(), ['americas', 'emea']);
    });

    it('are for every member but guests with LINK_EDITORS=members, and for admins alone with admins', async () => {
      await h.stop();
      h = await new BotHarness({ LINK_EDITORS: 'members' }).start();
      h.connector.members.push({ ...teamMember(STRANGER), userRole: 'guest' });
      await h.activity(channelMessage(h.serviceUrl, CHANNELS.americas, 'link americas', USERS.bob));
      await h.activity(channelMessage(h.serviceUrl, CHANNELS.apac, 'link apac', STRANGER));
      assert.deepEqual(
        (await h.services.links.list()).map((l) => l.target.code),
        ['americas'],
      );
      assert.deepEqual(replies(h.connector.calls, CHANNELS.apac.id), [h.services.strings.access.linksByMembers]);
      await h.stop();

      h = await new BotHarness({ LINK_EDITORS: 'admins', DESK_ADMINS: USERS.manager.aadObjectId }).start();
      await h.activity(channelMessage(h.serviceUrl, CHANNELS.emea, 'link emea', USERS.alice));
      await h.activity(channelMessage(h.serviceUrl, CHANNELS.apac, 'link apac', USERS.manager));
      assert.deepEqual(replies(h.connector.calls, CHANNELS.emea.id), [h.services.strings.access.linksByAdmins]);
      assert.deepEqual(
        (await h.services.links.list()).map((l) => l.target.code),
        ['apac'],
      );
    });
  });

  describe('someone in the tenant but in no installed team', () => {
    it('gets a refusal for every command and action in a personal chat, and leaves no trace', async () => {
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

  describe('the referrals of another team', () => {
    let americasId: string;

    beforeEach(async () => {
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
      await h.activity(personalMessage(h.serviceUrl, 'find fabrikam', USERS.bob));
      assert.ok(JSON.stringify(h.connector.calls).includes(americasId));
      const accept = await h.activity(
        personalCardAction(h.serviceUrl, 'card-1', VERBS.accept, { referralId: americasId, ...ACCEPT_FORM }, USERS.bob),
      );
      assert.equal(accept.body.type, 'application/vnd.microsoft.card.adaptive', JSON.stringify(accept.body));
      assert.equal((await h.services.referrals.get(americasId))!.record.desk.owner?.id, USERS.bob.aadObjectId);
    });

    it("are seen by an admin and by the region's managers", async () => {
      await h.stop();
      h = await new BotHarness({ DESK_ADMINS: USERS.manager.aadObjectId }).start();
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

  describe('new deal forms', () => {
    it('cannot name an existing referral: the answer reveals nothing of it', async () => {
      const { id } = await deliverAndAwaitCard(h, CHANNELS.emea);
      const answer = await h.activity(
        personalCardAction(h.serviceUrl, 'form-1', VERBS.createDeal, { formId: id, customerName: 'x' }),
      );
      assert.equal(answer.body.value, h.services.strings.newDeal.formUsed);
      assert.ok(!JSON.stringify(answer.body).includes('Contoso'));
    });

    it('show the deal they created to its creator alone', async () => {
      await h.activity(personalMessage(h.serviceUrl, 'new deal'));
      const form = h.connector.calls.find((c) => JSON.stringify(c.body).includes('"formId"'))!;
      const formId = /"formId":"([^"]+)"/.exec(JSON.stringify(form.body))![1];
      assert.match(formId, /^deal-[0-9a-f-]{36}$/);
      const fields = {
        formId,
        customerName: 'Litware',
        country: 'DE',
        dealName: 'Litware data platform',
        dealValue: '50000',
        currency: 'EUR',
        closingDate: '2027-03-31',
        memberFirstName: 'Alice',
        memberLastName: 'Rep',
        memberEmail: 'alice@partner.example',
        memberPhoneNumber: '+49 30 1234567',
        contactFirstName: 'Lee',
        contactLastName: 'Buyer',
        contactEmail: 'lee@litware.example',
        contactPhoneNumber: '+49 30 7654321',
        solutions: h.services.solutions[0].id,
        help: 'none',
        microsoftSellersMaySee: 'false',
      };
      const created = await h.activity(personalCardAction(h.serviceUrl, 'form-1', VERBS.createDeal, fields));
      assert.equal(created.body.type, 'application/vnd.microsoft.card.adaptive', JSON.stringify(created.body));
      const again = await h.activity(personalCardAction(h.serviceUrl, 'form-1', VERBS.createDeal, fields, USERS.bob));
      assert.equal(again.body.value, h.services.strings.newDeal.formUsed);
      assert.ok(!JSON.stringify(again.body).includes('Litware'));
    });
  });

  it('sends nothing, and stores nothing, for an activity whose service URL is off this machine when unauthenticated on every interface', async () => {
    await h.stop();
    h = await new BotHarness({ INSECURE_LISTEN_WITHOUT_AUTHENTICATION: 'true' }).start();
    assert.notEqual(h.app.address, '127.0.0.1');
    const foreign = { ...personalMessage(h.serviceUrl, 'help', USERS.bob), serviceUrl: 'https://connector.invalid/' };
    const answer = await h.activity(foreign);
    assert.equal(answer.status, 200);
    assert.deepEqual(h.connector.calls, []);
    assert.deepEqual(await traces(h, USERS.bob), []);
    // From this machine it still works.
    await h.activity(personalMessage(h.serviceUrl, 'help', USERS.bob));
    assert.ok(h.connector.calls.length > 0);
  });

  it('listens on loopback alone while authentication is off', () => {
    assert.equal(h.app.address, '127.0.0.1');
  });
});
