import type { DateTime } from 'luxon';
import { literal } from '../../cards/literal';
import type { PlannedWork } from '../domain/reminderPlan';
import type { ReferralRecord } from '../domain/referral';
import { stageOfRecord } from '../domain/stage';
import { answerDeadlineOf, parseInstant, responseTargetOf } from '../domain/timeLimits';
import type { Strings } from '../strings/en';
import { plainDate, roughDuration } from '../teams';

/** A reminder this late is no longer "on time". */
const ON_TIME_MINUTES = 5;

/**
 * What a reminder says, by its kind and the referral's stage. Sent on time, it speaks of
 * the time left as planned ("3 days", not "2 days, 23 hours"); sent late, of what is left.
 * Names are shown as typed.
 */
export function reminderText(record: ReferralRecord, work: PlannedWork, now: DateTime, strings: Strings): string {
  const r = strings.reminders;
  const { referral } = record;
  const customer = literal(referral.customerProfile.name);
  const stage = stageOfRecord(record);
  const from = now.diff(work.dueAt).as('minutes') < ON_TIME_MINUTES ? work.dueAt : now;
  const left = roughDuration(answerDeadlineOf(record).diff(from), strings.format);
  const answering =
    stage === 'evaluating'
      ? r.evaluation(left, customer)
      : record.desk.flow === 'twoStep'
        ? r.interest(left, customer)
        : r.deadline(left, customer);
  switch (work.kind) {
    case 'responseNudge':
      return r.nudge(roughDuration(responseTargetOf(referral).diff(from), strings.format));
    case 'escalation':
      return r.escalation(left, customer);
    case 'staleDeal':
      return staleText(record, strings);
    case 'snoozed':
      return stage === 'accepted' ? staleText(record, strings) : r.snoozedAnswer(left, customer);
    default:
      return answering;
  }
}

function staleText(record: ReferralRecord, strings: Strings): string {
  const { referral } = record;
  const closing = referral.details.closingDateTime
    ? plainDate(parseInstant(referral.details.closingDateTime), strings.format)
    : '';
  return strings.reminders.staleDeal(
    literal(referral.name || referral.customerProfile.name),
    literal(referral.customerProfile.name),
    closing,
  );
}
