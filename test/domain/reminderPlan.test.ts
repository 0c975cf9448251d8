import assert from 'node:assert/strict';
import { DateTime, Duration } from 'luxon';
import type { LifecycleCommand } from '../../bot/domain/commands';
import { isDomainError } from '../../bot/domain/errors';
import { arrival } from '../../bot/domain/incoming';
import { decide } from '../../bot/domain/lifecycle';
import type { ReferralRecord } from '../../bot/domain/referral';
import { DEFAULT_REMINDER_POLICY, dueNow, planFor, type PlannedWork } from '../../bot/domain/reminderPlan';
import { deliveryTime, nextWorkingMoment, snoozeUntil, type WorkingHours } from '../../bot/domain/workingHours';
import { NOW, receivedRecord } from '../support/fixtures';

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const REP = { id: 'aad-rep', name: 'EMEA Rep' };
const hoursIn = (timeZone: string): WorkingHours => ({ timeZone, start: '09:00', end: '17:30', days: [1, 2, 3, 4, 5] });
const summary = (plan: PlannedWork[]) => plan.map((w) => `${w.kind}@${w.dueAt.toISO()}`);

/** The fixture referral: created 2026-11-23T08:00Z, expires 2026-12-07T08:00Z. */
describe('reminder plan', () => {
  it('plans the nudge, the reminders, the escalation and the expiry of a new referral, in order', () => {
    assert.deepEqual(summary(planFor(receivedRecord(), DEFAULT_REMINDER_POLICY)), [
      'responseNudge@2026-11-24T04:00:00.000Z',
      'deadlineReminder@2026-12-04T08:00:00.000Z',
      'deadlineReminder@2026-12-06T08:00:00.000Z',
      'escalation@2026-12-06T08:00:00.000Z',
      'deadlineReminder@2026-12-07T04:00:00.000Z',
      'expire@2026-12-07T08:00:00.000Z',
    ]);
  });

  it('leaves out what would fall before the referral arrived', () => {
    const short = receivedRecord({ expirationDateTime: '2026-11-24T20:00:00.000Z' });
    // Created at 08:00 with 36 hours left: the 3-day reminder would have been due before it arrived.
    assert.deepEqual(summary(planFor(short, DEFAULT_REMINDER_POLICY)), [
      'deadlineReminder@2026-11-23T20:00:00.000Z',
      'escalation@2026-11-23T20:00:00.000Z',
      'responseNudge@2026-11-24T04:00:00.000Z',
      'deadlineReminder@2026-11-24T16:00:00.000Z',
      'expire@2026-11-24T20:00:00.000Z',
    ]);
  });

  it('follows the two-step windows, and changes its keys when the deadline moves', () => {
    const twoStep = arrival(receivedRecord().referral, NOW, 'twoStep').record;
    const plan = planFor(twoStep, DEFAULT_REMINDER_POLICY);
    assert.equal(plan.at(-1)?.dueAt.toISO(), '2026-11-26T08:00:00.000Z', '72 hours to show interest');
    const result = decide(twoStep, { action: 'interested' }, REP, NOW);
    assert.ok(!isDomainError(result));
    const evaluating = planFor(result.record, DEFAULT_REMINDER_POLICY);
    assert.equal(evaluating.at(-1)?.dueAt.toISO(), '2026-11-30T09:00:00.000Z', '7 days to accept or decline');
    assert.ok(!evaluating.some((w) => w.kind === 'responseNudge'), 'someone already answered');
    const oldKeys = new Set(plan.map((w) => w.key));
    assert.ok(evaluating.every((w) => !oldKeys.has(w.key)), 'moved work is new work');
  });

  it('keeps its keys while nothing moves, so done work stays done', () => {
    const a = planFor(receivedRecord(), DEFAULT_REMINDER_POLICY).map((w) => w.key);
    const b = planFor(receivedRecord({ name: 'Renamed' }), DEFAULT_REMINDER_POLICY).map((w) => w.key);
    assert.deepEqual(a, b);
    assert.equal(new Set(a).size, a.length, 'keys are unique');
  });

  it('plans nothing for a decided referral but a stale reminder once an open deal\'s close date has passed', () => {
    const accept: LifecycleCommand = {
      action: 'accept',
      input: { dealName: 'Contoso', dealValue: 1000, currency: 'EUR', closingDate: '2027-01-31', notes: 'n' },
    };
    const accepted = decide(receivedRecord(), accept, REP, NOW);
    assert.ok(!isDomainError(accepted));
    assert.deepEqual(summary(planFor(accepted.record, DEFAULT_REMINDER_POLICY)), ['staleDeal@2027-02-01T00:00:00.000Z']);
    const declined = decide(receivedRecord(), { action: 'decline', input: { reason: 'other' } }, REP, NOW);
    assert.ok(!isDomainError(declined));
    assert.deepEqual(planFor(declined.record, DEFAULT_REMINDER_POLICY), []);
  });

  describe('what is due now', () => {
    const plan = planFor(receivedRecord(), DEFAULT_REMINDER_POLICY);
    it('runs each due item once', () => {
      const at = utc('2026-11-24T05:00:00Z');
      assert.deepEqual(summary(dueNow(plan, new Set(), at)), ['responseNudge@2026-11-24T04:00:00.000Z']);
      assert.deepEqual(dueNow(plan, new Set([plan[0].key]), at), []);
    });

    it('after downtime, sends only the latest overdue reminder, with the escalation', () => {
      const at = utc('2026-12-06T09:00:00Z');
      const done = new Set([plan[0].key]);
      assert.deepEqual(summary(dueNow(plan, done, at)), ['deadlineReminder@2026-12-06T08:00:00.000Z', 'escalation@2026-12-06T08:00:00.000Z']);
    });

    it('once the deadline has passed, only expires it, however late', () => {
      assert.deepEqual(summary(dueNow(plan, new Set(), utc('2027-01-30T00:00:00Z'))), ['expire@2026-12-07T08:00:00.000Z']);
    });
  });
});

describe('working hours and quiet hours', () => {
  /** [zone, a UTC instant on or next to a DST change, where it is delivered]. */
  const CASES: [string, string, string, string][] = [
    ['Europe/Berlin', 'night before spring forward (Mon 29 Mar 2027 01:30 local)', '2027-03-28T23:30:00Z', '2027-03-29T07:00:00.000Z'],
    ['Europe/Berlin', 'Friday evening before the autumn change', '2027-10-29T18:00:00Z', '2027-11-01T08:00:00.000Z'],
    ['America/New_York', 'Sunday of the autumn change (7 Nov 2027)', '2027-11-07T06:30:00Z', '2027-11-08T14:00:00.000Z'],
    ['America/New_York', 'Monday after spring forward, inside working hours', '2027-03-15T14:00:00Z', '2027-03-15T14:00:00.000Z'],
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

  it('delivers every reminder of a referral spanning a DST change once, inside working hours', () => {
    // Berlin moves its clocks on Sunday 28 March 2027; the referral's 14 days span it.
    const record: ReferralRecord = receivedRecord({ createdDateTime: '2027-03-20T10:00:00.000Z', expirationDateTime: '2027-04-03T10:00:00.000Z' });
    const deadline = utc('2027-04-03T10:00:00Z');
    const plan = planFor(record, DEFAULT_REMINDER_POLICY).filter((w) => w.kind !== 'expire');
    const delivered = plan.map((w) => deliveryTime(w.dueAt, hoursIn('Europe/Berlin'), deadline));
    assert.equal(new Set(plan.map((w) => w.key)).size, plan.length, 'each reminder planned once');
    for (const [i, at] of delivered.entries()) {
      const local = at.setZone('Europe/Berlin');
      const minutes = local.hour * 60 + local.minute;
      const inside = local.weekday <= 5 && minutes >= 9 * 60 && minutes < 17 * 60 + 30;
      assert.ok(inside || +at === +plan[i].dueAt, `${plan[i].kind} delivered at ${local.toISO()}`);
      assert.ok(at >= plan[i].dueAt, 'never before it is due');
    }
    // The 3-day reminder falls on Wednesday 31 March 10:00 UTC = 12:00 CEST, after the change.
    assert.equal(delivered[1].setZone('Europe/Berlin').toFormat('ccc HH:mm'), 'Wed 12:00');
  });

  describe('snooze', () => {
    const hours = hoursIn('America/New_York');
    const now = utc('2027-03-13T20:00:00Z');
    const far = now.plus({ days: 5 });
    it('comes back in 1 or 4 hours, or tomorrow at the start of the working day in the user\'s zone (across the spring change)', () => {
      assert.equal(snoozeUntil('oneHour', now, hours, far).toISO(), '2027-03-13T21:00:00.000Z');
      assert.equal(snoozeUntil('fourHours', now, hours, far).toISO(), '2027-03-14T00:00:00.000Z');
      // Sunday 14 March 2027 09:00 in New York is already daylight time (UTC-4).
      assert.equal(snoozeUntil('tomorrowMorning', now, hours, far).toISO(), '2027-03-14T13:00:00.000Z');
    });

    it('never pushes a reminder past the deadline', () => {
      const deadline = now.plus({ hours: 2 });
      assert.equal(snoozeUntil('fourHours', now, hours, deadline).toISO(), deadline.minus(Duration.fromObject({ minutes: 30 })).toISO());
      assert.equal(snoozeUntil('oneHour', now, hours, now.plus({ minutes: 10 })).toISO(), now.toISO());
    });
  });
});
