import { IANAZone } from 'luxon';
import type { FieldProblem } from './errors';
import { isLocalTime } from './workingHours';

/** ISO weekdays, 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * Every zone a user may pick: the IANA zones this runtime knows, plus UTC (which the runtime
 * does not list as a zone of its own), in alphabetical order.
 */
export const TIME_ZONES: readonly string[] = [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])].sort();

/** Time zone and working hours as a user entered them on the settings card, unchecked. */
export interface WorkingHoursChoice {
  timeZone: string;
  /** "HH:mm", local. */
  start: string;
  /** "HH:mm", local. */
  end: string;
  days: readonly number[];
}

/** A checked choice, ready to keep: the zone spelled as the runtime lists it, days sorted once each. */
export interface ChosenWorkingHours {
  timeZone: string;
  hours: { start: string; end: string; days: number[] };
}

/**
 * The zone as the runtime spells it, so a zone sent in another case or under an alias
 * ("europe/berlin", "US/Eastern") matches an entry of `TIME_ZONES`. Unknown zones are
 * returned as they are.
 */
export function canonicalZone(zone: string): string {
  if (!IANAZone.isValidZone(zone)) return zone;
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}

/** What is wrong with a choice of working hours, one problem per field (none: it may be kept). */
export function workingHoursProblems(choice: WorkingHoursChoice): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!choice.timeZone) problems.push({ field: 'timeZone', problem: 'required' });
  else if (!IANAZone.isValidZone(choice.timeZone)) problems.push({ field: 'timeZone', problem: 'unknownTimeZone' });
  const start = timeProblem(choice.start, 'workStart');
  const end = timeProblem(choice.end, 'workEnd');
  if (start) problems.push(start);
  if (end) problems.push(end);
  // "HH:mm" strings compare like the times they name; a working day does not run past midnight.
  if (!start && !end && choice.end <= choice.start) problems.push({ field: 'workEnd', problem: 'notAfterStart' });
  if (choice.days.length === 0) problems.push({ field: 'workDays', problem: 'noneChosen' });
  else if (choice.days.some((day) => !WEEKDAYS.includes(day as (typeof WEEKDAYS)[number])))
    problems.push({ field: 'workDays', problem: 'unknownChoice' });
  return problems;
}

/** The choice as it is kept; call only for a choice without problems. */
export function chosenWorkingHours(choice: WorkingHoursChoice): ChosenWorkingHours {
  return {
    timeZone: canonicalZone(choice.timeZone),
    hours: { start: choice.start, end: choice.end, days: [...new Set(choice.days)].sort((a, b) => a - b) },
  };
}

function timeProblem(time: string, field: string): FieldProblem | undefined {
  if (!time) return { field, problem: 'required' };
  return isLocalTime(time) ? undefined : { field, problem: 'notATime' };
}
