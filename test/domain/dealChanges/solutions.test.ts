import assert from 'node:assert/strict';
import { decide } from '../../../bot/domain/lifecycle';
import type { CatalogSolution } from '../../../bot/domain/solutions';
import { NOW } from '../../support/fixtures';
import { ASSESSMENT, COPILOT, OWNER, accepted, ok, problems } from './fixtures';

describe('deal changes on an accepted deal', () => {
  describe('solutions', () => {
    it('adds and removes solutions, recording the list before → after', () => {
      const { record: next, event } = ok(
        decide(accepted(), { action: 'addSolution', input: { solution: COPILOT } }, OWNER, NOW),
      );
      assert.deepEqual(next.referral.details.requirements?.solutions, [
        { id: 'sol-1', name: 'Azure migration assessment' },
        { id: 'sol-copilot', name: 'Copilot adoption' },
      ]);
      assert.deepEqual(event.changes, [
        {
          field: 'solutions',
          before: 'Azure migration assessment',
          after: 'Azure migration assessment, Copilot adoption',
        },
      ]);
      const removed = ok(decide(next, { action: 'removeSolution', input: { solutionId: 'sol-1' } }, OWNER, NOW)).record;
      assert.deepEqual(removed.referral.details.requirements?.solutions, [
        { id: 'sol-copilot', name: 'Copilot adoption' },
      ]);
    });

    it('keeps at least one solution on a deal the partner created, but lets a received one have none', () => {
      const remove = { action: 'removeSolution', input: { solutionId: 'sol-1' } } as const;
      assert.deepEqual(problems(decide(accepted({}, { createdByPartner: true }), remove, OWNER, NOW)), [
        { field: 'solution', problem: 'lastSolution' },
      ]);
      ok(decide(accepted(), remove, OWNER, NOW));
    });

    it("changes nothing for a solution already on the deal, and refuses anything besides a deal's one assessment", () => {
      const again: CatalogSolution = {
        id: 'sol-1',
        name: 'Azure migration assessment',
        kind: 'solution',
        incentiveEligible: false,
      };
      assert.deepEqual(decide(accepted(), { action: 'addSolution', input: { solution: again } }, OWNER, NOW), {
        kind: 'noChange',
        action: 'addSolution',
      });
      assert.deepEqual(decide(accepted(), { action: 'removeSolution', input: { solutionId: 'sol-404' } }, OWNER, NOW), {
        kind: 'noChange',
        action: 'removeSolution',
      });
      assert.deepEqual(
        problems(decide(accepted(), { action: 'addSolution', input: { solution: ASSESSMENT } }, OWNER, NOW)),
        [{ field: 'solution', problem: 'assessmentOnly' }],
      );
      const assessment = accepted({
        details: {
          requirements: { solutions: [{ id: 'sol-assess', name: 'Security assessment', type: 'Assessment' }] },
        },
      });
      assert.deepEqual(
        problems(decide(assessment, { action: 'addSolution', input: { solution: COPILOT } }, OWNER, NOW)),
        [{ field: 'solution', problem: 'assessmentOnly' }],
      );
    });
  });
});
