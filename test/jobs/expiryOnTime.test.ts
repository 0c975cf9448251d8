import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { BotHarness } from '../support/botHarness';
import { botWithEmeaCard, cardText } from '../e2e/flows';

/** A deadline twenty seconds into a minute. */
const DEADLINE = DateTime.fromISO('2026-12-07T08:00:20.000Z', { zone: 'utc' });

describe('expiry at the first tick after the deadline (HTTP, Azurite, test clock)', () => {
  let h: BotHarness;
  let referralId: string;
  let activityId: string;

  beforeEach(async () => {
    ({ h, referralId, activityId } = await botWithEmeaCard({ expirationDateTime: DEADLINE.toISO() }));
  });
  afterEach(async () => h.stop());

  const statusOf = async () => {
    const { record } = (await h.services.referrals.get(referralId))!;
    return `${record.referral.status}/${record.referral.substatus}`;
  };

  it('expires a referral at the first tick at or after its deadline, inside the minute, and the card says so', async () => {
    h.clock.now = DEADLINE.minus({ seconds: 1 });
    await h.tick();
    assert.doesNotMatch(await statusOf(), /Expired/, 'a tick a second early leaves it open');
    const history = async () => (await h.services.referrals.history(referralId)).map((e) => e.action);
    assert.deepEqual(await history(), ['received']);

    h.clock.now = DEADLINE.plus({ seconds: 1 });
    await h.tick();
    assert.equal(await statusOf(), 'Closed/Expired', 'expired 1 s after its deadline, 39 s before its minute is over');
    await h.settle();
    const update = h.connector.calls.filter((c) => c.kind === 'update' && c.activityId === activityId).at(-1);
    assert.ok(update, 'the card was updated');
    assert.match(cardText(update), /Expired unanswered/);

    // Once the minute is over, its bucket is read again: the expiry is done and runs no more.
    h.clock.now = DEADLINE.plus({ minutes: 1 });
    await h.tick();
    assert.deepEqual(await history(), ['received', 'expire']);
  });
});
