/**
 * The rows of the schedule and their keys: what a piece of work looks like with its run
 * state, the partitions of plans, minute buckets, the marks of minutes with work and the
 * days' indexes of the earlier format, and the minute names buckets go by.
 */
import type { TableClient } from '@azure/data-tables';
import { DateTime } from 'luxon';
import type { ReminderKind } from '../domain/reminderKinds';
import { isStatus } from './errors';
import { encodeKey } from './tables';

/** A planned piece of work with how far it got: its run state is kept apart from the plan. */
export interface ScheduledWork {
  referralId: string;
  key: string;
  kind: ReminderKind;
  dueAt: string;
  /** Whom a direct message is for (actor id). */
  recipient?: string;
  /** `cancelled` also when it was given up after repeated failures. */
  state: 'pending' | 'done' | 'cancelled';
  /** A worker holds it until then (ISO), or ''. */
  claimedUntil: string;
  attempts: number;
  /** Version of its run record; '' while it has never been claimed. */
  etag: string;
}

/** A planned piece of work as the plan row keeps it. */
export interface PlanItem {
  key: string;
  kind: ReminderKind;
  dueAt: string;
  recipient?: string;
}

/** A referral's plan: its items as JSON, and the referral revision it was made from. */
export interface PlanEntity {
  partitionKey: string;
  rowKey: string;
  items: string;
  revision?: number;
}

/** How far one piece of work got, in the `runs` table. */
export interface RunEntity {
  partitionKey: string;
  rowKey: string;
  state: ScheduledWork['state'];
  claimedUntil: string;
  attempts: number;
}

/**
 * A day's index as the earlier format of the schedule kept it (one row per day, read and
 * written under its ETag for every minute added): the minutes (HH:mm) that had work then.
 * Still read, so work listed before the format changed runs; never written any more.
 */
export interface LegacyDayIndex {
  minutes: string;
}

/** The name of the scheduler's cursor and lease. */
export const SCHEDULER = 'scheduler';

/** A reference to work in a minute's bucket. */
export interface BucketItem {
  referralId: string;
  key: string;
}

/** The partition of a referral's plan, and of its work's run records. */
export const planPartition = (referralId: string) => `plan~${encodeKey(referralId)}`;
/** The partition of a minute's bucket of due work, and the row of its `index`th page. */
export const bucketPartition = (minute: string) => `due~${minute}`;
export const pageRow = (index: number) => `page-${index}`;
/** The partition of a day's marks of minutes with work (one row per hour), and of its index in the earlier format. */
export const marksPartition = (day: string) => `minutes~${day}`;
export const legacyDayPartition = (day: string) => `day~${day}`;
export const LEGACY_DAY_ROW = 'index';

/** A short jittered wait before another writer's change is read again. */
export function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * (attempt + 1)));
}

const MINUTE_FORMAT = "yyyy-MM-dd'T'HH:mm'Z'";

/** The minute a due time falls in, as its bucket's name (UTC, to the minute). */
export function minuteOf(instant: DateTime): string {
  return instant.toUTC().startOf('minute').toFormat(MINUTE_FORMAT);
}

export function nextMinute(minute: string): string {
  return DateTime.fromFormat(minute, MINUTE_FORMAT, { zone: 'utc' }).plus({ minutes: 1 }).toFormat(MINUTE_FORMAT);
}

/** A row by its keys with its ETag, or `null` when there is none. */
export async function getOrNull<T extends object>(
  table: TableClient,
  partitionKey: string,
  rowKey: string,
): Promise<(T & { etag: string }) | null> {
  try {
    return await table.getEntity<T>(partitionKey, rowKey);
  } catch (error) {
    if (isStatus(error, 404)) return null;
    throw error;
  }
}
