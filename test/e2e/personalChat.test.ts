import assert from 'node:assert/strict';
import { VERBS } from '../../cards/verbs';
import { BotHarness } from '../support/botHarness';
import type { ConnectorCall } from '../support/connectorStandIn';
import {
  appInstalledPersonally,
  botAddedToPersonalChat,
  cardAction,
  CHANNELS,
  channelMessage,
  personalCardAction,
  personalChat,
  personalMessage,
  USERS,
  type User,
} from '../support/teamsActivities';
import {
  acceptAsAlice,
  attachmentsOf,
  cardOf,
  cardText,
  deliverAndAwaitCard,
  installAndLink,
  replies,
  verbsIn,
} from './flows';

const CARD = 'application/vnd.microsoft.card.adaptive';

/** What the bot sent into a user's personal chat, in order. */
const chatCalls = (h: BotHarness, user: User = USERS.alice): ConnectorCall[] =>
  h.connector.calls.filter((c) => c.conversationId === personalChat(user));
const isWelcome = (call: ConnectorCall) => verbsIn(cardOf(call) ?? {}).includes(VERBS.runCommand);
/** An answer as the user sees it, with the new deal form's random id left out. */
const shown = (call: ConnectorCall) =>
  JSON.stringify({ text: call.body.text, cards: attachmentsOf(call).map((a) => a.content) }).replace(
    /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
    'uuid',
  );

describe('the personal chat: welcome, buttons and help (over HTTP)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await new BotHarness().start();
  });
  afterEach(async () => h.stop());

  it('welcomes a user who installs the app once, however often Teams announces it, and not again at their first message', async () => {
    assert.equal((await h.activity(botAddedToPersonalChat(h.serviceUrl))).status, 200);
    assert.equal(chatCalls(h).filter(isWelcome).length, 1, 'the bot joining the chat is announced first');
    for (const activity of [appInstalledPersonally(h.serviceUrl), appInstalledPersonally(h.serviceUrl)]) {
      assert.equal((await h.activity(activity)).status, 200);
    }
    assert.equal(chatCalls(h).filter(isWelcome).length, 1);
    assert.match(cardText(chatCalls(h)[0]), /Hi, I am Referral Desk/);
    assert.ok(
      await h.services.conversations.get('personal', personalChat(USERS.alice)),
      'the chat is kept for direct messages',
    );
    assert.equal((await h.services.users.get(USERS.alice.aadObjectId))?.welcomedAt, h.clock.now.toUTC().toISO());

    await h.activity(personalMessage(h.serviceUrl, 'help'));
    assert.equal(chatCalls(h).filter(isWelcome).length, 1);
    assert.match(String(chatCalls(h).at(-1)!.body.text), /Referral Desk in our chat/);
  });

  it('welcomes a user at their first message, then answers it; the next message gets its answer only', async () => {
    await h.activity(personalMessage(h.serviceUrl, 'help'));
    const first = chatCalls(h);
    assert.equal(first.length, 2);
    assert.ok(isWelcome(first[0]), 'the welcome first');
    assert.match(String(first[1].body.text), /Referral Desk in our chat/);

    await h.activity(personalMessage(h.serviceUrl, 'favorites'));
    assert.equal(chatCalls(h).length, 3);
    assert.match(cardText(chatCalls(h)[2]), /Your favourites/);
    assert.equal(chatCalls(h).filter(isWelcome).length, 1);

    await h.activity(personalMessage(h.serviceUrl, 'help', USERS.bob));
    assert.ok(isWelcome(chatCalls(h, USERS.bob)[0]), 'each user is welcomed once');
  });

  it('does not welcome anyone in a channel', async () => {
    await installAndLink(h, CHANNELS.emea, 'emea');
    await h.activity(channelMessage(h.serviceUrl, CHANNELS.emea, 'help'));
    assert.equal(h.connector.calls.filter(isWelcome).length, 0);
    assert.equal((await h.services.users.get(USERS.alice.aadObjectId))?.welcomedAt, undefined);
  });

  it('runs each command from its button on the welcome card exactly as typed, and leaves the welcome card as it was', async () => {
    await installAndLink(h, CHANNELS.emea, 'emea');
    const { id, activityId } = await deliverAndAwaitCard(h, CHANNELS.emea);
    await acceptAsAlice(h, CHANNELS.emea, activityId, id);
    await h.activity(cardAction(h.serviceUrl, CHANNELS.emea, activityId, VERBS.favorite, { referralId: id, on: true }));
    await h.activity(appInstalledPersonally(h.serviceUrl));
    const welcome = chatCalls(h).find(isWelcome)!;
    const buttons: [Record<string, string>, string][] = [
      [{ command: 'my deals' }, 'my deals'],
      [{ command: 'expiring' }, 'expiring'],
      [{ command: 'favorites' }, 'favorites'],
      [{ command: 'find', findText: 'contoso' }, 'find contoso'],
      [{ command: 'find', findText: '' }, 'find'],
      [{ command: 'new deal' }, 'new deal'],
      [{ command: 'settings' }, 'settings'],
      [{ command: 'help' }, 'help'],
    ];
    const expectations: Record<string, RegExp> = {
      'my deals': /Your deals.*Contoso migration wave 1/,
      expiring: /Expiring within 3 days/,
      favorites: /Your favourites.*Contoso migration wave 1/,
      'find contoso': /Found for \\"contoso\\".*Contoso migration wave 1/,
      find: /Tell me what to look for/,
      'new deal': new RegExp(VERBS.createDeal),
      settings: new RegExp(VERBS.saveSettings),
      help: /Referral Desk in our chat/,
    };
    for (const [data, typed] of buttons) {
      await h.activity(personalMessage(h.serviceUrl, typed));
      const typedAnswer = chatCalls(h).at(-1)!;
      const clicked = await h.activity(personalCardAction(h.serviceUrl, welcome.answeredId!, VERBS.runCommand, data));
      const clickedAnswer = chatCalls(h).at(-1)!;
      assert.notEqual(clickedAnswer, typedAnswer, `${typed}: the click answered with a message of its own`);
      assert.match(shown(clickedAnswer), expectations[typed], typed);
      assert.equal(shown(clickedAnswer), shown(typedAnswer), `${typed}: the button and the typed command answer alike`);
      assert.equal(clicked.body.type, CARD);
      assert.deepEqual(clicked.body.value, cardOf(welcome), `${typed}: the welcome card stays as it was`);
    }
  });

  it('refuses a button for a command the welcome card does not have', async () => {
    await h.activity(appInstalledPersonally(h.serviceUrl));
    const before = chatCalls(h).length;
    const answer = await h.activity(
      personalCardAction(h.serviceUrl, chatCalls(h)[0].answeredId!, VERBS.runCommand, { command: 'link emea' }),
    );
    assert.equal(answer.body.type, 'application/vnd.microsoft.activity.message');
    assert.match(String(answer.body.value), /I don't know "link emea"/);
    assert.equal(chatCalls(h).length, before, 'nothing ran');
  });

  it('lists the personal commands in a personal chat, and the channel ones in a channel', async () => {
    await h.activity(personalMessage(h.serviceUrl, 'help'));
    const personal = String(chatCalls(h).at(-1)!.body.text);
    for (const command of ['my deals', 'expiring', 'favorites', 'find contoso', 'new deal', 'settings', 'help'])
      assert.ok(personal.includes(`\`${command}\``), command);
    assert.match(personal, /all regions when you have no region role/);
    assert.doesNotMatch(personal, /`link emea`/);

    await installAndLink(h, CHANNELS.emea, 'emea');
    await h.activity(channelMessage(h.serviceUrl, CHANNELS.emea, 'help'));
    const channel = replies(h.connector.calls, CHANNELS.emea.id).at(-1)!;
    assert.match(channel, /`link emea`/);
    assert.match(channel, /In our personal chat: `my deals`, `expiring` and `find`/);
  });

  it('says how to ask for your deals when "my" comes without "deals"', async () => {
    await h.activity(personalMessage(h.serviceUrl, 'my stuff'));
    assert.match(String(chatCalls(h).at(-1)!.body.text), /send me "my deals"/);
  });
});
