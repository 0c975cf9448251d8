/**
 * Validating and displaying ISO 3166-1 alpha-2 country codes; the codes themselves are in countryCodes.ts.
 */
import { COUNTRY_CODES } from './countryCodes';

export { COUNTRY_CODES } from './countryCodes';

const COUNTRY_CODE_SET: ReadonlySet<string> = new Set(COUNTRY_CODES);

/**
 * Returns the canonical (trimmed, upper-case) form of `code`, or `undefined`
 * when it is not an officially assigned ISO 3166-1 alpha-2 code.
 *
 * @example normalizeCountryCode(' de ') // 'DE'
 * @example normalizeCountryCode('XK') // undefined
 */
export function normalizeCountryCode(code: string): string | undefined {
  const candidate = code.trim().toUpperCase();
  return COUNTRY_CODE_SET.has(candidate) ? candidate : undefined;
}

/**
 * Whether `code` is an officially assigned ISO 3166-1 alpha-2 code.
 * Case-insensitive; surrounding whitespace is ignored.
 */
export function isCountryCode(code: string): boolean {
  return normalizeCountryCode(code) !== undefined;
}

const displayNamesByLocale = new Map<string, Intl.DisplayNames | null>();

function displayNamesFor(locale: string): Intl.DisplayNames | null {
  let names = displayNamesByLocale.get(locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    } catch {
      names = null;
    }
    displayNamesByLocale.set(locale, names);
  }
  return names;
}

/**
 * The display name of a country in `locale` (for example `'Germany'` for `'DE'`),
 * using `Intl.DisplayNames`. Falls back to the code itself when the code is not
 * valid, the locale is not usable or the runtime has no name for it.
 */
export function countryName(code: string, locale = 'en'): string {
  const normalized = normalizeCountryCode(code);
  if (normalized === undefined) {
    return code;
  }
  try {
    return displayNamesFor(locale)?.of(normalized) ?? normalized;
  } catch {
    return normalized;
  }
}
