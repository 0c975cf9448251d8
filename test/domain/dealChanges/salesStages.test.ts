import assert from 'node:assert/strict';
import { dealTypeOf } from '../../../bot/domain/dealType';
import { decide } from '../../../bot/domain/lifecycle';
import { SALES_STAGES } from '../../../bot/domain/referral';
import { progressOf } from '../../../bot/domain/salesStage';
import { NOW } from '../../support/fixtures';
import { OWNER, STRANGER, accepted, edit, kindOf, ok, problems } from './fixtures';

describe('deal changes on an accepted deal', () => {
  describe('sales stages of a solution-assessment deal', () => {
    const assessment = () =>
      accepted({
        details: {
          ...accepted().referral.details,
          requirements: { solutions: [{ id: 'sol-assess', name: 'Security assessment', type: 'Assessment' }] },
        },
      });

    it('completes the stages one at a time and offers Won only after the last', () => {
      let record = assessment();
      assert.equal(dealTypeOf(record), 'solutionAssessment');
      assert.deepEqual(decide(record, { action: 'win', input: {} }, OWNER, NOW), {
        kind: 'stagesIncomplete',
        salesStage: undefined,
      });
      assert.deepEqual(problems(decide(record, edit({ salesStage: 'Developed' }), OWNER, NOW)), [
        { field: 'salesStage', problem: 'skipsStage' },
      ]);
      for (const stage of SALES_STAGES) {
        if (stage !== 'Qualified')
          assert.equal(kindOf(decide(record, { action: 'win', input: {} }, OWNER, NOW)), 'stagesIncomplete');
        record = ok(decide(record, edit({ salesStage: stage }), OWNER, NOW)).record;
      }
      assert.deepEqual(problems(decide(record, edit({ salesStage: 'Proposed' }), OWNER, NOW)), [
        { field: 'salesStage', problem: 'skipsStage' },
      ]);
      const won = ok(decide(record, { action: 'win', input: {} }, OWNER, NOW)).record;
      assert.equal(won.referral.substatus, 'Won');
      assert.equal(progressOf(won.referral), 100);
    });

    it('checks the person before the stages', () => {
      assert.equal(kindOf(decide(assessment(), { action: 'win', input: {} }, STRANGER, NOW)), 'notPermitted');
    });
  });
});
