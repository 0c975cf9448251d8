import { DateTime } from 'luxon';
import type { FieldProblem } from './errors';
import type { TeamMember } from './referral';

/** Deal values above this are treated as typing mistakes. */
export const MAX_DEAL_VALUE = 1e12;
/** A deal's team holds at most this many people besides its owner. */
export const MAX_TEAM_MEMBERS = 20;

export function dealValueProblems(value: number, field = 'dealValue'): FieldProblem[] {
  if (!Number.isFinite(value)) return [{ field, problem: 'notANumber' }];
  if (value <= 0) return [{ field, problem: 'notPositive' }];
  if (value > MAX_DEAL_VALUE) return [{ field, problem: 'tooLarge' }];
  return [];
}

/** Whether `code` is written as an ISO 4217 currency code: three capital letters (EUR). */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code);
}

export function currencyProblems(currency: string): FieldProblem[] {
  return isCurrencyCode(currency) ? [] : [{ field: 'currency', problem: 'unknownCurrency' }];
}

/** An ISO date (yyyy-MM-dd) that is not before `earliest` (compared by UTC day). */
export function closingDateProblems(date: string, earliest: DateTime): FieldProblem[] {
  const closing = DateTime.fromISO(date, { zone: 'utc' });
  if (!closing.isValid) return [{ field: 'closingDate', problem: 'notADate' }];
  return closing < earliest.toUTC().startOf('day') ? [{ field: 'closingDate', problem: 'dateInPast' }] : [];
}

export function requiredText(value: string, field: string): FieldProblem[] {
  return value.trim() ? [] : [{ field, problem: 'required' }];
}

const EMAIL = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;.]{2,}$/;
/** Digits with the usual separators, optionally starting with +; 6 to 15 digits (E.164's limit). */
const PHONE = /^\+?[0-9 ().\-/]+$/;

export function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

export function isPhoneNumber(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return PHONE.test(value) && digits >= 6 && digits <= 15;
}

/** A person's name, phone and e-mail, each required and well formed; `prefix` names the fields. */
export function personProblems(person: TeamMember, prefix = ''): FieldProblem[] {
  const field = (name: string) => (prefix ? `${prefix}${name[0].toUpperCase()}${name.slice(1)}` : name);
  const problems: FieldProblem[] = [];
  problems.push(...requiredText(person.firstName ?? '', field('firstName')));
  problems.push(...requiredText(person.lastName ?? '', field('lastName')));
  const phone = person.phoneNumber ?? '';
  if (!phone.trim()) problems.push({ field: field('phoneNumber'), problem: 'required' });
  else if (!isPhoneNumber(phone)) problems.push({ field: field('phoneNumber'), problem: 'invalidPhone' });
  const email = person.email ?? '';
  if (!email.trim()) problems.push({ field: field('email'), problem: 'required' });
  else if (!isEmail(email)) problems.push({ field: field('email'), problem: 'invalidEmail' });
  return problems;
}

/** Whether two e-mails (or names) are the same, ignoring case and surrounding spaces. */
export function sameIgnoringCase(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
}
