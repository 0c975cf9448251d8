import assert from 'node:assert/strict';
import { DEFAULT_REMINDER_POLICY, dueNow, nudgeCarriedBy, planFor } from '../../../bot/domain/reminderPlan';
import { receivedRecord } from '../../support/fixtures';
import { MANAGED, NOBODY, summary, utc } from './fixtures';

describe('reminder plan', () => {
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

    describe('a nudge near a deadline reminder (arrived 2026-11-23T08:00Z, nudge due at 20 hours)', () => {
      const expiringAfter = (hours: number) =>
        planFor(
          receivedRecord({ expirationDateTime: utc('2026-11-23T08:00:00Z').plus({ hours }).toISO()! }),
          DEFAULT_REMINDER_POLICY,
          NOBODY,
        );

      it('is left to a deadline reminder due with it, which says it too', () => {
        const plan = expiringAfter(24);
        const at = utc('2026-11-24T04:01:00Z');
        const due = dueNow(plan, new Set(), at);
        assert.deepEqual(
          due.map((w) => w.kind),
          ['deadlineReminder'],
        );
        assert.equal(nudgeCarriedBy(plan, due[0], at)?.kind, 'responseNudge');
      });

      it('is left to a deadline reminder due before it, sent or not', () => {
        const plan = expiringAfter(22);
        const reminder = plan.find((w) => w.kind === 'deadlineReminder')!;
        assert.equal(nudgeCarriedBy(plan, reminder, utc('2026-11-24T02:00:00Z'))?.kind, 'responseNudge');
        const at = utc('2026-11-24T04:01:00Z');
        assert.deepEqual(dueNow(plan, new Set([reminder.key]), at), []);
      });

      it('is sent on its own before a deadline reminder due after it, even when both are late', () => {
        const plan = expiringAfter(25);
        const at = utc('2026-11-24T05:30:00Z');
        const due = dueNow(plan, new Set(), at);
        assert.deepEqual(
          due.map((w) => w.kind),
          ['responseNudge', 'deadlineReminder'],
        );
        assert.equal(nudgeCarriedBy(plan, due[1], at), undefined);
      });

      it('is not said once the 24-hour target has passed', () => {
        const plan = expiringAfter(24);
        const reminder = plan.find((w) => w.kind === 'deadlineReminder')!;
        assert.equal(nudgeCarriedBy(plan, reminder, utc('2026-11-24T08:00:00Z')), undefined);
      });
    });

    it('once the deadline has passed, only expires it, however late', () => {
      assert.deepEqual(summary(dueNow(plan, new Set(), utc('2027-01-30T00:00:00Z'))), [
        'expire@2026-12-07T08:00:00.000Z',
      ]);
    });
  });
});
