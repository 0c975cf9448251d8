import { Duration, type DateTime } from 'luxon';
import type { Actor, ReferralRecord } from './referral';
import { stageOfRecord } from './stage';
import { answerDeadlineOf, CONTACT_REQUEST_WINDOW, parseInstant, responseTargetOf } from './timeLimits';
import { preferenceOf, type DirectMessageKind } from './messagePreferences';
import type { ReminderKind } from './reminderKinds';
import { deliveryTime, type WorkingHours } from './workingHours';

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
  beforeDeadline: [
    Duration.fromObject({ days: 3 }),
    Duration.fromObject({ days: 1 }),
    Duration.fromObject({ hours: 4 }),
  ],
  escalateBefore: Duration.fromObject({ hours: 24 }),
  staleAfter: Duration.fromObject({ days: 1 }),
};

/** One piece of work the scheduler owes a referral. */
export interface PlannedWork {
  kind: ReminderKind;
  dueAt: DateTime;
  /**
   * Stable while the referral's dates (and the recipient) stay the same, so re-planning
   * finds work already done; it changes when they move, so moved work is planned afresh.
   */
  key: string;
  /** Whom a direct message is for (actor id); unset for work in the channel. */
  recipient?: string;
  /** From then on it is not worth doing any more (a nudge, once the 24-hour target has passed). */
  lapsesAt?: DateTime;
}

/** Who a referral's direct messages go to beyond the referral itself, and when each of them works. */
export interface PlanAudience {
  /** The managers of the referral's region: they hear of it when it is about to expire unanswered. */
  managers: readonly string[];
  /** Each person's working hours: a direct message waits for them (quiet hours). */
  hoursOf(userId: string): WorkingHours;
  /** The direct messages each person turned off. */
  turnedOff(userId: string): readonly DirectMessageKind[];
}

/**
 * The person the desk reminds directly: the owner of an accepted deal, or in the two-step
 * flow whoever said Interested (they are to accept or decline). Nobody before that.
 */
export function responsiblePerson(record: ReferralRecord): Actor | undefined {
  const stage = stageOfRecord(record);
  if (stage === 'accepted') return record.desk.owner;
  if (stage === 'evaluating') return record.desk.lastDecision?.by;
  return undefined;
}

/** Planned, before quiet hours: a direct message may still wait for its recipient's working hours. */
type Draft = PlannedWork & { latest?: DateTime };

/**
 * Everything the scheduler owes a referral as it stands. While it is undecided: the nudge,
 * the reminders in the thread and to whoever is to answer, the managers' escalation before
 * its deadline, and the expiry at it. Once accepted: a reminder to the owner after the close
 * date has passed. In both: snoozed reminders coming back, and a card refresh when the
 * customer's contact request gets old. A direct message its recipient turned off is left out;
 * one due outside their working hours waits for them, unless waiting would reach the
 * deadline it is about. Work that would
 * fall before the referral arrived is left out; work already due stays in (it is owed, if
 * late). Pure, and sorted by when it is due.
 */
export function planFor(record: ReferralRecord, policy: ReminderPolicy, audience: PlanAudience): PlannedWork[] {
  const stage = stageOfRecord(record);
  const drafts: Draft[] = [];
  if (stage === 'accepted') drafts.push(...dealWork(record, policy), ...contactRefresh(record));
  else if (stage === 'received' || stage === 'evaluating') drafts.push(...answerWork(record, policy, audience));
  else return [];
  drafts.push(...snoozedWork(record));
  return drafts
    .filter(
      (work) => !work.recipient || !audience.turnedOff(work.recipient).some((off) => off === preferenceOf(work.kind)),
    )
    .map(({ latest, ...work }) =>
      work.recipient ? { ...work, dueAt: deliveryTime(work.dueAt, audience.hoursOf(work.recipient), latest) } : work,
    )
    .sort((a, b) => +a.dueAt - +b.dueAt);
}

function answerWork(record: ReferralRecord, policy: ReminderPolicy, audience: PlanAudience): Draft[] {
  const stage = stageOfRecord(record);
  const created = parseInstant(record.referral.createdDateTime);
  const deadline = answerDeadlineOf(record);
  const stamp = `${stage}:${deadline.toISO()}`;
  const work: Draft[] = [];
  if (stage === 'received') {
    work.push({
      kind: 'responseNudge',
      dueAt: created.plus(policy.responseNudgeAfter),
      key: `responseNudge:${created.toISO()}`,
      lapsesAt: responseTargetOf(record.referral),
    });
  }
  const person = responsiblePerson(record);
  for (const before of policy.beforeDeadline) {
    const dueAt = deadline.minus(before);
    work.push({ kind: 'deadlineReminder', dueAt, key: `deadlineReminder:${before.toISO()}:${stamp}` });
    if (person)
      work.push({
        kind: 'deadlineDm',
        dueAt,
        key: `deadlineDm:${before.toISO()}:${stamp}:${person.id}`,
        recipient: person.id,
        latest: deadline,
      });
  }
  for (const manager of new Set(audience.managers)) {
    work.push({
      kind: 'escalation',
      dueAt: deadline.minus(policy.escalateBefore),
      key: `escalation:${stamp}:${manager}`,
      recipient: manager,
      latest: deadline,
    });
  }
  work.push(...contactRefresh(record));
  return [
    ...work.filter((item) => item.dueAt > created && item.dueAt < deadline),
    { kind: 'expire', dueAt: deadline, key: `expire:${stamp}` },
  ];
}

function dealWork(record: ReferralRecord, policy: ReminderPolicy): Draft[] {
  const owner = record.desk.owner;
  const closing = record.referral.details.closingDateTime;
  if (!owner || !closing) return [];
  const closingAt = parseInstant(closing);
  return [
    {
      kind: 'staleDeal',
      dueAt: closingAt.plus(policy.staleAfter),
      key: `staleDeal:${closingAt.toISO()}:${owner.id}`,
      recipient: owner.id,
    },
  ];
}

/** The card's flag for a customer who asked to be contacted changes its wording after 72 hours. */
function contactRefresh(record: ReferralRecord): Draft[] {
  if (!record.referral.details.customerRequestedContact) return [];
  const created = parseInstant(record.referral.createdDateTime);
  return [
    {
      kind: 'cardRefresh',
      dueAt: created.plus(CONTACT_REQUEST_WINDOW),
      key: `cardRefresh:contactRequest:${created.toISO()}`,
    },
  ];
}

function snoozedWork(record: ReferralRecord): Draft[] {
  const stage = stageOfRecord(record);
  const deadline = stage === 'accepted' ? undefined : answerDeadlineOf(record);
  return (record.desk.snoozes ?? []).map((snooze) => {
    const until = parseInstant(snooze.until);
    return {
      kind: 'snoozed',
      dueAt: until,
      key: `snoozed:${snooze.by.id}:${until.toISO()}`,
      recipient: snooze.by.id,
      latest: deadline,
    };
  });
}

/** Reminders of which only the latest due is worth sending: an earlier one is out of date. */
const SUPERSEDED_BY_LATER: readonly ReminderKind[] = ['deadlineReminder', 'deadlineDm'];

/**
 * The nudge a deadline reminder in the thread speaks for too: one not lapsed by `now` and due
 * no earlier than the reminder, which would otherwise come on its heels (or at once, after
 * downtime) to say that nobody has answered. Such a nudge is not sent on its own (see `dueNow`).
 */
export function nudgeCarriedBy(
  plan: readonly PlannedWork[],
  work: PlannedWork,
  now: DateTime,
): PlannedWork | undefined {
  if (work.kind !== 'deadlineReminder') return undefined;
  return plan.find(
    (item) => item.kind === 'responseNudge' && work.dueAt <= item.dueAt && !(item.lapsesAt && item.lapsesAt <= now),
  );
}

/**
 * What to do now from a plan, given the keys already done: everything due and not lapsed,
 * except that of several reminders of one kind to the same people due at once (after
 * downtime) only the latest is sent, the others being out of date, and that a nudge a deadline
 * reminder speaks for is left to it. Expiry always runs, however late, and once it is due
 * nothing else is worth sending.
 */
export function dueNow(plan: readonly PlannedWork[], done: ReadonlySet<string>, now: DateTime): PlannedWork[] {
  const due = plan.filter(
    (item) => item.dueAt <= now && !done.has(item.key) && !(item.lapsesAt && item.lapsesAt <= now),
  );
  const expiry = due.find((item) => item.kind === 'expire');
  if (expiry) return [expiry];
  const latest = new Map<string, PlannedWork>();
  for (const item of due)
    if (SUPERSEDED_BY_LATER.includes(item.kind)) latest.set(`${item.kind}:${item.recipient ?? ''}`, item);
  const sent = due.filter(
    (item) => !SUPERSEDED_BY_LATER.includes(item.kind) || latest.get(`${item.kind}:${item.recipient ?? ''}`) === item,
  );
  // A reminder done before now spoke for the nudge as much as one sent now.
  const speaking = [...sent, ...plan.filter((item) => done.has(item.key) && item.dueAt <= now)];
  return sent.filter(
    (item) => item.kind !== 'responseNudge' || !speaking.some((other) => nudgeCarriedBy([item], other, now)),
  );
}
