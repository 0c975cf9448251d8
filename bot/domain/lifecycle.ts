import { DateTime } from 'luxon';
import type { DomainError, FieldProblem } from './errors';
import { diffFields, type HistoryEvent } from './history';
import { isDealAction, mayWorkOn } from './permissions';
import { CLOSE_REASONS, isCloseReason, type CloseReason } from './reasons';
import type { Actor, LifecycleAction, Referral, ReferralRecord } from './referral';
import { stageOf, type Stage } from './stage';
import { isExpiredAt, expiryOf, parseInstant } from './timeLimits';

/** Accept: the details Partner Center asks for when a partner takes a referral on. */
export interface AcceptInput {
  dealName: string;
  dealValue: number;
  currency: string;
  /** ISO date (yyyy-MM-dd) of the estimated close. */
  closingDate: string;
  notes: string;
  crmId?: string;
  campaignId?: string;
}

export interface DeclineInput {
  /** A code of CLOSE_REASONS; `decide` refuses any other. */
  reason: string;
  notes?: string;
}

/** Won: the final value (the estimate stays when none is given) and optional notes. */
export interface WinInput {
  finalValue?: number;
  notes?: string;
}

export type LifecycleCommand =
  | { action: 'accept'; input: AcceptInput }
  | { action: 'decline'; input: DeclineInput }
  | { action: 'win'; input: WinInput }
  | { action: 'lose'; input: DeclineInput }
  | { action: 'expire' };

export interface Decision {
  record: ReferralRecord;
  event: HistoryEvent;
}

/** Which stage each action may start from; every other stage refuses it. */
const ALLOWED_FROM: Record<LifecycleAction, Stage> = {
  accept: 'received',
  decline: 'received',
  expire: 'received',
  win: 'accepted',
  lose: 'accepted',
};

/** Deal values above this are treated as typing mistakes. */
export const MAX_DEAL_VALUE = 1e12;

/**
 * Applies a lifecycle command to a referral, checking the stage, then who asks (only the
 * people working an accepted deal may close it), then the input. Pure: the result is the
 * new record and the history event to store with it, or the rule that was broken.
 */
export function decide(record: ReferralRecord, command: LifecycleCommand, actor: Actor, now: DateTime): Decision | DomainError {
  const stage = currentStage(record.referral, command, now);
  if (stage !== ALLOWED_FROM[command.action]) {
    return { kind: 'notAllowedInStage', action: command.action, stage, lastDecision: record.desk.lastDecision };
  }
  if (isDealAction(command.action) && !mayWorkOn(record, actor)) {
    return { kind: 'notPermitted', action: command.action, owner: record.desk.owner };
  }
  const problems = problemsOf(command, record.referral, now);
  if (problems.length > 0) return { kind: 'invalidInput', problems };
  if (command.action === 'expire' && !isExpiredAt(record.referral, now)) {
    return { kind: 'notYetExpired', expiresAt: expiryOf(record.referral).toISO()! };
  }

  const at = now.toUTC().toISO()!;
  const referral = { ...applyToReferral(record.referral, command, at), updatedDateTime: at };
  const revision = record.desk.revision + 1;
  const next: ReferralRecord = {
    referral,
    desk: {
      ...record.desk,
      revision,
      owner: command.action === 'accept' ? actor : record.desk.owner,
      lastDecision: { action: command.action, by: actor, at },
    },
  };
  const event: HistoryEvent = {
    referralId: referral.id,
    revision,
    at,
    actor,
    action: command.action,
    changes: diffFields(historyView(record), historyView(next)),
  };
  return { record: next, event };
}

/**
 * The stage a command meets. A received referral past its expiry counts as expired even
 * before the expiry is recorded: Partner Center no longer takes an answer to it.
 */
function currentStage(referral: Referral, command: LifecycleCommand, now: DateTime): Stage {
  const stage = stageOf(referral);
  return stage === 'received' && command.action !== 'expire' && isExpiredAt(referral, now) ? 'expired' : stage;
}

function applyToReferral(referral: Referral, command: LifecycleCommand, at: string): Referral {
  switch (command.action) {
    case 'accept': {
      const { input } = command;
      return {
        ...referral,
        name: input.dealName,
        status: 'Active',
        substatus: 'Accepted',
        acceptedDateTime: at,
        externalReferenceId: input.crmId ?? referral.externalReferenceId,
        campaignId: input.campaignId ?? referral.campaignId,
        details: {
          ...referral.details,
          dealValue: input.dealValue,
          currency: input.currency,
          closingDateTime: parseInstant(input.closingDate).toISO()!,
          notes: input.notes,
        },
      };
    }
    case 'decline':
    case 'lose':
      return {
        ...referral,
        status: 'Closed',
        substatus: command.action === 'decline' ? 'Declined' : 'Lost',
        statusReason: closeReasonText(command.input),
        closedDateTime: at,
      };
    case 'win':
      return {
        ...referral,
        status: 'Closed',
        substatus: 'Won',
        closedDateTime: at,
        details: {
          ...referral.details,
          dealValue: command.input.finalValue ?? referral.details.dealValue,
          notes: command.input.notes ?? referral.details.notes,
        },
      };
    case 'expire':
      return { ...referral, status: 'Closed', substatus: 'Expired', closedDateTime: at };
  }
}

/** Partner Center's free-text reason: the documented label, then the user's notes. */
function closeReasonText(input: DeclineInput): string {
  const label = CLOSE_REASONS[input.reason as CloseReason];
  return input.notes ? `${label}: ${input.notes}` : label;
}

function problemsOf(command: LifecycleCommand, referral: Referral, now: DateTime): FieldProblem[] {
  switch (command.action) {
    case 'accept':
      return acceptProblems(command.input, referral, now);
    case 'win':
      return command.input.finalValue === undefined ? [] : dealValueProblems(command.input.finalValue, 'finalValue');
    case 'decline':
    case 'lose':
      return isCloseReason(command.input.reason) ? [] : [{ field: 'reason', problem: 'unknownReason' }];
    default:
      return [];
  }
}

function acceptProblems(input: AcceptInput, referral: Referral, now: DateTime): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!input.dealName.trim()) problems.push({ field: 'dealName', problem: 'required' });
  problems.push(...dealValueProblems(input.dealValue));
  if (!/^[A-Z]{3}$/.test(input.currency)) problems.push({ field: 'currency', problem: 'unknownCurrency' });
  const closing = DateTime.fromISO(input.closingDate, { zone: 'utc' });
  if (!closing.isValid) problems.push({ field: 'closingDate', problem: 'notADate' });
  else if (closing < now.toUTC().startOf('day') || closing < parseInstant(referral.createdDateTime).startOf('day')) {
    problems.push({ field: 'closingDate', problem: 'dateInPast' });
  }
  if (!input.notes.trim()) problems.push({ field: 'notes', problem: 'required' });
  return problems;
}

function dealValueProblems(value: number, field = 'dealValue'): FieldProblem[] {
  if (!Number.isFinite(value)) return [{ field, problem: 'notANumber' }];
  if (value <= 0) return [{ field, problem: 'notPositive' }];
  if (value > MAX_DEAL_VALUE) return [{ field, problem: 'tooLarge' }];
  return [];
}

/** The fields a timeline shows, flattened to text so a change reads "before → after". */
export function historyView(record: ReferralRecord): Record<string, string | undefined> {
  const { referral, desk } = record;
  return {
    status: `${referral.status}/${referral.substatus}`,
    name: referral.name,
    dealValue: referral.details.dealValue?.toString(),
    currency: referral.details.currency,
    closingDateTime: referral.details.closingDateTime,
    notes: referral.details.notes,
    statusReason: referral.statusReason,
    externalReferenceId: referral.externalReferenceId,
    campaignId: referral.campaignId,
    owner: desk.owner?.name,
  };
}
