import type { DateTime } from 'luxon';
import { literal } from '../../cards/literal';
import type { PlannedWork } from '../domain/reminderPlan';
import type { ReferralRecord } from '../domain/referral';
import { stageOfRecord } from '../domain/stage';
import { answerDeadlineOf, parseInstant, responseTargetOf } from '../domain/timeLimits';
import type { Strings } from '../strings/en';
import { plainDate, timeLeft } from '../teams';

/**
 * What a reminder says, by its kind and the referral's stage. It states the time left at
 * `now` as the card it carries does (`timeLeft`), so a reminder sent a little late still says
 * "3 days" and the two agree. Names are shown as typed.
 */
export function reminderText(record: ReferralRecord, work: PlannedWork, now: DateTime, strings: Strings): string {
  const r = strings.reminders;
  const { referral } = record;
  const customer = literal(referral.customerProfile.name);
  const stage = stageOfRecord(record);
  const left = timeLeft(answerDeadlineOf(record), now, strings.format);
  const answering =
    stage === 'evaluating'
      ? r.evaluation(left, customer)
      : record.desk.flow === 'twoStep'
        ? r.interest(left, customer)
        : r.deadline(left, customer);
  switch (work.kind) {
    case 'responseNudge':
      return r.nudge(timeLeft(responseTargetOf(referral), now, strings.format));
    case 'escalation':
      return stage === 'evaluating' && record.desk.lastDecision
        ? r.escalationInterested(literal(record.desk.lastDecision.by.name), left, customer)
        : r.escalation(left, customer);
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
