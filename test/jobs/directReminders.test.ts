import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { VERBS } from '../../cards/verbs';
import { BotHarness } from '../support/botHarness';
import type { ConnectorCall } from '../support/connectorStandIn';
import {
  cardAction,
  CHANNELS,
  clientInfo,
  personalMessage,
  teamMember,
  TENANT,
  USERS,
  type User,
} from '../support/teamsActivities';
import {
  ACCEPT_FORM,
  acceptAsAlice,
  attachmentsOf,
  cardText,
  deliverAndAwaitCard,
  installAndLink,
  regionsFileWith,
  verbsIn,
} from '../e2e/flows';

/** The fixture referral arrives Monday 2026-11-23T08:00Z and expires Monday 2026-12-07T08:00Z. */
const CREATED = DateTime.fromISO('2026-11-23T08:00:00.000Z', { zone: 'utc' });
const EXPIRY = CREATED.plus({ days: 14 });

describe('direct reminders: escalation, two-step reminders and stale deals (Azurite, Bot Connector stand-in, test clock)', () => {
  let h: BotHarness;
  let referralId: string;
  let activityId: string;

  /** The 1:1 chats the bot opened with a user, and what it sent into them. */
  const chatsOpenedWith = (user: User) =>
    h.connector.callsOf('create').filter((c) => JSON.stringify(c.body.members) === JSON.stringify([{ id: user.id }]));
  const directTo = (user: User): ConnectorCall[] => {
    const chats = new Set(chatsOpenedWith(user).map((c) => c.answeredId));
    // About this referral: managers get their weekly digest in the same chat.
    return h.connector.calls.filter(
      (c) => c.kind === 'send' && chats.has(c.conversationId) && cardText(c).includes(referralId),
    );
  };
  const at = async (instant: DateTime) => {
    h.clock.now = instant;
    await h.tick();
  };

  async function start(regionChange: Record<string, unknown>) {
    h = await new BotHarness({ REGIONS_FILE: regionsFileWith('emea', regionChange) }).start();
    h.connector.members = [USERS.alice, USERS.bob, USERS.manager, USERS.tokyoManager].map(teamMember);
    await installAndLink(h, CHANNELS.emea, 'emea');
    ({ id: referralId, activityId } = await deliverAndAwaitCard(h, CHANNELS.emea));
  }
  afterEach(async () => h.stop());

  it("tells the region's managers 24 hours before expiry, once, in a chat the bot opens with them through the team", async () => {
    await start({ managers: [USERS.manager.aadObjectId] });
    await at(EXPIRY.minus({ hours: 24, minutes: 2 }));
    assert.equal(directTo(USERS.manager).length, 0, 'not before it is due');
    await at(EXPIRY.minus({ hours: 24 }).plus({ minutes: 1 }));

    const [opened] = chatsOpenedWith(USERS.manager);
    assert.ok(opened, 'a 1:1 chat was opened');
    assert.deepEqual(opened.body.channelData, { tenant: { id: TENANT.id } });
    assert.ok(
      h.connector.requests.some((r) => r.includes(`/members/${USERS.manager.aadObjectId}`)),
      'the manager was looked up in the team by AAD object id',
    );
    const [dm] = directTo(USERS.manager);
    assert.match(
      String(dm.body.text),
      /Nobody has answered the referral of Contoso GmbH yet, and it expires in 24 hours/,
    );
    const verbs = verbsIn(attachmentsOf(dm)[0].content);
    for (const verb of [VERBS.accept, VERBS.decline, VERBS.snooze])
      assert.ok(verbs.includes(verb), `${verb} on the manager's card`);

    await at(EXPIRY.minus({ hours: 12 }));
    assert.equal(directTo(USERS.manager).length, 1, 'once');
    assert.equal(
      (await h.services.users.get(USERS.manager.aadObjectId))?.chatId,
      opened.answeredId,
      'the chat is remembered',
    );
  });

  it('sends no escalation to a manager who turned them off, even one planned before', async () => {
    await start({ managers: [USERS.manager.aadObjectId] });
    await h.services.users.turnOff(USERS.manager.aadObjectId, ['escalations']);
    await at(EXPIRY.minus({ hours: 23 }));
    assert.equal(directTo(USERS.manager).length, 0);
  });

  it('keeps the card of a direct message in step with the channel card: a decision in the channel updates it too', async () => {
    await start({ managers: [USERS.manager.aadObjectId] });
    await at(EXPIRY.minus({ hours: 24 }).plus({ minutes: 1 }));
    const [dm] = directTo(USERS.manager);
    await h.activity(
      cardAction(h.serviceUrl, CHANNELS.emea, activityId, VERBS.decline, { referralId, reason: 'notACustomer' }),
    );
    await h.settle();
    const updates = h.connector.calls.filter(
      (c) => c.kind === 'update' && c.conversationId === dm.conversationId && c.activityId === dm.answeredId,
    );
    assert.equal(updates.length, 1, "the message in the manager's chat was updated");
    assert.match(cardText(updates[0]), /Declined by Alice Rep/);
    assert.equal(updates[0].body.text, dm.body.text, 'its text stays');
    assert.ok(!verbsIn(attachmentsOf(updates[0])[0].content).includes(VERBS.accept), 'nothing left to decide');
    assert.ok(!verbsIn(attachmentsOf(updates[0])[0].content).includes(VERBS.snooze), 'nothing left to snooze');
  });

  it('stops keeping a direct card in step once Teams no longer has it, and still updates the channel', async () => {
    await start({ managers: [USERS.manager.aadObjectId] });
    await at(EXPIRY.minus({ hours: 24 }).plus({ minutes: 1 }));
    h.connector.failNext(1, 404);
    await h.activity(
      cardAction(h.serviceUrl, CHANNELS.emea, activityId, VERBS.decline, { referralId, reason: 'notACustomer' }),
    );
    await h.settle();
    assert.deepEqual(await h.services.directCards.list(referralId), []);
    assert.match(
      cardText(h.connector.calls.filter((c) => c.kind === 'update' && c.activityId === activityId).at(-1)!),
      /Declined by Alice Rep/,
    );
  });

  it("holds an escalation for a manager's working hours in their own zone, unless waiting would pass the expiry", async () => {
    await start({ managers: [USERS.manager.aadObjectId, USERS.tokyoManager.aadObjectId] });
    // Each manager's client tells their zone when they write to the bot.
    await h.activity({
      ...personalMessage(h.serviceUrl, 'help', USERS.tokyoManager),
      entities: clientInfo('Asia/Tokyo'),
    });
    await h.activity({
      ...personalMessage(h.serviceUrl, 'help', USERS.manager),
      entities: clientInfo('America/Los_Angeles'),
    });
    const chatOf = (user: User) => `a:personal-${user.id}`;
    const sentTo = (user: User) =>
      h.connector.calls.filter(
        (c) => c.kind === 'send' && c.conversationId === chatOf(user) && cardText(c).includes(referralId),
      );

    // Due Sunday 6 Dec 08:00 UTC. In Los Angeles that is midnight, and Monday 09:00 there is after
    // the expiry (Monday 08:00 UTC): sent at once. In Tokyo it is Sunday 17:00: held for Monday 09:00 JST.
    await at(EXPIRY.minus({ hours: 24 }).plus({ minutes: 1 }));
    assert.equal(sentTo(USERS.manager).length, 1, 'Los Angeles: at once');
    assert.equal(sentTo(USERS.tokyoManager).length, 0, 'Tokyo: not on a Sunday evening');
    assert.equal(h.connector.callsOf('create').length, 0, 'both chats were known from their messages');
    await at(DateTime.fromISO('2026-12-06T23:58:00Z', { zone: 'utc' }));
    assert.equal(sentTo(USERS.tokyoManager).length, 0, 'not before 09:00 in Tokyo');
    await at(DateTime.fromISO('2026-12-07T00:01:00Z', { zone: 'utc' }));
    assert.equal(sentTo(USERS.tokyoManager).length, 1, 'Monday 09:00 in Tokyo');
    await at(EXPIRY.minus({ minutes: 30 }));
    assert.deepEqual([sentTo(USERS.manager).length, sentTo(USERS.tokyoManager).length], [1, 1], 'each once');
  });

  it('in the two-step flow, reminds whoever said Interested in a direct message too', async () => {
    await start({ responseFlow: 'twoStep' });
    h.clock.now = CREATED.plus({ hours: 2 });
    await h.activity(cardAction(h.serviceUrl, CHANNELS.emea, activityId, VERBS.interested, { referralId }, USERS.bob));
    // Interested Monday 10:00 UTC: until Monday 30 Nov 10:00 UTC. The 3-day reminder (Friday 10:00 UTC)
    // falls inside Bob's working hours (the desk's default: weekdays 09:00-17:30 UTC).
    await at(CREATED.plus({ days: 4, hours: 2, minutes: 1 }));
    const [dm] = directTo(USERS.bob);
    assert.ok(dm, 'Bob got a direct message');
    assert.match(String(dm.body.text), /3 days left to accept or decline the referral of Contoso GmbH/);
    assert.deepEqual(
      verbsIn(attachmentsOf(dm)[0].content).filter((v) => v === VERBS.accept || v === VERBS.decline),
      [VERBS.accept, VERBS.decline],
    );
    // The 1-day reminder is due on Sunday: Monday 09:00 is still before the deadline, so it waits.
    await at(CREATED.plus({ days: 6, hours: 2, minutes: 1 }));
    assert.equal(directTo(USERS.bob).length, 1, 'not on a Sunday');
    await at(CREATED.plus({ days: 7, hours: 1, minutes: 1 }));
    // Monday 09:00: the 1-day and the 4-hour reminders are both due by now; only the later one goes.
    assert.equal(directTo(USERS.bob).length, 2);
    assert.match(String(directTo(USERS.bob)[1].body.text), /59 minutes left to accept or decline/);
    assert.match(cardText(directTo(USERS.bob)[1]), /59 minutes left/, 'the card says what the text says');
  });

  it('tells the managers who said Interested on a two-step referral, and that accepting or declining it is owed', async () => {
    await start({ responseFlow: 'twoStep', managers: [USERS.manager.aadObjectId] });
    h.clock.now = CREATED.plus({ hours: 2 });
    await h.activity(cardAction(h.serviceUrl, CHANNELS.emea, activityId, VERBS.interested, { referralId }, USERS.bob));
    // Until Monday 30 Nov 10:00 UTC: the escalation, due on Sunday, waits for Monday 09:00.
    await at(CREATED.plus({ days: 7, hours: 1, minutes: 1 }));
    const [dm] = directTo(USERS.manager);
    assert.ok(dm, 'the manager was told');
    const text = String(dm.body.text);
    assert.match(
      text,
      /Bob Rep said Interested in the referral of Contoso GmbH but has not accepted or declined it yet, and it expires in 59 minutes/,
    );
    assert.doesNotMatch(text, /Nobody has answered/);
  });

  it('asks the owner of a deal whose close date has passed for the outcome, in working hours, with Won, Lost and moving the close date', async () => {
    await start({});
    await acceptAsAlice(h, CHANNELS.emea, activityId, referralId);
    // Estimated close Monday 15 Feb 2027: the reminder is due a day later, Tuesday 00:00 UTC, and waits for 09:00.
    await at(DateTime.fromISO('2027-02-16T00:01:00Z', { zone: 'utc' }));
    assert.equal(directTo(USERS.alice).length, 0, 'not at night');
    await at(DateTime.fromISO('2027-02-16T09:01:00Z', { zone: 'utc' }));
    const [dm] = directTo(USERS.alice);
    assert.match(
      String(dm.body.text),
      /The estimated close date of Contoso migration wave 1 \(Contoso GmbH\) was 15 Feb 2027/,
    );
    const card = attachmentsOf(dm)[0].content;
    for (const verb of [VERBS.win, VERBS.lose, VERBS.moveCloseDate, VERBS.snooze])
      assert.ok(verbsIn(card).includes(verb), `${verb} on the owner's card`);

    // Alice moves the close date from the card in her chat.
    const chat = dm.conversationId;
    const moved = await h.activity({
      ...cardAction(h.serviceUrl, CHANNELS.emea, dm.answeredId!, VERBS.moveCloseDate, {
        referralId,
        newClosingDate: '2027-03-31',
      }),
      conversation: { id: chat, conversationType: 'personal', tenantId: TENANT.id },
      channelData: { tenant: TENANT, source: { name: 'message' } },
    });
    assert.equal(moved.body.type, 'application/vnd.microsoft.card.adaptive', JSON.stringify(moved.body));
    const { record } = (await h.services.referrals.get(referralId))!;
    assert.equal(record.referral.details.closingDateTime, '2027-03-31T00:00:00.000Z');
    await h.settle();
    assert.match(
      cardText(h.connector.calls.filter((c) => c.kind === 'update' && c.activityId === activityId).at(-1)!),
      /31 Mar 2027/,
      'the channel card shows the new date',
    );

    // The message in her chat now shows the moved date, and follows later changes made in the channel.
    await h.activity(
      cardAction(h.serviceUrl, CHANNELS.emea, activityId, VERBS.edit, {
        referralId,
        ...ACCEPT_FORM,
        closingDate: '2027-03-31',
        dealValue: '45000',
        salesStage: 'Proposed',
      }),
    );
    await h.settle();
    const inChat = h.connector.calls.filter(
      (c) => c.kind === 'update' && c.conversationId === chat && c.activityId === dm.answeredId,
    );
    assert.match(cardText(inChat.at(-1)!), /€45,000/);
    await at(DateTime.fromISO('2027-02-17T09:01:00Z', { zone: 'utc' }));
    assert.equal(directTo(USERS.alice).length, 1, 'no more reminders about the old date');
    await at(DateTime.fromISO('2027-04-01T09:01:00Z', { zone: 'utc' }));
    assert.equal(directTo(USERS.alice).length, 2, 'again once the new date has passed');
  });

  it('refuses a close date in the past, naming the field, and changes nothing', async () => {
    await start({});
    await acceptAsAlice(h, CHANNELS.emea, activityId, referralId);
    h.clock.now = DateTime.fromISO('2027-02-16T10:00:00Z', { zone: 'utc' });
    const answer = await h.activity(
      cardAction(h.serviceUrl, CHANNELS.emea, activityId, VERBS.moveCloseDate, {
        referralId,
        newClosingDate: '2027-02-01',
      }),
    );
    assert.equal(answer.body.type, 'application/vnd.microsoft.activity.message');
    assert.match(String(answer.body.value), /Estimated close date cannot be in the past/);
    assert.equal(
      (await h.services.referrals.get(referralId))!.record.referral.details.closingDateTime,
      '2027-02-15T00:00:00.000Z',
    );
  });
});
