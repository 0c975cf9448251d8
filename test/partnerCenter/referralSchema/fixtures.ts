import assert from 'node:assert/strict';
import type { IncomingReferral } from '../../../bot/domain/incoming';
import { parseReferrals, type ItemProblem } from '../../../bot/partnerCenter/referralSchema';

/** The referrals `body` holds; fails the test if it has problems. */
export function referralsOf(body: unknown): IncomingReferral[] {
  const result = parseReferrals(body);
  if ('problems' in result) assert.fail(`expected referrals, got problems ${JSON.stringify(result.problems)}`);
  return result.referrals;
}

/** The problems of `body`; fails the test if it parses. */
export function problemsOf(body: unknown): ItemProblem[] {
  const result = parseReferrals(body);
  if (!('problems' in result)) assert.fail(`expected problems, got ${result.referrals.length} referral(s)`);
  assert.equal('referrals' in result, false, 'a delivery with problems returns no referrals');
  return result.problems;
}

/** The fields named for the single bad item of a one-referral delivery. */
export function fieldsOf(body: unknown): string[] {
  const problems = problemsOf(body);
  assert.equal(problems.length, 1);
  assert.equal(problems[0].index, 0);
  return problems[0].problems.map((p) => p.field);
}

/** An array nested `levels` deep: `[[…]]`. */
export function nested(levels: number): unknown {
  let value: unknown = [];
  for (let level = 1; level < levels; level++) value = [value];
  return value;
}

/** A copy of `object` without `key`. */
export const withoutKey = (object: Record<string, unknown>, key: string) => {
  const copy = { ...object };
  delete copy[key];
  return copy;
};
