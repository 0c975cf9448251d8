import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { DEFAULT_DIGEST_TIME, digestPlan } from '../../bot/domain/digestSchedule';

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const plan = (now: string, timeZone: string, time = DEFAULT_DIGEST_TIME) =>
  digestPlan(time, { timeZone }, utc(now)).map((w) => `${w.key}@${w.dueAt.toISO()}`);

describe("the weekly digest's schedule", () => {
  it("is Monday 09:00 in the manager's zone, the next one and the one after", () => {
    // Tuesday 1 December 2026: the next Monday is 7 December.
    assert.deepEqual(plan('2026-12-01T10:00:00Z', 'Europe/Berlin'), [
      'digest:2026-W50@2026-12-07T08:00:00.000Z',
      'digest:2026-W51@2026-12-14T08:00:00.000Z',
    ]);
    assert.deepEqual(plan('2026-12-01T10:00:00Z', 'America/Los_Angeles'), [
      'digest:2026-W50@2026-12-07T17:00:00.000Z',
      'digest:2026-W51@2026-12-14T17:00:00.000Z',
    ]);
  });

  it("is this week's when its time has not come yet, and next week's once it has", () => {
    assert.deepEqual(plan('2026-12-07T07:59:00Z', 'Europe/Berlin')[0], 'digest:2026-W50@2026-12-07T08:00:00.000Z');
    assert.deepEqual(plan('2026-12-07T08:00:00Z', 'Europe/Berlin')[0], 'digest:2026-W51@2026-12-14T08:00:00.000Z');
  });

  it('keeps the local time across a change of the clocks', () => {
    // Berlin moves its clocks on Sunday 28 March 2027: 09:00 is 08:00 UTC before, 07:00 UTC after.
    assert.deepEqual(plan('2027-03-23T12:00:00Z', 'Europe/Berlin'), [
      'digest:2027-W13@2027-03-29T07:00:00.000Z',
      'digest:2027-W14@2027-04-05T07:00:00.000Z',
    ]);
    assert.deepEqual(plan('2027-10-26T12:00:00Z', 'America/New_York'), [
      'digest:2027-W44@2027-11-01T13:00:00.000Z',
      'digest:2027-W45@2027-11-08T14:00:00.000Z',
    ]);
  });

  it('keys each digest by its week, so moving the day within a week brings no second one', () => {
    // Monday's digest of week 50 goes at 09:00; at 09:30 the manager moves theirs to Thursdays.
    const monday = digestPlan(DEFAULT_DIGEST_TIME, { timeZone: 'UTC' }, utc('2026-12-07T08:00:00Z'));
    const thursday = digestPlan({ day: 4, time: '16:30' }, { timeZone: 'UTC' }, utc('2026-12-07T09:30:00Z'));
    assert.equal(thursday[0].dueAt.toISO(), '2026-12-10T16:30:00.000Z');
    assert.equal(thursday[0].key, monday[0].key, 'the same week: already sent, so not sent again');
    assert.equal(thursday[1].key, 'digest:2026-W51');
  });
});
