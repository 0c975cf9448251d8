import assert from 'node:assert/strict';
import { arrival } from '../../../bot/domain/incoming';
import { DEFAULT_REMINDER_POLICY, planFor, type PlanAudience } from '../../../bot/domain/reminderPlan';
import { NOW, receivedRecord } from '../../support/fixtures';
import { ACCEPT, MANAGED, NOBODY, REP, decided, officeHours, summary } from './fixtures';

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
});
