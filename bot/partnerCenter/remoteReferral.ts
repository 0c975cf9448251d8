import type { IncomingReferral } from '../domain/incoming';
import { parseReferrals, type ItemProblem } from './referralSchema';

/** A referral as Partner Center's API served it (unchecked JSON) with its eTag. */
export interface ServedReferral {
  referral: unknown;
  eTag: string;
}

/**
 * Checks a referral Partner Center served, keeping its eTag with it for the next write:
 * the referral, or what is wrong with it, field by field, in one sentence.
 */
export function readServedReferral(served: ServedReferral): { referral: IncomingReferral } | { problem: string } {
  const json =
    served.referral && typeof served.referral === 'object' && !Array.isArray(served.referral) ? served.referral : {};
  const parsed = parseReferrals({ ...json, eTag: served.eTag });
  if ('referrals' in parsed) return { referral: parsed.referrals[0] };
  return { problem: problemsText(parsed.problems) };
}

/** The problems of parseReferrals as one sentence, each naming its field. */
export function problemsText(problems: readonly ItemProblem[]): string {
  return problems.flatMap((item) => item.problems.map((p) => `${p.field} ${p.message}`)).join('; ');
}
