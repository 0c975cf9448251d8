import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { VERBS } from '../../cards/verbs';
import { BotHarness } from '../support/botHarness';
import {
  cardAction,
  CHANNELS,
  channelMessage,
  personalChat,
  personalMessage,
  teamMember,
  USERS,
  type User,
} from '../support/teamsActivities';
import {
  acceptAsAlice,
  attachmentsOf,
  cardText,
  dealVerbs,
  deliverAndAwaitCard,
  installAndLink,
  regionsFileWith,
  replies,
} from './flows';

/** The second fixture referral, delivered later: it expires Monday 2026-12-07T08:00Z like the first. */
const SECOND_ID = 'a1b2c3d4-0000-4000-8000-000000000002';
const EXPIRY = DateTime.fromISO('2026-12-07T08:00:00.000Z', { zone: 'utc' });
const EMEA = 'Europe, Middle East and Africa';

/** `managers`, `managers add` and `managers remove` as Teams sends them; Alice is the admin. */
describe('region managers granted by an admin with "managers" (over HTTP)', () => {
  let h: BotHarness;

  const inEmea = async (text: string, by: User = USERS.alice): Promise<string> => {
    const before = replies(h.connector.calls, CHANNELS.emea.id).length;
    assert.equal((await h.activity(channelMessage(h.serviceUrl, CHANNELS.emea, text, by))).status, 200);
    const answers = replies(h.connector.calls, CHANNELS.emea.id).slice(before);
    assert.equal(answers.length, 1, `one answer to "${text}"`);
    return answers[0];
  };

  beforeEach(async () => {
    h = await new BotHarness({
      DESK_ADMINS: USERS.alice.aadObjectId,
      REGIONS_FILE: regionsFileWith('emea', { managers: [USERS.tokyoManager.aadObjectId] }),
    }).start();
    h.connector.members = [USERS.alice, USERS.bob, USERS.manager, USERS.tokyoManager].map(teamMember);
    await installAndLink(h, CHANNELS.emea, 'emea');
  });
  afterEach(async () => h.stop());

  it("makes a colleague found by e-mail a manager: they may hand the region's deals over and hear of referrals about to expire, until removed", async () => {
    const { id, activityId } = await deliverAndAwaitCard(h, CHANNELS.emea);
    await acceptAsAlice(h, CHANNELS.emea, activityId, id);
    const managerSees = async () => {
      const answer = await h.activity(
        cardAction(h.serviceUrl, CHANNELS.emea, activityId, VERBS.refresh, { referralId: id }, USERS.manager),
      );
      return dealVerbs(answer.body.value);
    };
    assert.ok(!(await managerSees()).includes(VERBS.reassign), 'not a manager yet');

    assert.equal(
      await inEmea('managers add manager@partner.example emea'),
      `Done: Sales Manager now manages ${EMEA}. They may send "digest now" for its weekly digest, hear of its referrals about to expire unanswered, and hand its deals over.`,
    );
    assert.deepEqual(
      (await h.services.roles.managerGrants()).map((g) => [g.region, g.user.id, g.user.email, g.grantedBy.id]),
      [['emea', USERS.manager.aadObjectId, 'manager@partner.example', USERS.alice.aadObjectId]],
    );
    assert.ok((await managerSees()).includes(VERBS.reassign), 'Change owner, as for the managers of the regions file');
    assert.equal(
      await inEmea('managers add manager@partner.example emea'),
      `Sales Manager already manages ${EMEA}, so nothing changed.`,
    );

    // A referral arriving now is planned with the granted manager among its region's managers.
    await deliverAndAwaitCard(h, CHANNELS.emea, { id: SECOND_ID, engagementId: 'e-2' });
    h.clock.now = EXPIRY.minus({ hours: 24 }).plus({ minutes: 1 });
    await h.tick();
    const chats = new Set(
      h.connector
        .callsOf('create')
        .filter((c) => JSON.stringify(c.body.members) === JSON.stringify([{ id: USERS.manager.id }]))
        .map((c) => c.answeredId),
    );
    const escalations = h.connector.calls.filter(
      (c) => c.kind === 'send' && chats.has(c.conversationId) && cardText(c).includes(SECOND_ID),
    );
    assert.equal(escalations.length, 1, 'the granted manager was told, in a chat the bot opened');
    assert.match(
      String(escalations[0].body.text),
      /Nobody has answered the referral of Contoso GmbH yet, and it expires in 24 hours/,
    );
    assert.ok(attachmentsOf(escalations[0]).length > 0);

    assert.equal(
      await inEmea('managers remove manager@partner.example emea'),
      `Done: Sales Manager no longer manages ${EMEA}.`,
    );
    assert.deepEqual(await h.services.roles.managerGrants(), []);
    assert.ok(!(await managerSees()).includes(VERBS.reassign), 'no longer');
    assert.equal(
      await inEmea('managers remove manager@partner.example emea'),
      `Sales Manager does not manage ${EMEA}, so nothing changed.`,
    );
  });

  it('lists every region with the managers of the regions file and those granted, and the admins', async () => {
    await inEmea('managers add bob@partner.example emea');
    await h.activity(personalMessage(h.serviceUrl, 'help', USERS.tokyoManager));
    const list = await inEmea('managers');
    assert.equal(
      list,
      [
        '**Region managers**',
        '- **Americas (americas)**: nobody yet',
        `- **${EMEA} (emea)**: Tokyo Manager (regions file), Bob Rep (added by Alice Rep on 23 Nov 2026)`,
        '- **Asia Pacific (apac)**: nobody yet',
        '',
        'Admins manage every region: Alice Rep.',
      ].join('\n'),
    );
  });

  it('refuses everyone but admins, and says what is wrong with a region, a user or the words', async () => {
    const refusal = 'Only admins (DESK_ADMINS) see and change who manages which region.';
    assert.equal(await inEmea('managers add bob@partner.example emea', USERS.bob), refusal);
    assert.equal(await inEmea('managers', USERS.bob), refusal);
    assert.equal(await inEmea('managers remove aad-tokyo-manager emea', USERS.bob), refusal);
    assert.deepEqual(await h.services.roles.managerGrants(), [], 'nothing granted');

    assert.equal(
      await inEmea('managers add bob@partner.example mars'),
      'I don\'t know the region "mars". Regions: americas, emea, apac.',
    );
    assert.match(
      await inEmea('managers add nobody@partner.example emea'),
      /^I found no one as "nobody@partner.example" in the team/,
    );
    assert.match(await inEmea('managers add bob@partner.example'), /^Send "managers add name@example.com emea"/);
    assert.match(await inEmea('managers promote bob@partner.example emea'), /^Send "managers add/);
    assert.equal(
      await inEmea('managers remove aad-tokyo-manager emea'),
      `Tokyo Manager manages ${EMEA} through the regions file (REGIONS_FILE): change it there.`,
    );
    assert.equal(
      await inEmea('managers remove tokyo-manager@partner.example emea'),
      `Tokyo Manager manages ${EMEA} through the regions file (REGIONS_FILE): change it there.`,
    );
    assert.deepEqual(await h.services.roles.managerGrants(), []);
  });

  it('takes an AAD object id Teams does not find as it is, in a personal chat too', async () => {
    const aadId = '0f6c1d9e-5b7a-4c61-9a57-2b8e3f4d5a10';
    await h.activity(personalMessage(h.serviceUrl, `managers add ${aadId.toUpperCase()} apac`));
    assert.deepEqual(
      replies(h.connector.calls, personalChat(USERS.alice)).at(-1),
      `Done: ${aadId} now manages Asia Pacific. They may send "digest now" for its weekly digest, hear of its referrals about to expire unanswered, and hand its deals over.`,
    );
    assert.deepEqual(
      (await h.services.roles.managerGrants()).map((g) => [g.region, g.user.id]),
      [['apac', aadId]],
    );
  });
});
