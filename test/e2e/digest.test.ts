import assert from 'node:assert/strict';
import { VERBS } from '../../cards/verbs';
import { BotHarness } from '../support/botHarness';
import { NOW, pcReferral } from '../support/fixtures';
import {
  cardAction,
  CHANNELS,
  channelMessage,
  clientInfo,
  personalCardAction,
  personalChat,
  personalMessage,
  teamMember,
  USERS,
  type User,
} from '../support/teamsActivities';
import {
  acceptAsAlice,
  attachmentsOf,
  cardOf,
  cardPosts,
  cardText,
  installAndLink,
  regionsFileWith,
  replies,
  verbsIn,
} from './flows';

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';
const EMEA = 'Europe, Middle East and Africa';

/**
 * Seven referrals from Germany arrive Monday 23 Nov 08:00 UTC: Alice accepts the first at
 * 09:00 (first answer after 60 min, €30,000 at 10 %), Bob declines the second at 11:00
 * (180 min); the other five wait, the third expiring on Monday 30 Nov. The digest is asked
 * for on Thursday 26 Nov 09:00 UTC: its last 7 days hold all of it.
 */
const id = (n: number) => `a1b2c3d4-0000-4000-8000-00000000000${n}`;
const VALUES = [25000, 25000, 10000, 20000, 40000, 50000, 60000];
const DIGEST_AT = NOW.plus({ days: 3 });

/** The digest of the regions the user manages, as Teams sends `digest now` and the bot's answers. */
describe('the managers\' digest with "digest now", its lists, and "digest off" / "digest on" (over HTTP)', () => {
  let h: BotHarness;

  const sentTo = (chat: string) =>
    h.connector.calls.filter((c) => (c.kind === 'send' || c.kind === 'reply') && c.conversationId === chat);
  const cardsIn = (chat: string) => sentTo(chat).filter((c) => attachmentsOf(c).length > 0);
  const inPersonalChat = async (text: string, by: User) => {
    assert.equal((await h.activity(personalMessage(h.serviceUrl, text, by))).status, 200);
    return sentTo(personalChat(by)).at(-1)!;
  };
  /** The FactSet of a digest section (in its figures' container, open or closed) as title → value. */
  const sectionFacts = (card: Record<string, unknown>, title: string) => {
    type Item = {
      type: string;
      id?: string;
      text?: string;
      items?: Item[];
      facts?: { title: string; value: string }[];
    };
    const section = (card.body as Item[]).find((item) => item.items?.[0]?.text === title);
    assert.ok(section, `a section "${title}"`);
    const figures = section.items!.find((i) => i.id)!.items!;
    return Object.fromEntries(figures.find((i) => i.type === 'FactSet')!.facts!.map((f) => [f.title, f.value]));
  };

  beforeEach(async () => {
    h = await new BotHarness({
      DESK_ADMINS: USERS.alice.aadObjectId,
      REGIONS_FILE: regionsFileWith('emea', { managers: [USERS.manager.aadObjectId] }),
    }).start();
    h.connector.members = [USERS.alice, USERS.bob, USERS.manager, USERS.tokyoManager].map(teamMember);
    await installAndLink(h, CHANNELS.emea, 'emea');
    const referrals = VALUES.map((value, i) =>
      pcReferral({
        id: id(i + 1),
        engagementId: `e-${i + 1}`,
        name: `Contoso project ${i + 1}`,
        details: { ...(pcReferral().details as object), dealValue: value },
        ...(i === 2 ? { expirationDateTime: '2026-11-30T08:00:00Z' } : {}),
      }),
    );
    assert.equal((await h.deliver(referrals)).status, 202);
    await h.connector.waitFor((calls) => cardPosts(calls, CHANNELS.emea.id).length === 7, 'the seven cards');
    const activityOf = (n: number) =>
      cardPosts(h.connector.calls, CHANNELS.emea.id).find((c) => cardText(c).includes(id(n)))!.answeredId!;
    await acceptAsAlice(h, CHANNELS.emea, activityOf(1), id(1));
    h.clock.advance({ hours: 2 });
    const declined = await h.activity(
      cardAction(
        h.serviceUrl,
        CHANNELS.emea,
        activityOf(2),
        VERBS.decline,
        { referralId: id(2), reason: 'notACustomer' },
        USERS.bob,
      ),
    );
    assert.equal(declined.body.type, CARD, JSON.stringify(declined.body));
    await h.settle();
    h.clock.now = DIGEST_AT;
  });
  afterEach(async () => h.stop());

  it("sends a region's manager its digest in their personal chat, from what the region's referrals went through", async () => {
    const answer = await inPersonalChat('digest now', USERS.manager);
    const card = cardOf(answer);
    assert.ok(card, 'a card');
    assert.equal(answer.body.text, undefined, 'no note: the weekly digest is on');
    assert.equal((card.body as unknown[]).length, 3, 'title, subtitle and one section: one region, no total');
    assert.deepEqual(sectionFacts(card, EMEA), {
      Received: '7 · 4-week avg 0 ↑',
      Accepted: '1 · 4-week avg 0 ↑',
      Declined: '1 · 4-week avg 0 ↑',
      Expired: '0 · 4-week avg 0 →',
      Won: '0 · 4-week avg 0 →',
      Lost: '0 · 4-week avg 0 →',
      'Acceptance rate': '50 % · before —',
      'Win rate': '— · before —',
      'First answer, median': '2 h',
      'First answer, 90th percentile': '3 h',
      'Answered within 24 hours': '2 of 2 (100 %)',
    });
    const text = JSON.stringify(card);
    assert.match(text, /"title":"EUR","value":"€30,000 · weighted €3,000 · 1 deal"/);
    assert.match(text, /"text":"Expiring in the next 7 days: 1"/);
    assert.match(
      text,
      /"text":"Largest open deals \(1 with a value\)"/,
      'the accepted deal, not the undecided referrals',
    );
    assert.match(
      text,
      /"title":"Alice Rep","value":"1 answer · 0 wins"\},\{"title":"Bob Rep","value":"1 answer · 0 wins"/,
    );
    assert.match(text, /"type":"Chart\.Line"/);
    assert.deepEqual(verbsIn(card), [], 'every list is shown whole');
    assert.doesNotMatch(text, /ToggleVisibility/, 'one region: nothing closed');
  });

  it('sends the digest asked for in a channel to the manager alone, and says so in the channel', async () => {
    await h.activity(channelMessage(h.serviceUrl, CHANNELS.emea, 'digest now', USERS.manager));
    const [opened] = h.connector
      .callsOf('create')
      .filter((c) => JSON.stringify(c.body.members) === JSON.stringify([{ id: USERS.manager.id }]));
    assert.ok(opened, 'the bot opened a chat with the manager through the team');
    assert.equal(cardsIn(opened.answeredId!).length, 1, 'the digest went there');
    assert.match(cardText(cardsIn(opened.answeredId!)[0]), /Weekly digest/);
    assert.deepEqual(replies(h.connector.calls, CHANNELS.emea.id).slice(-1), [
      'I sent your digest to our personal chat.',
    ]);
    assert.ok(
      !h.connector.calls.some(
        (c) => c.conversationId.startsWith(CHANNELS.emea.id) && /Weekly digest/.test(cardText(c)),
      ),
      'nothing of it in the channel',
    );
  });

  it('tells someone who manages no region so, and sends them nothing', async () => {
    const answer = await inPersonalChat('digest now', USERS.bob);
    assert.equal(
      answer.body.text,
      'You manage no region, so there is no digest for you. An admin can make you a manager with "managers add".',
    );
    assert.ok(
      !cardsIn(personalChat(USERS.bob)).some((c) => /Weekly digest/.test(cardText(c))),
      'no digest (the welcome card came first)',
    );
    assert.match(
      String((await inPersonalChat('digest now apac', USERS.manager)).body.text),
      /^You do not manage a region "apac"\. Yours: emea\.$/,
    );
  });

  it('gives an admin every region and all of them together, and a granted manager their region', async () => {
    const card = cardOf(await inPersonalChat('digest now', USERS.alice));
    const titles = (card.body as { items?: { text?: string }[] }[]).slice(2).map((section) => section.items?.[0]?.text);
    assert.deepEqual(titles, ['All your regions', 'Americas', EMEA, 'Asia Pacific']);
    assert.equal(sectionFacts(card, 'All your regions').Received, '7 · 4-week avg 0 ↑');
    assert.equal(sectionFacts(card, 'Americas').Received, '0 · 4-week avg 0 →');
    assert.equal((JSON.stringify(card).match(/"type":"Action.ToggleVisibility"/g) ?? []).length, 3, 'regions closed');
    const one = cardOf(await inPersonalChat('digest now emea', USERS.alice));
    assert.equal((one.body as unknown[]).length, 3, 'one region asked for: its section alone');

    await h.activity(channelMessage(h.serviceUrl, CHANNELS.emea, 'managers add bob@partner.example emea'));
    assert.equal(
      sectionFacts(cardOf(await inPersonalChat('digest now', USERS.bob)), EMEA).Received,
      '7 · 4-week avg 0 ↑',
    );
  });

  it('sends the whole list when Show all is clicked, in the personal chat, and turns its pages; only to a manager of its regions', async () => {
    // The manager's client says Berlin: deadlines show in their zone.
    await h.activity({
      ...personalMessage(h.serviceUrl, 'help', USERS.manager),
      entities: clientInfo('Europe/Berlin'),
    });
    const digest = await inPersonalChat('digest now', USERS.manager);
    const before = cardsIn(personalChat(USERS.manager)).length;
    const click = (data: Record<string, unknown>, by: User = USERS.manager) =>
      h.activity(personalCardAction(h.serviceUrl, digest.answeredId!, VERBS.digestList, data, by));

    const answer = await click({ list: 'top', regions: 'emea' });
    assert.deepEqual([answer.body.type, answer.body.value], [MESSAGE, 'Here is the full list.']);
    const lists = cardsIn(personalChat(USERS.manager)).slice(before);
    assert.equal(lists.length, 1, 'the list arrived as a new message in the chat');
    const list = cardOf(lists[0]);
    const titles = JSON.stringify(list).match(/Contoso (project \d|migration wave 1)/g);
    assert.deepEqual(
      titles,
      ['Contoso migration wave 1'],
      'the accepted deal; undecided referrals are not the pipeline',
    );
    assert.match(JSON.stringify(list), /"text":"1–1 of 1"/);
    assert.equal(verbsIn(list).filter((verb) => verb === VERBS.refresh).length, 1, 'it opens its card');

    const expiring = await click({ list: 'expiring', regions: 'emea', page: 0 });
    assert.equal(expiring.body.type, CARD, 'a page button shows the page in place');
    assert.match(
      JSON.stringify(expiring.body.value),
      /Contoso project 3 · Contoso GmbH","weight":"Bolder","wrap":true\},\{"type":"TextBlock","text":"New referral · €10,000 · expires 30 Nov 09:00/,
    );

    const forwarded = await click({ list: 'top', regions: 'emea' }, USERS.bob);
    assert.deepEqual(
      [forwarded.body.type, forwarded.body.value],
      [MESSAGE, 'You do not manage every region of that list, so it is not shown.'],
    );
    assert.ok(
      !cardsIn(personalChat(USERS.bob)).some((c) => /Weekly digest/.test(cardText(c))),
      'no digest (the welcome card came first)',
    );
    assert.equal((await click({ list: 'everything', regions: 'emea' })).body.type, MESSAGE);
  });

  it('keeps "digest off" and "digest on" on the user\'s profile, and says so on a digest asked for meanwhile', async () => {
    const off = await inPersonalChat('digest off', USERS.manager);
    assert.match(String(off.body.text), /^Done: no weekly digest for you from now on/);
    assert.equal((await h.services.users.get(USERS.manager.aadObjectId))?.digestOff, true);
    const asked = await inPersonalChat('digest now', USERS.manager);
    assert.equal(asked.body.text, 'Your weekly digest is off; "digest on" turns it back on.');
    assert.ok(cardOf(asked), 'the digest still comes when asked for');

    assert.equal(
      (await inPersonalChat('digest on', USERS.manager)).body.text,
      'Done: you get the weekly digest again.',
    );
    assert.equal((await h.services.users.get(USERS.manager.aadObjectId))?.digestOff, false);
    assert.match(
      String((await inPersonalChat('digest', USERS.manager)).body.text),
      /^Send "digest now" for the digest of your regions/,
    );
    assert.equal(
      (await h.services.users.get(USERS.manager.aadObjectId))?.timeZone,
      undefined,
      'nothing else of the profile changed',
    );
  });
});
