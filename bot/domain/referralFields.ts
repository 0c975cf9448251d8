/*
 * The value types of a referral's fields that Partner Center and the desk both keep: the
 * referral (referral.ts) is made of them, and so is the desk's copy of Partner Center's
 * version (partnerCenterState.ts).
 */

export const STATUSES = ['None', 'New', 'Active', 'Closed'] as const;
export type Status = (typeof STATUSES)[number];

export const SUBSTATUSES = ['None', 'Pending', 'Received', 'Accepted', 'Won', 'Lost', 'Declined', 'Expired'] as const;
export type Substatus = (typeof SUBSTATUSES)[number];

export const REFERRAL_TYPES = ['Independent', 'Shared'] as const;
export type ReferralType = (typeof REFERRAL_TYPES)[number];

/** A person on the partner's or the customer's team. */
export interface TeamMember {
  firstName?: string;
  lastName?: string;
  phoneNumber?: string;
  email?: string;
}

export interface Requirements {
  industries?: { id: string }[];
  products?: { id: string }[];
  services?: { id: string }[];
  solutions?: { id: string; name?: string; type?: string }[];
  additionalRequirements?: string;
}

/** What the customer agreed to; the doubled "To" is Partner Center's own spelling. */
export interface Consent {
  consentToToShareInfoWithOthers?: boolean;
  consentToContact?: boolean;
  consentToShareReferralWithMicrosoftSellers?: boolean;
}

export const SALES_STAGES = ['Qualified', 'Developed', 'Proposed', 'Negotiated'] as const;
export type SalesStage = (typeof SALES_STAGES)[number];
