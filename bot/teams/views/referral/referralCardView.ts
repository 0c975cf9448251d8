import type { DateTime } from 'luxon';
import type { AdaptiveCard } from '../../../../cards/render';
import { literal } from '../../../../cards/literal';
import type { Choice, TextColor } from '../../../../cards/elements';
import { renderReferralCard } from '../../../../cards/referral/referralCard';
import type { ReferralCardData } from '../../../../cards/referral/referralCardData';
import type { CardView } from './cardView';
import { dealCardData, dealWorkers } from './dealCardSections';
import { countryName } from '../../../domain/countries';
import { invitingPartner, leadKindOf } from '../../../domain/leadKind';
import { CLOSE_REASONS, type CloseReason } from '../../../domain/reasons';
import { dealTypeOf, isMicrosoftHelp } from '../../../domain/dealType';
import { winBlocked } from '../../../domain/dealChanges';
import { mayWorkOn } from '../../../domain/permissions';
import type { ReferralRecord, TeamMember } from '../../../domain/referral';
import { solutionsOf } from '../../../domain/solutions';
import { stageOfRecord, type Stage } from '../../../domain/stage';
import {
  answerDeadlineOf,
  isContactRequestFresh,
  isPastDeadline,
  parseInstant,
  responseTargetOf,
} from '../../../domain/timeLimits';
import { SNOOZE_CHOICES } from '../../../domain/workingHours';
import { syncStatusText } from '../syncStatusText';
import type { Strings } from '../../../strings/en';
import {
  cardDateTime,
  clip,
  codeAsWords,
  companySize,
  currencyChoices,
  money,
  plainDate,
  roughDuration,
} from '../format';

const STAGE_COLORS: Record<Stage, TextColor> = {
  received: 'Accent',
  evaluating: 'Accent',
  accepted: 'Good',
  won: 'Good',
  lost: 'Attention',
  declined: 'Default',
  expired: 'Warning',
  missed: 'Default',
};
const MAX_NEEDS_CHARS = 1200;
const MAX_SOLUTION_CHARS = 300;

/**
 * Renders a referral's card as it stands at `now`. What the customer or a user wrote is
 * shown as typed (see `literal`); the forms' inputs hold it raw, to be saved as it was.
 */
export function referralCard(
  record: ReferralRecord,
  now: DateTime,
  strings: Strings,
  view: CardView = {},
): AdaptiveCard {
  return renderReferralCard(referralCardData(record, now, strings, view));
}

export function referralCardData(
  record: ReferralRecord,
  now: DateTime,
  strings: Strings,
  view: CardView = {},
): ReferralCardData {
  const { referral } = record;
  const s = strings.card;
  const stage = stageOfRecord(record);
  // Undecided: a new referral, or in the two-step flow one being evaluated.
  const received = stage === 'received' || stage === 'evaluating';
  const open = received && !isPastDeadline(record, now);
  const twoStep = record.desk.flow === 'twoStep';
  const contactFresh = isContactRequestFresh(referral, now);
  const closing = referral.details.closingDateTime ? parseInstant(referral.details.closingDateTime) : undefined;
  const today = now.toUTC().startOf('day');
  const worker = stage === 'accepted' && view.viewer !== undefined && mayWorkOn(record, view.viewer);
  const winBlock = winBlocked(record);
  return {
    referralId: referral.id,
    notice: view.notice ?? '',
    headerStyle: 'emphasis',
    stageLabel: strings.stage[stage],
    stageColor: STAGE_COLORS[stage],
    title: literal(referral.name || referral.customerProfile.name),
    subtitle: [literal(referral.customerProfile.name), countryName(referral.customerProfile.address.country)].join(
      ' · ',
    ),
    contactFlag:
      referral.details.customerRequestedContact && (received || stage === 'accepted')
        ? contactFresh
          ? s.contactRequestedFresh
          : s.contactRequestedOld
        : '',
    contactFlagColor: contactFresh ? 'Attention' : 'Default',
    ...statusLine(record, stage, now, strings),
    facts: facts(record, stage, strings),
    labels: { needs: received ? s.needs : s.notes },
    needs: needsText(record, received, strings),
    responseTarget: received ? responseTargetText(record, now, strings) : '',
    actionable: open && (!twoStep || stage === 'evaluating'),
    interest: { show: open && twoStep && stage === 'received', interested: s.interested, noThanks: s.noThanks },
    dealActions: worker,
    refreshUserIds: stage === 'accepted' ? dealWorkers(record) : [],
    dealActionsButton: stage === 'accepted' && view.viewer === undefined ? s.dealActions : '',
    accept: {
      buttonTitle: s.accept,
      title: s.acceptTitle,
      submit: s.confirmAccept,
      dealNameLabel: s.dealName,
      dealName: referral.name,
      dealNameError: s.required(s.dealName),
      dealValueLabel: s.dealValue,
      dealValue: referral.details.dealValue ?? null,
      dealValueError: s.positiveValue,
      currencyLabel: s.currency,
      currency: referral.details.currency ?? 'USD',
      currencyError: s.required(s.currency),
      currencies: currencyChoices(referral.details.currency),
      closingDateLabel: s.closingDate,
      closingDate: closing && closing >= today ? closing.toISODate() : null,
      minDate: today.toISODate()!,
      closingDateError: s.futureDate,
      notesLabel: s.acceptNotes,
      notes: '',
      notesError: s.required(strings.fieldNames.notes),
      crmIdLabel: s.crmIdOptional,
      crmId: referral.externalReferenceId ?? '',
      campaignIdLabel: s.campaignIdOptional,
      campaignId: referral.campaignId ?? '',
    },
    decline: {
      buttonTitle: s.decline,
      title: s.declineTitle,
      submit: s.confirmDecline,
      reasonLabel: s.declineReason,
      reasonError: s.required(s.reason),
      reasons: closeReasonChoices(strings),
      notesLabel: s.optionalNotes,
    },
    win: {
      allowed: !winBlock,
      buttonTitle: s.won,
      title: s.winTitle,
      submit: s.confirmWin,
      valueLabel: s.finalValue,
      value: referral.details.dealValue ?? null,
      valueError: s.positiveValue,
      notesLabel: s.optionalNotes,
    },
    lose: {
      buttonTitle: s.lost,
      title: s.loseTitle,
      submit: s.confirmLose,
      reasonLabel: s.lossReason,
      reasonError: s.required(s.reason),
      reasons: closeReasonChoices(strings),
      notesLabel: s.optionalNotes,
    },
    ...dealCardData(record, stage, worker, view, strings),
    winHint: worker && winBlock ? s.winAfterStages : '',
    reminder: {
      show: view.reminder === true && (open || stage === 'accepted'),
      snoozeLabel: s.snoozeLabel,
      snoozeChoices: SNOOZE_CHOICES.map((choice) => ({ title: s.snooze[choice], value: choice })),
      moveCloseDate: {
        show: view.reminder === true && worker,
        buttonTitle: s.moveCloseDate,
        label: s.newClosingDate,
        value: closing && closing >= today ? closing.toISODate() : null,
        minDate: today.toISODate()!,
        error: s.futureDate,
        submit: s.confirmMoveCloseDate,
      },
    },
  };
}

function closeReasonChoices(strings: Strings): Choice[] {
  return (Object.keys(CLOSE_REASONS) as CloseReason[]).map((code) => ({
    title: strings.closeReason[code],
    value: code,
  }));
}

function statusLine(
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
    const [leftText, when] = [roughDuration(left, strings.format), cardDateTime(deadline)];
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

function facts(record: ReferralRecord, stage: Stage, strings: Strings): Choice[] {
  const { referral, desk } = record;
  const s = strings.card;
  const list: [string, string | undefined][] = [];
  const value = referral.details.dealValue;
  const received = stage === 'received' || stage === 'evaluating';
  // The two-step flow shows the customer's contact details once someone is interested.
  const contactHidden = stage === 'received' && desk.flow === 'twoStep';
  // What Partner Center or a user wrote, shown as typed; the desk's own words stay as they are.
  const typed = (text: string | undefined) => text && literal(text);
  const { assistanceRequestCode: help } = referral.inviteContext ?? {};
  const { size } = referral.customerProfile;
  if (received) {
    list.push([s.source, strings.leadKind[leadKindOf(referral)]]);
    // Microsoft as the inviter is already in the source line; a partner is named.
    list.push([s.invitedBy, typed(invitingPartner(referral))]);
    list.push([s.helpRequested, typed(help && codeAsWords(help))]);
    list.push([s.location, typed(location(record))]);
    list.push([s.customerSize, typed(size && companySize(size))]);
    list.push([
      s.contact,
      contactHidden ? s.detailsAfterInterest : typed(contactText(referral.customerProfile.team?.[0])),
    ]);
  } else {
    list.push([s.owner, typed(desk.owner?.name)]);
    list.push([
      s.salesStage,
      stage === 'accepted'
        ? strings.salesStage[referral.salesStage ?? (desk.createdByPartner ? 'created' : 'none')]
        : undefined,
    ]);
    list.push([s.dealType, showsDealType(record) ? strings.dealType[dealTypeOf(record)] : undefined]);
    list.push([
      s.microsoftHelp,
      desk.microsoftHelp && isMicrosoftHelp(desk.microsoftHelp) ? strings.microsoftHelp[desk.microsoftHelp] : undefined,
    ]);
    list.push([s.invitedPartners, typed(desk.invitedPartners?.join(', '))]);
    list.push([
      s.dealSolutions,
      typed(
        solutionsOf(referral)
          .map((solution) => solution.name ?? solution.id)
          .join(', '),
      ),
    ]);
  }
  // An invitation from a partner carries that partner's own estimate of the deal.
  const inviter = typed(received ? invitingPartner(referral) : undefined);
  list.push([
    inviter ? s.partnerValue(inviter) : s.value,
    value !== undefined ? money(value, referral.details.currency, strings.format) : s.notStated,
  ]);
  if (referral.details.closingDateTime)
    list.push([
      inviter ? s.partnerCloseDate(inviter) : s.closeDate,
      plainDate(parseInstant(referral.details.closingDateTime), strings.format),
    ]);
  if (received) list.push([s.expires, plainDate(answerDeadlineOf(record), strings.format)]);
  list.push([s.crmId, received ? undefined : typed(referral.externalReferenceId)]);
  list.push([s.campaignId, received ? undefined : typed(referral.campaignId)]);
  if (stage === 'declined' || stage === 'lost') list.push([s.reason, typed(referral.statusReason)]);
  list.push([strings.partnerCenterSync.label, syncStatusText(record, strings)]);
  return list.filter((fact): fact is [string, string] => Boolean(fact[1])).map(([title, v]) => ({ title, value: v }));
}

/** A received marketplace lead has no deal type of its own; deals we created and co-sell ones do. */
function showsDealType(record: ReferralRecord): boolean {
  return record.desk.createdByPartner === true || dealTypeOf(record) !== 'private';
}

function location(record: ReferralRecord): string {
  const address = record.referral.customerProfile.address;
  return [address.city, address.state, countryName(address.country)].filter(Boolean).join(', ');
}

function contactText(person: TeamMember | undefined): string | undefined {
  if (!person) return undefined;
  const name = [person.firstName, person.lastName].filter(Boolean).join(' ');
  const text = [name, person.email, person.phoneNumber].filter(Boolean).join(' · ');
  return text || undefined;
}

/**
 * What the customer asked for (received) or the team's notes on the deal (afterwards), as
 * typed: cut to size first, so no cut falls inside an escape.
 */
function needsText(record: ReferralRecord, received: boolean, strings: Strings): string {
  const { details, inviteContext } = record.referral;
  if (!received) return literal(clip(details.notes ?? '', MAX_NEEDS_CHARS));
  const requirements = details.requirements;
  const solutions = requirements?.solutions?.map((solution) => solution.name ?? solution.id) ?? [];
  const asked = [details.notes, inviteContext?.notes, requirements?.additionalRequirements].filter(
    (part): part is string => Boolean(part?.trim()),
  );
  const text = asked.length > 0 ? literal(clip(asked.join('\n\n'), MAX_NEEDS_CHARS)) : undefined;
  const solutionsLine =
    solutions.length > 0 ? strings.card.solutions(literal(clip(solutions.join(', '), MAX_SOLUTION_CHARS))) : undefined;
  return [text, solutionsLine].filter(Boolean).join('\n\n');
}

function responseTargetText(record: ReferralRecord, now: DateTime, strings: Strings): string {
  const target = responseTargetOf(record.referral);
  return target > now ? strings.card.respondTarget(cardDateTime(target)) : strings.card.respondTargetMissed;
}
