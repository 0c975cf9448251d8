import { Duration, type DateTime } from 'luxon';
import type { ReferralRecord } from './referral';
import { stageOfRecord } from './stage';
import { answerDeadlineOf, parseInstant } from './timeLimits';

/** When the desk reminds, escalates and expires (configuration, with Partner Center's defaults). */
export interface ReminderPolicy {
  /** After arrival: nobody has answered yet, the 24-hour target is near. */
  responseNudgeAfter: Duration;
  /** Before the deadline, as a threaded reply and a DM to the owner. */
  beforeDeadline: readonly Duration[];
  /** Before the deadline: the region's managers are told. */
  escalateBefore: Duration;
  /** After the estimated close date of an open deal. */
  staleAfter: Duration;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  responseNudgeAfter: Duration.fromObject({ hours: 20 }),
  beforeDeadline: [Duration.fromObject({ days: 3 }), Duration.fromObject({ days: 1 }), Duration.fromObject({ hours: 4 })],
  escalateBefore: Duration.fromObject({ hours: 24 }),
  staleAfter: Duration.fromObject({ days: 1 }),
};

export type ReminderKind = 'responseNudge' | 'deadlineReminder' | 'escalation' | 'expire' | 'staleDeal';

/** One piece of work the scheduler owes a referral. */
export interface PlannedWork {
  kind: ReminderKind;
  dueAt: DateTime;
  /**
   * Stable while the referral's dates stay the same, so re-planning finds work already
   * done; it changes when they move, so moved work is planned afresh.
   */
  key: string;
}

/**
 * Everything the scheduler owes a referral as it stands: the nudge, the reminders and the
 * escalation before its deadline and the expiry at it while it is undecided; a reminder
 * once an open deal's close date has passed. Work that would fall before the referral
 * arrived is left out; work already due stays in (it is owed, if late). Pure.
 */
export function planFor(record: ReferralRecord, policy: ReminderPolicy): PlannedWork[] {
  const stage = stageOfRecord(record);
  const { referral } = record;
  if (stage === 'accepted') {
    if (!referral.details.closingDateTime) return [];
    const closing = parseInstant(referral.details.closingDateTime);
    return [{ kind: 'staleDeal', dueAt: closing.plus(policy.staleAfter), key: `staleDeal:${closing.toISO()}` }];
  }
  if (stage !== 'received' && stage !== 'evaluating') return [];

  const created = parseInstant(referral.createdDateTime);
  const deadline = answerDeadlineOf(record);
  const stamp = `${stage}:${deadline.toISO()}`;
  const work: PlannedWork[] = [];
  if (stage === 'received') {
    work.push({ kind: 'responseNudge', dueAt: created.plus(policy.responseNudgeAfter), key: `responseNudge:${created.toISO()}` });
  }
  for (const before of policy.beforeDeadline) {
    work.push({ kind: 'deadlineReminder', dueAt: deadline.minus(before), key: `deadlineReminder:${before.toISO()}:${stamp}` });
  }
  work.push({ kind: 'escalation', dueAt: deadline.minus(policy.escalateBefore), key: `escalation:${stamp}` });
  work.push({ kind: 'expire', dueAt: deadline, key: `expire:${stamp}` });
  return work.filter((item) => item.dueAt > created && (item.kind === 'expire' || item.dueAt < deadline)).sort((a, b) => +a.dueAt - +b.dueAt);
}

/**
 * What to do now from a plan, given the keys already done: everything due, except that of
 * several deadline reminders due at once (after downtime) only the latest is sent, the
 * others being out of date. Expiry always runs, however late, and once it is due nothing
 * else is worth sending.
 */
export function dueNow(plan: readonly PlannedWork[], done: ReadonlySet<string>, now: DateTime): PlannedWork[] {
  const due = plan.filter((item) => item.dueAt <= now && !done.has(item.key));
  const expiry = due.find((item) => item.kind === 'expire');
  if (expiry) return [expiry];
  // The nudge is about the 24-hour target: once a deadline reminder is due too, that one says more.
  const nudgeSuperseded = due.some((item) => item.kind === 'deadlineReminder');
  const reminders = due.filter((item) => item.kind === 'deadlineReminder');
  const latestReminder = reminders.at(-1);
  return due.filter((item) => (item.kind === 'deadlineReminder' ? item === latestReminder : !(item.kind === 'responseNudge' && nudgeSuperseded)));
}
