import type { DateTime } from 'luxon';
import type { AdaptiveCard } from '../../../../cards/render';
import { literal } from '../../../../cards/literal';
import type { Choice } from '../../../../cards/elements';
import { renderReferralCard } from '../../../../cards/referral/referralCard';
import type { ReferralCardData } from '../../../../cards/referral/referralCardData';
import type { CardView } from './cardView';
import { dealCardData, dealWorkers } from './dealCardSections';
import { referralFacts } from './referralFacts';
import { customerSection } from './customerSection';
import { statusLine } from './referralStatusLine';
import { countryName } from '../../../domain/countries';
import { CLOSE_REASONS, type CloseReason } from '../../../domain/reasons';
import { winBlocked } from '../../../domain/dealChanges';
import { mayWorkOn } from '../../../domain/permissions';
import type { ReferralRecord } from '../../../domain/referral';
import { stageOfRecord } from '../../../domain/stage';
import { isContactRequestFresh, isPastDeadline, parseInstant, responseTargetOf } from '../../../domain/timeLimits';
import { SNOOZE_CHOICES } from '../../../domain/workingHours';
import type { Strings } from '../../../strings/en';
import { cardDateTime, clip, currencyChoices, DEFAULT_CURRENCY } from '../format';

const MAX_NOTES_CHARS = 1200;

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
    title: literal(referral.name || referral.customerProfile.name),
    subtitle: [
      literal(referral.customerProfile.name),
      countryName(referral.customerProfile.address.country, strings.format.locale),
    ].join(' · '),
    contactFlag:
      referral.details.customerRequestedContact && (received || stage === 'accepted')
        ? contactFresh
          ? s.contactRequestedFresh
          : s.contactRequestedOld
        : '',
    contactFlagColor: contactFresh ? 'Attention' : 'Default',
    ...statusLine(record, stage, now, strings),
    facts: referralFacts(record, stage, strings),
    ...customerSection(record, stage, strings),
    // The team's own words, shown as typed: cut to size first, so no cut falls inside an escape.
    deskNotes: { label: s.notes, text: literal(clip(record.desk.notes ?? '', MAX_NOTES_CHARS)) },
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
      currency: referral.details.currency ?? DEFAULT_CURRENCY,
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
      valueLabel: s.finalValue(referral.details.currency ?? DEFAULT_CURRENCY),
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

function responseTargetText(record: ReferralRecord, now: DateTime, strings: Strings): string {
  const target = responseTargetOf(record.referral);
  return target > now ? strings.card.respondTarget(cardDateTime(target)) : strings.card.respondTargetMissed;
}
