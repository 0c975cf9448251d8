import type { Referral } from './referral';

/** Where a referral came from, as the help pages name it. */
export type LeadKind =
  'customerInquiry' | 'marketingQualified' | 'salesQualified' | 'coSellFromMicrosoft' | 'coSellFromPartner';

export function isInvitedByMicrosoft(referral: Pick<Referral, 'inviteContext'>): boolean {
  const name = referral.inviteContext?.invitedBy?.organizationName;
  return name !== undefined && /^microsoft\b/i.test(name.trim());
}

/** The inviting organisation when it is a partner, not Microsoft. */
export function invitingPartner(referral: Pick<Referral, 'inviteContext'>): string | undefined {
  const name = referral.inviteContext?.invitedBy?.organizationName?.trim();
  return name && !isInvitedByMicrosoft(referral) ? name : undefined;
}

/**
 * Lead category from the referral's fields (partner-center-api.md): shared, or invited by
 * a partner, is co-sell; independent and direct is a customer inquiry; independent and
 * qualified by Microsoft is a marketing or sales qualified lead.
 */
export function leadKindOf(referral: Pick<Referral, 'type' | 'qualification' | 'inviteContext'>): LeadKind {
  if (invitingPartner(referral)) return 'coSellFromPartner';
  if (referral.type === 'Shared') return 'coSellFromMicrosoft';
  if (referral.qualification === 'MarketingQualified') return 'marketingQualified';
  if (referral.qualification === 'SalesQualified') return 'salesQualified';
  return 'customerInquiry';
}
