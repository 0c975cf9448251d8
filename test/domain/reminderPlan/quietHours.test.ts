import assert from 'node:assert/strict';
import { DEFAULT_REMINDER_POLICY, dueNow, planFor } from '../../../bot/domain/reminderPlan';
import { nextWorkingMoment } from '../../../bot/domain/workingHours';
import { NOW } from '../../support/fixtures';
import { NOBODY, evaluating, officeHours, summary, utc } from './fixtures';

describe('reminder plan', () => {
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
});
