import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { CATALOGS } from '../../bot/strings/catalogs';
import { VERBS } from '../../cards/verbs';
import { BotHarness } from '../support/botHarness';
import {
  CHANNELS,
  channelMessage,
  personalCardAction,
  personalChat,
  personalMessage,
  teamMember,
  USERS,
} from '../support/teamsActivities';
import { cardText, deliverAndAwaitCard, installAndLink, regionsFileWith, replies } from './flows';

/** The fixture referral expires Monday 2026-12-07T08:00Z. */
const EXPIRY = DateTime.fromISO('2026-12-07T08:00:00.000Z', { zone: 'utc' });

describe('each user in their language (HTTP, Azurite, Bot Connector stand-in)', () => {
  let h: BotHarness;
  const german = (activity: object) => ({ ...activity, locale: 'de-DE' });
  const inChat = (user = USERS.alice) => h.connector.calls.filter((c) => c.conversationId === personalChat(user));

  beforeEach(async () => {
    h = await new BotHarness({
      REGIONS_FILE: regionsFileWith('emea', { managers: [USERS.manager.aadObjectId] }),
    }).start();
    h.connector.members = [USERS.alice, USERS.manager].map(teamMember);
  });
  afterEach(async () => h.stop());

  it("answers in the personal chat in the language of the user's Teams client, and in a channel in the desk's", async () => {
    await h.activity(german(personalMessage(h.serviceUrl, 'settings')));
    assert.match(cardText(inChat().at(-1)!), /Deine Einstellungen|Einstellungen/);
    await installAndLink(h, CHANNELS.emea, 'emea');
    assert.ok(
      replies(h.connector.calls, CHANNELS.emea.id).some((text) =>
        /referrals for Europe, Middle East and Africa/.test(text),
      ),
      'the channel reads English',
    );
    await h.activity(german(channelMessage(h.serviceUrl, CHANNELS.emea, 'links')));
    const answer = h.connector.calls.filter((c) => c.conversationId.startsWith(CHANNELS.emea.id)).at(-1)!;
    assert.match(cardText(answer), /Where referrals go/);
    assert.doesNotMatch(cardText(answer), /Empfehlungen/);
  });

  it("answers a Korean, Taiwanese, Russian and Japanese client in its language, and Simplified Chinese in the desk's", async () => {
    const picks = {
      'ko-KR': 'ko',
      'zh-TW': 'zh-Hant',
      'zh-HK': 'zh-Hant',
      'ru-RU': 'ru',
      'ja-JP': 'ja',
      'zh-CN': 'en',
    };
    for (const [locale, tag] of Object.entries(picks)) {
      const { settings } = CATALOGS[tag].strings;
      await h.activity({ ...personalMessage(h.serviceUrl, 'settings'), locale });
      const text = cardText(inChat().at(-1)!);
      assert.ok(text.includes(JSON.stringify(settings.languageError)), `${locale}: the settings card in ${tag}`);
      assert.ok(text.includes(`"value":"${tag}"`), `${locale}: ${tag} is the language shown as chosen`);
    }
  });

  it('gives a Korean, Taiwanese, Russian and Japanese client every personal answer in its language', async () => {
    const picks = { 'ko-KR': 'ko', 'zh-TW': 'zh-Hant', 'ru-RU': 'ru', 'ja-JP': 'ja' };
    for (const [locale, tag] of Object.entries(picks)) {
      const s = CATALOGS[tag].strings;
      const expected: [string, string][] = [
        ['help', s.personalChat.help],
        ['my deals', s.myDeals.empty],
        ['favorites', s.favorites.empty],
        ['expiring', s.expiring.empty],
        ['find zzzz', s.find.none('zzzz')],
        ['find', s.find.usage],
        ['new deal', s.newDeal.title],
        ['language', s.commands.language.youRead(CATALOGS[tag].name)],
        ['frobnicate', s.commands.unknown('frobnicate')],
      ];
      for (const [command, text] of expected) {
        await h.activity({ ...personalMessage(h.serviceUrl, command), locale });
        const answer = inChat().at(-1)!;
        const said =
          String(answer.body.text ?? '').startsWith(text) ||
          cardText(answer).includes(JSON.stringify(text).slice(1, -1));
        assert.ok(said, `${locale}: "${command}" answered in ${tag}`);
      }
    }
  });

  it("keeps the language the user chose in settings over their client's, and answers the Save in it", async () => {
    await h.activity(german(personalMessage(h.serviceUrl, 'settings')));
    const card = inChat().at(-1)!;
    assert.match(cardText(card), /"id":"language"/);
    const saved = await h.activity(
      german(
        personalCardAction(h.serviceUrl, card.answeredId!, VERBS.saveSettings, {
          settingsOf: USERS.alice.aadObjectId,
          sections: 'workingHours,messages,language',
          timeZone: 'Europe/Berlin',
          workStart: '09:00',
          workEnd: '17:30',
          workDays: '1,2,3,4,5',
          messagesOn: 'reminders',
          language: 'en',
        }),
      ),
    );
    assert.match(JSON.stringify(saved.body.value), /Saved/);
    assert.equal((await h.services.users.get(USERS.alice.aadObjectId))?.language, 'en');
    await h.activity(german(personalMessage(h.serviceUrl, 'settings')));
    assert.match(cardText(inChat().at(-1)!), /Your settings/);
    const refused = await h.activity(
      personalCardAction(h.serviceUrl, card.answeredId!, VERBS.saveSettings, {
        settingsOf: USERS.alice.aadObjectId,
        sections: 'workingHours,language',
        timeZone: 'UTC',
        workStart: '09:00',
        workEnd: '17:30',
        workDays: '1',
        language: 'xx',
      }),
    );
    assert.match(String(refused.body.value), /Language must be one of the listed choices/);
  });

  it('sends a German manager their escalation in German, while the channel card stays English', async () => {
    await installAndLink(h, CHANNELS.emea, 'emea');
    await h.activity(german(personalMessage(h.serviceUrl, 'help', USERS.manager)));
    const { activityId } = await deliverAndAwaitCard(h, CHANNELS.emea);
    h.clock.now = EXPIRY.minus({ hours: 24 }).plus({ minutes: 1 });
    await h.tick();
    const escalation = inChat(USERS.manager)
      .filter((c) => c.kind === 'send')
      .at(-1)!;
    assert.match(
      String(escalation.body.text),
      /Auf die Empfehlung von Contoso GmbH hat noch niemand geantwortet, und bis sie abläuft, bleiben nur noch 24 Stunden/,
    );
    assert.match(cardText(escalation), /Annehmen/);
    await h.settle();
    const channelCard = h.connector.calls
      .filter(
        (c) => c.conversationId === CHANNELS.emea.id && (c.activityId === activityId || c.answeredId === activityId),
      )
      .at(-1)!;
    assert.match(cardText(channelCard), /Accept/);
  });
});
