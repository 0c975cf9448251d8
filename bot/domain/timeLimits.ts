import { DateTime, Duration } from 'luxon';
import type { Referral, ReferralRecord } from './referral';

/** Partner Center expires a referral nobody answered within this window. */
export const RESPONSE_WINDOW = Duration.fromObject({ days: 14 });
/** Partner Center recommends deciding on a new referral within this time. */
export const RESPONSE_TARGET = Duration.fromObject({ hours: 24 });
/** Older two-step flow: time to show interest after arrival, then to accept or decline. */
export const INTEREST_WINDOW = Duration.fromObject({ hours: 72 });
export const EVALUATION_WINDOW = Duration.fromObject({ days: 7 });
/** A customer's "please contact me" flag is prominent for this long. */
export const CONTACT_REQUEST_WINDOW = Duration.fromObject({ hours: 72 });

export function parseInstant(iso: string): DateTime {
  return DateTime.fromISO(iso, { zone: 'utc' });
}

/** When an undecided referral expires: as Partner Center said, else 14 days after creation. */
export function expiryOf(referral: Pick<Referral, 'createdDateTime'> & { expirationDateTime?: string }): DateTime {
  if (referral.expirationDateTime) return parseInstant(referral.expirationDateTime);
  return parseInstant(referral.createdDateTime).plus(RESPONSE_WINDOW);
}

/** The moment the 24-hour response target runs out. */
export function responseTargetOf(referral: Pick<Referral, 'createdDateTime'>): DateTime {
  return parseInstant(referral.createdDateTime).plus(RESPONSE_TARGET);
}

/** Whether the customer's contact request is still in its first 72 hours. */
export function isContactRequestFresh(referral: Pick<Referral, 'createdDateTime' | 'details'>, now: DateTime): boolean {
  if (!referral.details.customerRequestedContact) return false;
  return now < parseInstant(referral.createdDateTime).plus(CONTACT_REQUEST_WINDOW);
}

export function isExpiredAt(
  referral: Pick<Referral, 'createdDateTime' | 'expirationDateTime'>,
  now: DateTime,
): boolean {
  return now >= expiryOf(referral);
}

/**
 * When an undecided referral's current window closes: its expiry, or in the two-step flow
 * the 72 hours to show interest, then the 7 days to accept or decline (never past the expiry).
 */
export function answerDeadlineOf(record: ReferralRecord): DateTime {
  const expiry = expiryOf(record.referral);
  const { flow, interestedAt } = record.desk;
  if (flow !== 'twoStep') return expiry;
  const window = interestedAt
    ? parseInstant(interestedAt).plus(EVALUATION_WINDOW)
    : parseInstant(record.referral.createdDateTime).plus(INTEREST_WINDOW);
  return window < expiry ? window : expiry;
}

export function isPastDeadline(record: ReferralRecord, now: DateTime): boolean {
  return now >= answerDeadlineOf(record);
}
