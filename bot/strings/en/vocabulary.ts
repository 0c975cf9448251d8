/**
 * The words for the desk's values: the app's name, how numbers and dates are written, stages, deal
 * types, kinds of lead, help requested and close reasons, in English.
 */
import type { AssistanceRequestCode } from '../../domain/assistanceRequest';
import type { LeadKind } from '../../domain/leadKind';
import { CLOSE_REASONS, type CloseReason } from '../../domain/reasons';
import type { DealType, MicrosoftHelp } from '../../domain/dealType';
import type { ShownSalesStage } from '../../domain/salesStage';
import type { Stage } from '../../domain/stage';

export const appName = 'Referral Desk';

/** How numbers, money, dates and lengths of time are written: a BCP 47 locale and luxon patterns. */
export const format = {
  locale: 'en',
  date: 'd LLL yyyy',
  dateTime: "ccc d LLL 'at' HH:mm",
  /** A day without its year, in lists and the digest's chart. */
  shortDate: 'd LLL',
  shortDateTime: 'd LLL HH:mm',
  /** Items one after the other, as the language lists them. */
  list: (...items: string[]) => items.join(', '),
  /** Whole statements one after the other (what is missing, what to fix). */
  clauses: (...items: string[]) => items.join('; '),
  /** A company's size: a range of employees ("100–499", "10000+"). */
  employees: (range: string) => `${range} employees`,
  minutes: (n: number) => `${n} minute${n === 1 ? '' : 's'}`,
  hours: (n: number) => `${n} hour${n === 1 ? '' : 's'}`,
  days: (n: number) => `${n} day${n === 1 ? '' : 's'}`,
};

export const stage = {
  received: 'New referral',
  evaluating: 'Evaluating',
  accepted: 'Accepted',
  won: 'Won',
  lost: 'Lost',
  declined: 'Declined',
  expired: 'Expired',
  missed: 'Missed',
} satisfies Record<Stage, string>;

export const salesStage = {
  none: 'Accepted (10 %)',
  created: 'Created (10 %)',
  Qualified: 'Qualified (20 %)',
  Developed: 'Developed (40 %)',
  Proposed: 'Proposed (60 %)',
  Negotiated: 'Negotiated (80 %)',
} satisfies Record<ShownSalesStage, string>;

export const dealType = {
  private: 'Private',
  partnerLed: 'Partner-led (Microsoft sellers can see it)',
  coSell: 'Co-sell with Microsoft',
  p2p: 'Partner-to-partner',
  solutionAssessment: 'Solution assessment',
} satisfies Record<DealType, string>;

export const microsoftHelp = {
  none: 'No help required at this point of time',
  technicalArchitecture: 'Technical architecture guidance',
  demoOrProofOfConcept: 'Customer demo or proof of concept',
  pricingAndLicensing: 'Pricing and licensing',
  dealStrategy: 'Deal strategy and executive sponsorship',
  other: 'Other help',
} satisfies Record<MicrosoftHelp, string>;

/** The help an inviter asks for, by Partner Center's code (an unknown code is shown as words split from it). */
export const helpRequested = {
  ProofOfConceptOrDemo: 'Proof of concept or demo',
  CustomerTechnicalArchitecture: 'Customer technical architecture',
  QuotesOrLicensing: 'Quotes or licensing',
  WorkloadSpecificValueProposition: 'Workload-specific value proposition',
  GeneralOrOther: 'General or other',
} satisfies Record<AssistanceRequestCode, string>;

export const leadKind = {
  customerInquiry: 'Customer inquiry (marketplace lead)',
  marketingQualified: 'Marketing qualified lead from Microsoft',
  salesQualified: 'Sales qualified lead from Microsoft',
  coSellFromMicrosoft: 'Co-sell invitation from Microsoft',
  coSellFromPartner: 'Co-sell invitation from a partner',
} satisfies Record<LeadKind, string>;

/** Partner Center's documented reason texts double as the English labels. */
export const closeReason = CLOSE_REASONS as Record<CloseReason, string>;
