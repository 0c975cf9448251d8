import { IANAZone } from 'luxon';
import { canonicalZone, TIME_ZONES } from './userSettings';

/**
 * At most this many zones are offered at first: with the reader's name for each, every zone
 * makes the settings card 40–50 KB; this many keep it small, and any other is one click away.
 */
export const MAX_LIKELY_ZONES = 80;

/** The zones ICU lists for a country (ISO alpha-2); none for a code it does not know. */
function zonesOfCountry(country: string): string[] {
  try {
    // ES2022's typings do not know the getter that Node has had since 18 (`getTimeZones()` in newer engines).
    const locale = new Intl.Locale(`und-${country.toUpperCase()}`) as Intl.Locale & {
      timeZones?: string[];
      getTimeZones?: () => string[];
    };
    return locale.getTimeZones?.() ?? locale.timeZones ?? [];
  } catch {
    return [];
  }
}

/**
 * The zones a user most likely wants, `current` first and the others in alphabetical order:
 * UTC, those sharing the current zone's UTC offset at `at` (epoch milliseconds), and the
 * zones of the desk's countries, as far as MAX_LIKELY_ZONES allows, in that order of
 * preference: a user's neighbours before the zones of a desk that may span the world.
 * Each is spelled as TIME_ZONES spells it; `current` is kept as it is even if it is not listed.
 */
export function likelyZones(current: string, at: number, countries: readonly string[]): string[] {
  const listed = new Set(TIME_ZONES);
  const offset = IANAZone.isValidZone(current) ? IANAZone.create(current).offset(at) : undefined;
  const sameOffset = TIME_ZONES.filter((zone) => offset !== undefined && IANAZone.create(zone).offset(at) === offset);
  const ofCountries = [...new Set(countries)].flatMap(zonesOfCountry).map(canonicalZone);
  const others = [...new Set(['UTC', ...sameOffset, ...ofCountries])].filter(
    (zone) => zone !== current && listed.has(zone),
  );
  return [current, ...others.slice(0, MAX_LIKELY_ZONES - 1).sort()];
}
