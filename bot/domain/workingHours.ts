import { DateTime, Duration } from 'luxon';

/** When a user wants direct messages: days of the week (1 = Monday … 7 = Sunday) and hours in their zone. */
export interface WorkingHours {
  /** IANA time zone, e.g. Europe/Berlin. */
  timeZone: string;
  /** "HH:mm", local. */
  start: string;
  /** "HH:mm", local; after `start`. */
  end: string;
  days: readonly number[];
}

export const DEFAULT_WORKING_HOURS: WorkingHours = {
  timeZone: 'UTC',
  start: '09:00',
  end: '17:30',
  days: [1, 2, 3, 4, 5],
};

/** A week and a day: far enough to reach the next working day from anywhere in any week. */
const SEARCH_DAYS = 8;

function atLocal(day: DateTime, time: string): DateTime {
  const [hour, minute] = time.split(':').map(Number);
  // On a spring-forward day a time inside the gap comes out one hour later, as clocks show it.
  return day.set({ hour, minute, second: 0, millisecond: 0 });
}

/** The first moment at or after `at` that lies inside working hours (in UTC). */
export function nextWorkingMoment(at: DateTime, hours: WorkingHours): DateTime {
  const local = at.setZone(hours.timeZone);
  for (let offset = 0; offset < SEARCH_DAYS; offset++) {
    const day = local.startOf('day').plus({ days: offset });
    if (!hours.days.includes(day.weekday)) continue;
    const start = atLocal(day, hours.start);
    const end = atLocal(day, hours.end);
    if (local < start) return start.toUTC();
    if (local < end) return at.toUTC();
  }
  // No working day at all: deliver at once rather than never.
  return at.toUTC();
}

/**
 * When to deliver a direct message due at `due`: at once inside working hours, else when
 * they next begin, unless waiting would reach `latest` (the deadline the message is
 * about), in which case it goes at `due` after all.
 */
export function deliveryTime(due: DateTime, hours: WorkingHours, latest?: DateTime): DateTime {
  const next = nextWorkingMoment(due, hours);
  return latest && next >= latest ? due.toUTC() : next;
}

export const SNOOZE_CHOICES = ['oneHour', 'fourHours', 'tomorrowMorning'] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

export function isSnoozeChoice(value: string | undefined): value is SnoozeChoice {
  return (SNOOZE_CHOICES as readonly (string | undefined)[]).includes(value);
}

/** A reminder is never snoozed closer to its deadline than this, so it can still be acted on. */
export const SNOOZE_MARGIN = Duration.fromObject({ minutes: 30 });

/**
 * When a snoozed reminder comes back: in 1 or 4 hours, or tomorrow at the start of the
 * user's working day in their zone; never past the deadline, if there is one (then shortly
 * before it).
 */
export function snoozeUntil(choice: SnoozeChoice, now: DateTime, hours: WorkingHours, deadline?: DateTime): DateTime {
  const wanted =
    choice === 'oneHour'
      ? now.plus({ hours: 1 })
      : choice === 'fourHours'
        ? now.plus({ hours: 4 })
        : atLocal(now.setZone(hours.timeZone).startOf('day').plus({ days: 1 }), hours.start);
  if (!deadline) return wanted.toUTC();
  const latest = DateTime.max(now, deadline.minus(SNOOZE_MARGIN));
  return DateTime.min(wanted, latest).toUTC();
}

/** "HH:mm" from 00:00 to 23:59. */
export function isLocalTime(text: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(text);
}

/** A user's working hours: what they chose, else the desk's default hours in their own zone. */
export function hoursOfUser(
  user: { timeZone?: string; hours?: Omit<WorkingHours, 'timeZone'> } | null | undefined,
  defaults: WorkingHours,
): WorkingHours {
  return { ...defaults, ...user?.hours, timeZone: user?.timeZone ?? defaults.timeZone };
}
