import assert from 'node:assert/strict';
import { TIME_ZONES } from '../../bot/domain/userSettings';
import { VERBS } from '../../cards/verbs';
import { BotHarness } from '../support/botHarness';
import {
  cardAction,
  CHANNELS,
  channelMessage,
  clientInfo,
  personalCardAction,
  personalChat,
  personalMessage,
  USERS,
  type User,
} from '../support/teamsActivities';
import { attachmentsOf, cardOf } from './flows';

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';

/** The card's inputs, as the client shows them: id → preselected value. */
function valuesOf(card: unknown): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as { type?: string; id?: string; value?: string };
    if (element.type?.startsWith('Input.') && element.id) values[element.id] = element.value;
    Object.values(node).forEach(walk);
  };
  walk((card as { body?: unknown }).body);
  return values;
}

/** The zones the card's zone input offers, in order. */
function zonesOf(card: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as { id?: string; choices?: { value: string }[] };
    if (element.id === 'timeZone') found.push(...(element.choices ?? []).map((c) => c.value));
    Object.values(node).forEach(walk);
  };
  walk(card);
  return found;
}

/** Asia/Tokyo, 08:00–16:00 on Tuesday, Thursday and Saturday, as the card's inputs send it. */
const TOKYO = { timeZone: 'Asia/Tokyo', workStart: '08:00', workEnd: '16:00', workDays: '2,4,6' };

/** `settings`, then Save on its card, as Teams sends them. */
describe('a user\'s time zone and working hours with "settings" (over HTTP)', () => {
  let h: BotHarness;

  /** Sends `settings` in Alice's personal chat (her client reporting Berlin) and returns the card and its activity id. */
  async function openInPersonalChat(
    by: User = USERS.alice,
  ): Promise<{ card: Record<string, unknown>; activityId: string }> {
    assert.equal(
      (await h.activity({ ...personalMessage(h.serviceUrl, 'settings', by), entities: clientInfo('Europe/Berlin') }))
        .status,
      200,
    );
    const call = h.connector.calls
      .filter((c) => c.conversationId === personalChat(by) && attachmentsOf(c).length > 0)
      .at(-1);
    assert.ok(call, 'the bot answered with a card');
    return { card: cardOf(call), activityId: call.answeredId! };
  }

  const save = (activityId: string, inputs: Record<string, unknown>, by: User = USERS.alice) =>
    h.activity(
      personalCardAction(h.serviceUrl, activityId, VERBS.saveSettings, { settingsOf: by.aadObjectId, ...inputs }, by),
    );
  const profile = (user: User = USERS.alice) => h.services.users.get(user.aadObjectId);

  beforeEach(async () => {
    h = await new BotHarness({
      DEFAULT_TIME_ZONE: 'UTC',
      WORKING_HOURS: '09:00-17:30',
      WORKING_DAYS: 'mon,tue,wed,thu,fri',
    }).start();
  });
  afterEach(async () => h.stop());

  it("shows the zone the Teams client reported, and the desk's hours, with Save", async () => {
    const { card } = await openInPersonalChat();
    assert.deepEqual(valuesOf(card), {
      timeZone: 'Europe/Berlin',
      workStart: '09:00',
      workEnd: '17:30',
      workDays: '1,2,3,4,5',
      messagesOn: 'reminders,staleDeals,notices',
      language: 'en',
    });
    const text = JSON.stringify(card);
    assert.match(text, /Your Teams client told me this zone/);
    assert.match(text, /The desk's default hours/);
    assert.deepEqual(
      (card.actions as { verb: string }[]).map((a) => a.verb),
      [VERBS.saveSettings],
    );
  });

  it('keeps the zone, hours and days the user saves over what Teams reports, and shows them saved', async () => {
    const { activityId } = await openInPersonalChat();
    const answer = await save(activityId, TOKYO);
    assert.equal(answer.status, 200);
    assert.equal(answer.body.type, CARD, JSON.stringify(answer.body));
    assert.deepEqual(valuesOf(answer.body.value), {
      ...TOKYO,
      messagesOn: 'reminders,staleDeals,notices',
      language: 'en',
    });
    assert.match(JSON.stringify(answer.body.value), /Saved/);
    assert.match(JSON.stringify(answer.body.value), /You chose this zone/);

    const alice = await profile();
    assert.equal(alice?.timeZone, 'Asia/Tokyo');
    assert.equal(alice?.timeZoneChosen, true);
    assert.deepEqual(alice?.hours, { start: '08:00', end: '16:00', days: [2, 4, 6] });

    // Her client still reports Berlin: the zone she chose stays, and the card shows it.
    const { card } = await openInPersonalChat();
    assert.equal(valuesOf(card).timeZone, 'Asia/Tokyo');
    assert.equal((await profile())?.timeZone, 'Asia/Tokyo');
  });

  it('stores the same again when Save is retried', async () => {
    const { activityId } = await openInPersonalChat();
    const first = await save(activityId, TOKYO);
    const stored = await profile();
    const retry = await save(activityId, TOKYO);
    assert.deepEqual(retry.body, first.body);
    assert.deepEqual(await profile(), stored);
  });

  it('names each wrong field and keeps nothing', async () => {
    const { activityId } = await openInPersonalChat();
    const before = await profile();
    const answer = await save(activityId, {
      timeZone: 'Mars/Base',
      workStart: '18:00',
      workEnd: '09:00',
      workDays: '',
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.type, MESSAGE);
    const text = String(answer.body.value);
    assert.match(text, /^Please fix: /);
    assert.match(text, /Time zone must be one of the listed time zones/);
    assert.match(text, /End of the working day must be later than the start/);
    assert.match(text, /Working days: choose at least one/);
    assert.deepEqual(await profile(), before);
    assert.equal(before?.timeZoneChosen, undefined, 'nothing was chosen before either');
  });

  it('refuses times that are no times and days that are no weekdays', async () => {
    const { activityId } = await openInPersonalChat();
    const answer = await save(activityId, { ...TOKYO, workStart: '8 am', workDays: '1,9' });
    assert.equal(answer.body.type, MESSAGE);
    assert.match(String(answer.body.value), /Start of the working day must be a time like 09:00/);
    assert.match(String(answer.body.value), /Working days must be one of the listed choices/);
    assert.equal((await profile())?.hours, undefined);
  });

  it("works in a channel, where a colleague's Save on the card keeps nothing and shows them their own", async () => {
    assert.equal(
      (
        await h.activity({
          ...channelMessage(h.serviceUrl, CHANNELS.emea, 'settings'),
          localTimezone: 'America/New_York',
        })
      ).status,
      200,
    );
    const call = h.connector.calls
      .filter((c) => c.conversationId.startsWith(CHANNELS.emea.id) && attachmentsOf(c).length > 0)
      .at(-1);
    assert.ok(call, 'the bot answered in the channel with a card');
    assert.equal(valuesOf(cardOf(call)).timeZone, 'America/New_York');
    const click = (by: User) =>
      h.activity(
        cardAction(
          h.serviceUrl,
          CHANNELS.emea,
          call.answeredId!,
          VERBS.saveSettings,
          { settingsOf: USERS.alice.aadObjectId, ...TOKYO },
          by,
        ),
      );

    const bob = await click(USERS.bob);
    assert.equal(bob.body.type, CARD);
    assert.match(JSON.stringify(bob.body.value), /someone else's settings, so nothing was saved/);
    assert.equal(valuesOf(bob.body.value).timeZone, 'UTC', "Bob's own (the desk's default: his client told none)");
    assert.equal((await profile(USERS.bob))?.timeZoneChosen, undefined);
    assert.equal((await profile())?.timeZone, 'America/New_York');

    const alice = await click(USERS.alice);
    assert.deepEqual(valuesOf(alice.body.value), {
      ...TOKYO,
      messagesOn: 'reminders,staleDeals,notices',
      language: 'en',
    });
    assert.deepEqual((await profile())?.hours, { start: '08:00', end: '16:00', days: [2, 4, 6] });
  });

  it('offers the likely zones, every zone on "Show all time zones", and keeps one chosen from all', async () => {
    const { card, activityId } = await openInPersonalChat();
    const before = await profile();
    const likely = zonesOf(card);
    assert.equal(likely[0], 'Europe/Berlin');
    assert.ok(likely.includes('Europe/Paris') && likely.includes('UTC') && !likely.includes('Pacific/Kiritimati'));
    assert.ok(likely.length < TIME_ZONES.length / 4, `${likely.length} zones`);
    assert.ok(Buffer.byteLength(JSON.stringify(card)) < 25 * 1024);

    const all = await h.activity(
      personalCardAction(h.serviceUrl, activityId, VERBS.settingsAllZones, { settingsOf: USERS.alice.aadObjectId }),
    );
    assert.equal(all.body.type, CARD, JSON.stringify(all.body));
    assert.deepEqual(zonesOf(all.body.value), TIME_ZONES);
    assert.doesNotMatch(JSON.stringify(all.body.value), /Show all time zones/);
    assert.deepEqual(await profile(), before, 'showing them saves nothing');

    await save(activityId, { ...TOKYO, timeZone: 'Pacific/Kiritimati' });
    assert.equal((await profile())?.timeZone, 'Pacific/Kiritimati');
    assert.equal(zonesOf((await openInPersonalChat()).card)[0], 'Pacific/Kiritimati');
  });

  it("keeps a rep's setting for the managers' escalations, which their card does not offer, as it was", async () => {
    const { card, activityId } = await openInPersonalChat();
    assert.doesNotMatch(JSON.stringify(card), /about to expire unanswered \(managers\)/);
    await save(activityId, { ...TOKYO, sections: 'workingHours,messages', messagesOn: 'reminders' });
    assert.deepEqual((await profile())?.messagesOff, ['escalations', 'staleDeals', 'notices'], 'a card of old');
    const kinds = 'reminders,staleDeals,notices';
    await save(activityId, { ...TOKYO, sections: 'workingHours,messages', messageKinds: kinds, messagesOn: kinds });
    assert.deepEqual((await profile())?.messagesOff, ['escalations']);
  });

  it('is in the help text', async () => {
    await h.activity(personalMessage(h.serviceUrl, 'help'));
    const help = h.connector.calls
      .filter((c) => c.conversationId === personalChat(USERS.alice))
      .map((c) => String(c.body.text ?? ''))
      .join('\n');
    assert.match(help, /`settings`: your time zone and working hours/);
  });
  it('turns direct messages off and on, and a card from before that section existed keeps them as they are', async () => {
    const { activityId } = await openInPersonalChat();
    const answer = await save(activityId, {
      ...TOKYO,
      sections: 'workingHours,messages',
      messagesOn: 'reminders,notices',
    });
    assert.equal(answer.body.type, CARD, JSON.stringify(answer.body));
    assert.deepEqual((await profile())?.messagesOff, ['escalations', 'staleDeals']);
    assert.equal(valuesOf(answer.body.value).messagesOn, 'reminders,notices', 'the card shows what is on');
    await save(activityId, TOKYO);
    assert.deepEqual(
      (await profile())?.messagesOff,
      ['escalations', 'staleDeals'],
      'an older card has no such section',
    );
    await save(activityId, { ...TOKYO, sections: 'workingHours,messages', messagesOn: '' });
    assert.deepEqual((await profile())?.messagesOff, ['reminders', 'escalations', 'staleDeals', 'notices']);
    const refused = await save(activityId, {
      ...TOKYO,
      sections: 'workingHours,messages',
      messagesOn: 'reminders,spam',
    });
    assert.equal(refused.body.type, MESSAGE);
    assert.match(String(refused.body.value), /Direct messages must be one of the listed choices/);
    assert.deepEqual(
      (await profile())?.messagesOff,
      ['reminders', 'escalations', 'staleDeals', 'notices'],
      'nothing changed',
    );
  });
});
