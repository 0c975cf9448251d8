import { appName } from '../en/vocabulary';

/** Each ASCII letter's accented look-alike: still readable, never ASCII. */
const LOOK_ALIKES: Readonly<Record<string, string>> = Object.fromEntries(
  [
    ['abcdefghijklmnopqrstuvwxyz', 'ȧƀƈḓḗƒɠħīĵķŀḿƞǿƥɋřşŧŭṽẇẋẏẑ'],
    ['ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'ȦƁƇḒḖƑƓĦĪĴĶĿḾȠǾƤɊŘŞŦŬṼẆẊẎẐ'],
  ].flatMap(([ascii, accented]) => [...ascii].map((letter, i) => [letter, [...accented][i]])),
);

/** What opens and closes every pseudo-localized text, so a cut-off end shows. */
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';
/** Lengthens a text by about a third, as many languages run longer than English: its vowels twice. */
const lengthened = (text: string) => text.replace(/[aeiouAEIOU]/g, (vowel) => vowel + vowel.toLowerCase());

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What stays exactly as written because something reads it: code spans (commands), link
 * targets and bare URLs, Teams mentions, card text functions, commands and codes quoted for
 * typing ("digest now emea", "de"), the app's name before a command (`@Referral Desk link emea`),
 * e-mail addresses, environment variable names and IANA time zones given as examples.
 */
export const MACHINE_READABLE = new RegExp(
  [
    '`[^`]*`',
    '\\]\\([^)\\s]*\\)',
    'https?://[^\\s)]+',
    '<at>[^<]*</at>',
    '\\{\\{[A-Z]+\\([^)]*\\)\\}\\}',
    '"[a-z0-9][a-z0-9 .@-]*"',
    `@${escaped(appName)}(?: [a-z0-9]+)*`,
    '[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+',
    '\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b',
    '\\b[A-Z][a-z]+/[A-Z][A-Za-z_]+\\b',
  ].join('|'),
  'g',
);

/** A run of `text` outside what is machine-readable (`keep: false`), or inside it. */
interface Run {
  text: string;
  keep: boolean;
}

function runs(text: string, kept: RegExp): Run[] {
  const parts: Run[] = [];
  let at = 0;
  for (const match of text.matchAll(kept)) {
    if (match.index > at) parts.push({ text: text.slice(at, match.index), keep: false });
    parts.push({ text: match[0], keep: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), keep: false });
  return parts;
}

/** Every ASCII letter of `text` as its look-alike. */
export function accented(text: string): string {
  return text.replace(/[A-Za-z]/g, (letter) => LOOK_ALIKES[letter]);
}

/**
 * `text` pseudo-localized: its letters accented, except what is machine-readable or matches
 * `alsoKept` (placeholders of data), lengthened by about a third, and bracketed. Text with no
 * letter of its own (a separator, an arrow, a list of data) stays as it is.
 */
export function pseudoText(text: string, alsoKept?: RegExp): string {
  const kept = alsoKept ? new RegExp(`${MACHINE_READABLE.source}|${alsoKept.source}`, 'g') : MACHINE_READABLE;
  const parts = runs(text, kept);
  const own = parts
    .filter((part) => !part.keep)
    .map((part) => part.text)
    .join('');
  if (!/[A-Za-z]/.test(own)) return text;
  const body = parts.map((part) => (part.keep ? part.text : accented(lengthened(part.text)))).join('');
  return `${PSEUDO_OPEN}${body}${PSEUDO_CLOSE}`;
}

/**
 * A luxon pattern whose quoted literals (`'at'`) are accented and whose tokens stay as they
 * are, so it still formats a date.
 */
export function pseudoPattern(pattern: string): string {
  return pattern.replace(/'[^']*'/g, (quoted) => accented(quoted));
}
