import type { PartnerCenterState } from './partnerCenterState';
import type { Consent, ReferralType, Requirements, SalesStage, Status, Substatus, TeamMember } from './referralFields';

/**
 * The referral as Partner Center describes it (see shared spec partner-center-api.md),
 * plus the desk's own state. Field names mirror the Partner Center JSON so a referral
 * can be stored and written back without translation; fields the product does not
 * read are kept as they came (the object is spread, never rebuilt field by field).
 */

// The field types live in referralFields.ts (the Partner Center state is made of them too); read them from here.
export {
  REFERRAL_TYPES,
  SALES_STAGES,
  STATUSES,
  SUBSTATUSES,
  type Consent,
  type ReferralType,
  type Requirements,
  type SalesStage,
  type Status,
  type Substatus,
  type TeamMember,
} from './referralFields';

export const QUALIFICATIONS = ['None', 'Direct', 'MarketingQualified', 'SalesQualified'] as const;
export type Qualification = (typeof QUALIFICATIONS)[number];

export interface Address {
  addressLine1?: string;
  addressLine2?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  /** ISO-3166 alpha-2, upper case after validation. */
  country: string;
  region?: string;
}

export interface CustomerProfile {
  name: string;
  size?: string;
  address: Address;
  team?: TeamMember[];
}

export interface Details {
  notes?: string;
  dealValue?: number;
  currency?: string;
  closingDateTime?: string;
  customerRequestedContact?: boolean;
  requirements?: Requirements;
}

export interface InviteContext {
  notes?: string;
  invitedBy?: { organizationId?: string; organizationName?: string };
  assistanceRequestCode?: string;
}

/** A Partner Center referral resource (the fields the product reads). */
export interface Referral {
  id: string;
  engagementId?: string;
  name: string;
  externalReferenceId?: string;
  campaignId?: string;
  createdDateTime: string;
  updatedDateTime: string;
  acceptedDateTime?: string;
  closedDateTime?: string;
  expirationDateTime: string;
  status: Status;
  substatus: Substatus;
  statusReason?: string;
  type: ReferralType;
  qualification: Qualification;
  direction?: 'Incoming' | 'Outgoing';
  customerProfile: CustomerProfile;
  details: Details;
  inviteContext?: InviteContext;
  /** The partner's own team on the deal (Partner Center's `team`). */
  team?: TeamMember[];
  /** Sales stage of an active deal; unset means just accepted or created (10 %). */
  salesStage?: SalesStage;
  consent?: Consent;
  target?: { id: string; type: string }[];
}

/** Who did something: a Teams user, or the desk itself (expiry, Partner Center sync). */
export interface Actor {
  /** AAD object id when Teams sends one, else the Teams user id (`29:…`), or `system`. */
  id: string;
  name: string;
  /** The Teams user id (`29:…`), which Adaptive Card refresh lists need. */
  teamsId?: string;
}

export const SYSTEM_ACTOR: Actor = { id: 'system', name: 'Referral Desk' };

/** What the desk knows beyond Partner Center's resource. */
export interface DeskState {
  /** Incremented by every change; a history event carries the revision it produced. */
  revision: number;
  owner?: Actor;
  /**
   * The deal team's own notes (Accept, Won, Edit deal). Kept apart from Partner Center's
   * `details.notes`, the customer's request, which the desk never overwrites.
   */
  notes?: string;
  /** The last decision, shown on the card ("Accepted by … at …"). */
  lastDecision?: { action: DecisionAction; by: Actor; at: string };
  /** Team members who are Teams users too, by their e-mail: they may work the deal. */
  teamAccounts?: TeamAccount[];
  /** Set on deals the partner created itself (`new deal`), not received. */
  createdByPartner?: boolean;
  /** Partners invited to a deal we created (partner-to-partner). */
  invitedPartners?: string[];
  /** The help asked of Microsoft when the partner made the deal co-sell. */
  microsoftHelp?: string;
  /** Microsoft accepted the partner's co-sell invitation (reported by Partner Center). */
  microsoftAccepted?: boolean;
  /** The older two-step flow (Interested, then Accept), fixed when the referral arrived. */
  flow?: 'twoStep';
  /** When someone said Interested (two-step flow): it is being evaluated since. */
  interestedAt?: string;
  /** Archived as Missed (two-step flow: No thanks, or no interest shown in time). */
  missed?: boolean;
  /** Reminders people snoozed: each comes back to them as a direct message. Cleared by every move to another stage. */
  snoozes?: Snooze[];
  /** Partner Center's copy as last read or written, and how writing the desk's changes back went. */
  partnerCenter?: PartnerCenterState;
}

/** "Remind me again then": one per person, the latest replacing the one before. */
export interface Snooze {
  by: Actor;
  /** ISO instant. */
  until: string;
}

/** A team member's Teams identity, found by their e-mail when they were added. */
export interface TeamAccount {
  /** Lower case. */
  email: string;
  actor: Actor;
}

/** A referral together with the desk's state: what the store saves as one entity. */
export interface ReferralRecord {
  referral: Referral;
  desk: DeskState;
}

/** Actions that move a referral from one stage to another. */
export type TransitionAction = 'accept' | 'decline' | 'win' | 'lose' | 'expire' | 'interested' | 'noThanks';
/** Actions that change an accepted deal without moving it. */
export type DealChangeAction =
  'edit' | 'moveCloseDate' | 'addMember' | 'removeMember' | 'addSolution' | 'removeSolution' | 'reassign' | 'upgrade';
/** Snoozing a reminder changes neither the stage nor the deal, only when its people hear of it again. */
export type LifecycleAction = TransitionAction | DealChangeAction | 'snooze';
/** What the card names as a referral's last decision: a transition, or creating a deal. */
export type DecisionAction = TransitionAction | 'create';
