import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { runScheduledWork } from '../../bot/jobs/runScheduledWork';
import { Scheduler, type WorkRunner } from '../../bot/jobs/scheduler';
import { quietLogger } from '../../bot/log';
import { BotHarness } from '../support/botHarness';
import { pcReferral } from '../support/fixtures';
import { CHANNELS } from '../support/teamsActivities';
import { acceptAsAlice, cardText, deliverAndAwaitCard, installAndLink } from '../e2e/flows';

/** The fixture referral expires at 2026-12-07T08:00Z. */
const EXPIRY = DateTime.fromISO('2026-12-07T08:00:00.000Z', { zone: 'utc' });

describe('scheduled expiry (Azurite, Bot Connector stand-in, test clock)', () => {
  let h: BotHarness;
  let referralId: string;
  let activityId: string;

  const historyOf = async (id = referralId) => (await h.services.referrals.history(id)).map((e) => e.action);
  /** Another bot instance's scheduler on the same storage. */
  const otherInstance = (run: WorkRunner = (work) => runScheduledWork(h.services, work)) =>
    new Scheduler({ schedule: h.services.schedule, clock: h.clock.read, log: quietLogger, run }, { instanceId: 'other-instance' });

  beforeEach(async () => {
    h = await new BotHarness().start();
    await installAndLink(h, CHANNELS.emea, 'emea');
    ({ id: referralId, activityId } = await deliverAndAwaitCard(h, CHANNELS.emea));
  });
  afterEach(async () => h.stop());

  it('expires an unanswered referral once its expiry minute is over, updates the card for everyone, and only once', async () => {
    h.clock.now = EXPIRY.minus({ minutes: 1 });
    assert.equal(await h.tick(), 0, 'nothing is due before the expiry');
    h.clock.now = EXPIRY.plus({ minutes: 1, seconds: 5 });
    assert.equal(await h.tick(), 1);

    const { record } = (await h.services.referrals.get(referralId))!;
    assert.equal(`${record.referral.status}/${record.referral.substatus}`, 'Closed/Expired');
    assert.deepEqual(await historyOf(), ['received', 'expire']);
    await h.settle();
    const update = h.connector.calls.filter((c) => c.kind === 'update' && c.activityId === activityId).at(-1)!;
    assert.match(cardText(update), /Expired unanswered/);

    h.clock.advance({ minutes: 5 });
    assert.equal(await h.tick(), 0);
    assert.deepEqual(await historyOf(), ['received', 'expire']);
  });

  it('does not expire a referral that was answered: its plan changed with it', async () => {
    await acceptAsAlice(h, CHANNELS.emea, activityId, referralId);
    h.clock.now = EXPIRY.plus({ hours: 1 });
    assert.equal(await h.tick(), 0);
    assert.deepEqual(await historyOf(), ['received', 'accept']);
  });

  it('runs each expiry once when two instances tick at the same time', async () => {
    h.clock.now = EXPIRY.plus({ minutes: 2 });
    const others = ['second', 'third'].map(
      (instanceId) => new Scheduler({ schedule: h.services.schedule, clock: h.clock.read, log: quietLogger, run: (work) => runScheduledWork(h.services, work) }, { instanceId }),
    );
    const results = await Promise.all([h.tick(), ...others.map((other) => other.tick())]);
    assert.equal(results.reduce((a, b) => a + b, 0), 1);
    assert.deepEqual(await historyOf(), ['received', 'expire']);
  });

  it('runs the work once when an instance dies between claiming it and running it', async () => {
    h.clock.now = EXPIRY.plus({ minutes: 2 });
    await h.services.scheduler.stop();
    let claimed!: () => void;
    const sawClaim = new Promise<void>((resolve) => (claimed = resolve));
    // The dying instance claims the expiry, then never gets to run it.
    const dying = otherInstance(() => {
      claimed();
      return new Promise(() => undefined);
    });
    void dying.tick();
    await sawClaim;
    assert.deepEqual(await historyOf(), ['received']);

    const survivor = new Scheduler({ schedule: h.services.schedule, clock: h.clock.read, log: quietLogger, run: (work) => runScheduledWork(h.services, work) }, { instanceId: 'survivor' });
    assert.equal(await survivor.tick(), 0, "the lease and the claim are still the dead instance's");
    h.clock.advance({ minutes: 3 });
    assert.equal(await survivor.tick(), 1, 'taken over once they ran out');
    assert.deepEqual(await historyOf(), ['received', 'expire']);
    h.clock.advance({ minutes: 3 });
    assert.equal(await survivor.tick(), 0);
  });

  it('after downtime, runs missed work once on start, in due order, however late', async () => {
    const second = pcReferral({ id: 'a1b2c3d4-0000-4000-8000-000000000002', expirationDateTime: '2026-12-06T08:00:00Z' });
    assert.equal((await h.deliver(second)).status, 202);
    const order: string[] = [];
    const recording = otherInstance(async (work) => {
      order.push(work.referralId);
      return runScheduledWork(h.services, work);
    });
    await h.services.scheduler.stop();
    h.clock.now = EXPIRY.plus({ days: 10 });
    h.clock.advance({ minutes: 3 }); // past the lease of the instance that stopped
    assert.equal(await recording.tick(), 2);
    assert.deepEqual(order, ['a1b2c3d4-0000-4000-8000-000000000002', referralId]);
    assert.deepEqual(await historyOf('a1b2c3d4-0000-4000-8000-000000000002'), ['received', 'expire']);
    assert.deepEqual(await historyOf(), ['received', 'expire']);
  });

  it('picks up work planned for a minute it has already passed', async () => {
    h.clock.advance({ minutes: 5 });
    await h.tick();
    // Delivered after its expiry: the expiry is due in a minute the scheduler has left behind.
    const late = pcReferral({ id: 'a1b2c3d4-0000-4000-8000-000000000003', createdDateTime: '2026-11-01T08:00:00Z', expirationDateTime: '2026-11-15T08:00:00Z' });
    assert.equal((await h.deliver(late)).status, 202);
    h.clock.advance({ minutes: 2 });
    assert.equal(await h.tick(), 1);
    assert.deepEqual(await historyOf('a1b2c3d4-0000-4000-8000-000000000003'), ['received', 'expire']);
  });
});
