/**
 * The documented reasons for declining or losing a referral (one shared list in
 * Partner Center). The code is what cards and commands carry; the label is what
 * Partner Center's `statusReason` receives.
 */
export const CLOSE_REASONS = {
  budgetNotAdequate: 'Project budget not adequate',
  customerDidNotRespond: 'Customer did not respond',
  customerChoseAnotherVendor: 'Customer chose another vendor',
  requirementNotMet: 'Customer requirement not met',
  notACustomer: 'Not a customer',
  timelineTooShort: 'Proposed timeline too short',
  abuse: 'Report as abuse, spam or phishing',
  other: 'Other',
} as const;

export type CloseReason = keyof typeof CLOSE_REASONS;

export function isCloseReason(code: string): code is CloseReason {
  return Object.prototype.hasOwnProperty.call(CLOSE_REASONS, code);
}
