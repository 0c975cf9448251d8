import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { VERBS } from '../../cards/verbs';
import { BotHarness } from '../support/botHarness';
import { cardAction, CHANNELS, clientInfo, personalChat, personalMessage, USERS } from '../support/teamsActivities';
import { attachmentsOf, deliverAndAwaitCard, installAndLink, verbsIn } from '../e2e/flows';

/** The fixture referral arrives Monday 2026-11-23T08:00Z and expires Monday 2026-12-07T08:00Z. */
const CREATED = DateTime.fromISO('2026-11-23T08:00:00.000Z', { zone: 'utc' });
const EXPIRY = CREATED.plus({ days: 14 });
/** The 3-day reminder: Friday 4 December, 08:00 UTC. */
const THREE_DAYS_BEFORE = EXPIRY.minus({ days: 3 });

describe('snoozing a reminder (Azurite, Bot Connector stand-in, test clock)', () => {
  let h: BotHarness;
  let referralId: string;
  let activityId: string;
  const toAlice = () =>
    h.connector.calls.filter((c) => c.kind === 'send' && c.conversationId === personalChat(USERS.alice));
  /** The clock moved on to `instant` once what follows every change so far is done (a snooze's plan among it), and a tick. */
  const at = async (instant: DateTime) => {
    await h.settle();
    h.clock.now = instant;
    await h.tick();
  };
  /** A click on Snooze on the reminder in the card's thread. */
  const snooze = (choice: string, reminderId: string) =>
    h.activity(cardAction(h.serviceUrl, CHANNELS.emea, reminderId, VERBS.snooze, { referralId, snooze: choice }));

  beforeEach(async () => {
    h = await new BotHarness().start();
    await installAndLink(h, CHANNELS.emea, 'emea');
    ({ id: referralId, activityId } = await deliverAndAwaitCard(h, CHANNELS.emea));
    // Alice works from Berlin: her client says so when she writes to the bot.
    await h.activity({ ...personalMessage(h.serviceUrl, 'help'), entities: clientInfo('Europe/Berlin') });
  });
  afterEach(async () => h.stop());

  async function threeDayReminder(): Promise<string> {
    await at(THREE_DAYS_BEFORE.plus({ minutes: 1 }));
    const reminder = h.connector.calls
      .filter((c) => c.kind === 'send' && c.conversationId === `${CHANNELS.emea.id};messageid=${activityId}`)
      .at(-1)!;
    assert.ok(verbsIn(attachmentsOf(reminder)[0].content).includes(VERBS.snooze), 'the reminder offers Snooze');
    return reminder.answeredId!;
  }

  it('brings the reminder back to whoever snoozed it, in a direct message, once, and keeps it in the history', async () => {
    const reminderId = await threeDayReminder();
    h.clock.now = THREE_DAYS_BEFORE.plus({ minutes: 5 });
    const answer = await snooze('fourHours', reminderId);
    assert.equal(answer.body.type, 'application/vnd.microsoft.activity.message');
    // 12:05 UTC is 13:05 in Berlin, inside her working hours.
    assert.equal(answer.body.value, 'Snoozed. I will remind you again Fri 4 Dec at 13:05 (Europe/Berlin).');
    assert.deepEqual(
      (await h.services.referrals.history(referralId)).map((e) => e.action),
      ['received', 'snooze'],
    );

    await at(THREE_DAYS_BEFORE.plus({ hours: 4, minutes: 4 }));
    assert.equal(toAlice().length, 0, 'not before then');
    await at(THREE_DAYS_BEFORE.plus({ hours: 4, minutes: 6 }));
    assert.equal(toAlice().length, 1);
    assert.match(String(toAlice()[0].body.text), /As you asked: 2 days left to answer the referral of Contoso GmbH/);
    assert.ok(verbsIn(attachmentsOf(toAlice()[0])[0].content).includes(VERBS.accept), 'with the decision buttons');
    await at(THREE_DAYS_BEFORE.plus({ hours: 8 }));
    assert.equal(toAlice().length, 1, 'once');
  });

  it("snoozes until the start of the next working day in the user's own zone, which waits past the weekend when there is time", async () => {
    const reminderId = await threeDayReminder();
    h.clock.now = THREE_DAYS_BEFORE.plus({ minutes: 5 });
    const answer = await snooze('tomorrowMorning', reminderId);
    // Tomorrow morning is Saturday, 09:00 in Berlin; Alice works Monday to Friday, and Monday
    // 09:00 in Berlin (08:00 UTC) is when the referral expires: so Saturday it is.
    assert.equal(answer.body.value, 'Snoozed. I will remind you again Sat 5 Dec at 09:00 (Europe/Berlin).');
    await at(DateTime.fromISO('2026-12-05T08:01:00Z', { zone: 'utc' }));
    assert.equal(toAlice().length, 1);
  });

  it('answers a decision after the snooze and sends nothing more', async () => {
    const reminderId = await threeDayReminder();
    h.clock.now = THREE_DAYS_BEFORE.plus({ minutes: 5 });
    await snooze('oneHour', reminderId);
    await h.activity(
      cardAction(h.serviceUrl, CHANNELS.emea, activityId, VERBS.decline, { referralId, reason: 'notACustomer' }),
    );
    await at(THREE_DAYS_BEFORE.plus({ hours: 2 }));
    assert.equal(toAlice().length, 0);
  });

  it('refuses to snooze with too little time left, an unknown choice, or a referral already decided, changing nothing', async () => {
    const reminderId = await threeDayReminder();
    h.clock.now = EXPIRY.minus({ minutes: 20 });
    assert.equal(
      (await snooze('oneHour', reminderId)).body.value,
      'Too little time is left to snooze this one: please answer it now.',
    );
    assert.match(
      String((await snooze('nextYear', reminderId)).body.value),
      /Please fix: Remind me again must be one of the listed choices/,
    );
    await h.activity(
      cardAction(h.serviceUrl, CHANNELS.emea, activityId, VERBS.decline, { referralId, reason: 'notACustomer' }),
    );
    const late = await snooze('oneHour', reminderId);
    assert.equal(late.body.type, 'application/vnd.microsoft.card.adaptive', 'the current card, saying it was declined');
    assert.match(JSON.stringify(late.body.value), /Declined/);
    assert.deepEqual(
      (await h.services.referrals.history(referralId)).map((e) => e.action),
      ['received', 'decline'],
    );
  });
});
