import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { runScheduledWork } from '../../bot/jobs/runScheduledWork';
import { Scheduler, type WorkRunner } from '../../bot/jobs/scheduler';
import { quietLogger } from '../../bot/log';
import type { ReminderKind } from '../../bot/domain/reminderKinds';
import { BotHarness } from '../support/botHarness';
import { ManualTimer } from '../support/manualTimer';
import { pcReferral } from '../support/fixtures';
import { CHANNELS, USERS } from '../support/teamsActivities';
import { decide } from '../../bot/domain/lifecycle';
import { isDomainError } from '../../bot/domain/errors';
import { ACCEPT_FORM, acceptAsAlice, cardText, deliverAndAwaitCard, installAndLink } from '../e2e/flows';

/** The fixture referral expires at 2026-12-07T08:00Z. */
const EXPIRY = DateTime.fromISO('2026-12-07T08:00:00.000Z', { zone: 'utc' });

describe('scheduled expiry (Azurite, Bot Connector stand-in, test clock)', () => {
  let h: BotHarness;
  let referralId: string;
  let activityId: string;

  const historyOf = async (id = referralId) => (await h.services.referrals.history(id)).map((e) => e.action);
  /** Replies the bot posted in the thread of the referral's card. */
  const threadReplies = () =>
    h.connector.calls.filter(
      (c) => c.kind === 'send' && c.conversationId === `${CHANNELS.emea.id};messageid=${activityId}`,
    );
  /** Another bot instance's scheduler on the same storage (its heartbeat renews only between pieces of work). */
  const otherInstance = (
    instanceId = 'other-instance',
    run: WorkRunner = (work, now) => runScheduledWork(h.services, work, now),
  ) =>
    new Scheduler(
      { schedule: h.services.schedule, clock: h.clock.read, log: quietLogger, run },
      { instanceId, repeat: new ManualTimer().repeat },
    );
  /** An instance that takes the lease, works until it has claimed a piece of `kind`, and dies before running it. */
  async function dieAfterClaiming(kind: ReminderKind): Promise<void> {
    await h.services.scheduler.stop();
    let claimed!: () => void;
    const sawClaim = new Promise<void>((resolve) => (claimed = resolve));
    const dying = otherInstance('dying', (work, now) => {
      if (work.kind !== kind) return runScheduledWork(h.services, work, now);
      claimed();
      return new Promise(() => undefined);
    });
    void dying.tick();
    await sawClaim;
  }

  beforeEach(async () => {
    h = await new BotHarness().start();
    await installAndLink(h, CHANNELS.emea, 'emea');
    ({ id: referralId, activityId } = await deliverAndAwaitCard(h, CHANNELS.emea));
  });
  afterEach(async () => h.stop());

  it('expires an unanswered referral once its expiry minute is over, updates the card for everyone, and only once', async () => {
    h.clock.now = EXPIRY.minus({ minutes: 1 });
    await h.tick();
    assert.deepEqual(await historyOf(), ['received'], 'not expired before its expiry');
    // The scheduler did not run since arrival: of the reminders owed, only the latest is sent.
    assert.equal(threadReplies().length, 1);
    assert.match(String(threadReplies()[0].body.text), /1 minute left to answer the referral of Contoso GmbH/);
    h.clock.now = EXPIRY.plus({ minutes: 1, seconds: 5 });
    await h.tick();

    const { record } = (await h.services.referrals.get(referralId))!;
    assert.equal(`${record.referral.status}/${record.referral.substatus}`, 'Closed/Expired');
    assert.deepEqual(await historyOf(), ['received', 'expire']);
    await h.settle();
    const update = h.connector.calls.filter((c) => c.kind === 'update' && c.activityId === activityId).at(-1)!;
    assert.match(cardText(update), /Expired unanswered/);

    h.clock.advance({ minutes: 5 });
    assert.equal(await h.tick(), 0);
    assert.deepEqual(await historyOf(), ['received', 'expire']);
    assert.equal(threadReplies().length, 1, 'no reminder is sent once the deadline has passed');
  });

  it('does not expire a referral that was answered: its plan changed with it', async () => {
    await acceptAsAlice(h, CHANNELS.emea, activityId, referralId);
    h.clock.now = EXPIRY.plus({ hours: 1 });
    await h.tick();
    assert.deepEqual(await historyOf(), ['received', 'accept']);
    assert.equal(threadReplies().length, 0, 'and no reminders');
  });

  it('runs each expiry once when two instances tick at the same time', async () => {
    h.clock.now = EXPIRY.plus({ minutes: 2 });
    const others = ['second', 'third'].map((instanceId) => otherInstance(instanceId));
    const results = await Promise.all([h.tick(), ...others.map((other) => other.tick())]);
    assert.equal(results.filter((ran) => ran > 0).length, 1, 'one instance did the work');
    assert.deepEqual(await historyOf(), ['received', 'expire']);
  });

  it('runs the work once when an instance dies between claiming it and running it', async () => {
    h.clock.now = EXPIRY.plus({ minutes: 2 });
    await dieAfterClaiming('expire');
    assert.deepEqual(await historyOf(), ['received']);

    const survivor = otherInstance('survivor');
    assert.equal(await survivor.tick(), 0, "the lease and the claim are still the dead instance's");
    assert.deepEqual(await historyOf(), ['received']);
    h.clock.advance({ minutes: 3 });
    assert.ok((await survivor.tick()) > 0, 'taken over once they ran out');
    assert.deepEqual(await historyOf(), ['received', 'expire']);
    h.clock.advance({ minutes: 3 });
    assert.equal(await survivor.tick(), 0);
  });

  it('sends each reminder once when two instances tick at the same time', async () => {
    // The first pass since arrival: eleven days of due work in one pass.
    h.clock.now = EXPIRY.minus({ days: 3 }).plus({ minutes: 2 });
    const other = otherInstance();
    await Promise.all([h.tick(), other.tick(), h.tick(), other.tick()]);
    await Promise.all([h.tick(), other.tick()]);
    assert.equal(threadReplies().length, 1, 'after downtime, the latest reminder only, once');
    assert.match(String(threadReplies()[0].body.text), /3 days left/);
  });

  it('sends a reminder once when an instance dies between claiming it and sending it, and the bot restarts', async () => {
    h.clock.now = EXPIRY.minus({ days: 3 }).plus({ minutes: 2 });
    await dieAfterClaiming('deadlineReminder');
    assert.equal(threadReplies().length, 0, 'claimed, never sent');

    h.clock.advance({ minutes: 3 }); // the dead instance's lease and claim run out
    await h.restart();
    await h.tick();
    assert.equal(threadReplies().length, 1, 'sent by the restarted bot');
    h.clock.advance({ minutes: 5 });
    await h.restart();
    await h.tick();
    assert.equal(threadReplies().length, 1, 'and not again after another restart');
  });

  it('after downtime, runs missed work once on start, in due order, however late', async () => {
    const second = pcReferral({
      id: 'a1b2c3d4-0000-4000-8000-000000000002',
      expirationDateTime: '2026-12-06T08:00:00Z',
    });
    assert.equal((await h.deliver(second)).status, 202);
    const order: string[] = [];
    const recording = otherInstance('recording', async (work, now) => {
      if (work.kind === 'expire') order.push(work.referralId);
      return runScheduledWork(h.services, work, now);
    });
    await h.services.scheduler.stop();
    h.clock.now = EXPIRY.plus({ days: 10 });
    h.clock.advance({ minutes: 3 }); // past the lease of the instance that stopped
    await recording.tick();
    assert.deepEqual(order, ['a1b2c3d4-0000-4000-8000-000000000002', referralId]);
    assert.deepEqual(await historyOf('a1b2c3d4-0000-4000-8000-000000000002'), ['received', 'expire']);
    assert.deepEqual(await historyOf(), ['received', 'expire']);
  });

  it('moves the reminders and the expiry of a referral Partner Center re-dates', async () => {
    const later = EXPIRY.plus({ days: 7 });
    const redated = pcReferral({ updatedDateTime: '2026-11-24T08:00:00Z', expirationDateTime: later.toISO() });
    assert.deepEqual((await h.deliver(redated)).body, { received: [referralId], duplicates: [] });
    h.clock.now = EXPIRY.plus({ minutes: 2 });
    await h.tick();
    assert.deepEqual(await historyOf(), ['received', 'updated'], 'not expired at the old time');
    assert.equal(
      threadReplies().length,
      0,
      'the reminders of the new date are not due yet, and the nudge lapsed with the 24-hour target',
    );
    h.clock.now = later.plus({ minutes: 2 });
    await h.tick();
    assert.deepEqual(await historyOf(), ['received', 'updated', 'expire'], 'expired at the new time');
  });

  it('plans a change whose own planning a crash cut short, once the bot is back', async () => {
    // Alice accepts, and the process dies right after the referral is saved, before its plan is.
    await h.settle();
    const stored = (await h.services.referrals.get(referralId))!;
    const alice = { id: USERS.alice.aadObjectId, name: USERS.alice.name, teamsId: USERS.alice.id };
    const decision = decide(
      stored.record,
      { action: 'accept', input: { ...ACCEPT_FORM, dealValue: 30000 } },
      alice,
      h.clock.now,
    );
    assert.ok(!isDomainError(decision));
    await h.services.outbox.enqueue(referralId, h.clock.now.toISO()!);
    await h.services.referrals.save(stored, decision.record, decision.event);

    await h.restart();
    await h.settle();
    h.clock.now = EXPIRY.plus({ minutes: 2 });
    await h.tick();
    assert.deepEqual(await historyOf(), ['received', 'accept'], 'the old plan is gone: no expiry');
    // The deal's close date (15 Feb 2027) passes: its owner is asked, at 09:00 UTC the next day.
    h.clock.now = DateTime.fromISO('2027-02-16T09:01:00Z', { zone: 'utc' });
    await h.tick();
    const chat = h.connector
      .callsOf('create')
      .find((c) => JSON.stringify(c.body.members) === JSON.stringify([{ id: USERS.alice.id }]));
    assert.ok(chat, 'a chat with the owner was opened');
    assert.match(
      String(h.connector.callsOf('send', chat.answeredId).at(0)?.body.text),
      /The estimated close date of Contoso migration wave 1/,
    );
  });

  it('picks up work planned for a minute it has already passed', async () => {
    h.clock.advance({ minutes: 5 });
    await h.tick();
    // Partner Center moves a known referral's expiry into the past: the expiry is due in a
    // minute the scheduler has left behind. (One that had expired before it arrived is not taken.)
    const id = 'a1b2c3d4-0000-4000-8000-000000000003';
    assert.equal((await h.deliver(pcReferral({ id }))).status, 202);
    const moved = pcReferral({ id, updatedDateTime: '2026-11-23T09:04:00Z', expirationDateTime: '2026-11-15T08:00Z' });
    assert.equal((await h.deliver(moved)).status, 202);
    await h.settle();
    h.clock.advance({ minutes: 2 });
    await h.tick();
    assert.deepEqual(await historyOf(id), ['received', 'updated', 'expire']);
  });
});
