import { pcReferral } from '../../test/support/fixtures';
import type { User } from '../../test/support/teamsActivities';

const CITIES = ['Berlin', 'Hamburg', 'München', 'Köln', 'Frankfurt', 'Stuttgart', 'Leipzig', 'Dresden'];
const NEEDS = ['cloud migration', 'data platform', 'security review', 'Teams rollout', 'SAP on Azure', 'AI pilot'];

/** The referral id of bench referral `n` (Partner Center ids are GUIDs). */
export function benchReferralId(n: number): string {
  return `b0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** Bench referral `n`: a received lead in Germany (EMEA), its names and needs varied so words index apart. */
export function benchReferral(n: number): Record<string, unknown> {
  const base = pcReferral();
  const profile = base.customerProfile as Record<string, unknown>;
  const need = NEEDS[n % NEEDS.length];
  return {
    ...base,
    id: benchReferralId(n),
    engagementId: `e0000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    name: `Customer ${n} ${need}`,
    customerProfile: {
      ...profile,
      name: `Customer ${n} GmbH`,
      address: { addressLine1: `Straße ${n}`, city: CITIES[n % CITIES.length], postalCode: '10115', country: 'DE' },
    },
  };
}

/** Bench referrals `from` up to (not including) `to`. */
export function benchReferrals(from: number, to: number): Record<string, unknown>[] {
  return Array.from({ length: to - from }, (_, i) => benchReferral(from + i));
}

/** Sales reps of the bench team, each clicking as a person of their own. */
export function benchUsers(count: number): User[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `29:rep-${i}`,
    aadObjectId: `aad-rep-${i}`,
    name: `Rep ${i}`,
  }));
}

/** The Accept form as a rep fills it in. */
export const ACCEPT_FORM = {
  dealName: 'Migration wave 1',
  dealValue: '30000',
  currency: 'EUR',
  closingDate: '2027-02-15',
  notes: 'Two workshops, then the pilot.',
};
