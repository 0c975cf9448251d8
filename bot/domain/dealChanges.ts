import type { DateTime } from 'luxon';
import type { DealChangeCommand, EditInput } from './commands';
import { dealTypeOf, upgradesOf } from './dealType';
import type { DomainError, FieldProblem } from './errors';
import type { DeskState, ReferralRecord, TeamMember } from './referral';
import { allStagesComplete, isSalesStage, nextSalesStage } from './salesStage';
import { isAssessment, solutionsOf, toDealSolution, type DealSolution } from './solutions';
import { parseInstant } from './timeLimits';
import {
  closingDateProblems,
  currencyProblems,
  dealValueProblems,
  MAX_TEAM_MEMBERS,
  personProblems,
  requiredText,
  sameIgnoringCase,
} from './validation';

/**
 * What is wrong with a change to an accepted deal, as field problems (the form is fixed by
 * the user) or as a rule of the deal type (nothing the form could fix). A change that is
 * already in place (a retried click, a removed item removed again) is no problem: it
 * changes nothing, which `decide` reports as such.
 */
export function dealChangeProblems(
  record: ReferralRecord,
  command: DealChangeCommand,
  now: DateTime,
): FieldProblem[] | DomainError {
  const { referral, desk } = record;
  switch (command.action) {
    case 'edit':
      return editProblems(record, command.input, now);
    case 'moveCloseDate':
      return closingDateProblems(command.input.closingDate, now);
    case 'addMember': {
      const problems = personProblems(command.input.member);
      const team = referral.team ?? [];
      const same = team.find((member) => sameIgnoringCase(member.email, command.input.member.email));
      // The very same person again is a retried click (nothing to change); another person with that e-mail is a mistake.
      if (same && !samePerson(same, command.input.member)) problems.push({ field: 'email', problem: 'duplicate' });
      if (!same && team.length >= MAX_TEAM_MEMBERS) problems.push({ field: 'team', problem: 'tooMany' });
      return problems;
    }
    case 'removeMember':
    case 'reassign':
      return [];
    case 'addSolution': {
      const solutions = solutionsOf(referral);
      const adding = toDealSolution(command.input.solution);
      if (solutions.some((solution) => solution.id === adding.id)) return [];
      // A solution-assessment deal holds exactly one assessment and nothing else.
      if (solutions.some(isAssessment) || (isAssessment(adding) && solutions.length > 0))
        return [{ field: 'solution', problem: 'assessmentOnly' }];
      return [];
    }
    case 'removeSolution': {
      const solutions = solutionsOf(referral);
      const last = solutions.length === 1 && solutions[0].id === command.input.solutionId;
      return desk.createdByPartner && last ? [{ field: 'solution', problem: 'lastSolution' }] : [];
    }
    case 'upgrade': {
      const { upgrade, help, partnerName } = command.input;
      if (!upgradesOf(record).includes(upgrade)) return { kind: 'upgradeNotAllowed', upgrade };
      if (upgrade === 'inviteMicrosoft' && (!help || help === 'none')) return [{ field: 'help', problem: 'required' }];
      if (upgrade === 'invitePartner' && !(partnerName ?? '').trim())
        return [{ field: 'partnerName', problem: 'required' }];
      return [];
    }
  }
}

function editProblems(record: ReferralRecord, input: EditInput, now: DateTime): FieldProblem[] {
  const { referral } = record;
  const problems = [
    ...requiredText(input.dealName, 'dealName'),
    ...dealValueProblems(input.dealValue),
    ...currencyProblems(input.currency),
  ];
  // A close date already passed may stay as it is; a new one must not be in the past.
  const current = referral.details.closingDateTime
    ? parseInstant(referral.details.closingDateTime).toISODate()
    : undefined;
  if (input.closingDate !== current) problems.push(...closingDateProblems(input.closingDate, now));
  if (input.salesStage && !isSalesStage(input.salesStage))
    problems.push({ field: 'salesStage', problem: 'unknownChoice' });
  else if (dealTypeOf(record) === 'solutionAssessment') {
    // Every stage of an assessment is completed in turn: the stage stays or moves one step on.
    const allowed = [referral.salesStage ?? '', nextSalesStage(referral.salesStage) ?? ''];
    if (!allowed.includes(input.salesStage)) problems.push({ field: 'salesStage', problem: 'skipsStage' });
  }
  return problems;
}

/** Whether Won may be reported: solution-assessment deals first complete every sales stage. */
export function winBlocked(record: ReferralRecord): DomainError | undefined {
  if (dealTypeOf(record) !== 'solutionAssessment' || allStagesComplete(record.referral)) return undefined;
  return { kind: 'stagesIncomplete', salesStage: record.referral.salesStage };
}

/** The deal with the change applied (the caller stamps times and the revision). */
export function applyDealChange(record: ReferralRecord, command: DealChangeCommand): ReferralRecord {
  const { referral, desk } = record;
  switch (command.action) {
    case 'edit': {
      const { input } = command;
      const closingDateTime = parseInstant(input.closingDate).toISO()!;
      return {
        desk: {
          ...(closingDateTime === referral.details.closingDateTime ? desk : unsnoozed(desk)),
          notes: input.notes || undefined,
        },
        referral: {
          ...referral,
          name: input.dealName,
          externalReferenceId: input.crmId || undefined,
          campaignId: input.campaignId || undefined,
          salesStage: isSalesStage(input.salesStage) ? input.salesStage : undefined,
          details: {
            ...referral.details,
            dealValue: input.dealValue,
            currency: input.currency,
            closingDateTime,
          },
        },
      };
    }
    case 'moveCloseDate':
      return {
        desk: unsnoozed(desk),
        referral: {
          ...referral,
          details: { ...referral.details, closingDateTime: parseInstant(command.input.closingDate).toISO()! },
        },
      };
    case 'addMember': {
      const { member, account } = command.input;
      if ((referral.team ?? []).some((m) => sameIgnoringCase(m.email, member.email))) return record;
      const accounts = account
        ? [...(desk.teamAccounts ?? []), { email: member.email!.trim().toLowerCase(), actor: account }]
        : desk.teamAccounts;
      return {
        referral: { ...referral, team: [...(referral.team ?? []), member] },
        desk: { ...desk, teamAccounts: accounts },
      };
    }
    case 'removeMember': {
      const { email } = command.input;
      const team = (referral.team ?? []).filter((member: TeamMember) => !sameIgnoringCase(member.email, email));
      const accounts = desk.teamAccounts?.filter((account) => !sameIgnoringCase(account.email, email));
      return { referral: { ...referral, team }, desk: { ...desk, teamAccounts: accounts } };
    }
    case 'addSolution': {
      const solutions = solutionsOf(referral);
      if (solutions.some((solution) => solution.id === command.input.solution.id)) return record;
      return { desk, referral: withSolutions(record, [...solutions, toDealSolution(command.input.solution)]) };
    }
    case 'removeSolution':
      return {
        desk,
        referral: withSolutions(
          record,
          solutionsOf(referral).filter((solution) => solution.id !== command.input.solutionId),
        ),
      };
    case 'reassign':
      return { referral, desk: { ...desk, owner: command.input.newOwner } };
    case 'upgrade': {
      const { upgrade, help, partnerName } = command.input;
      const shared = { ...referral.consent, consentToShareReferralWithMicrosoftSellers: true };
      switch (upgrade) {
        case 'shareWithMicrosoft':
          return { desk, referral: { ...referral, consent: shared } };
        case 'inviteMicrosoft':
          return { desk: { ...desk, microsoftHelp: help }, referral: { ...referral, type: 'Shared', consent: shared } };
        case 'invitePartner': {
          const invited = desk.invitedPartners ?? [];
          if (invited.some((name) => sameIgnoringCase(name, partnerName))) return record;
          return { referral, desk: { ...desk, invitedPartners: [...invited, partnerName!.trim()] } };
        }
      }
    }
  }
}

/** A snoozed reminder of a stale deal is moot once its close date moves. */
function unsnoozed(desk: DeskState): DeskState {
  return { ...desk, snoozes: undefined };
}

function samePerson(a: TeamMember, b: TeamMember): boolean {
  return a.firstName === b.firstName && a.lastName === b.lastName && a.phoneNumber === b.phoneNumber;
}

function withSolutions(record: ReferralRecord, solutions: DealSolution[]): ReferralRecord['referral'] {
  const { referral } = record;
  return {
    ...referral,
    details: { ...referral.details, requirements: { ...referral.details.requirements, solutions } },
  };
}
