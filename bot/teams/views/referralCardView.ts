import type { DateTime } from 'luxon';
import type { AdaptiveCard } from '../../../cards/render';
import { renderReferralCard, type Choice, type ReferralCardData, type TextColor } from '../../../cards/referralCard';
import { countryName } from '../../domain/countries';
import { invitingPartner, leadKindOf } from '../../domain/leadKind';
import { CLOSE_REASONS, type CloseReason } from '../../domain/reasons';
import { mayWorkOn } from '../../domain/permissions';
import type { Actor, ReferralRecord, TeamMember } from '../../domain/referral';
import { stageOf, type Stage } from '../../domain/stage';
import { expiryOf, isContactRequestFresh, isExpiredAt, parseInstant, responseTargetOf } from '../../domain/timeLimits';
import type { Strings } from '../../strings/en';
import { cardDateTime, clip, codeAsWords, companySize, money, plainDate, roughDuration } from './format';

const COMMON_CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'AUD', 'CAD', 'CHF', 'INR', 'BRL', 'MXN', 'SEK', 'NOK', 'DKK', 'SGD', 'ZAR', 'AED'];
const STAGE_COLORS: Record<Stage, TextColor> = {
  received: 'Accent',
  accepted: 'Good',
  won: 'Good',
  lost: 'Attention',
  declined: 'Default',
  expired: 'Warning',
};
const MAX_NEEDS_CHARS = 1200;

/**
 * Whose card it is and what it says on top. Without a viewer it is the channel's shared
 * card: read-only for an accepted deal, whose workers' clients each fetch their own
 * version (with Won and Lost) through the card's refresh.
 */
export interface CardView {
  viewer?: Actor;
  /** Shown in a banner on top, e.g. why an action did not apply. */
  notice?: string;
}

/** Renders a referral's card as it stands at `now`. */
export function referralCard(record: ReferralRecord, now: DateTime, strings: Strings, view: CardView = {}): AdaptiveCard {
  return renderReferralCard(referralCardData(record, now, strings, view));
}

export function referralCardData(record: ReferralRecord, now: DateTime, strings: Strings, view: CardView = {}): ReferralCardData {
  const { referral } = record;
  const s = strings.card;
  const stage = stageOf(referral);
  const received = stage === 'received';
  const contactFresh = isContactRequestFresh(referral, now);
  const closing = referral.details.closingDateTime ? parseInstant(referral.details.closingDateTime) : undefined;
  const today = now.toUTC().startOf('day');
  return {
    referralId: referral.id,
    notice: view.notice ?? '',
    headerStyle: 'emphasis',
    stageLabel: strings.stage[stage],
    stageColor: STAGE_COLORS[stage],
    title: referral.name || referral.customerProfile.name,
    subtitle: [referral.customerProfile.name, countryName(referral.customerProfile.address.country)].join(' · '),
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
    needs: clip(needsText(record, received, strings), MAX_NEEDS_CHARS),
    responseTarget: received ? responseTargetText(record, now, strings) : '',
    actionable: received && !isExpiredAt(referral, now),
    dealActions: stage === 'accepted' && view.viewer !== undefined && mayWorkOn(record, view.viewer),
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
  };
}

/** The Teams ids of the people working a deal, whose clients refresh the card. */
function dealWorkers(record: ReferralRecord): string[] {
  const owner = record.desk.owner?.teamsId;
  return owner ? [owner] : [];
}

function closeReasonChoices(strings: Strings): Choice[] {
  return (Object.keys(CLOSE_REASONS) as CloseReason[]).map((code) => ({ title: strings.closeReason[code], value: code }));
}

function statusLine(record: ReferralRecord, stage: Stage, now: DateTime, strings: Strings): { status: string; statusColor: TextColor } {
  const s = strings.card;
  const decision = record.desk.lastDecision;
  if (stage === 'received') {
    const expiry = expiryOf(record.referral);
    if (expiry <= now) return { status: s.expiredOn(cardDateTime(expiry)), statusColor: 'Attention' };
    const left = expiry.diff(now);
    const color: TextColor = left.as('hours') < 24 ? 'Attention' : left.as('days') < 3 ? 'Warning' : 'Default';
    return { status: s.timeLeft(roughDuration(left), cardDateTime(expiry)), statusColor: color };
  }
  if (stage === 'expired' && (!decision || decision.by.id === 'system')) {
    const closed = record.referral.closedDateTime ?? record.referral.updatedDateTime;
    return { status: s.expiredUnanswered(cardDateTime(parseInstant(closed))), statusColor: 'Warning' };
  }
  if (decision) {
    return { status: s.decided(strings.stage[stage], decision.by.name, cardDateTime(parseInstant(decision.at))), statusColor: STAGE_COLORS[stage] };
  }
  return { status: strings.stage[stage], statusColor: STAGE_COLORS[stage] };
}

function facts(record: ReferralRecord, stage: Stage, strings: Strings): Choice[] {
  const { referral, desk } = record;
  const s = strings.card;
  const list: [string, string | undefined][] = [];
  const value = referral.details.dealValue;
  if (stage === 'received') {
    list.push([s.source, strings.leadKind[leadKindOf(referral)]]);
    // Microsoft as the inviter is already in the source line; a partner is named.
    list.push([s.invitedBy, invitingPartner(referral)]);
    list.push([s.helpRequested, referral.inviteContext?.assistanceRequestCode && codeAsWords(referral.inviteContext.assistanceRequestCode)]);
    list.push([s.location, location(record)]);
    list.push([s.customerSize, referral.customerProfile.size && companySize(referral.customerProfile.size)]);
    list.push([s.contact, contactText(referral.customerProfile.team?.[0])]);
  } else {
    list.push([s.owner, desk.owner?.name]);
  }
  list.push([s.value, value !== undefined ? money(value, referral.details.currency) : s.notStated]);
  if (referral.details.closingDateTime) list.push([s.closeDate, plainDate(parseInstant(referral.details.closingDateTime))]);
  if (stage === 'received') list.push([s.expires, plainDate(expiryOf(referral))]);
  list.push([s.crmId, stage === 'received' ? undefined : referral.externalReferenceId]);
  list.push([s.campaignId, stage === 'received' ? undefined : referral.campaignId]);
  if (stage === 'declined' || stage === 'lost') list.push([s.reason, referral.statusReason]);
  return list.filter((fact): fact is [string, string] => Boolean(fact[1])).map(([title, v]) => ({ title, value: v }));
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

/** What the customer asked for (received) or the team's notes on the deal (afterwards). */
function needsText(record: ReferralRecord, received: boolean, strings: Strings): string {
  const { details, inviteContext } = record.referral;
  if (!received) return details.notes ?? '';
  const requirements = details.requirements;
  const solutions = requirements?.solutions?.map((solution) => solution.name ?? solution.id) ?? [];
  return [details.notes, inviteContext?.notes, requirements?.additionalRequirements, solutions.length ? strings.card.solutions(solutions.join(', ')) : undefined]
    .filter((part): part is string => Boolean(part && part.trim()))
    .join('\n\n');
}

function responseTargetText(record: ReferralRecord, now: DateTime, strings: Strings): string {
  const target = responseTargetOf(record.referral);
  return target > now ? strings.card.respondTarget(cardDateTime(target)) : strings.card.respondTargetMissed;
}

function currencyChoices(current: string | undefined): Choice[] {
  const codes = current && !COMMON_CURRENCIES.includes(current) ? [current, ...COMMON_CURRENCIES] : COMMON_CURRENCIES;
  return codes.map((code) => ({ title: code, value: code }));
}
