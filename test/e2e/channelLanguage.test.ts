import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { CATALOGS } from '../../bot/strings/catalogs';
import { VERBS } from '../../cards/verbs';
import { BotHarness } from '../support/botHarness';
import {
  botRemovedFromTeam,
  cardAction,
  CHANNELS,
  channelMessage,
  personalChat,
  personalMessage,
  teamMember,
  USERS,
} from '../support/teamsActivities';
import { cardText, deliverAndAwaitCard, installAndLink, replies } from './flows';

/** The fixture referral expires Monday 2026-12-07T08:00Z. */
const EXPIRY = DateTime.fromISO('2026-12-07T08:00:00.000Z', { zone: 'utc' });
const { en, ko, ja, de } = Object.fromEntries(
  Object.entries(CATALOGS).map(([tag, c]) => [tag.replace('-', ''), c.strings]),
);

describe("a channel's own language (HTTP, Azurite, Bot Connector stand-in)", () => {
  let h: BotHarness;
  const inEmea = () => replies(h.connector.calls, CHANNELS.emea.id);
  const say = (text: string, by = USERS.alice) => h.activity(channelMessage(h.serviceUrl, CHANNELS.emea, text, by));

  beforeEach(async () => {
    h = await new BotHarness().start();
    h.connector.members = [USERS.alice, USERS.bob].map(teamMember);
    await installAndLink(h, CHANNELS.emea, 'emea');
  });
  afterEach(async () => h.stop());

  it("gives a channel set to ko Korean cards, replies, reminders and click answers, while a personal chat keeps its user's", async () => {
    await say('language ko');
    assert.equal(inEmea().at(-1), ko.commands.language.channelChosen('한국어'));
    await say('links');
    const links = cardText(h.connector.calls.filter((c) => c.conversationId.startsWith(CHANNELS.emea.id)).at(-1)!);
    assert.ok(links.includes(ko.commands.linksTitle), 'the links card reads Korean');
    assert.ok(
      links.includes(ko.commands.channelInLanguage(ko.commands.thisChannel, '한국어')),
      'and names the language',
    );

    const { activityId, id } = await deliverAndAwaitCard(h, CHANNELS.emea);
    const card = h.connector.calls.find((c) => c.answeredId === activityId)!;
    assert.ok(cardText(card).includes(`"title":"${ko.card.accept}"`), 'the channel card reads Korean');
    assert.ok(!cardText(card).includes(`"title":"${en.card.accept}"`));

    // Alice's client is English: what she sees of the channel card is still the channel's.
    const refreshed = await h.activity(
      cardAction(h.serviceUrl, CHANNELS.emea, activityId, VERBS.refresh, { referralId: id }),
    );
    assert.ok(
      JSON.stringify(refreshed.body.value).includes(ko.card.accept),
      'a click in the channel answers in Korean',
    );

    h.clock.now = EXPIRY.minus({ hours: 24 }).plus({ minutes: 1 });
    await h.tick();
    await h.settle();
    const reminder = h.connector.calls
      .filter((c) => c.conversationId === `${CHANNELS.emea.id};messageid=${activityId}`)
      .at(-1)!;
    assert.match(String(reminder.body.text), /^⏰ Contoso GmbH의 추천이 만료되기 전에 응답할 시간이 24시간 남았습니다/);
    assert.ok(cardText(reminder).includes(ko.card.accept), "the reminder's card reads Korean");

    await h.activity(personalMessage(h.serviceUrl, 'help'));
    const chat = h.connector.calls.filter((c) => c.conversationId === personalChat(USERS.alice)).at(-1)!;
    assert.equal(chat.body.text, en.personalChat.help);
  });

  it('redraws the cards of the open referrals already in the channel in the language it chooses, and back', async () => {
    const { activityId } = await deliverAndAwaitCard(h, CHANNELS.emea);
    const latest = () => h.connector.calls.filter((c) => c.kind === 'update' && c.activityId === activityId).at(-1);
    await say('language ja');
    await h.settle();
    assert.ok(cardText(latest()!).includes(`"title":"${ja.card.accept}"`), 'the card reads Japanese now');
    await say('language default');
    await h.settle();
    assert.ok(cardText(latest()!).includes(`"title":"${en.card.accept}"`), 'and English again');
  });

  it('shows the language, takes a locale or `default`, and refuses a tag it does not speak, changing nothing', async () => {
    await say('language pt-BR');
    assert.ok(inEmea().at(-1)!.startsWith(en.commands.language.unknown('pt-BR', '').split(':')[0]));
    assert.equal(await h.services.channelLanguages.of(CHANNELS.emea.id), undefined);

    await say('language zh-TW');
    assert.equal(await h.services.channelLanguages.of(CHANNELS.emea.id), 'zh-Hant');
    await say('language');
    const zh = CATALOGS['zh-Hant'].strings;
    assert.ok(inEmea().at(-1)!.startsWith(zh.commands.language.channelReads('繁體中文')));
    assert.match(inEmea().at(-1)!, /`ja` \(日本語\)/);

    await say('language default');
    assert.equal(inEmea().at(-1), en.commands.language.channelDefault('English'));
    assert.equal(await h.services.channelLanguages.of(CHANNELS.emea.id), undefined);
    await say('language');
    assert.ok(inEmea().at(-1)!.startsWith(en.commands.language.channelReadsDesk('English')));
  });

  it("is changed only by whoever may change the channel's links", async () => {
    await say('language ja', USERS.bob);
    assert.equal(inEmea().at(-1), en.access.languageByOwners);
    assert.equal(await h.services.channelLanguages.of(CHANNELS.emea.id), undefined);
    h.connector.members = h.connector.members.map((m) => (m.id === USERS.bob.id ? { ...m, userRole: 'Owner' } : m));
    await say('language ja', USERS.bob);
    assert.equal(inEmea().at(-1), ja.commands.language.channelChosen('日本語'));
  });

  it("sets a user's own language in the personal chat, and `default` gives them their Teams client's again", async () => {
    const chat = () => replies(h.connector.calls, personalChat(USERS.alice));
    await h.activity(personalMessage(h.serviceUrl, 'language ja'));
    assert.equal(chat().at(-1), ja.commands.language.youChose('日本語'));
    assert.equal((await h.services.users.get(USERS.alice.aadObjectId))?.language, 'ja');
    await h.activity(personalMessage(h.serviceUrl, 'help'));
    assert.equal(chat().at(-1), ja.personalChat.help);
    await h.activity({ ...personalMessage(h.serviceUrl, 'language default'), locale: 'de-DE' });
    assert.equal(chat().at(-1), de.commands.language.yourDefault('Deutsch'));
  });

  it('is forgotten with the team when the desk is removed from it', async () => {
    await say('language ko');
    assert.equal((await h.activity(botRemovedFromTeam(h.serviceUrl))).status, 200);
    assert.deepEqual(await h.services.channelLanguages.list(), []);
  });
});
