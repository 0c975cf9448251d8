import type { Referral } from './referral';

/**
 * A solution from the partner's published solutions (the catalog is configuration). Deal
 * registration needs an incentive-eligible one; an assessment makes a solution-assessment deal.
 */
export interface CatalogSolution {
  id: string;
  name: string;
  kind: 'solution' | 'assessment';
  incentiveEligible: boolean;
}

/** Partner Center's solution `type` the desk writes for an assessment. */
export const ASSESSMENT_TYPE = 'Assessment';

export type DealSolution = NonNullable<NonNullable<Referral['details']['requirements']>['solutions']>[number];

export function solutionsOf(referral: Pick<Referral, 'details'>): DealSolution[] {
  return referral.details.requirements?.solutions ?? [];
}

export function toDealSolution(solution: CatalogSolution): DealSolution {
  return solution.kind === 'assessment'
    ? { id: solution.id, name: solution.name, type: ASSESSMENT_TYPE }
    : { id: solution.id, name: solution.name };
}

export function isAssessment(solution: DealSolution): boolean {
  return solution.type === ASSESSMENT_TYPE;
}
