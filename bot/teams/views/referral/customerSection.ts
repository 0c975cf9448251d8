import { literal } from '../../../../cards/literal';
import type { Choice } from '../../../../cards/elements';
import { NEEDS_LINES } from '../../../../cards/referral/customer';
import type { ReferralCardData } from '../../../../cards/referral/referralCardData';
import { isAssistanceRequestCode } from '../../../domain/assistanceRequest';
import { countryName } from '../../../domain/countries';
import { invitingPartner, leadKindOf } from '../../../domain/leadKind';
import type { ReferralRecord } from '../../../domain/referral';
import type { Stage } from '../../../domain/stage';
import type { Strings } from '../../../strings/en';
import { clip, codeAsWords, companySize, type Formats } from '../format';

const MAX_NEEDS_CHARS = 1200;
const MAX_SOLUTION_CHARS = 300;

/**
 * Characters of a line on a phone (about 360 px wide); a wide character (Chinese, Japanese,
 * Korean) counts twice. Used to guess whether the needs run past NEEDS_LINES.
 */
const LINE_WIDTH = 40;

/**
 * Who the customer is and what they asked for: where the lead came from, whom to contact,
 * the customer's own request. On every card; once the referral is decided, collapsed under
 * "Customer", the deal's own facts coming first.
 */
export function customerSection(
  record: ReferralRecord,
  stage: Stage,
  strings: Strings,
): Pick<ReferralCardData, 'customer' | 'needs'> {
  const received = stage === 'received' || stage === 'evaluating';
  const text = needsText(record, received, strings);
  const s = strings.card;
  return {
    customer: {
      collapsed: !received,
      title: s.customer,
      facts: customerFacts(record, strings),
      ...contactOf(record, stage, strings),
    },
    needs: { label: s.needs, text, long: lineCount(text) > NEEDS_LINES, more: s.showMore, less: s.showLess },
  };
}

/** The customer's facts; those with nothing to say are left out. */
function customerFacts(record: ReferralRecord, strings: Strings): Choice[] {
  const { referral } = record;
  const s = strings.card;
  // What Partner Center wrote, shown as typed; the desk's own words stay as they are.
  const typed = (text: string | undefined) => text && literal(text);
  const { assistanceRequestCode: help } = referral.inviteContext ?? {};
  const { size } = referral.customerProfile;
  const list: [string, string | undefined][] = [
    [s.source, strings.leadKind[leadKindOf(referral)]],
    // Microsoft as the inviter is already in the source line; a partner is named.
    [s.invitedBy, typed(invitingPartner(referral))],
    [s.helpRequested, help && helpRequestedText(help, strings)],
    [s.location, typed(location(record, strings.format))],
    [s.customerSize, typed(size && companySize(size, strings.format))],
  ];
  return list.filter((fact): fact is [string, string] => Boolean(fact[1])).map(([title, value]) => ({ title, value }));
}

/**
 * Whom to contact, as Partner Center typed it, a line each; in the two-step flow, said to
 * come once someone is interested (and nothing at all once the referral is decided).
 */
function contactOf(
  record: ReferralRecord,
  stage: Stage,
  strings: Strings,
): Pick<ReferralCardData['customer'], 'contact'> {
  const label = strings.card.contact;
  if (record.desk.flow === 'twoStep' && !record.desk.interestedAt) {
    return stage === 'received' ? { contact: { label, lines: [strings.card.detailsAfterInterest] } } : {};
  }
  const person = record.referral.customerProfile.team?.[0];
  const name = [person?.firstName, person?.lastName].filter(Boolean).join(' ');
  const lines = [name, person?.email, person?.phoneNumber].filter((line): line is string => Boolean(line));
  return lines.length > 0 ? { contact: { label, lines: lines.map((line) => literal(line)) } } : {};
}

/**
 * What the customer asked for, as typed: cut to size first, so no cut falls inside an escape.
 * While undecided, the solutions they asked for too; afterwards the deal's solutions are a fact.
 */
function needsText(record: ReferralRecord, received: boolean, strings: Strings): string {
  const { details, inviteContext } = record.referral;
  const requirements = details.requirements;
  const solutions = received ? (requirements?.solutions?.map((solution) => solution.name ?? solution.id) ?? []) : [];
  const asked = [details.notes, inviteContext?.notes, requirements?.additionalRequirements].filter(
    (part): part is string => Boolean(part?.trim()),
  );
  const text = asked.length > 0 ? literal(clip(asked.join('\n\n'), MAX_NEEDS_CHARS)) : undefined;
  const solutionsLine =
    solutions.length > 0
      ? strings.card.solutions(literal(clip(strings.format.list(...solutions), MAX_SOLUTION_CHARS)))
      : undefined;
  return [text, solutionsLine].filter(Boolean).join('\n\n');
}

/** About how many lines `text` takes on a phone: each paragraph line wraps at LINE_WIDTH. */
export function lineCount(text: string): number {
  if (text === '') return 0;
  const width = (line: string) => [...line].reduce((sum, char) => sum + (char.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);
  return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(width(line) / LINE_WIDTH)), 0);
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
