import assert from 'node:assert/strict';
import { VERBS } from '../../../cards/verbs';
import { dealActions, MESSAGE, useAcceptedDeal } from './fixtures';

/** An accepted deal (a partner's P2P invitation, owned by Alice), worked on through its card as Teams sends it. */
describe('working on an accepted deal (over HTTP)', () => {
  const deal = useAcceptedDeal();
  const { click, stored, actionsIn } = dealActions(deal);

  describe('solutions', () => {
    it('adds one of the published solutions and removes one', async () => {
      const added = await click(VERBS.addSolution, { solution: 'copilot-adoption' });
      assert.match(
        JSON.stringify(added.body.value),
        /"title":"Solutions","value":"Azure migration assessment, Microsoft 365 Copilot adoption"/,
      );
      await click(VERBS.removeSolution, { solutionId: 'sol-1' });
      assert.deepEqual((await stored()).record.referral.details.requirements?.solutions, [
        { id: 'copilot-adoption', name: 'Microsoft 365 Copilot adoption' },
      ]);
      assert.deepEqual(await actionsIn(), ['received', 'accept', 'addSolution', 'removeSolution']);
    });

    it('refuses a solution that is not in the list', async () => {
      const answer = await click(VERBS.addSolution, { solution: 'made-up' });
      assert.equal(answer.body.type, MESSAGE);
      assert.match(String(answer.body.value), /Solution must be one of the listed choices/);
      assert.deepEqual(await actionsIn(), ['received', 'accept']);
    });
  });
});
