import type { DateTime } from 'luxon';
import type { PlannedWork } from './reminderPlan';
import type { FieldProblem } from './errors';
import { isLocalTime, type WorkingHours } from './workingHours';

/** When a manager gets the weekly digest: a day of the week (1 = Monday … 7 = Sunday) and a local time. */
export interface DigestTime {
  day: number;
  /** "HH:mm", in the manager's zone. */
  time: string;
}

export const DEFAULT_DIGEST_TIME: DigestTime = { day: 1, time: '09:00' };

/** What is wrong with a chosen digest time, a problem per field (`digestDay`, `digestTime`). */
export function digestTimeProblems(choice: DigestTime): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!Number.isInteger(choice.day) || choice.day < 1 || choice.day > 7)
    problems.push({ field: 'digestDay', problem: 'unknownChoice' });
  if (!isLocalTime(choice.time)) problems.push({ field: 'digestTime', problem: choice.time ? 'notATime' : 'required' });
  return problems;
}

const SCHEDULE_PREFIX = 'digest~';

/** The id a manager's digests are scheduled under (beside the referrals' plans). */
export function digestScheduleId(managerId: string): string {
  return `${SCHEDULE_PREFIX}${managerId}`;
}

/** The manager whose digests are scheduled under `id`. */
export function managerOfSchedule(id: string): string {
  return id.slice(SCHEDULE_PREFIX.length);
}

/**
 * A manager's coming digests: the next at their day and time in their zone, and the one a
 * week later (so the schedule goes on once the next is sent, even if nothing re-plans it).
 * Each is keyed by the ISO week it falls in, so moving the day within a week does not bring
 * a second digest that week. Clocks moving (DST) keep the local time. Pure.
 */
export function digestPlan(time: DigestTime, zone: Pick<WorkingHours, 'timeZone'>, now: DateTime): PlannedWork[] {
  const [hour, minute] = time.time.split(':').map(Number);
  const local = now.setZone(zone.timeZone);
  let next = local.set({ weekday: time.day as 1 | 2 | 3 | 4 | 5 | 6 | 7, hour, minute, second: 0, millisecond: 0 });
  if (next <= local) next = next.plus({ weeks: 1 });
  return [next, next.plus({ weeks: 1 })].map((at) => ({
    kind: 'digest',
    dueAt: at.toUTC(),
    key: `digest:${at.toISOWeekDate()!.slice(0, 8)}`,
  }));
}
