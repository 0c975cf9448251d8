/**
 * Realistic incoming referrals for the simulator, made from a seed: the same seed and
 * `now` always give the same referral. They vary as Partner Center's do: customer
 * inquiries from the marketplace, leads Microsoft qualified, co-sell invitations from
 * Microsoft or another partner; in countries the default regions route, in each
 * country's currency, some with the customer asking to be contacted.
 */
import type { DateTime, Duration } from 'luxon';
import {
  ASSISTANCE_REQUESTS,
  COMPANY_SIZES,
  CONTACT_ROLES,
  COUNTRIES,
  CUSTOMERS,
  INDUSTRIES,
  MICROSOFT,
  OWN_ORGANIZATION,
  PARTNER_INVITERS,
  PROJECTS,
} from './generatorData';
import { SeededRandom } from './seededRandom';

/** The kinds of referral generated, and how often each comes, out of 100. */
export const REFERRAL_MIX = { customerInquiry: 35, qualifiedLead: 30, coSellMicrosoft: 20, coSellPartner: 15 } as const;
/** A kind of generated referral (see REFERRAL_MIX). */
export type GeneratedKind = keyof typeof REFERRAL_MIX;

/** Days from creation to expiry when nobody answers (Partner Center's 14). */
export const EXPIRES_AFTER_DAYS = 14;

/** What a generated referral may be told beyond its seed and time. */
export interface GeneratorOptions {
  /** The partner organization receiving the referral. */
  organization?: { id: string; name: string };
}

function kindOf(random: SeededRandom): GeneratedKind {
  let roll = random.int(0, 99);
  for (const [kind, share] of Object.entries(REFERRAL_MIX) as [GeneratedKind, number][]) {
    if (roll < share) return kind;
    roll -= share;
  }
  return 'customerInquiry';
}

/** A deal value in the local currency, rounded as people write them. */
function dealValue(random: SeededRandom, dollars: [number, number], perDollar: number): number {
  const local = random.int(dollars[0], dollars[1]) * perDollar;
  const step = 10 ** Math.max(3, Math.floor(Math.log10(local)) - 1);
  return Math.max(step, Math.round(local / step) * step);
}

const iso = (instant: DateTime) => instant.toUTC().toISO({ suppressMilliseconds: true })!;

/** One referral in Partner Center's JSON, created (and last updated) at `now`, New/Received. */
export function generateReferral(seed: number, now: DateTime, options: GeneratorOptions = {}): Record<string, unknown> {
  const random = new SeededRandom(seed);
  const kind = kindOf(random);
  const country = random.pick(COUNTRIES);
  const customer = random.pick(CUSTOMERS);
  const project = random.pick(PROJECTS);
  const organization = options.organization ?? OWN_ORGANIZATION;
  const [firstName, lastName] = random.pick(CONTACT_ROLES);
  const email = `${firstName}.${lastName}`.toLowerCase().replace(/\s+/g, '.');
  const created = now.toUTC();
  const customerName = `${customer.name} ${country.legalForm}`;

  const hasValue = kind !== 'customerInquiry' || random.chance(0.6);
  const closing = created.plus({ days: random.int(30, 180) }).startOf('day');
  const details: Record<string, unknown> = {
    notes: project.notes,
    ...(hasValue
      ? { dealValue: dealValue(random, project.dollars, country.perDollar), currency: country.currency }
      : {}),
    ...(hasValue && kind !== 'customerInquiry' ? { closingDateTime: iso(closing) } : {}),
    customerRequestedContact: kind === 'customerInquiry' ? random.chance(0.5) : random.chance(0.15),
    requirements: {
      industries: [{ id: random.pick(INDUSTRIES) }],
      products: project.products.map((id) => ({ id })),
      services: project.services.map((id) => ({ id })),
      solutions: project.solutions.map((solution) => ({ ...solution })),
    },
  };

  let inviteContext: Record<string, unknown> | undefined;
  if (kind === 'qualifiedLead') {
    inviteContext = {
      invitedBy: { ...MICROSOFT },
      notes: 'Qualified by Microsoft: the customer confirmed budget and timeline.',
    };
  } else if (kind === 'coSellMicrosoft') {
    const request = random.pick(ASSISTANCE_REQUESTS);
    inviteContext = { invitedBy: { ...MICROSOFT }, notes: request.notes, assistanceRequestCode: request.code };
  } else if (kind === 'coSellPartner') {
    const inviter = random.pick(PARTNER_INVITERS);
    inviteContext = {
      invitedBy: { ...inviter },
      notes: `${inviter.organizationName} leads this deal and asks for help with the ${project.name}.`,
      assistanceRequestCode: 'CustomerTechnicalArchitecture',
    };
  } else if (random.chance(0.3)) {
    inviteContext = {
      invitedBy: { ...MICROSOFT },
      notes: 'The customer contacted Microsoft through the marketplace listing.',
    };
  }

  const shared = kind === 'coSellMicrosoft' || (kind === 'coSellPartner' && random.chance(0.5));
  const qualification =
    kind === 'customerInquiry'
      ? 'Direct'
      : kind === 'qualifiedLead'
        ? random.pick(['MarketingQualified', 'SalesQualified'])
        : 'SalesQualified';
  const id = random.guid();
  return {
    id,
    engagementId: random.guid(),
    name: `${customer.name} ${project.name}`,
    organizationId: organization.id,
    organizationName: organization.name,
    createdDateTime: iso(created),
    updatedDateTime: iso(created),
    expirationDateTime: iso(created.plus({ days: EXPIRES_AFTER_DAYS })),
    status: 'New',
    substatus: 'Received',
    type: shared ? 'Shared' : 'Independent',
    qualification,
    direction: 'Incoming',
    target: [{ id: random.guid(), type: 'BusinessProfileLocation' }],
    customerProfile: {
      name: customerName,
      size: random.pick(COMPANY_SIZES),
      address: {
        addressLine1: country.addressLine1,
        city: country.city,
        ...(country.state ? { state: country.state } : {}),
        postalCode: country.postalCode,
        country: country.code,
      },
      team: [
        {
          firstName,
          lastName,
          email: `${email}@${customer.domain}`,
          phoneNumber: `${country.phonePrefix} ${String(random.int(0, 9999)).padStart(4, '0')}`,
          contactPreference: { locale: country.locale, disableNotifications: false },
        },
      ],
    },
    consent: {
      consentToToShareInfoWithOthers: true,
      consentToContact: true,
      consentToShareReferralWithMicrosoftSellers: shared,
    },
    details,
    ...(inviteContext ? { inviteContext } : {}),
  };
}

/** `count` referrals from consecutive seeds, the first created at `from`, each `every` after the one before. */
export function generateReferrals(
  count: number,
  options: { seed?: number; from: DateTime; every: Duration } & GeneratorOptions,
): Record<string, unknown>[] {
  const first = options.seed ?? 1;
  return Array.from({ length: count }, (_, i) =>
    generateReferral(first + i, options.from.plus({ milliseconds: options.every.toMillis() * i }), options),
  );
}
