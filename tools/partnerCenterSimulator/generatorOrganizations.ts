import type { AssistanceRequestCode } from '../../bot/domain/assistanceRequest';

/**
 * The organizations around a generated referral: Microsoft and other partners who invite to
 * co-sell (with what they ask for), and the partner receiving it.
 */

/** Microsoft's organization, as it appears in `inviteContext.invitedBy`. */
export const MICROSOFT = {
  organizationId: 'cd95e0b4-1950-4501-87ae-f30b0e6b75e8',
  organizationName: 'Microsoft',
} as const;

/** Other partners that invite to co-sell. */
export const PARTNER_INVITERS: readonly { organizationId: string; organizationName: string }[] = [
  { organizationId: 'f0b20377-2154-427d-984c-33ec76f8c136', organizationName: 'Trey Research Inc' },
  { organizationId: '2a6c9d14-8e3b-4f70-a5d2-6b1e0c9f4a83', organizationName: 'First Up Consultants' },
  { organizationId: '7e4f1b29-c3a8-4d56-9b0e-5f2a8c7d1e60', organizationName: 'Proseware, Inc.' },
];

/** What Microsoft asks of the partner in a co-sell invitation, with a note for each. */
export const ASSISTANCE_REQUESTS: readonly { code: AssistanceRequestCode; notes: string }[] = [
  {
    code: 'ProofOfConceptOrDemo',
    notes: 'The customer wants to see it working before committing; please propose a short proof of concept.',
  },
  {
    code: 'CustomerTechnicalArchitecture',
    notes: 'The customer needs a target architecture and a migration plan; our architect can join the first workshop.',
  },
  {
    code: 'QuotesOrLicensing',
    notes: 'The customer asks for a quote including licences and services for the first year.',
  },
  {
    code: 'WorkloadSpecificValueProposition',
    notes: 'Please present the business case for this workload to the customer’s leadership.',
  },
  { code: 'GeneralOrOther', notes: 'Microsoft’s account team asks for a first meeting with the customer this month.' },
];

/** The partner organization receiving the referrals (the same as in the demo referrals). */
export const OWN_ORGANIZATION = { id: '79d363cb-5b69-4e9a-8af9-f24e56f5645a', name: 'A. Datum Corporation' } as const;
