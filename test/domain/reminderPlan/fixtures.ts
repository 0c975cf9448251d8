// The people a reminder plan reaches, where they work, and referrals at each step: shared by the reminder plan tests.
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { LifecycleCommand } from '../../../bot/domain/commands';
import { isDomainError } from '../../../bot/domain/errors';
import { arrival } from '../../../bot/domain/incoming';
import { decide } from '../../../bot/domain/lifecycle';
import type { Actor, ReferralRecord } from '../../../bot/domain/referral';
import type { PlanAudience, PlannedWork } from '../../../bot/domain/reminderPlan';
import type { WorkingHours } from '../../../bot/domain/workingHours';
import { receivedRecord } from '../../support/fixtures';

/** The instant of an ISO time, in UTC. */
export const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
export const REP: Actor = { id: 'aad-rep', name: 'EMEA Rep', teamsId: '29:rep' };
/** Weekday office hours, 09:00 to 17:30, in the given zone. */
export const hoursIn = (timeZone: string): WorkingHours => ({
  timeZone,
  start: '09:00',
  end: '17:30',
  days: [1, 2, 3, 4, 5],
});
/** A plan as `kind@due→recipient` lines, to compare at a glance. */
export const summary = (plan: PlannedWork[]) =>
  plan.map((w) => `${w.kind}@${w.dueAt.toISO()}${w.recipient ? `→${w.recipient}` : ''}`);
/** Nobody to escalate to, and everyone at work around the clock. */
export const NOBODY: PlanAudience = {
  managers: [],
  hoursOf: () => ({ timeZone: 'UTC', start: '00:00', end: '23:59', days: [1, 2, 3, 4, 5, 6, 7] }),
  turnedOff: () => [],
};
/** One manager of the region, in UTC around the clock. */
export const MANAGED: PlanAudience = { ...NOBODY, managers: ['aad-manager'] };
/** People by where they work: each id names a zone, with weekday office hours there. */
export const ZONES: Record<string, string> = {
  'aad-rep': 'Europe/Berlin',
  'aad-berlin': 'Europe/Berlin',
  'aad-newyork': 'America/New_York',
  'aad-sydney': 'Australia/Sydney',
};
/** Everyone in the office hours of their zone (see ZONES), with the given managers. */
export const officeHours = (managers: string[] = []): PlanAudience => ({
  managers,
  hoursOf: (id) => hoursIn(ZONES[id] ?? 'UTC'),
  turnedOff: () => [],
});

/** The record after the command, failing the test when decide() refused. */
export function decided(
  record: ReferralRecord,
  command: LifecycleCommand,
  actor: Actor,
  now: DateTime,
): ReferralRecord {
  const result = decide(record, command, actor, now);
  if (isDomainError(result)) assert.fail(JSON.stringify(result));
  return result.record;
}

/** A valid accept form. */
export const ACCEPT: LifecycleCommand = {
  action: 'accept',
  input: { dealName: 'Contoso', dealValue: 1000, currency: 'EUR', closingDate: '2027-01-31', notes: 'n' },
};

/** Evaluating in the two-step flow: REP said Interested at `interestedAt`. */
export function evaluating(createdDateTime: string, interestedAt: DateTime): ReferralRecord {
  const base = receivedRecord({
    createdDateTime,
    expirationDateTime: utc(createdDateTime).plus({ days: 14 }).toISO()!,
    details: { ...receivedRecord().referral.details, customerRequestedContact: false },
  });
  return decided(arrival(base.referral, interestedAt, 'twoStep').record, { action: 'interested' }, REP, interestedAt);
}
