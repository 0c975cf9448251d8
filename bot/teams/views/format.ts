import type { DateTime } from 'luxon';
import { literal } from '../../../cards/literal';
import { NO_THANKS_REASON } from '../../domain/lifecycle';
import { readCloseReason } from '../../domain/reasons';
import type { Strings } from '../../strings/en';

/**
 * An instant as Adaptive Card text functions, so each reader sees it in their own time
 * zone and locale (only TextBlocks evaluate them). The functions accept RFC 3339 without
 * fractions of a second only; with them, clients show the raw `{{DATE(…)}}` text.
 */
export function cardDateTime(instant: DateTime): string {
  const iso = instant.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
  return `{{DATE(${iso}, SHORT)}} {{TIME(${iso})}}`;
}

/** How a language writes numbers, dates and lengths of time (a catalog's `format`). */
export type Formats = Strings['format'];

/**
 * A calendar date for fact values, which do not evaluate text functions, and for sentences;
 * as Markdown shows it written ("4. Dez 2026" opening a fact would read as a numbered list).
 */
export function plainDate(instant: DateTime, f: Formats): string {
  return literal(instant.toUTC().setLocale(f.locale).toFormat(f.date));
}

/** "Tue 1 Dec at 09:00 (Europe/Berlin)": a time for one reader, in plain text (a message, not a card). */
export function localDateTime(instant: DateTime, timeZone: string, f: Formats): string {
  return `${instant.setZone(timeZone).setLocale(f.locale).toFormat(f.dateTime)} (${timeZone})`;
}

/**
 * A duration this many minutes short of a whole hour or day still reads as it: the scheduler
 * runs work a little after it is due, and a reminder planned 4 hours before a deadline says
 * "4 hours", as does the card it carries.
 */
const SHORT_BY_MINUTES = 5;

/**
 * The time left from `now` until `until`: "13 days", "20 hours", "45 minutes", the largest unit
 * that still reads as a whole (a few minutes short of a whole hour or day counting as it). Every
 * "time left" the desk shows, in a sentence or on a card, is this, so they agree.
 */
export function timeLeft(until: DateTime, now: DateTime, f: Formats): string {
  const minutes = until.diff(now).as('minutes');
  const hours = (minutes + SHORT_BY_MINUTES) / 60;
  if (hours >= 48) return f.days(Math.floor(hours / 24));
  if (hours >= 2) return f.hours(Math.floor(hours));
  return f.minutes(Math.max(1, Math.floor(minutes)));
}

/**
 * "€120,000" style money: cents only when there are any ("$25,000.50"); an unknown currency
 * code still shows the number and the code.
 */
export function money(value: number, currency: string | undefined, f: Formats): string {
  if (currency) {
    // A whole amount reads without ".00"; cents round to two places, whatever the currency's own digits.
    const digits = Math.round(value * 100) % 100 === 0 ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {};
    try {
      return new Intl.NumberFormat(f.locale, {
        style: 'currency',
        currency,
        maximumFractionDigits: 2,
        ...digits,
      }).format(value);
    } catch {
      return `${new Intl.NumberFormat(f.locale).format(value)} ${currency}`;
    }
  }
  return new Intl.NumberFormat(f.locale).format(value);
}

/** Cuts long free text so a card stays small; says so with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Partner Center's size codes ("100to499employees", "10000plusemployees") as the reader's language writes them. */
export function companySize(code: string, f: Formats): string {
  const range = code.replace(/(\d)to(\d)/, '$1–$2').replace(/(\d)plus/, '$1+');
  const employees = /^([\d–+]+)employees$/i.exec(range);
  return employees ? f.employees(employees[1]) : range;
}

/** Partner Center's PascalCase codes ("ProofOfConceptOrDemo") as a phrase: "Proof of concept or demo". */
export function codeAsWords(code: string): string {
  const words = code
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/\s+/);
  return words.map((word, i) => (i > 0 && !/^[A-Z\d]{2,}$/.test(word) ? word.toLowerCase() : word)).join(' ');
}

/** The currency a form offers first when the deal names none. */
export const DEFAULT_CURRENCY = 'USD';

const COMMON_CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'AUD',
  'CAD',
  'CHF',
  'INR',
  'BRL',
  'MXN',
  'SEK',
  'NOK',
  'DKK',
  'SGD',
  'ZAR',
  'AED',
];

/** The currencies a form offers: the common ones, and the current one first when it is not among them. */
export function currencyChoices(current: string | undefined): { title: string; value: string }[] {
  const codes = current && !COMMON_CURRENCIES.includes(current) ? [current, ...COMMON_CURRENCIES] : COMMON_CURRENCIES;
  return codes.map((code) => ({ title: code, value: code }));
}

/**
 * A referral's `statusReason` in the reader's words: a documented reason (with the notes after
 * it as typed) or the two-step flow's No thanks, said as its button says it; any other text,
 * Partner Center's own, as typed.
 */
export function reasonText(value: string, strings: Strings): string {
  if (value === NO_THANKS_REASON) return strings.card.noThanks;
  const read = readCloseReason(value);
  if (!read) return literal(value);
  const label = strings.closeReason[read.reason];
  return read.notes ? `${label}: ${literal(read.notes)}` : label;
}
