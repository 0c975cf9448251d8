import assert from 'node:assert/strict';
import { DateTime, Duration } from 'luxon';
import type { LifecycleCommand } from '../../bot/domain/commands';
import { isDomainError } from '../../bot/domain/errors';
import { arrival } from '../../bot/domain/incoming';
import { decide } from '../../bot/domain/lifecycle';
import type { Actor, ReferralRecord } from '../../bot/domain/referral';
import {
  DEFAULT_REMINDER_POLICY,
  dueNow,
  planFor,
  type PlanAudience,
  type PlannedWork,
} from '../../bot/domain/reminderPlan';
import { deliveryTime, nextWorkingMoment, snoozeUntil, type WorkingHours } from '../../bot/domain/workingHours';
import { NOW, receivedRecord } from '../support/fixtures';

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const REP: Actor = { id: 'aad-rep', name: 'EMEA Rep', teamsId: '29:rep' };
const hoursIn = (timeZone: string): WorkingHours => ({ timeZone, start: '09:00', end: '17:30', days: [1, 2, 3, 4, 5] });
const summary = (plan: PlannedWork[]) =>
  plan.map((w) => `${w.kind}@${w.dueAt.toISO()}${w.recipient ? `→${w.recipient}` : ''}`);
/** Nobody to escalate to, and everyone at work around the clock. */
const NOBODY: PlanAudience = {
  managers: [],
  hoursOf: () => ({ timeZone: 'UTC', start: '00:00', end: '23:59', days: [1, 2, 3, 4, 5, 6, 7] }),
  turnedOff: () => [],
};
/** One manager of the region, in UTC around the clock. */
const MANAGED: PlanAudience = { ...NOBODY, managers: ['aad-manager'] };
/** People by where they work: each id names a zone, with weekday office hours there. */
const ZONES: Record<string, string> = {
  'aad-rep': 'Europe/Berlin',
  'aad-berlin': 'Europe/Berlin',
  'aad-newyork': 'America/New_York',
  'aad-sydney': 'Australia/Sydney',
};
const officeHours = (managers: string[] = []): PlanAudience => ({
  managers,
  hoursOf: (id) => hoursIn(ZONES[id] ?? 'UTC'),
  turnedOff: () => [],
});

function decided(record: ReferralRecord, command: LifecycleCommand, actor: Actor, now: DateTime): ReferralRecord {
  const result = decide(record, command, actor, now);
  if (isDomainError(result)) assert.fail(JSON.stringify(result));
  return result.record;
}

const ACCEPT: LifecycleCommand = {
  action: 'accept',
  input: { dealName: 'Contoso', dealValue: 1000, currency: 'EUR', closingDate: '2027-01-31', notes: 'n' },
};

/** Evaluating in the two-step flow: REP said Interested at `interestedAt`. */
function evaluating(createdDateTime: string, interestedAt: DateTime): ReferralRecord {
  const base = receivedRecord({
    createdDateTime,
    expirationDateTime: utc(createdDateTime).plus({ days: 14 }).toISO()!,
    details: { ...receivedRecord().referral.details, customerRequestedContact: false },
  });
  return decided(arrival(base.referral, interestedAt, 'twoStep').record, { action: 'interested' }, REP, interestedAt);
}

/** The fixture referral: created Monday 2026-11-23T08:00Z, expires Monday 2026-12-07T08:00Z; the customer asked to be contacted. */
describe('reminder plan', () => {
  it('plans the nudge, the reminders, the escalation, the contact-flag refresh and the expiry of a new referral, in order', () => {
    assert.deepEqual(summary(planFor(receivedRecord(), DEFAULT_REMINDER_POLICY, MANAGED)), [
      'responseNudge@2026-11-24T04:00:00.000Z',
      'cardRefresh@2026-11-26T08:00:00.000Z',
      'deadlineReminder@2026-12-04T08:00:00.000Z',
      'deadlineReminder@2026-12-06T08:00:00.000Z',
      'escalation@2026-12-06T08:00:00.000Z→aad-manager',
      'deadlineReminder@2026-12-07T04:00:00.000Z',
      'expire@2026-12-07T08:00:00.000Z',
    ]);
  });

  it('leaves out what would fall before the referral arrived or after its deadline', () => {
    const short = receivedRecord({ expirationDateTime: '2026-11-24T20:00:00.000Z' });
    // Created at 08:00 with 36 hours left: the 3-day reminder would have been due before it
    // arrived, and the contact flag ages after it has expired.
    assert.deepEqual(summary(planFor(short, DEFAULT_REMINDER_POLICY, MANAGED)), [
      'deadlineReminder@2026-11-23T20:00:00.000Z',
      'escalation@2026-11-23T20:00:00.000Z→aad-manager',
      'responseNudge@2026-11-24T04:00:00.000Z',
      'deadlineReminder@2026-11-24T16:00:00.000Z',
      'expire@2026-11-24T20:00:00.000Z',
    ]);
  });

  it('leaves out the direct messages their recipients turned off, but never a reminder someone snoozed', () => {
    const interested = decided(
      decided(arrival(receivedRecord().referral, NOW, 'twoStep').record, { action: 'interested' }, REP, NOW),
      { action: 'snooze', input: { until: '2026-11-24T10:00:00.000Z' } },
      REP,
      NOW,
    );
    const quiet: PlanAudience = {
      ...NOBODY,
      managers: ['aad-manager'],
      turnedOff: (id) => (id === REP.id ? ['reminders'] : ['escalations']),
    };
    const kinds = planFor(interested, DEFAULT_REMINDER_POLICY, quiet)
      .filter((w) => w.recipient)
      .map((w) => w.kind);
    assert.deepEqual(kinds, ['snoozed']);
    const accepted = decided(receivedRecord(), ACCEPT, REP, NOW);
    assert.ok(
      !planFor(accepted, DEFAULT_REMINDER_POLICY, { ...NOBODY, turnedOff: () => ['staleDeals'] }).some(
        (w) => w.kind === 'staleDeal',
      ),
    );
  });

  it('escalates to each manager once, however often the region lists them', () => {
    const plan = planFor(receivedRecord(), DEFAULT_REMINDER_POLICY, {
      ...NOBODY,
      managers: ['aad-a', 'aad-b', 'aad-a'],
    });
    assert.deepEqual(
      plan.filter((w) => w.kind === 'escalation').map((w) => w.recipient),
      ['aad-a', 'aad-b'],
    );
  });

  it('follows the two-step windows, reminds whoever said Interested directly, and changes its keys when the deadline moves', () => {
    const twoStep = arrival(receivedRecord().referral, NOW, 'twoStep').record;
    const plan = planFor(twoStep, DEFAULT_REMINDER_POLICY, NOBODY);
    assert.equal(plan.at(-1)?.dueAt.toISO(), '2026-11-26T08:00:00.000Z', '72 hours to show interest');
    assert.ok(!plan.some((w) => w.recipient), 'nobody to remind directly before someone is interested');
    const interested = decided(twoStep, { action: 'interested' }, REP, NOW);
    const evaluatingPlan = planFor(interested, DEFAULT_REMINDER_POLICY, NOBODY);
    assert.deepEqual(summary(evaluatingPlan), [
      'cardRefresh@2026-11-26T08:00:00.000Z',
      'deadlineReminder@2026-11-27T09:00:00.000Z',
      'deadlineDm@2026-11-27T09:00:00.000Z→aad-rep',
      'deadlineReminder@2026-11-29T09:00:00.000Z',
      'deadlineDm@2026-11-29T09:00:00.000Z→aad-rep',
      'deadlineReminder@2026-11-30T05:00:00.000Z',
      'deadlineDm@2026-11-30T05:00:00.000Z→aad-rep',
      'expire@2026-11-30T09:00:00.000Z',
    ]);
    const oldKeys = new Set(plan.map((w) => w.key));
    assert.ok(
      evaluatingPlan.every((w) => !oldKeys.has(w.key)),
      'moved work is new work',
    );
  });

  it('keeps its keys while nothing moves, so done work stays done', () => {
    const a = planFor(receivedRecord(), DEFAULT_REMINDER_POLICY, MANAGED).map((w) => w.key);
    const b = planFor(receivedRecord({ name: 'Renamed' }), DEFAULT_REMINDER_POLICY, officeHours(['aad-manager'])).map(
      (w) => w.key,
    );
    assert.deepEqual(new Set(a), new Set(b), 'the same work, whatever the working hours');
    assert.equal(new Set(a).size, a.length, 'keys are unique');
  });

  it('plans nothing for a closed referral, and for an accepted deal a reminder to its owner once the close date has passed', () => {
    const accepted = decided(receivedRecord(), ACCEPT, REP, NOW);
    assert.deepEqual(summary(planFor(accepted, DEFAULT_REMINDER_POLICY, MANAGED)), [
      'cardRefresh@2026-11-26T08:00:00.000Z',
      'staleDeal@2027-02-01T00:00:00.000Z→aad-rep',
    ]);
    // Monday 1 February 2027, 00:00 UTC is 01:00 in Berlin: the owner hears of it at 09:00 there.
    assert.equal(
      planFor(accepted, DEFAULT_REMINDER_POLICY, officeHours())
        .find((w) => w.kind === 'staleDeal')
        ?.dueAt.toISO(),
      '2027-02-01T08:00:00.000Z',
    );
    const moved = decided(accepted, { action: 'moveCloseDate', input: { closingDate: '2027-03-15' } }, REP, NOW);
    const stale = planFor(moved, DEFAULT_REMINDER_POLICY, NOBODY).find((w) => w.kind === 'staleDeal')!;
    assert.equal(stale.dueAt.toISO(), '2027-03-16T00:00:00.000Z', 'moving the close date moves the reminder');
    assert.notEqual(
      stale.key,
      planFor(accepted, DEFAULT_REMINDER_POLICY, NOBODY).find((w) => w.kind === 'staleDeal')!.key,
    );
    assert.deepEqual(
      planFor(
        decided(receivedRecord(), { action: 'decline', input: { reason: 'other' } }, REP, NOW),
        DEFAULT_REMINDER_POLICY,
        MANAGED,
      ),
      [],
    );
  });

  describe('quiet hours', () => {
    it("holds a direct message for its recipient's working hours, unless waiting would reach the deadline", () => {
      // Said Interested on Monday 23 Nov 09:00 UTC: 7 days to accept or decline, until Monday 30 Nov 09:00 UTC.
      const record = evaluating('2026-11-23T08:00:00.000Z', NOW);
      const plan = planFor(record, DEFAULT_REMINDER_POLICY, officeHours(['aad-newyork']));
      assert.deepEqual(summary(plan.filter((w) => w.recipient)), [
        // Friday 10:00 in Berlin: at once.
        'deadlineDm@2026-11-27T09:00:00.000Z→aad-rep',
        // Sunday 04:00 in New York: Monday 09:00 there would be after the deadline, so it goes now.
        'escalation@2026-11-29T09:00:00.000Z→aad-newyork',
        // Sunday 10:00 and Monday 06:00 in Berlin: both wait for Monday 09:00 there, before the deadline.
        'deadlineDm@2026-11-30T08:00:00.000Z→aad-rep',
        'deadlineDm@2026-11-30T08:00:00.000Z→aad-rep',
      ]);
      // Both due at once on Monday morning: only the later one is sent.
      const monday = plan.filter((w) => w.kind === 'deadlineDm' && +w.dueAt === +utc('2026-11-30T08:00:00Z'));
      assert.deepEqual(
        dueNow(plan, new Set([plan.find((w) => w.kind === 'deadlineDm')!.key]), utc('2026-11-30T08:00:00Z')).filter(
          (w) => w.kind === 'deadlineDm',
        ),
        [monday[1]],
      );
      // The thread replies are not held: the channel is not one person's.
      assert.equal(
        plan.find((w) => w.kind === 'deadlineReminder' && w.key.startsWith('deadlineReminder:P1D'))?.dueAt.toISO(),
        '2026-11-29T09:00:00.000Z',
      );
    });

    it('plans each direct message of a referral spanning DST changes once, at the first working moment in each zone', () => {
      // Evaluating from Wednesday 24 March 2027, 11:00 UTC, until Wednesday 31 March: Berlin moves
      // its clocks on Sunday 28 March, New York moved them on 14 March, Sydney moves them back on 4 April.
      const record = evaluating('2027-03-24T10:00:00.000Z', utc('2027-03-24T11:00:00Z'));
      const managers = ['aad-berlin', 'aad-newyork', 'aad-sydney'];
      const audience = officeHours(managers);
      const plan = planFor(record, DEFAULT_REMINDER_POLICY, audience);
      const nominal = new Map(
        planFor(record, DEFAULT_REMINDER_POLICY, { ...NOBODY, managers }).map((w) => [w.key, w.dueAt]),
      );
      const deadline = utc('2027-03-31T11:00:00Z');
      const direct = plan.filter((w) => w.recipient);
      assert.equal(
        direct.length,
        3 + managers.length,
        'three reminders to the interested rep, one escalation per manager',
      );
      assert.equal(new Set(direct.map((w) => w.key)).size, direct.length, 'none planned twice');
      for (const work of direct) {
        const due = nominal.get(work.key)!;
        assert.ok(work.dueAt >= due, `${work.key} not before it is due`);
        const first = nextWorkingMoment(due, audience.hoursOf(work.recipient!));
        assert.equal(work.dueAt.toISO(), (first < deadline ? first : due).toISO(), work.key);
      }
      const at = (key: string) => direct.find((w) => w.key.startsWith(key))!.dueAt.toISO();
      // 3 days before: Sunday 28 March 11:00 UTC, the day Berlin changes; Monday 09:00 CEST is 07:00 UTC.
      assert.equal(at('deadlineDm:P3D'), '2027-03-29T07:00:00.000Z');
      // The escalation is due Tuesday 30 March 11:00 UTC: 13:00 in Berlin (at once), 07:00 EDT in
      // New York (09:00 EDT = 13:00 UTC), 22:00 AEDT in Sydney (Wednesday 09:00 AEDT = 22:00 UTC).
      assert.equal(at('escalation:evaluating:2027-03-31T11:00:00.000Z:aad-berlin'), '2027-03-30T11:00:00.000Z');
      assert.equal(at('escalation:evaluating:2027-03-31T11:00:00.000Z:aad-newyork'), '2027-03-30T13:00:00.000Z');
      assert.equal(at('escalation:evaluating:2027-03-31T11:00:00.000Z:aad-sydney'), '2027-03-30T22:00:00.000Z');
    });
  });

  describe('snoozes', () => {
    const snoozed = (record: ReferralRecord, by: Actor, until: string, now = NOW) =>
      decided(record, { action: 'snooze', input: { until } }, by, now);

    it('brings a snoozed reminder back to whoever snoozed it, in their working hours, and one snooze per person', () => {
      // Monday 23 Nov, 19:00 in Berlin: back on Tuesday at 09:00 there.
      const once = snoozed(receivedRecord(), REP, '2026-11-23T18:00:00.000Z');
      const twice = snoozed(once, REP, '2026-11-24T12:00:00.000Z');
      const other = snoozed(twice, { id: 'aad-newyork', name: 'Americas Rep' }, '2026-11-24T12:00:00.000Z');
      assert.deepEqual(
        summary(planFor(once, DEFAULT_REMINDER_POLICY, officeHours()).filter((w) => w.kind === 'snoozed')),
        ['snoozed@2026-11-24T08:00:00.000Z→aad-rep'],
      );
      assert.deepEqual(
        summary(planFor(other, DEFAULT_REMINDER_POLICY, officeHours()).filter((w) => w.kind === 'snoozed')),
        [
          'snoozed@2026-11-24T12:00:00.000Z→aad-rep',
          // 07:00 in New York: at 09:00 there.
          'snoozed@2026-11-24T14:00:00.000Z→aad-newyork',
        ],
      );
    });

    it('is dropped when the referral moves on, or the close date it was about moves', () => {
      const received = snoozed(receivedRecord(), REP, '2026-11-23T18:00:00.000Z');
      const accepted = decided(received, ACCEPT, REP, NOW);
      assert.ok(!planFor(accepted, DEFAULT_REMINDER_POLICY, NOBODY).some((w) => w.kind === 'snoozed'));
      const staleSnoozed = snoozed(accepted, REP, '2027-02-02T10:00:00.000Z');
      assert.ok(planFor(staleSnoozed, DEFAULT_REMINDER_POLICY, NOBODY).some((w) => w.kind === 'snoozed'));
      const moved = decided(staleSnoozed, { action: 'moveCloseDate', input: { closingDate: '2027-03-15' } }, REP, NOW);
      assert.ok(!planFor(moved, DEFAULT_REMINDER_POLICY, NOBODY).some((w) => w.kind === 'snoozed'));
    });

    it('refuses a snooze that does not lie ahead', () => {
      const result = decide(receivedRecord(), { action: 'snooze', input: { until: NOW.toISO()! } }, REP, NOW);
      assert.ok(isDomainError(result) && result.kind === 'invalidInput');
      assert.deepEqual(result.kind === 'invalidInput' && result.problems, [
        { field: 'snooze', problem: 'notInFuture' },
      ]);
    });
  });

  describe('what is due now', () => {
    const plan = planFor(receivedRecord(), DEFAULT_REMINDER_POLICY, MANAGED);
    it('runs each due item once', () => {
      const at = utc('2026-11-24T05:00:00Z');
      assert.deepEqual(summary(dueNow(plan, new Set(), at)), ['responseNudge@2026-11-24T04:00:00.000Z']);
      assert.deepEqual(dueNow(plan, new Set([plan[0].key]), at), []);
    });

    it('after downtime, sends only the latest overdue reminder, with the escalation', () => {
      const at = utc('2026-12-06T09:00:00Z');
      const done = new Set([plan[0].key, plan[1].key]);
      assert.deepEqual(summary(dueNow(plan, done, at)), [
        'deadlineReminder@2026-12-06T08:00:00.000Z',
        'escalation@2026-12-06T08:00:00.000Z→aad-manager',
      ]);
    });

    it('drops the nudge once the 24-hour target it is about has passed', () => {
      assert.deepEqual(
        dueNow(plan, new Set(), utc('2026-11-24T07:59:00Z')).map((w) => w.kind),
        ['responseNudge'],
      );
      assert.deepEqual(dueNow(plan, new Set(), utc('2026-11-24T08:00:00Z')), []);
    });

    it('once the deadline has passed, only expires it, however late', () => {
      assert.deepEqual(summary(dueNow(plan, new Set(), utc('2027-01-30T00:00:00Z'))), [
        'expire@2026-12-07T08:00:00.000Z',
      ]);
    });
  });
});

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
