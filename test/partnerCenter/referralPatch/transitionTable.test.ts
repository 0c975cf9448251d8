import assert from 'node:assert/strict';
import { SUBSTATUSES_OF_STATUS, transitionProblem } from '../../../tools/partnerCenterSimulator/statusTransitions';

describe('simulator: PATCH of a referral', () => {
  describe('the transition table', () => {
    // partner-center-api.md: New → New/Active/Closed, Active → Active/Closed, Closed final.
    const allowed = new Set([
      'New>New/Pending',
      'New>New/Received',
      'New>Active/Accepted',
      'New>Closed/Won',
      'New>Closed/Lost',
      'New>Closed/Declined',
      'New>Closed/Expired',
      'Active>Active/Accepted',
      'Active>Closed/Won',
      'Active>Closed/Lost',
      'Active>Closed/Declined',
      'Active>Closed/Expired',
    ]);
    const substatuses = ['Pending', 'Received', 'Accepted', 'Won', 'Lost', 'Declined', 'Expired'];
    for (const from of [
      { status: 'New', substatus: 'Received' },
      { status: 'Active', substatus: 'Accepted' },
      { status: 'Closed', substatus: 'Won' },
    ]) {
      it(`from ${from.status}`, () => {
        for (const status of ['New', 'Active', 'Closed']) {
          for (const substatus of substatuses) {
            const key = `${from.status}>${status}/${substatus}`;
            const problem = transitionProblem(from, { status, substatus }, { status: true, substatus: true });
            assert.equal(problem === undefined, allowed.has(key), `${key}: ${problem?.message ?? 'allowed'}`);
          }
        }
      });
    }

    it('has the substatuses of the contract for each status', () => {
      assert.deepEqual(SUBSTATUSES_OF_STATUS, {
        New: ['Pending', 'Received'],
        Active: ['Accepted'],
        Closed: ['Won', 'Lost', 'Declined', 'Expired'],
      });
    });

    it('does not check a patch that sets neither status nor substatus', () => {
      assert.equal(
        transitionProblem(
          { status: 'Closed', substatus: 'Won' },
          { status: 'Closed', substatus: 'Won' },
          { status: false, substatus: false },
        ),
        undefined,
      );
    });
  });
});
