import { DateTime, Duration } from 'luxon';
import type { Referral } from './referral';

/** Partner Center expires a referral nobody answered within this window. */
export const RESPONSE_WINDOW = Duration.fromObject({ days: 14 });
/** Partner Center recommends deciding on a new referral within this time. */
export const RESPONSE_TARGET = Duration.fromObject({ hours: 24 });
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

export function isExpiredAt(referral: Pick<Referral, 'createdDateTime' | 'expirationDateTime'>, now: DateTime): boolean {
  return now >= expiryOf(referral);
}
