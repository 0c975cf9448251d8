import { literal } from '../../../../cards/literal';
import type { Choice } from '../../../../cards/elements';
import type { Listed, ReferralCardData } from '../../../../cards/referral/referralCardData';
import { dealTypeOf, MICROSOFT_HELP, registrationGaps, upgradesOf } from '../../../domain/dealType';
import { editValuesOf } from '../../../domain/editMerge';
import { mayReassign, NO_AUTHORITY } from '../../../domain/permissions';
import { SALES_STAGES, type ReferralRecord, type SalesStage } from '../../../domain/referral';
import { nextSalesStage, NO_SALES_STAGE, progressOf, shownSalesStageOf } from '../../../domain/salesStage';
import { solutionsOf, type CatalogSolution } from '../../../domain/solutions';
import type { Stage } from '../../../domain/stage';
import { parseInstant } from '../../../domain/timeLimits';
import { sameIgnoringCase } from '../../../domain/validation';
import type { Strings } from '../../../strings/en';
import type { CardView } from './cardView';

/** What `dealCardData` fills in of the card's data. */
type DealCardParts = Pick<
  ReferralCardData,
  'progress' | 'team' | 'registration' | 'footer' | 'edit' | 'teamForm' | 'solutionsForm' | 'reassign' | 'upgrade'
>;

/** The parts of the card about an accepted (or closed) deal: progress, team, the deal forms. */
export function dealCardData(
  record: ReferralRecord,
  stage: Stage,
  worker: boolean,
  view: CardView,
  strings: Strings,
): DealCardParts {
  const { referral } = record;
  const s = strings.card;
  const catalog = view.solutions ?? [];
  const onDeal = solutionsOf(referral);
  const assessment = dealTypeOf(record) === 'solutionAssessment';
  const upgrades = worker ? upgradesOf(record) : [];
  const percent = progressOf(referral);
  return {
    progress: {
      show: stage === 'accepted',
      label: s.stageBar(strings.salesStage[shownSalesStageOf(record)]),
      percent,
      rest: 100 - percent,
    },
    team: { title: s.team, members: teamLines(record, strings) },
    registration: registrationLine(record, stage, worker, catalog, strings),
    footer: { historyTitle: s.history, favoriteTitle: view.favorite ? s.unstar : s.star, favoriteOn: !view.favorite },
    edit: {
      buttonTitle: s.editDeal,
      title: s.editTitle,
      submit: s.saveChanges,
      closingDate: referral.details.closingDateTime ? parseInstant(referral.details.closingDateTime).toISODate() : null,
      salesStageLabel: s.salesStage,
      salesStage: referral.salesStage ?? NO_SALES_STAGE,
      salesStages: salesStageChoices(referral.salesStage, assessment, strings),
      notesLabel: s.editNotes,
      notes: record.desk.notes ?? '',
      base: JSON.stringify(editValuesOf(record)),
    },
    teamForm: {
      buttonTitle: s.teamAndSolutions,
      empty: s.teamEmpty,
      remove: s.remove,
      addTitle: s.addMember,
      firstName: s.firstName,
      lastName: s.lastName,
      phone: s.phone,
      email: s.email,
      hint: s.memberHint,
      requiredError: s.nameError,
      phoneError: s.phoneError,
      emailError: s.emailError,
      submit: s.addToTeam,
    },
    solutionsForm: {
      title: s.dealSolutions,
      empty: s.solutionsEmpty,
      current: onDeal.map((solution) => ({ text: literal(solution.name ?? solution.id), key: solution.id })),
      addTitle: s.addSolution,
      label: s.solutionLabel,
      requiredError: s.required(s.solutionLabel),
      choices: assessment
        ? []
        : catalog
            .filter(
              (solution) =>
                !onDeal.some((d) => d.id === solution.id) && (solution.kind === 'solution' || onDeal.length === 0),
            )
            .map((solution) => ({
              title: solution.name + (solution.kind === 'assessment' ? s.assessmentSuffix : ''),
              value: solution.id,
            })),
      submit: s.addSolution,
    },
    reassign: {
      allowed:
        stage === 'accepted' &&
        view.viewer !== undefined &&
        mayReassign(record, view.viewer, view.authority ?? NO_AUTHORITY),
      buttonTitle: s.changeOwner,
      title: s.changeOwnerTitle,
      label: s.newOwnerEmail,
      error: s.emailError,
      submit: s.handOver,
    },
    upgrade: {
      buttonTitle: s.upgrade,
      title: s.upgradeTitle,
      label: s.upgradeLabel,
      error: s.required(s.upgradeLabel),
      choices: upgrades.map((upgrade) => ({ title: s.upgradeChoice[upgrade], value: upgrade })),
      askHelp: upgrades.includes('inviteMicrosoft'),
      helpLabel: s.helpLabel,
      helpChoices: MICROSOFT_HELP.filter((help) => help !== 'none').map((help) => ({
        title: strings.microsoftHelp[help],
        value: help,
      })),
      askPartner: upgrades.includes('invitePartner'),
      partnerLabel: s.partnerLabel,
      submit: s.confirmUpgrade,
    },
  };
}

function teamLines(record: ReferralRecord, strings: Strings): Listed[] {
  const accounts = record.desk.teamAccounts ?? [];
  return (record.referral.team ?? []).map((member) => {
    const name = [member.firstName, member.lastName].filter(Boolean).join(' ');
    const contact = [member.email, member.phoneNumber].filter(Boolean).join(' · ');
    const inTeams = accounts.some((account) => sameIgnoringCase(account.email, member.email));
    return { text: strings.card.memberLine(literal(name), literal(contact), inTeams), key: member.email ?? '' };
  });
}

function salesStageChoices(current: SalesStage | undefined, assessment: boolean, strings: Strings): Choice[] {
  const none: Choice = { title: strings.card.noSalesStage, value: NO_SALES_STAGE };
  const stages: Choice[] = SALES_STAGES.map((stage) => ({ title: strings.salesStage[stage], value: stage }));
  if (!assessment) return [none, ...stages];
  // An assessment completes its stages in turn: it may stay where it is or take the next step.
  const next = nextSalesStage(current);
  return [
    current ? stages.find((c) => c.value === current)! : none,
    ...(next ? [stages.find((c) => c.value === next)!] : []),
  ];
}

/**
 * Deal registration: on a won deal whether it is eligible, and why not; on a deal being worked,
 * what its workers can still do for it here: add an incentive-eligible solution.
 */
function registrationLine(
  record: ReferralRecord,
  stage: Stage,
  worker: boolean,
  catalog: readonly CatalogSolution[],
  strings: Strings,
): string {
  const s = strings.card;
  const eligible = new Set(catalog.filter((solution) => solution.incentiveEligible).map((solution) => solution.id));
  const gaps = registrationGaps(record, eligible);
  if (stage === 'won') {
    if (gaps.length === 0) return s.registrationEligible;
    return s.registrationGaps(strings.format.clauses(...gaps.map((gap) => s.registrationGap[gap])));
  }
  // A deal of a type that qualifies needs an incentive-eligible solution, which its workers can add.
  return worker && !gaps.includes('dealType') && gaps.includes('incentiveSolution') ? s.registrationNeedsSolution : '';
}

/** The Teams ids of the people working a deal (owner first), whose clients refresh the card. */
export function dealWorkers(record: ReferralRecord): string[] {
  const workers = [record.desk.owner, ...(record.desk.teamAccounts ?? []).map((account) => account.actor)];
  return [...new Set(workers.map((actor) => actor?.teamsId).filter((id): id is string => Boolean(id)))];
}
