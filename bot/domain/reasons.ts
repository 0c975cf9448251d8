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

/** Partner Center's free-text reason the desk writes: the documented label, then the user's notes. */
export function closeReasonText(reason: CloseReason, notes?: string): string {
  const label = CLOSE_REASONS[reason];
  return notes ? `${label}: ${notes}` : label;
}

/**
 * A `statusReason` read back: its documented reason and the notes after it, as
 * closeReasonText writes them; undefined for any other text (Partner Center's own, say).
 */
export function readCloseReason(text: string): { reason: CloseReason; notes?: string } | undefined {
  const reason = (Object.keys(CLOSE_REASONS) as CloseReason[]).find(
    (code) => text === CLOSE_REASONS[code] || text.startsWith(`${CLOSE_REASONS[code]}: `),
  );
  if (!reason) return undefined;
  const notes = text.slice(CLOSE_REASONS[reason].length + 2);
  return notes ? { reason, notes } : { reason };
}
