import type { DateTime } from 'luxon';
import type { Choice } from '../../../cards/elements';
import type { AdaptiveCard } from '../../../cards/render';
import {
  renderSettingsCard,
  type DigestSection,
  type LanguageSection,
  type MessagesSection,
  type WorkingHoursSection,
} from '../../../cards/settingsCard';
import { CATALOGS, languageOf, OFFERED_LANGUAGES, spokenLanguage } from '../../strings/catalogs';
import { DEFAULT_DIGEST_TIME } from '../../domain/digestSchedule';
import { digestRegionsOf } from '../../referrals';
import { DIRECT_MESSAGE_KINDS, type DirectMessageKind } from '../../domain/messagePreferences';
import type { Actor } from '../../domain/referral';
import { likelyZones } from '../../domain/likelyZones';
import { canonicalZone, TIME_ZONES, WEEKDAYS } from '../../domain/userSettings';
import { hoursOfUser, type WorkingHours } from '../../domain/workingHours';
import type { Services } from '../../services';
import type { UserProfile } from '../../store';
import type { Strings } from '../../strings/en';
import { zoneName } from './zoneNames';

/** What a settings card says beside the user's values. */
export interface SettingsCardOptions {
  /** A line above the form (saved, not yours…). */
  notice?: string;
  /** Whether the user manages a region or is an admin: the digest's day and time, and the managers' messages. */
  getsDigest?: boolean;
  /** The language spoken to the user when neither they nor their client chose one. */
  deskLanguage?: string;
  zones?: ZoneOffer;
}

/** Which zones the card offers: every one, or those likely for the user (see likelyZones) and a button for the rest. */
export interface ZoneOffer {
  all?: boolean;
  /** The desk's countries (ISO alpha-2), whose zones are likely. */
  countries?: readonly string[];
}

/**
 * The settings card of `profile`'s user (the desk's defaults for a user it does not know
 * yet), with what `options` adds (see SettingsCardOptions).
 */
export function settingsCard(
  userId: string,
  profile: UserProfile | null,
  defaults: WorkingHours,
  now: DateTime,
  strings: Strings,
  { notice = '', getsDigest = false, deskLanguage = 'en', zones = {} }: SettingsCardOptions = {},
): AdaptiveCard {
  const s = strings.settings;
  return renderSettingsCard({
    userId,
    title: s.title,
    intro: s.intro,
    notice,
    workingHours: workingHoursSection(profile, defaults, now, strings, zones),
    messages: messagesSection(profile, getsDigest, strings),
    language: OFFERED_LANGUAGES.length > 1 ? languageSection(profile, deskLanguage, strings) : undefined,
    digest: getsDigest ? digestSection(profile, strings) : undefined,
    saveTitle: s.save,
  });
}

/** What a user's settings card reads: their profile, the desk's defaults, and whether they manage a region. */
export type SettingsCardServices = Pick<
  Services,
  'regions' | 'roles' | 'admins' | 'users' | 'defaultHours' | 'clock' | 'strings' | 'language'
>;

/** The settings card of `actor`, as stored now; `allZones` offers every zone at once. */
export async function userSettingsCard(
  services: SettingsCardServices,
  actor: Actor,
  notice?: string,
  allZones = false,
): Promise<AdaptiveCard> {
  const getsDigest = (await digestRegionsOf(services, actor)).length > 0;
  return settingsCard(
    actor.id,
    await services.users.get(actor.id),
    services.defaultHours,
    services.clock(),
    services.strings,
    {
      notice,
      getsDigest,
      deskLanguage: services.language,
      zones: { all: allZones, countries: services.regions.flatMap((region) => region.countries) },
    },
  );
}

function languageSection(profile: UserProfile | null, deskLanguage: string, strings: Strings): LanguageSection {
  const s = strings.settings;
  const value = languageOf(profile, deskLanguage);
  // A hidden catalog (the pseudo-locale) is listed only to whoever reads in it already, so Save keeps it.
  const listed = OFFERED_LANGUAGES.includes(value) ? OFFERED_LANGUAGES : [...OFFERED_LANGUAGES, value];
  return {
    label: s.language,
    value,
    error: s.languageError,
    choices: listed.map((code) => ({ title: CATALOGS[code].name, value: code })),
    source: spokenLanguage(profile?.language)
      ? s.languageChosen
      : spokenLanguage(profile?.locale)
        ? s.languageFromTeams
        : s.languageDefault,
  };
}

function digestSection(profile: UserProfile | null, strings: Strings): DigestSection {
  const s = strings.settings;
  const time = profile?.digestTime ?? DEFAULT_DIGEST_TIME;
  return {
    heading: s.digest,
    day: {
      label: s.digestDay,
      value: String(time.day),
      error: s.daysError,
      choices: WEEKDAYS.map((day) => ({ title: s.weekday[day - 1], value: String(day) })),
    },
    time: { label: s.digestTime, value: time.time, error: s.timeError },
    note: profile?.digestOff ? s.digestIsOff : s.digestNote,
  };
}

function workingHoursSection(
  profile: UserProfile | null,
  defaults: WorkingHours,
  now: DateTime,
  strings: Strings,
  offer: ZoneOffer,
): WorkingHoursSection {
  const s = strings.settings;
  const hours = hoursOfUser(profile, defaults);
  const zone = canonicalZone(hours.timeZone);
  // A zone Teams reported that the runtime does not list (e.g. Etc/GMT+5) stays selectable.
  const zones = offer.all
    ? TIME_ZONES.includes(zone)
      ? TIME_ZONES
      : [zone, ...TIME_ZONES]
    : likelyZones(zone, now.toMillis(), offer.countries ?? []);
  return {
    heading: s.workingHours,
    timeZone: {
      label: s.timeZone,
      placeholder: s.findTimeZone,
      error: s.timeZoneError,
      value: zone,
      source: profile?.timeZoneChosen ? s.zoneChosen : profile?.timeZone ? s.zoneFromTeams : s.zoneDefault,
      choices: zones.map((z) => zoneChoice(z, now, strings)),
      allZonesTitle: offer.all ? '' : s.allZones,
    },
    start: { label: s.dayStarts, value: hours.start, error: s.timeError },
    end: { label: s.dayEnds, value: hours.end, error: s.timeError },
    days: {
      label: s.days,
      value: hours.days.join(','),
      error: s.daysError,
      choices: WEEKDAYS.map((day) => ({ title: s.weekday[day - 1], value: String(day) })),
    },
    source: profile?.hours ? s.hoursChosen : s.hoursDefault,
  };
}

function messagesSection(profile: UserProfile | null, getsDigest: boolean, strings: Strings): MessagesSection {
  const s = strings.settings;
  const off = profile?.messagesOff ?? [];
  const kinds = shownMessageKinds(getsDigest);
  return {
    heading: s.messages,
    label: s.messagesLabel,
    value: kinds.filter((kind) => !off.includes(kind)).join(','),
    kinds: kinds.join(','),
    choices: kinds.map((kind) => ({ title: s.messageKind[kind], value: kind })),
    note: s.messagesNote,
  };
}

/** The messages a user may turn off: escalations only for those who get them, a region's managers and admins. */
function shownMessageKinds(getsDigest: boolean): DirectMessageKind[] {
  return DIRECT_MESSAGE_KINDS.filter((kind) => getsDigest || kind !== 'escalations');
}

/**
 * "Eastern Time — America/New York (UTC-05:00)": the zone's name in the reader's language, so they
 * find it by typing it ("Москва"), and its IANA name, underscores read as spaces, so typing "new
 * york" finds it too and zones sharing a name ("Central European Time") stay apart.
 */
function zoneChoice(zone: string, now: DateTime, strings: Strings): Choice {
  const offset = zone === 'UTC' ? '' : now.setZone(zone).toFormat('ZZ');
  const name = zoneName(zone, strings.format.locale, now);
  return { title: strings.settings.zoneChoice(name, zone.replace(/_/g, ' '), offset), value: zone };
}
