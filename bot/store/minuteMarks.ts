/**
 * Which minutes have work, so the scheduler finds them without reading every minute of a
 * day: one row per hour of a day (`minutes~<yyyy-MM-dd>` / `HH`), with a property `m<mm>`
 * for each of its minutes that has work, and one for the day (`hours`), with a property
 * `h<HH>` for each of its hours that has. A mark is merged into its rows unread, so writers
 * never read them first nor wait for each other; marks stay (a minute whose work has gone
 * reads as empty). The days' indexes of the earlier format are read too.
 */
import type { TableClient } from '@azure/data-tables';
import { getOrNull, LEGACY_DAY_ROW, legacyDayPartition, marksPartition, type LegacyDayIndex } from './scheduleKeys';

const MINUTE_MARK = /^m(\d\d)$/;
const HOUR_MARK = /^h(\d\d)$/;
const HOURS_ROW = 'hours';
/** Ranges of up to this many hours have their hours read straight away, without the day's row first. */
const FEW_HOURS = 2;

/** The marks of minutes with work, by day and hour. */
export class MinuteMarks {
  constructor(private readonly table: TableClient) {}

  /** Marks the minute (as `minuteOf` writes it) as having work. */
  async mark(minute: string): Promise<void> {
    const [day, hour, minuteOfHour] = [minute.slice(0, 10), minute.slice(11, 13), minute.slice(14, 16)];
    const partitionKey = marksPartition(day);
    await Promise.all([
      this.table.upsertEntity({ partitionKey, rowKey: hour, [`m${minuteOfHour}`]: true }, 'Merge'),
      this.table.upsertEntity({ partitionKey, rowKey: HOURS_ROW, [`h${hour}`]: true }, 'Merge'),
    ]);
  }

  /**
   * The minutes of `day` after `after` up to `through` (minutes as `minuteOf` writes them,
   * `through` on that day) that have work, in order: one read for each hour of the range that
   * has work (the day's row says which, unless the range is short), and one of the day's
   * index in the earlier format.
   */
  async between(day: string, after: string, through: string): Promise<string[]> {
    const first = after.slice(0, 10) === day ? Number(after.slice(11, 13)) : 0;
    const inRange = Array.from({ length: Number(through.slice(11, 13)) - first + 1 }, (_, i) =>
      String(first + i).padStart(2, '0'),
    );
    const [legacy, hours] = await Promise.all([
      getOrNull<LegacyDayIndex>(this.table, legacyDayPartition(day), LEGACY_DAY_ROW),
      inRange.length <= FEW_HOURS ? inRange : this.hoursWithWork(day, inRange),
    ]);
    const marked = await Promise.all(
      hours.map((hour) => getOrNull<Record<string, unknown>>(this.table, marksPartition(day), hour)),
    );
    const minutes = new Set((legacy ? (JSON.parse(legacy.minutes) as string[]) : []).map((time) => `${day}T${time}Z`));
    marked.forEach((row, i) => {
      for (const found of marks(row, MINUTE_MARK)) minutes.add(`${day}T${hours[i]}:${found}Z`);
    });
    return [...minutes].filter((minute) => minute > after && minute <= through).sort();
  }

  /** Those of the hours (HH) of the day that have work. */
  private async hoursWithWork(day: string, hours: readonly string[]): Promise<string[]> {
    const marked = marks(
      await getOrNull<Record<string, unknown>>(this.table, marksPartition(day), HOURS_ROW),
      HOUR_MARK,
    );
    return hours.filter((hour) => marked.includes(hour));
  }
}

/** The two digits of each property of the row named by `pattern`. */
function marks(row: Record<string, unknown> | null, pattern: RegExp): string[] {
  return Object.keys(row ?? {}).flatMap((property) => pattern.exec(property)?.[1] ?? []);
}
