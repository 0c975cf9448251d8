import assert from 'node:assert/strict';
import { isDomainError } from '../../../bot/domain/errors';
import { decide } from '../../../bot/domain/lifecycle';
import type { Actor, ReferralRecord } from '../../../bot/domain/referral';
import { DEFAULT_REMINDER_POLICY, planFor } from '../../../bot/domain/reminderPlan';
import { NOW, receivedRecord } from '../../support/fixtures';
import { ACCEPT, NOBODY, REP, decided, officeHours, summary } from './fixtures';

describe('reminder plan', () => {
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
});
