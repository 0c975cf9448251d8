import { invitingPartner, isInvitedByMicrosoft } from './leadKind';
import type { ReferralRecord } from './referral';
import { isAssessment, solutionsOf } from './solutions';
import { stageOfRecord } from './stage';

/** The co-sell deal types of the help pages. */
export type DealType = 'private' | 'partnerLed' | 'coSell' | 'p2p' | 'solutionAssessment';

/** The kinds of help a partner may ask Microsoft for; `none` keeps Microsoft out. */
export const MICROSOFT_HELP = [
  'none',
  'technicalArchitecture',
  'demoOrProofOfConcept',
  'pricingAndLicensing',
  'dealStrategy',
  'other',
] as const;
export type MicrosoftHelp = (typeof MICROSOFT_HELP)[number];

export function isMicrosoftHelp(value: string): value is MicrosoftHelp {
  return (MICROSOFT_HELP as readonly string[]).includes(value);
}

/**
 * The type of a deal the partner creates, from the two questions of the form: any help
 * asked of Microsoft makes it co-sell; otherwise letting Microsoft sellers see it makes it
 * partner-led, and not letting them makes it private.
 */
export function outboundDealType(help: MicrosoftHelp, microsoftSellersMaySee: boolean): DealType {
  if (help !== 'none') return 'coSell';
  return microsoftSellersMaySee ? 'partnerLed' : 'private';
}

/** A deal's type, read from the referral's own fields (nothing stored separately to disagree). */
export function dealTypeOf(record: ReferralRecord): DealType {
  const { referral, desk } = record;
  if (solutionsOf(referral).some(isAssessment)) return 'solutionAssessment';
  if (referral.type === 'Shared') return 'coSell';
  if (invitingPartner(referral) || (desk.invitedPartners?.length ?? 0) > 0) return 'p2p';
  if (referral.consent?.consentToShareReferralWithMicrosoftSellers) return 'partnerLed';
  return 'private';
}

/** What a deal can be upgraded with while it is open. */
export type Upgrade = 'shareWithMicrosoft' | 'inviteMicrosoft' | 'invitePartner';

/**
 * The spec's upgrade table: private → partner-led or co-sell; partner-led → co-sell;
 * partner-to-partner without Microsoft → co-sell; other partners may be invited to a
 * co-sell deal only when the partner created it, never to one it received.
 */
export function upgradesOf(record: ReferralRecord): Upgrade[] {
  if (stageOfRecord(record) !== 'accepted') return [];
  switch (dealTypeOf(record)) {
    case 'private':
      // A received lead is not a deal the partner registered: it has no deal type to upgrade.
      return record.desk.createdByPartner ? ['shareWithMicrosoft', 'inviteMicrosoft'] : [];
    case 'partnerLed':
    case 'p2p':
      return ['inviteMicrosoft'];
    case 'coSell':
      return record.desk.createdByPartner ? ['invitePartner'] : [];
    case 'solutionAssessment':
      return [];
  }
}

/** What deal registration needs, each criterion as the help pages list it. */
export type RegistrationCriterion = 'dealType' | 'incentiveSolution' | 'won' | 'microsoftEngaged';

/**
 * Deal-registration eligibility: a co-sell or partner-led deal with an incentive-eligible
 * solution that was won, and for co-sell, Microsoft took part (it invited us, or accepted
 * our invitation). Returns the criteria that are not met; none means eligible.
 */
export function registrationGaps(
  record: ReferralRecord,
  incentiveEligible: ReadonlySet<string>,
): RegistrationCriterion[] {
  const type = dealTypeOf(record);
  const gaps: RegistrationCriterion[] = [];
  if (type !== 'coSell' && type !== 'partnerLed') gaps.push('dealType');
  if (!solutionsOf(record.referral).some((solution) => incentiveEligible.has(solution.id)))
    gaps.push('incentiveSolution');
  if (stageOfRecord(record) !== 'won') gaps.push('won');
  if (type === 'coSell' && !microsoftEngaged(record)) gaps.push('microsoftEngaged');
  return gaps;
}

function microsoftEngaged(record: ReferralRecord): boolean {
  return isInvitedByMicrosoft(record.referral) || record.desk.microsoftAccepted === true;
}
