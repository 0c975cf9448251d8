/**
 * The JSON Patch operations a partner may send to `PATCH /referrals/{id}`: `replace` or
 * `add` of the paths Partner Center lets partners change (partner-center-api.md).
 */

export const PATCHABLE_PATHS = [
  '/status',
  '/substatus',
  '/statusReason',
  '/salesStage',
  '/details/dealValue',
  '/details/currency',
  '/details/closingDateTime',
  '/details/notes',
  '/details/requirements/solutions',
  '/team',
  '/externalReferenceId',
  '/campaignId',
] as const;

/** A path a partner may patch. */
export type PatchablePath = (typeof PATCHABLE_PATHS)[number];

/** One operation of a referral patch. */
export interface PatchOperation {
  op: 'replace' | 'add';
  path: PatchablePath;
  value: unknown;
}
