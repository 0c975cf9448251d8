import assert from 'node:assert/strict';
import { Duration } from 'luxon';
import { deliveryTime, nextWorkingMoment, snoozeUntil } from '../../../bot/domain/workingHours';
import { hoursIn, utc } from './fixtures';

describe('working hours and quiet hours', () => {
  /** [zone, a UTC instant on or next to a DST change, where it is delivered]. */
  const CASES: [string, string, string, string][] = [
    [
      'Europe/Berlin',
      'night before spring forward (Mon 29 Mar 2027 01:30 local)',
      '2027-03-28T23:30:00Z',
      '2027-03-29T07:00:00.000Z',
    ],
    ['Europe/Berlin', 'Friday evening before the autumn change', '2027-10-29T18:00:00Z', '2027-11-01T08:00:00.000Z'],
    [
      'America/New_York',
      'Sunday of the autumn change (7 Nov 2027)',
      '2027-11-07T06:30:00Z',
      '2027-11-08T14:00:00.000Z',
    ],
    [
      'America/New_York',
      'Monday after spring forward, inside working hours',
      '2027-03-15T14:00:00Z',
      '2027-03-15T14:00:00.000Z',
    ],
    ['Australia/Sydney', 'Saturday of the April change', '2027-04-03T10:00:00Z', '2027-04-04T23:00:00.000Z'],
    ['Asia/Kolkata', 'a zone without DST, late evening', '2027-03-29T16:00:00Z', '2027-03-30T03:30:00.000Z'],
  ];
  for (const [zone, when, due, expected] of CASES) {
    it(`${zone}: ${when} → the next working morning, in local time`, () => {
      assert.equal(nextWorkingMoment(utc(due), hoursIn(zone)).toISO(), expected);
      assert.equal(nextWorkingMoment(utc(expected), hoursIn(zone)).toISO(), expected, 'a working moment stays put');
    });
  }

  it('does not hold a message back past its deadline', () => {
    const due = utc('2027-03-28T23:30:00Z');
    assert.equal(deliveryTime(due, hoursIn('Europe/Berlin')).toISO(), '2027-03-29T07:00:00.000Z');
    assert.equal(deliveryTime(due, hoursIn('Europe/Berlin'), utc('2027-03-29T05:00:00Z')).toISO(), due.toISO());
  });

  describe('snooze', () => {
    const hours = hoursIn('America/New_York');
    const now = utc('2027-03-13T20:00:00Z');
    const far = now.plus({ days: 5 });
    it("comes back in 1 or 4 hours, or tomorrow at the start of the working day in the user's zone (across the spring change)", () => {
      assert.equal(snoozeUntil('oneHour', now, hours, far).toISO(), '2027-03-13T21:00:00.000Z');
      assert.equal(snoozeUntil('fourHours', now, hours, far).toISO(), '2027-03-14T00:00:00.000Z');
      // Sunday 14 March 2027 09:00 in New York is already daylight time (UTC-4).
      assert.equal(snoozeUntil('tomorrowMorning', now, hours, far).toISO(), '2027-03-14T13:00:00.000Z');
      assert.equal(
        snoozeUntil('fourHours', now, hours).toISO(),
        '2027-03-14T00:00:00.000Z',
        'a deal has no deadline to stop at',
      );
    });

    it('never pushes a reminder past the deadline', () => {
      const deadline = now.plus({ hours: 2 });
      assert.equal(
        snoozeUntil('fourHours', now, hours, deadline).toISO(),
        deadline.minus(Duration.fromObject({ minutes: 30 })).toISO(),
      );
      assert.equal(snoozeUntil('oneHour', now, hours, now.plus({ minutes: 10 })).toISO(), now.toISO());
    });
  });
});
