import type { DateTime } from 'luxon';

/** Names already looked up, by locale and zone: ICU takes about a third of a millisecond for each. */
const known = new Map<string, string>();

/**
 * A time zone's generic name in `locale`, as the language calls it ("Москва, стандартное время",
 * "日本標準時", "Eastern Time"), or '' where the language has only the zone's offset for it
 * ("GMT-05:00"), which the choice shows anyway. Generic names do not change with the season;
 * the name first looked up stands for the process's life.
 */
export function zoneName(zone: string, locale: string, at: DateTime): string {
  const key = `${locale}\u0000${zone}`;
  let name = known.get(key);
  if (name === undefined) {
    const generic = nameOf(zone, locale, at, 'longGeneric');
    const offsets = [nameOf(zone, locale, at, 'longOffset'), nameOf(zone, locale, at, 'shortOffset')];
    name = offsets.includes(generic) ? '' : generic;
    known.set(key, name);
  }
  return name;
}

/** Only the zone's part of a formatted instant: the date around it is the language's, not the zone's. */
function nameOf(zone: string, locale: string, at: DateTime, style: Intl.DateTimeFormatOptions['timeZoneName']): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style }).formatToParts(at.toJSDate());
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
}
