import type { ReferralRecord } from './referral';

/** Words shorter than this are not looked up: too many deals would match. */
export const MIN_TERM = 3;
/** Longer words are indexed and looked up by their first this many characters. */
export const MAX_TERM = 24;

/** Lower case, without accents, split at anything that is neither a letter nor a digit. */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The words a referral is found by, each by any beginning of three characters or more: those
 * words (cut to MAX_TERM) of its customer's name, its deal name and its CRM ID that are long
 * enough, without those that begin another one (the longer one finds them). It is found by
 * its id too, whole only. Pure.
 */
export function searchWordsOf(record: ReferralRecord): string[] {
  const words = new Set(
    wordsOf(indexedText(record))
      .filter((word) => word.length >= MIN_TERM)
      .map((word) => word.slice(0, MAX_TERM)),
  );
  return [...words].filter((word) => ![...words].some((other) => other !== word && other.startsWith(word)));
}

/** Whether every query word begins a word the referral is found by (the whole id counts as one). */
export function matchesQuery(record: ReferralRecord, words: readonly string[]): boolean {
  const own = [record.referral.id.toLowerCase(), ...wordsOf(indexedText(record))];
  return words.every((word) => own.some((candidate) => candidate.startsWith(word)));
}

function indexedText(record: ReferralRecord): string {
  const { referral } = record;
  return [referral.customerProfile.name, referral.name, referral.externalReferenceId ?? ''].join(' ');
}

/**
 * How to look a query up: one term to read candidates by (the most telling: the whole text
 * when it is a referral id, else its longest word), and the words every match must contain.
 * Undefined when no word is long enough.
 */
export function searchPlan(query: string): { term: string; words: string[] } | undefined {
  const trimmed = query.trim().toLowerCase();
  if (/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/.test(trimmed)) return { term: trimmed, words: [] };
  const words = wordsOf(query).filter((word) => word.length >= MIN_TERM);
  if (words.length === 0) return undefined;
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  return { term: longest.slice(0, MAX_TERM), words };
}
