import type { Consent, ReferralType, Requirements, SalesStage, Status, Substatus, TeamMember } from './referralFields';

/**
 * The fields both the desk and Partner Center may change, compared three ways: as the desk
 * has them, as Partner Center had them when the desk last heard from it, and as Partner
 * Center has them now. Most are written back (Partner Center's patchable paths); `name`,
 * `type` and `consent` are the desk's own once it changes them (Partner Center takes no
 * patch of them), and Partner Center's later changes still come in while the desk has not.
 */
export interface SharedFields {
  lifecycle: Lifecycle;
  salesStage?: SalesStage;
  dealValue?: number;
  currency?: string;
  closingDateTime?: string;
  notes?: string;
  solutions?: Requirements['solutions'];
  team?: TeamMember[];
  externalReferenceId?: string;
  campaignId?: string;
  name: string;
  type: ReferralType;
  consent?: Consent;
}

/** Status, substatus and reason move together: one field of the comparison. */
export interface Lifecycle {
  status: Status;
  substatus: Substatus;
  statusReason?: string;
}

export type SharedField = keyof SharedFields;

/** What Partner Center had of a referral when the desk last read or wrote it. */
export interface PartnerCenterCopy {
  eTag: string;
  /** Partner Center's `updatedDateTime` of that copy: an older one never replaces it. */
  updatedDateTime: string;
  fields: SharedFields;
}

/** A field both sides changed to different values: Partner Center's value is kept. */
export interface SyncConflict {
  field: SharedField;
  /** The desk's value, not written. */
  ours: unknown;
  theirs: unknown;
}

/** What the desk knows of a referral's copy in Partner Center, and of writing to it. */
export interface PartnerCenterState {
  copy: PartnerCenterCopy;
  /** The desk writes its changes back (it is connected to Partner Center), so the card shows how that stands. */
  writesBack?: boolean;
  /** Changes Partner Center made too, differently: not written, Partner Center's values kept. */
  conflicts?: SyncConflict[];
  /**
   * Why the last write did not go through: Partner Center's answer, or empty when the
   * referral is closed there; `permanent` when retrying cannot help. `attempt` is the patch
   * Partner Center refused (see attemptKey), not sent again until a change makes another.
   */
  failure?: { reason: string; at: string; permanent: boolean; attempt?: string };
}
