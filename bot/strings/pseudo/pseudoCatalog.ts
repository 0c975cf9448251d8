import type { Strings } from '../en';
import { pseudoPattern, pseudoText } from './pseudoText';

/**
 * Private-use characters around a placeholder's number: no catalog text holds them, and
 * they have no case, so a placeholder survives whatever the catalog does to its argument.
 */
const OPEN = '\uE000';
const CLOSE = '\uE001';
/**
 * A placeholder ends in a mixed-case mark: lower-cased or upper-cased by the catalog's
 * function (`stage.toLowerCase()`), it shows that the argument is to be too.
 */
const PLACEHOLDER = new RegExp(`${OPEN}(\\d+)(Aa|aa|AA)${CLOSE}`, 'g');
const PLACEHOLDER_KEPT = new RegExp(`${OPEN}\\d+(?:Aa|aa|AA)${CLOSE}`);

type Sentence = (...args: unknown[]) => unknown;

/**
 * A catalog function's pseudo-localized twin: the English function, called with a placeholder
 * for each non-empty text argument (numbers, booleans and missing ones pass as they are, so
 * plurals and choices come out as in English), its words pseudo-localized, and the real
 * arguments put back unchanged: names, numbers and customers' text are data, not the
 * catalog's. A test of an argument's content (`targets.includes(',')`) sees the placeholder.
 */
function pseudoSentence(english: Sentence): Sentence {
  const twin = (...args: unknown[]) => {
    const placeholders = args.map((arg, i) => (typeof arg === 'string' && arg !== '' ? `${OPEN}${i}Aa${CLOSE}` : arg));
    const result = english(...placeholders);
    if (typeof result !== 'string') return result;
    return pseudoText(result, PLACEHOLDER_KEPT).replace(PLACEHOLDER, (_, i: string, mark: string) => {
      const arg = String(args[Number(i)]);
      return mark === 'aa' ? arg.toLowerCase() : mark === 'AA' ? arg.toUpperCase() : arg;
    });
  };
  // Callers and the catalog checks read a function's parameter count.
  return Object.defineProperty(twin, 'length', { value: english.length });
}

/** Every text, list and function of `value` pseudo-localized, in the same shape. */
function pseudoValue(value: unknown): unknown {
  if (typeof value === 'string') return pseudoText(value);
  if (typeof value === 'function') return pseudoSentence(value as Sentence);
  if (Array.isArray(value)) return value.map(pseudoValue);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, pseudoValue(inner)]));
  return value;
}

/**
 * How the pseudo-locale writes numbers and dates: English's locale (no runtime knows the
 * pseudo-locale) and English's luxon patterns with their literal words accented, so every
 * pattern still formats; its functions are pseudo-localized like any other.
 */
function pseudoFormat(format: Strings['format']): Strings['format'] {
  return Object.fromEntries(
    Object.entries(format).map(([key, value]) => [
      key,
      key === 'locale' ? value : typeof value === 'string' ? pseudoPattern(value) : pseudoValue(value),
    ]),
  ) as Strings['format'];
}

/**
 * A catalog derived from `english`, never written by hand: every word accented, every text
 * lengthened by about a third and bracketed, so text cut off or left out of the catalogs
 * shows at a glance; what software reads (commands, links, patterns, data) stays as it is.
 */
export function pseudoCatalog(english: Strings): Strings {
  const { format, ...rest } = english;
  return { ...(pseudoValue(rest) as Omit<Strings, 'format'>), format: pseudoFormat(format) };
}
