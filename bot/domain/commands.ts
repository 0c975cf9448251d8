import type { MicrosoftHelp, Upgrade } from './dealType';
import type { Actor, DealChangeAction, TeamMember } from './referral';
import type { CatalogSolution } from './solutions';

/** Accept: the details Partner Center asks for when a partner takes a referral on. */
export interface AcceptInput {
  dealName: string;
  dealValue: number;
  currency: string;
  /** ISO date (yyyy-MM-dd) of the estimated close. */
  closingDate: string;
  notes: string;
  crmId?: string;
  campaignId?: string;
}

export interface DeclineInput {
  /** A code of CLOSE_REASONS; `decide` refuses any other. */
  reason: string;
  notes?: string;
}

/** Won: the final value (the estimate stays when none is given) and optional notes. */
export interface WinInput {
  finalValue?: number;
  notes?: string;
}

/** Edit: the deal's details as the form now holds them; the region is not among them. */
export interface EditInput extends Omit<AcceptInput, 'notes'> {
  notes?: string;
  /** A sales stage, or empty for none yet. */
  salesStage: string;
  /** What the form showed when it was opened; a save is merged against what changed since (see mergeEdit). */
  base?: EditValues;
}

/** The fields of the Edit deal form. */
export const EDIT_FIELDS = [
  'dealName',
  'dealValue',
  'currency',
  'closingDate',
  'salesStage',
  'notes',
  'crmId',
  'campaignId',
] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

/** The Edit form's fields as text, as the form shows them: what it was opened with travels with it. */
export type EditValues = Record<EditField, string>;

/** A person added to the deal's team; `account` is their Teams identity when one was found. */
export interface MemberInput {
  member: TeamMember;
  account?: Actor;
}

export interface UpgradeInput {
  upgrade: Upgrade;
  /** The help asked of Microsoft (inviteMicrosoft). */
  help?: MicrosoftHelp;
  /** The partner organisation invited (invitePartner). */
  partnerName?: string;
}

export type LifecycleCommand =
  | { action: 'accept'; input: AcceptInput }
  | { action: 'decline'; input: DeclineInput }
  | { action: 'win'; input: WinInput }
  | { action: 'lose'; input: DeclineInput }
  | { action: 'expire' }
  | { action: 'interested' }
  | { action: 'noThanks' }
  | { action: 'edit'; input: EditInput }
  /** A new estimated close date (yyyy-MM-dd), today or later: the answer to a deal gone stale. */
  | { action: 'moveCloseDate'; input: { closingDate: string } }
  | { action: 'addMember'; input: MemberInput }
  | { action: 'removeMember'; input: { email: string } }
  | { action: 'addSolution'; input: { solution: CatalogSolution } }
  | { action: 'removeSolution'; input: { solutionId: string } }
  | { action: 'reassign'; input: { newOwner: Actor } }
  | { action: 'upgrade'; input: UpgradeInput }
  /** `until`: ISO instant, from `snoozeUntil`. */
  | { action: 'snooze'; input: { until: string } };

export type DealChangeCommand = Extract<LifecycleCommand, { action: DealChangeAction }>;
