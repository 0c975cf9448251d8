import type { DateTime } from 'luxon';
import { literal } from '../../../../cards/literal';
import type { TextColor } from '../../../../cards/elements';
import type { ReferralRecord } from '../../../domain/referral';
import type { Stage } from '../../../domain/stage';
import { answerDeadlineOf, parseInstant } from '../../../domain/timeLimits';
import type { Strings } from '../../../strings/en';
import { cardDateTime, timeLeft } from '../format';

/**
 * The colour of the line saying how a referral stands, by stage. Teams' "Good" green is too
 * pale to read as text: an accepted or won deal says so in words, in the default colour.
 */
export const STAGE_COLORS: Record<Stage, TextColor> = {
  received: 'Accent',
  evaluating: 'Accent',
  accepted: 'Default',
  won: 'Default',
  lost: 'Attention',
  declined: 'Default',
  expired: 'Warning',
  missed: 'Default',
};

/**
 * The line under a referral card's title: how long is left to answer while undecided, else who
 * decided and when, coloured by urgency or by stage.
 */
export function statusLine(
  record: ReferralRecord,
  stage: Stage,
  now: DateTime,
  strings: Strings,
): { status: string; statusColor: TextColor } {
  const s = strings.card;
  const decision = record.desk.lastDecision;
  if (stage === 'received' || stage === 'evaluating') {
    const deadline = answerDeadlineOf(record);
    if (deadline <= now) return { status: s.expiredOn(cardDateTime(deadline)), statusColor: 'Attention' };
    const left = deadline.diff(now);
    const color: TextColor = left.as('hours') < 24 ? 'Attention' : left.as('days') < 3 ? 'Warning' : 'Default';
    const [leftText, when] = [timeLeft(deadline, now, strings.format), cardDateTime(deadline)];
    const status =
      stage === 'evaluating'
        ? s.evaluationLeft(leftText, when, decision ? literal(decision.by.name) : strings.appName)
        : (record.desk.flow === 'twoStep' ? s.interestLeft : s.timeLeft)(leftText, when);
    return { status, statusColor: color };
  }
  if ((stage === 'expired' || stage === 'missed') && (!decision || decision.by.id === 'system')) {
    const closed = cardDateTime(parseInstant(record.referral.closedDateTime ?? record.referral.updatedDateTime));
    return {
      status: stage === 'missed' ? s.missedUnanswered(closed) : s.expiredUnanswered(closed),
      statusColor: 'Warning',
    };
  }
  if (decision?.action === 'create' && stage === 'accepted') {
    return {
      status: s.created(literal(decision.by.name), cardDateTime(parseInstant(decision.at))),
      statusColor: STAGE_COLORS[stage],
    };
  }
  if (decision) {
    const status = s.decided(strings.stage[stage], literal(decision.by.name), cardDateTime(parseInstant(decision.at)));
    return { status, statusColor: STAGE_COLORS[stage] };
  }
  return { status: strings.stage[stage], statusColor: STAGE_COLORS[stage] };
}
