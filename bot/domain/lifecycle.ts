import type { DateTime } from 'luxon';
import type { AcceptInput, LifecycleCommand } from './commands';
import { applyDealChange, dealChangeProblems, winBlocked } from './dealChanges';
import type { DomainError, FieldProblem } from './errors';
import { diffFields, type HistoryEvent } from './history';
import { mergeEdit } from './editMerge';
import { mayTake, NO_AUTHORITY, type Authority } from './permissions';
import { closeReasonText, isCloseReason, type CloseReason } from './reasons';
import type { Actor, LifecycleAction, Referral, ReferralRecord, TransitionAction } from './referral';
import { solutionsOf } from './solutions';
import { stageOfRecord, type Stage } from './stage';
import { answerDeadlineOf, isPastDeadline, parseInstant } from './timeLimits';
import { closingDateProblems, currencyProblems, dealValueProblems, requiredText } from './validation';

export interface Decision {
  record: ReferralRecord;
  event: HistoryEvent;
}

/** Which stages each action may start from; every other stage refuses it. */
const ALLOWED_FROM: Record<LifecycleAction, readonly Stage[]> = {
  accept: ['received'],
  decline: ['received'],
  expire: ['received', 'evaluating'],
  interested: [],
  noThanks: [],
  win: ['accepted'],
  lose: ['accepted'],
  edit: ['accepted'],
  moveCloseDate: ['accepted'],
  addMember: ['accepted'],
  removeMember: ['accepted'],
  addSolution: ['accepted'],
  removeSolution: ['accepted'],
  reassign: ['accepted'],
  upgrade: ['accepted'],
  snooze: ['received', 'evaluating', 'accepted'],
};

/** The older two-step flow: Interested or No thanks first, then Accept or Decline while evaluating. */
const TWO_STEP_FROM: Partial<Record<LifecycleAction, readonly Stage[]>> = {
  interested: ['received'],
  noThanks: ['received'],
  accept: ['evaluating'],
  decline: ['evaluating'],
};

function allowedFrom(record: ReferralRecord, action: LifecycleAction): readonly Stage[] {
  return (record.desk.flow === 'twoStep' ? TWO_STEP_FROM[action] : undefined) ?? ALLOWED_FROM[action];
}

/**
 * Applies a lifecycle command to a referral, checking the stage, then who asks (the people
 * working an accepted deal change and close it; its owner, the region's managers and admins
 * hand it over), then the input. Pure: the result is the new record and the history event
 * to store with it, or the rule that was broken.
 */
export function decide(
  record: ReferralRecord,
  command: LifecycleCommand,
  actor: Actor,
  now: DateTime,
  authority: Authority = NO_AUTHORITY,
): Decision | DomainError {
  const stage = currentStage(record, command, now);
  if (!allowedFrom(record, command.action).includes(stage)) {
    return { kind: 'notAllowedInStage', action: command.action, stage, lastDecision: record.desk.lastDecision };
  }
  if (!mayTake(command.action, record, actor, authority)) {
    return { kind: 'notPermitted', action: command.action, owner: record.desk.owner };
  }
  if (command.action === 'edit') {
    const merged = mergeEdit(command.input, command.input.base, record);
    if ('conflicts' in merged) return { kind: 'editConflict', fields: merged.conflicts };
    command = { ...command, input: merged.input };
  }
  const problems = problemsOf(command, record, now);
  if (!Array.isArray(problems)) return problems;
  if (problems.length > 0) return { kind: 'invalidInput', problems };
  if (command.action === 'expire' && !isPastDeadline(record, now)) {
    return { kind: 'notYetExpired', expiresAt: answerDeadlineOf(record).toISO()! };
  }

  const at = now.toUTC().toISO()!;
  const revision = record.desk.revision + 1;
  const changed = changedBy(record, command, actor, at);
  const next: ReferralRecord = {
    referral: { ...changed.referral, updatedDateTime: at },
    desk: { ...changed.desk, revision },
  };
  const changes = diffFields(historyView(record), historyView(next));
  // A deal change already in place (typically a retried click) is not stored again.
  if (changes.length === 0 && !isTransition(command)) return { kind: 'noChange', action: command.action };
  const event: HistoryEvent = { referralId: next.referral.id, revision, at, actor, action: command.action, changes };
  return { record: next, event };
}

/**
 * The stage a command meets. An undecided referral past its deadline counts as expired (or
 * missed) even before that is recorded: Partner Center no longer takes an answer to it.
 */
function currentStage(record: ReferralRecord, command: LifecycleCommand, now: DateTime): Stage {
  const stage = stageOfRecord(record);
  if ((stage !== 'received' && stage !== 'evaluating') || command.action === 'expire' || !isPastDeadline(record, now))
    return stage;
  return expiresAsMissed(record) ? 'missed' : 'expired';
}

/** In the two-step flow, a referral nobody showed interest in is archived as Missed. */
function expiresAsMissed(record: ReferralRecord): boolean {
  return record.desk.flow === 'twoStep' && !record.desk.interestedAt;
}

type TransitionCommand = Extract<LifecycleCommand, { action: TransitionAction }>;

function isTransition(command: LifecycleCommand): command is TransitionCommand {
  return ['accept', 'decline', 'win', 'lose', 'expire', 'interested', 'noThanks'].includes(command.action);
}

function changedBy(record: ReferralRecord, command: LifecycleCommand, actor: Actor, at: string): ReferralRecord {
  if (isTransition(command)) return transition(record, command, actor, at);
  if (command.action === 'snooze') return snoozed(record, actor, command.input.until);
  return applyDealChange(record, command);
}

/** A move to another stage: it becomes the card's "last decision", and accepting takes ownership. */
function transition(record: ReferralRecord, command: TransitionCommand, actor: Actor, at: string): ReferralRecord {
  const missed = command.action === 'noThanks' || (command.action === 'expire' && expiresAsMissed(record));
  return {
    referral: applyToReferral(record.referral, command, at),
    desk: {
      ...record.desk,
      owner: command.action === 'accept' ? actor : record.desk.owner,
      lastDecision: { action: command.action, by: actor, at },
      ...(command.action === 'interested' ? { interestedAt: at } : {}),
      ...deskNotesOf(command),
      ...(missed ? { missed: true } : {}),
      // What was snoozed was about the stage that is now left behind.
      snoozes: undefined,
    },
  };
}

/** The actor's snooze, replacing any earlier one of theirs. */
function snoozed(record: ReferralRecord, actor: Actor, until: string): ReferralRecord {
  const others = (record.desk.snoozes ?? []).filter((snooze) => snooze.by.id !== actor.id);
  return {
    referral: record.referral,
    desk: { ...record.desk, snoozes: [...others, { by: actor, until: parseInstant(until).toISO()! }] },
  };
}

function applyToReferral(referral: Referral, command: TransitionCommand, at: string): Referral {
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
        },
      };
    }
    case 'decline':
    case 'lose':
      return {
        ...referral,
        status: 'Closed',
        substatus: command.action === 'decline' ? 'Declined' : 'Lost',
        statusReason: closeReasonText(command.input.reason as CloseReason, command.input.notes),
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
        },
      };
    case 'expire':
      return { ...referral, status: 'Closed', substatus: 'Expired', closedDateTime: at };
    case 'interested':
      // Evaluating is the desk's own stage: Partner Center's referral stays New.
      return referral;
    case 'noThanks':
      // Partner Center has no Missed status: the referral is declined, saying so.
      return {
        ...referral,
        status: 'Closed',
        substatus: 'Declined',
        statusReason: NO_THANKS_REASON,
        closedDateTime: at,
      };
  }
}

/** The team's notes from Accept (required) or Won (optional, replacing the earlier ones when given). */
function deskNotesOf(command: TransitionCommand): { notes?: string } {
  if (command.action === 'accept') return { notes: command.input.notes };
  return command.action === 'win' && command.input.notes ? { notes: command.input.notes } : {};
}

/** What Partner Center's `statusReason` says of a referral archived as Missed by No thanks. */
export const NO_THANKS_REASON = 'No thanks (not interested)';

function problemsOf(command: LifecycleCommand, record: ReferralRecord, now: DateTime): FieldProblem[] | DomainError {
  switch (command.action) {
    case 'accept':
      return acceptProblems(command.input, record.referral, now);
    case 'win':
      return (
        winBlocked(record) ??
        (command.input.finalValue === undefined ? [] : dealValueProblems(command.input.finalValue, 'finalValue'))
      );
    case 'decline':
    case 'lose':
      return isCloseReason(command.input.reason) ? [] : [{ field: 'reason', problem: 'unknownReason' }];
    case 'expire':
    case 'interested':
    case 'noThanks':
      return [];
    case 'snooze': {
      const until = parseInstant(command.input.until);
      return until.isValid && until > now ? [] : [{ field: 'snooze', problem: 'notInFuture' }];
    }
    default:
      return dealChangeProblems(record, command, now);
  }
}

function acceptProblems(input: AcceptInput, referral: Referral, now: DateTime): FieldProblem[] {
  // The close date may be neither before today nor before the referral was created.
  const created = parseInstant(referral.createdDateTime);
  return [
    ...requiredText(input.dealName, 'dealName'),
    ...dealValueProblems(input.dealValue),
    ...currencyProblems(input.currency),
    ...closingDateProblems(input.closingDate, created > now ? created : now),
    ...requiredText(input.notes, 'notes'),
  ];
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
    expirationDateTime: referral.expirationDateTime,
    notes: referral.details.notes,
    deskNotes: desk.notes,
    statusReason: referral.statusReason,
    externalReferenceId: referral.externalReferenceId,
    campaignId: referral.campaignId,
    owner: desk.owner?.name,
    evaluatingSince: desk.interestedAt,
    salesStage: referral.salesStage,
    team: listText((referral.team ?? []).map(memberText)),
    solutions: listText(solutionsOf(referral).map((solution) => solution.name ?? solution.id)),
    type: referral.type,
    visibleToMicrosoft: referral.consent?.consentToShareReferralWithMicrosoftSellers ? 'yes' : undefined,
    invitedPartners: listText(desk.invitedPartners ?? []),
    snoozed: listText((desk.snoozes ?? []).map((snooze) => `${snooze.by.name} until ${snooze.until}`)),
  };
}

function listText(items: string[]): string | undefined {
  return items.length > 0 ? items.join(', ') : undefined;
}

function memberText(member: { firstName?: string; lastName?: string; email?: string }): string {
  const name = [member.firstName, member.lastName].filter(Boolean).join(' ');
  return member.email ? `${name} (${member.email})` : name;
}
