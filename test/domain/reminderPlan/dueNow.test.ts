import assert from 'node:assert/strict';
import { DEFAULT_REMINDER_POLICY, dueNow, planFor } from '../../../bot/domain/reminderPlan';
import { receivedRecord } from '../../support/fixtures';
import { MANAGED, summary, utc } from './fixtures';

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

    it('once the deadline has passed, only expires it, however late', () => {
      assert.deepEqual(summary(dueNow(plan, new Set(), utc('2027-01-30T00:00:00Z'))), [
        'expire@2026-12-07T08:00:00.000Z',
      ]);
    });
  });
});
