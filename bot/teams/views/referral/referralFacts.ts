import { literal } from '../../../../cards/literal';
import type { Choice } from '../../../../cards/elements';
import { isAssistanceRequestCode } from '../../../domain/assistanceRequest';
import { countryName } from '../../../domain/countries';
import { invitingPartner, leadKindOf } from '../../../domain/leadKind';
import { dealTypeOf, isMicrosoftHelp } from '../../../domain/dealType';
import type { ReferralRecord, TeamMember } from '../../../domain/referral';
import { solutionsOf } from '../../../domain/solutions';
import type { Stage } from '../../../domain/stage';
import { answerDeadlineOf, parseInstant } from '../../../domain/timeLimits';
import { syncStatusText } from '../syncStatusText';
import type { Strings } from '../../../strings/en';
import { codeAsWords, companySize, money, plainDate, type Formats } from '../format';

/**
 * The facts a referral card lists at `stage`: where the lead came from and whom to contact while
 * undecided, the deal's owner, stage and solutions afterwards; value, dates and sync status always.
 * Facts with nothing to say are left out.
 */
export function referralFacts(record: ReferralRecord, stage: Stage, strings: Strings): Choice[] {
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
    list.push([s.helpRequested, help && helpRequestedText(help, strings)]);
    list.push([s.location, typed(location(record, strings.format))]);
    list.push([s.customerSize, typed(size && companySize(size, strings.format))]);
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
    list.push([s.invitedPartners, typed(desk.invitedPartners && strings.format.list(...desk.invitedPartners))]);
    list.push([
      s.dealSolutions,
      typed(strings.format.list(...solutionsOf(referral).map((solution) => solution.name ?? solution.id))),
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

/** A known help request in the reader's language; an unknown code as words, shown as Partner Center typed it. */
function helpRequestedText(code: string, strings: Strings): string {
  return isAssistanceRequestCode(code) ? strings.helpRequested[code] : literal(codeAsWords(code));
}

function location(record: ReferralRecord, f: Formats): string {
  const address = record.referral.customerProfile.address;
  const parts = [address.city, address.state, countryName(address.country, f.locale)];
  return f.list(...parts.filter((part): part is string => Boolean(part)));
}

function contactText(person: TeamMember | undefined): string | undefined {
  if (!person) return undefined;
  const name = [person.firstName, person.lastName].filter(Boolean).join(' ');
  const text = [name, person.email, person.phoneNumber].filter(Boolean).join(' · ');
  return text || undefined;
}
