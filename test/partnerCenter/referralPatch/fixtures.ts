import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import {
  applyReferralPatch,
  readPatchOperations,
  type AppliedOperation,
  type PatchProblem,
} from '../../../tools/partnerCenterSimulator/referralPatch';
import type { WireObject } from '../../support/wireJson';

/** When the patches are applied: the time they stamp. */
const NOW = DateTime.fromISO('2026-11-24T10:30:00Z', { zone: 'utc' });

/** A new referral, as Partner Center sends it, for each test to patch. */
export const received = () => ({
  id: 'r-1',
  status: 'New',
  substatus: 'Received',
  createdDateTime: '2026-11-23T08:00:00Z',
  updatedDateTime: '2026-11-23T08:00:00Z',
  details: { notes: 'from the customer', dealValue: 1000, currency: 'EUR' },
});

/** The operations read from `body`; fails the test if they are refused. */
export function operationsOf(body: unknown): AppliedOperation[] {
  const read = readPatchOperations(body);
  if ('problem' in read) assert.fail(`expected operations, got ${read.problem.message}`);
  return read.operations;
}

/** Why reading `body` refused it; fails the test if it was read. */
export function readProblem(body: unknown): PatchProblem {
  const read = readPatchOperations(body);
  if (!('problem' in read)) assert.fail('expected the patch to be refused');
  return read.problem;
}

/** `referral` with the patch `body` applied at NOW; fails the test if it is refused. */
export function patched(referral: Record<string, unknown>, body: unknown): WireObject {
  const result = applyReferralPatch(referral, operationsOf(body), NOW);
  if ('problem' in result) assert.fail(`expected the patch to apply, got ${result.problem.message}`);
  return result.referral;
}

/** Why applying the patch `body` to `referral` refused it; fails the test if it applied. */
export function applyProblem(referral: Record<string, unknown>, body: unknown): PatchProblem {
  const result = applyReferralPatch(referral, operationsOf(body), NOW);
  if (!('problem' in result)) assert.fail('expected the patch to be refused');
  return result.problem;
}

/** A replace operation of `path` by `value`. */
export const replace = (path: string, value: unknown) => ({ op: 'replace', path, value });
