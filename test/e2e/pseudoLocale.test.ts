import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { CATALOGS } from '../../bot/strings/catalogs';
import { VERBS } from '../../cards/verbs';
import { BotHarness, type HttpAnswer } from '../support/botHarness';
import { BypassCheck, configuredData, dataOf, WORDED_DATA, shownTexts, type Shown } from '../support/catalogBypass';
import { pcReferral } from '../support/fixtures';
import {
  appInstalledPersonally,
  cardAction,
  CHANNELS,
  channelMessage,
  personalChat,
  personalMessage,
  TEAM,
  teamMember,
  USERS,
  type User,
} from '../support/teamsActivities';
import { ACCEPT_FORM, attachmentsOf, deliverAndAwaitCard, installAndLink, regionsFileWith } from './flows';

/** The fixture referral expires Monday 2026-12-07T08:00Z. */
const EXPIRY = DateTime.fromISO('2026-12-07T08:00:00.000Z', { zone: 'utc' });
/** A command the bot does not know: it echoes it back, as typed. */
const UNKNOWN = 'frobnicate the pipeline';
const PSEUDO = { locale: 'qps-ploc' };
/** A second referral, still open when the reminders are due. */
const SECOND = { id: 'a1b2c3d4-0000-4000-8000-000000000002', name: 'Fabrikam data platform' };

/** What a user reads of an invoke's answer: its message, or its card. */
function answerTexts(answer: HttpAnswer, where: string): Shown[] {
  const value = (answer.body as { value?: unknown } | undefined)?.value;
  if (typeof value === 'string') return [{ where, text: value }];
  return value && typeof value === 'object' ? shownTexts(value, where) : [];
}

describe('no text bypasses the catalogs over HTTP: a team and a rep in the pseudo-locale qps-ploc', () => {
  let h: BotHarness;

  before(async () => {
    // Not installed yet: the test installs it, and sees the welcome.
    h = new BotHarness(
      { DESK_LANGUAGE: 'qps-ploc', REGIONS_FILE: regionsFileWith('emea', { managers: [USERS.manager.aadObjectId] }) },
      {},
      false,
    );
    await h.start();
    h.connector.members = [USERS.alice, USERS.bob, USERS.manager].map(teamMember);
  });
  after(async () => h.stop());

  it('shows only catalog words and data in every message, card and answer of the main paths', async () => {
    const answers: Shown[] = [];
    const personal = async (text: string, by = USERS.alice) => {
      const answer = await h.activity({ ...personalMessage(h.serviceUrl, text, by), ...PSEUDO });
      assert.equal(answer.status, 200, text);
    };

    await installAndLink(h, CHANNELS.emea, 'emea');
    await h.activity({ ...appInstalledPersonally(h.serviceUrl), ...PSEUDO });
    await personal('help', USERS.manager);
    const { id: referralId, activityId } = await deliverAndAwaitCard(h, CHANNELS.emea);
    const accepted = await h.activity({
      ...cardAction(h.serviceUrl, CHANNELS.emea, activityId, VERBS.accept, { referralId, ...ACCEPT_FORM }),
      ...PSEUDO,
    });
    answers.push(...answerTexts(accepted, 'the answer to Accept'));
    await h.settle();
    for (const command of ['help', 'links', 'language', 'language xx', UNKNOWN])
      await h.activity(channelMessage(h.serviceUrl, CHANNELS.emea, command));
    for (const command of [
      'help',
      'settings',
      'my deals',
      'favorites',
      'find contoso',
      'new deal',
      'expiring',
      'language',
    ])
      await personal(command);
    await deliverAndAwaitCard(h, CHANNELS.emea, SECOND);
    h.clock.now = EXPIRY.minus({ hours: 24 }).plus({ minutes: 1 });
    await h.tick();
    await h.settle();

    const calls = h.connector.calls.filter((call) => call.kind !== 'create');
    const shown = calls.flatMap((call, i) => {
      const where = `${call.kind} #${i} in ${call.conversationId}`;
      const text = typeof call.body.text === 'string' ? [{ where: `${where} text`, text: call.body.text }] : [];
      const summary =
        typeof call.body.summary === 'string' ? [{ where: `${where} summary`, text: call.body.summary }] : [];
      return [...text, ...summary, ...attachmentsOf(call).flatMap((a) => shownTexts(a.content, where))];
    });
    const inChat = (user: User) => calls.filter((call) => call.conversationId === personalChat(user));
    assert.ok(inChat(USERS.alice).length >= 8, 'the welcome, and an answer to each command in the personal chat');
    assert.ok(
      inChat(USERS.manager).some((call) => /⚠/.test(String(call.body.text))),
      'the reminder tick escalated to the manager',
    );
    assert.ok(calls.filter((call) => call.conversationId.startsWith(CHANNELS.emea.id)).length >= 10, 'the channel');
    assert.ok(
      calls.some((call) => call.conversationId.startsWith(TEAM.id) && attachmentsOf(call).length > 0),
      'the welcome card in the General channel',
    );
    assert.ok(answers.length > 5, 'the Accept answered with a card');

    const records = [pcReferral(SECOND), pcReferral(), ACCEPT_FORM, USERS, CHANNELS, TEAM, { typed: [UNKNOWN, 'xx'] }];
    const check = new BypassCheck([
      ...dataOf(...records, Object.values(USERS).map(teamMember)),
      ...configuredData(),
      ...WORDED_DATA.codes(...records),
      ...WORDED_DATA.timeZones(CATALOGS['qps-ploc'].strings.format.locale),
    ]);
    assert.deepEqual(check.bypasses([...shown, ...answers]), []);
  });
});
