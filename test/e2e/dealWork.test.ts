import assert from 'node:assert/strict';
import { VERBS } from '../../cards/verbs';
import { BotHarness } from '../support/botHarness';
import type { TeamsMember } from '../support/connectorStandIn';
import { cardAction, CHANNELS, channelMessage, USERS, type User } from '../support/teamsActivities';
import {
  acceptAsAlice,
  attachmentsOf,
  cardOf,
  cardText,
  dealVerbs,
  deliverAndAwaitCard,
  installAndLink,
  regionsFileWith,
  verbsIn,
} from './flows';

const MESSAGE = 'application/vnd.microsoft.activity.message';

/** Colleagues in the team besides Alice (the owner) and Bob. */
const ENGINEER: User = { id: '29:engineer', aadObjectId: 'aad-engineer', name: 'Presales Engineer' };
const MANAGER: User = { id: '29:manager', aadObjectId: 'aad-manager', name: 'Sales Manager' };
const member = (user: User, email: string): TeamsMember => ({
  id: user.id,
  aadObjectId: user.aadObjectId,
  name: user.name,
  email,
  userPrincipalName: email,
});

/** An accepted deal (a partner's P2P invitation, owned by Alice), worked on through its card as Teams sends it. */
describe('working on an accepted deal (over HTTP)', () => {
  let h: BotHarness;
  let referralId: string;
  let activityId: string;

  const click = (verb: string, inputs: Record<string, unknown>, by: User = USERS.alice) =>
    h.activity(cardAction(h.serviceUrl, CHANNELS.emea, activityId, verb, { referralId, ...inputs }, by));
  const stored = async () => (await h.services.referrals.get(referralId))!;
  const actionsIn = async () => (await h.services.referrals.history(referralId)).map((event) => event.action);
  const lastChannelUpdate = async (what: RegExp) => {
    await h.settle();
    const updates = h.connector.calls.filter((c) => c.kind === 'update' && c.activityId === activityId);
    assert.match(cardText(updates.at(-1)!), what);
    return cardOf(updates.at(-1)!);
  };
  const EDIT = {
    dealName: 'Contoso landing zone',
    dealValue: '61000',
    currency: 'EUR',
    closingDate: '2027-03-31',
    salesStage: 'Proposed',
    notes: 'Proposal sent on Monday.',
    crmId: 'CRM-2201',
    campaignId: '',
  };

  beforeEach(async () => {
    h = await new BotHarness({
      REGIONS_FILE: regionsFileWith('emea', { managers: [MANAGER.aadObjectId] }),
      DESK_ADMINS: 'aad-admin',
    }).start();
    h.connector.members = [
      member(USERS.alice, 'alice@partner.example'),
      member(USERS.bob, 'bob@partner.example'),
      member(ENGINEER, 'engineer@partner.example'),
      member(MANAGER, 'manager@partner.example'),
    ];
    await installAndLink(h, CHANNELS.emea, 'emea');
    ({ id: referralId, activityId } = await deliverAndAwaitCard(h, CHANNELS.emea, {
      inviteContext: { invitedBy: { organizationName: 'Trey Research' } },
    }));
    await acceptAsAlice(h, CHANNELS.emea, activityId, referralId);
    h.clock.advance({ days: 2 });
  });
  afterEach(async () => h.stop());

  describe('edit', () => {
    it('saves the details and the sales stage, writes the change to history and updates the channel card', async () => {
      const answer = await click(VERBS.edit, { ...EDIT, country: 'US' });
      assert.match(JSON.stringify(answer.body.value), /Contoso landing zone/);

      const { record } = await stored();
      assert.equal(record.referral.name, 'Contoso landing zone');
      assert.equal(record.referral.details.dealValue, 61000);
      assert.equal(record.referral.details.closingDateTime, '2027-03-31T00:00:00.000Z');
      assert.equal(record.referral.salesStage, 'Proposed');
      assert.equal(record.referral.externalReferenceId, 'CRM-2201');
      assert.equal(record.referral.customerProfile.address.country, 'DE', 'the region never changes');
      const history = await h.services.referrals.history(referralId);
      assert.deepEqual(
        history.map((e) => e.action),
        ['received', 'accept', 'edit'],
      );
      const stageChange = history[2].changes.find((c) => c.field === 'salesStage');
      assert.deepEqual([stageChange?.before, stageChange?.after], [undefined, 'Proposed']);
      assert.equal(history[2].actor.name, 'Alice Rep');

      const shared = await lastChannelUpdate(/Contoso landing zone/);
      assert.match(JSON.stringify(shared), /"title":"Sales stage","value":"Proposed \(60 %\)"/);
      assert.deepEqual(dealVerbs(shared), [VERBS.refresh, VERBS.refresh], 'the shared card stays read-only');
    });

    it('applies the same edit clicked twice (two activities) once', async () => {
      await click(VERBS.edit, EDIT);
      const retry = await click(VERBS.edit, EDIT);
      assert.match(JSON.stringify(retry.body.value), /Nothing to change/);
      assert.deepEqual(await actionsIn(), ['received', 'accept', 'edit']);
    });

    it('names every wrong field and changes nothing', async () => {
      const before = await stored();
      const answer = await click(VERBS.edit, {
        ...EDIT,
        dealName: '',
        dealValue: 'lots',
        closingDate: '2026-01-01',
        salesStage: 'Closing',
      });
      assert.equal(answer.body.type, MESSAGE);
      for (const field of ['Deal name', 'Estimated deal value', 'Estimated close date', 'Sales stage'])
        assert.match(String(answer.body.value), new RegExp(field));
      assert.deepEqual((await stored()).record, before.record);
    });

    it('refuses someone not on the deal and changes nothing', async () => {
      const before = await stored();
      const answer = await click(VERBS.edit, EDIT, USERS.bob);
      assert.match(
        JSON.stringify(answer.body.value),
        /Only Alice Rep, who owns this deal, and the deal's team can change it/,
      );
      assert.deepEqual((await stored()).record, before.record);
      assert.deepEqual(await actionsIn(), ['received', 'accept']);
    });
  });

  describe('team', () => {
    const engineer = {
      firstName: 'Presales',
      lastName: 'Engineer',
      phoneNumber: '+49 30 5550100',
      email: 'Engineer@Partner.example',
    };

    it('adds a colleague found in the team by e-mail, who may then work the deal and whose client refreshes the card', async () => {
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

  describe('solutions', () => {
    it('adds one of the published solutions and removes one', async () => {
      const added = await click(VERBS.addSolution, { solution: 'copilot-adoption' });
      assert.match(
        JSON.stringify(added.body.value),
        /"title":"Solutions","value":"Azure migration assessment, Microsoft 365 Copilot adoption"/,
      );
      await click(VERBS.removeSolution, { solutionId: 'sol-1' });
      assert.deepEqual((await stored()).record.referral.details.requirements?.solutions, [
        { id: 'copilot-adoption', name: 'Microsoft 365 Copilot adoption' },
      ]);
      assert.deepEqual(await actionsIn(), ['received', 'accept', 'addSolution', 'removeSolution']);
    });

    it('refuses a solution that is not in the list', async () => {
      const answer = await click(VERBS.addSolution, { solution: 'made-up' });
      assert.equal(answer.body.type, MESSAGE);
      assert.match(String(answer.body.value), /Solution must be one of the listed choices/);
      assert.deepEqual(await actionsIn(), ['received', 'accept']);
    });
  });

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

  describe('upgrade', () => {
    it('invites Microsoft to a partner-to-partner deal, which becomes co-sell; nothing else is offered after', async () => {
      const refreshed = await click(VERBS.refresh, {});
      assert.ok(dealVerbs(refreshed.body.value).includes(VERBS.upgrade));
      const missingHelp = await click(VERBS.upgrade, { upgrade: 'inviteMicrosoft' });
      assert.match(String(missingHelp.body.value), /Kind of help needed from Microsoft is required/);
      const answer = await click(VERBS.upgrade, { upgrade: 'inviteMicrosoft', help: 'technicalArchitecture' });
      const text = JSON.stringify(answer.body.value);
      assert.match(text, /"title":"Deal type","value":"Co-sell with Microsoft"/);
      assert.match(text, /"title":"Help asked of Microsoft","value":"Technical architecture guidance"/);
      assert.ok(
        !dealVerbs(answer.body.value).includes(VERBS.upgrade),
        'a received co-sell deal cannot invite partners',
      );
      const again = await click(VERBS.upgrade, { upgrade: 'inviteMicrosoft', help: 'technicalArchitecture' });
      assert.match(JSON.stringify(again.body.value), /does not allow that change/);
      assert.deepEqual(await actionsIn(), ['received', 'accept', 'upgrade']);
    });
  });

  describe('favourites and history', () => {
    it('stars for the clicking user only, lists it with "favorites", and unstars', async () => {
      const starred = await click(VERBS.favorite, { on: true }, USERS.bob);
      assert.match(JSON.stringify(starred.body.value), /Added to your favourites/);
      assert.match(JSON.stringify(starred.body.value), /Remove from favourites/);
      await click(VERBS.favorite, { on: true }, USERS.bob);
      assert.deepEqual(
        await h.services.favorites.list(USERS.bob.aadObjectId),
        [referralId],
        'a retried star is stored once',
      );
      assert.deepEqual(await h.services.favorites.list(USERS.alice.aadObjectId), []);

      await h.activity(channelMessage(h.serviceUrl, CHANNELS.emea, 'favorites', USERS.bob));
      const list = h.connector.calls
        .filter((c) => attachmentsOf(c).length > 0 && /Your favourites/.test(cardText(c)))
        .at(-1)!;
      assert.match(cardText(list), /Contoso migration wave 1/);
      assert.match(cardText(list), /Accepted · €30,000.00 · closes 15 Feb 2027/);
      assert.deepEqual(verbsIn(cardOf(list)), [VERBS.refresh], 'each favourite opens its card');

      const unstarred = await click(VERBS.favorite, { on: false }, USERS.bob);
      assert.match(JSON.stringify(unstarred.body.value), /Removed from your favourites/);
      assert.deepEqual(await h.services.favorites.list(USERS.bob.aadObjectId), []);
      assert.deepEqual(await actionsIn(), ['received', 'accept'], 'starring is not a change to the referral');
    });

    it('shows the timeline newest first, with who, when and each field before → after', async () => {
      await click(VERBS.edit, EDIT);
      const answer = await click(VERBS.history, {}, USERS.bob);
      const text = JSON.stringify(answer.body.value);
      const order = [
        'Deal edited · Alice Rep',
        'Accepted · Alice Rep',
        'Arrived from Partner Center · Partner Center',
      ].map((s) => text.indexOf(s));
      assert.ok(order.every((i) => i >= 0) && order[0] < order[1] && order[1] < order[2], text);
      assert.match(text, /Deal name: Contoso migration wave 1 → Contoso landing zone/);
      assert.match(text, /Estimated close: 15 Feb 2027 → 31 Mar 2027/);
      assert.match(text, /Sales stage: \(none\) → Proposed/);
      assert.deepEqual(verbsIn(answer.body.value), [VERBS.refresh], 'and a way back to the card');
    });
  });
});
