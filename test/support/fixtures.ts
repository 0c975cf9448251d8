import { DateTime } from 'luxon';
import type { Referral, ReferralRecord } from '../../bot/domain/referral';

/** The fixed "now" of the tests: a Monday morning in November 2026, UTC. */
export const NOW = DateTime.fromISO('2026-11-23T09:00:00.000Z', { zone: 'utc' });

export const fixedClock =
  (at: DateTime = NOW) =>
  () =>
    at;

/** A Partner Center referral as the API would send it (received, a marketplace lead). */
export function pcReferral(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'a1b2c3d4-0000-4000-8000-000000000001',
    engagementId: 'e1b2c3d4-0000-4000-8000-000000000001',
    name: 'Contoso cloud migration',
    createdDateTime: '2026-11-23T08:00:00Z',
    updatedDateTime: '2026-11-23T08:00:00Z',
    expirationDateTime: '2026-12-07T08:00:00Z',
    status: 'New',
    substatus: 'Received',
    type: 'Independent',
    qualification: 'Direct',
    direction: 'Incoming',
    customerProfile: {
      name: 'Contoso GmbH',
      size: '100to499employees',
      address: { addressLine1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
      team: [{ firstName: 'Anna', lastName: 'Schmidt', email: 'anna@contoso.example', phoneNumber: '+49 30 1234567' }],
    },
    details: {
      notes: 'We want to move 40 VMs to Azure before March.',
      dealValue: 25000,
      currency: 'EUR',
      customerRequestedContact: true,
      requirements: { solutions: [{ id: 'sol-1', name: 'Azure migration assessment' }] },
    },
    target: [{ id: 'loc-emea-1', type: 'BusinessProfileLocation' }],
    consent: { consentToToShareInfoWithOthers: true, consentToContact: true },
    ...overrides,
  };
}

/** The same referral as the domain holds it after arrival. */
export function receivedRecord(overrides: Partial<Referral> = {}): ReferralRecord {
  const referral = {
    ...(pcReferral() as unknown as Referral),
    expirationDateTime: '2026-12-07T08:00:00.000Z',
    ...overrides,
  };
  return { referral, desk: { revision: 1 } };
}
