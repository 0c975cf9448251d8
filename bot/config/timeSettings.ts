import { Duration } from 'luxon';
import { z } from 'zod';
import { isLocalTime } from '../domain/workingHours';

const DURATION = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DURATION_HINT = 'must be a length of time such as 20h, 3d, 90m or 1d12h';

/** "20h", "3d", "90m", "1d12h": a length of time longer than zero. */
function parseDuration(text: string): Duration | undefined {
  const match = DURATION.exec(text.trim().toLowerCase());
  if (!match || !text.trim()) return undefined;
  const [days, hours, minutes] = match.slice(1).map((part) => Number(part ?? 0));
  const duration = Duration.fromObject({ days, hours, minutes });
  return duration.toMillis() > 0 ? duration : undefined;
}

/** A setting that is `fallback` when unset, else read by `parse`, which names what is wrong. */
function setting<T>(fallback: T, parse: (text: string) => T | string) {
  return z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return fallback;
      const value = parse(text);
      if (typeof value !== 'string') return value;
      ctx.addIssue({ code: 'custom', message: value });
      return z.NEVER;
    });
}

export const durationSetting = (fallback: Duration) =>
  setting(fallback, (text) => parseDuration(text) ?? DURATION_HINT);

/** "3d,1d,4h": lengths of time, longest first. */
export const durationListSetting = (fallback: readonly Duration[]) =>
  setting(fallback, (text) => {
    const durations = text.split(',').map(parseDuration);
    if (durations.some((d) => d === undefined)) return `${DURATION_HINT}, separated by commas`;
    return (durations as Duration[]).sort((a, b) => b.toMillis() - a.toMillis());
  });

/** "09:00-17:30": a working day's start and end, local time. */
export const workingTimeSetting = (fallback: { start: string; end: string }) =>
  setting(fallback, (text) => {
    const [start = '', end = '', ...rest] = text.split('-').map((part) => part.trim());
    if (rest.length > 0 || !isLocalTime(start) || !isLocalTime(end) || start >= end) {
      return 'must be two times HH:mm-HH:mm, the start before the end, e.g. 09:00-17:30';
    }
    return { start, end };
  });

/** "mon,tue,wed,thu,fri": working days, as ISO weekdays (1 = Monday … 7 = Sunday). */
export const weekdaysSetting = (fallback: readonly number[]) =>
  setting(fallback, (text) => {
    const days = text.split(',').map((day) => WEEKDAYS.indexOf(day.trim().toLowerCase()) + 1);
    if (days.some((day) => day === 0)) return `must be days of the week separated by commas, of ${WEEKDAYS.join(', ')}`;
    return [...new Set(days)].sort();
  });
