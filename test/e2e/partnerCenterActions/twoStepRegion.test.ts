import assert from 'node:assert/strict';
import { NO_THANKS_REASON } from '../../../bot/domain/lifecycle';
import { VERBS } from '../../../cards/verbs';
import { USERS } from '../../support/teamsActivities';
import { cardText, regionsFileWith } from '../flows';
import { ID, useReferralWithItsCard, writeBackActions } from './fixtures';

/** Every action a Teams card offers, driven over HTTP, and what of it reaches the simulated Partner Center. */
describe('every Teams action written back to Partner Center (over HTTP, against the simulator)', () => {
  const card = useReferralWithItsCard(() => ({ REGIONS_FILE: regionsFileWith('emea', { responseFlow: 'twoStep' }) }));
  const { stored, lastCard, act, written, patchRequests, assertChained, lifecycle } = writeBackActions(card);

  describe('a region answering in two steps: Interested or No thanks, then Accept or Decline', () => {
    it('Interested writes nothing: Partner Center keeps it New', async () => {
      const { pc, eTagAtArrival } = card();
      await act(VERBS.interested, {}, USERS.bob);
      assert.ok((await stored()).desk.interestedAt, 'the desk has it as Evaluating');
      assert.equal(patchRequests(), 0);
      assert.equal(lifecycle(), 'New/Received');
      assert.equal(pc.simulator.get(ID)!.eTag, eTagAtArrival);
      assert.match(cardText(lastCard()), /Evaluating/);
      assert.doesNotMatch(cardText(lastCard()), /Up to date/, 'nothing written while undecided, so nothing said');
    });

    it('No thanks: Closed/Declined with the no-thanks reason', async () => {
      const { pc } = card();
      await act(VERBS.noThanks, {});
      assert.equal(pc.simulator.patches.length, 1);
      assert.deepEqual(written(0), [
        ['/status', 'Closed'],
        ['/substatus', 'Declined'],
        ['/statusReason', NO_THANKS_REASON],
      ]);
      await assertChained();
      assert.equal(lifecycle(), 'Closed/Declined');
      assert.equal(pc.simulator.get(ID)!.statusReason, 'No thanks (not interested)');
      assert.match(cardText(lastCard()), /Missed by Alice Rep/);
      assert.match(cardText(lastCard()), /Up to date/);
    });

    it('Interested, then Accept: one patch, Active/Accepted', async () => {
      const { pc } = card();
      await act(VERBS.interested, {}, USERS.bob);
      await act(VERBS.accept, {
        dealName: 'Contoso',
        dealValue: '1000',
        currency: 'EUR',
        closingDate: '2027-03-01',
        notes: 'Workshop first.',
      });
      assert.equal(pc.simulator.patches.length, 1);
      assert.deepEqual(written(0), [
        ['/status', 'Active'],
        ['/substatus', 'Accepted'],
        ['/details/dealValue', 1000],
        ['/details/closingDateTime', '2027-03-01T00:00:00.000Z'],
      ]);
      await assertChained();
      assert.equal(lifecycle(), 'Active/Accepted');
      assert.match(cardText(lastCard()), /Accepted by Alice Rep/);
      assert.match(cardText(lastCard()), /Up to date/);
    });
  });
});
