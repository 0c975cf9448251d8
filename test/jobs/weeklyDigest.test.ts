import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { runScheduledWork } from '../../bot/jobs/runScheduledWork';
import { MINUTE_TICK_OFFSET_MS, Scheduler, untilMinuteTick } from '../../bot/jobs/scheduler';
import { quietLogger } from '../../bot/log';
import { BotHarness } from '../support/botHarness';
import { VERBS } from '../../cards/verbs';
import {
  CHANNELS,
  clientInfo,
  personalCardAction,
  personalChat,
  personalMessage,
  teamMember,
  USERS,
} from '../support/teamsActivities';
import { cardText, deliverAndAwaitCard, installAndLink, regionsFileWith } from '../e2e/flows';

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
/** Monday 30 November 2026, 09:00 in Berlin. */
const FIRST_MONDAY = utc('2026-11-30T08:00:00Z');

describe('the weekly digest (Azurite, Bot Connector stand-in, test clock)', () => {
  let h: BotHarness;
  const digests = () =>
    h.connector.calls.filter(
      (c) => c.kind === 'send' && c.conversationId === personalChat(USERS.manager) && /Weekly digest/.test(cardText(c)),
    );
  const at = async (instant: DateTime) => {
    h.clock.now = instant;
    await h.tick();
  };

  beforeEach(async () => {
    h = await new BotHarness({
      REGIONS_FILE: regionsFileWith('emea', { managers: [USERS.manager.aadObjectId] }),
    }).start();
    h.connector.members = [USERS.alice, USERS.manager].map(teamMember);
    await installAndLink(h, CHANNELS.emea, 'emea');
    await deliverAndAwaitCard(h, CHANNELS.emea);
    // The manager's client tells their zone when they first write to the bot.
    await h.activity({
      ...personalMessage(h.serviceUrl, 'help', USERS.manager),
      entities: clientInfo('Europe/Berlin'),
    });
  });
  afterEach(async () => h.stop());

  it("comes on Monday at 09:00 in the manager's zone, once a week, with the week's figures", async () => {
    await at(FIRST_MONDAY.minus({ minutes: 2 }));
    assert.equal(digests().length, 0, 'not before 09:00 in Berlin');
    await at(FIRST_MONDAY.plus({ minutes: 1 }));
    assert.equal(digests().length, 1);
    assert.match(cardText(digests()[0]), /Europe, Middle East and Africa/);
    await at(FIRST_MONDAY.plus({ days: 3 }));
    assert.equal(digests().length, 1, 'once that week');
    await at(FIRST_MONDAY.plus({ weeks: 1, minutes: 1 }));
    assert.equal(digests().length, 2, 'and again the next Monday');
  });

  it('arrives within its minute: at the first tick a few seconds after 09:00, not once the minute is over', async () => {
    await at(FIRST_MONDAY.minus({ seconds: 30 }));
    assert.equal(digests().length, 0, 'not at 08:59:30');
    await at(FIRST_MONDAY.plus({ seconds: 2 }));
    assert.equal(digests().length, 1, 'sent at 09:00:02');
    await at(FIRST_MONDAY.plus({ minutes: 1, seconds: 2 }));
    assert.equal(digests().length, 1, 'and not again when its minute is read once more');
  });

  it('ticks in step with the minutes, just after each begins, so work due on the minute waits a second, not an interval', () => {
    assert.equal(untilMinuteTick(FIRST_MONDAY.minus({ seconds: 20 })), 20_000 + MINUTE_TICK_OFFSET_MS);
    assert.equal(untilMinuteTick(FIRST_MONDAY.plus({ milliseconds: 400 })), MINUTE_TICK_OFFSET_MS - 400);
    assert.equal(untilMinuteTick(FIRST_MONDAY.plus({ seconds: 1 })), 60_000);
    assert.equal(untilMinuteTick(FIRST_MONDAY.plus({ seconds: 31 })), 30_000);
  });

  it('is sent once when two instances run the scheduler, and not again after a restart', async () => {
    h.clock.now = FIRST_MONDAY.plus({ minutes: 1 });
    const other = new Scheduler(
      {
        schedule: h.services.schedule,
        clock: h.clock.read,
        log: quietLogger,
        run: (work, now) => runScheduledWork(h.services, work, now),
      },
      { instanceId: 'other' },
    );
    await Promise.all([h.tick(), other.tick(), h.tick(), other.tick()]);
    assert.equal(digests().length, 1);
    h.clock.advance({ minutes: 5 });
    await h.restart();
    await h.tick();
    assert.equal(digests().length, 1);
  });

  it('stops with "digest off", comes back with "digest on", and follows the day, time and zone the manager chose in settings', async () => {
    await h.activity(personalMessage(h.serviceUrl, 'digest off', USERS.manager));
    await at(FIRST_MONDAY.plus({ minutes: 1 }));
    assert.equal(digests().length, 0);
    await h.activity(personalMessage(h.serviceUrl, 'digest on', USERS.manager));
    await h.activity(personalMessage(h.serviceUrl, 'settings', USERS.manager));
    const settings = h.connector.calls
      .filter((c) => c.conversationId === personalChat(USERS.manager) && /digestDay/.test(cardText(c)))
      .at(-1);
    assert.ok(settings, "a manager's settings have the digest's day and time");
    const saved = await h.activity(
      personalCardAction(
        h.serviceUrl,
        settings.answeredId!,
        VERBS.saveSettings,
        {
          settingsOf: USERS.manager.aadObjectId,
          sections: 'workingHours,messages,digest',
          timeZone: 'America/New_York',
          workStart: '09:00',
          workEnd: '17:30',
          workDays: '1,2,3,4,5',
          messagesOn: 'reminders,escalations,staleDeals,notices',
          digestDay: '3',
          digestTime: '16:30',
        },
        USERS.manager,
      ),
    );
    assert.match(JSON.stringify(saved.body.value), /Saved/);
    // Wednesday 2 December, 16:30 in New York.
    await at(utc('2026-12-02T21:29:00Z'));
    assert.equal(digests().length, 0);
    await at(utc('2026-12-02T21:31:00Z'));
    assert.equal(digests().length, 1);
  });

  it('refuses a digest time that is none, and offers no digest settings to someone who gets no digest', async () => {
    await h.activity(personalMessage(h.serviceUrl, 'settings', USERS.manager));
    const settings = h.connector.calls
      .filter((c) => c.conversationId === personalChat(USERS.manager) && /digestDay/.test(cardText(c)))
      .at(-1)!;
    const refused = await h.activity(
      personalCardAction(
        h.serviceUrl,
        settings.answeredId!,
        VERBS.saveSettings,
        {
          settingsOf: USERS.manager.aadObjectId,
          sections: 'workingHours,digest',
          timeZone: 'UTC',
          workStart: '09:00',
          workEnd: '17:30',
          workDays: '1',
          digestDay: '8',
          digestTime: '25:00',
        },
        USERS.manager,
      ),
    );
    assert.match(
      String(refused.body.value),
      /Weekly digest day must be one of the listed choices; Weekly digest time must be a time like 09:00/,
    );
    assert.equal((await h.services.users.get(USERS.manager.aadObjectId))?.digestTime, undefined);
    await h.activity(personalMessage(h.serviceUrl, 'settings', USERS.alice));
    const alices = h.connector.calls
      .filter((c) => c.conversationId === personalChat(USERS.alice) && /workStart/.test(cardText(c)))
      .at(-1)!;
    assert.doesNotMatch(cardText(alices), /digestDay/);
  });
});
