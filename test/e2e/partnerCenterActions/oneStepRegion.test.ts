import assert from 'node:assert/strict';
import { CLOSE_REASONS } from '../../../bot/domain/reasons';
import { VERBS } from '../../../cards/verbs';
import { USERS } from '../../support/teamsActivities';
import type { WireObject } from '../../support/wireJson';
import { ACCEPT_FORM, cardText } from '../flows';
import { EXPIRY, ID, useReferralWithItsCard, writeBackActions } from './fixtures';

/** Every action a Teams card offers, driven over HTTP, and what of it reaches the simulated Partner Center. */
describe('every Teams action written back to Partner Center (over HTTP, against the simulator)', () => {
  const card = useReferralWithItsCard();
  const { h, stored, lastCard, delivered, act, accept, written, patchRequests, assertChained, lifecycle } =
    writeBackActions(card);

  describe('a region that accepts or declines at once', () => {
    it('Decline with a documented reason and notes: Closed/Declined with the reason as text', async () => {
      const { pc } = card();
      await act(
        VERBS.decline,
        { reason: 'customerChoseAnotherVendor', declineNotes: 'Went with the incumbent.' },
        USERS.bob,
      );
      assert.equal(pc.simulator.patches.length, 1);
      assert.deepEqual(written(0), [
        ['/status', 'Closed'],
        ['/substatus', 'Declined'],
        ['/statusReason', 'Customer chose another vendor: Went with the incumbent.'],
      ]);
      await assertChained();
      assert.equal(lifecycle(), 'Closed/Declined');
      assert.equal(pc.simulator.get(ID)!.statusReason, 'Customer chose another vendor: Went with the incumbent.');
      assert.match(cardText(lastCard()), /Declined by Bob Rep/);
      assert.match(cardText(lastCard()), /Up to date/);
    });

    it('Accept, then Lost with a reason: Closed/Lost with the reason as text, after the accept', async () => {
      const { pc } = card();
      await accept();
      h().clock.advance({ days: 1 });
      await act(VERBS.lose, { lossReason: 'budgetNotAdequate', lossNotes: 'Budget moved to next year.' });
      assert.equal(pc.simulator.patches.length, 2);
      assert.deepEqual(written(0).slice(0, 2), [
        ['/status', 'Active'],
        ['/substatus', 'Accepted'],
      ]);
      assert.deepEqual(written(1), [
        ['/status', 'Closed'],
        ['/substatus', 'Lost'],
        ['/statusReason', `${CLOSE_REASONS.budgetNotAdequate}: Budget moved to next year.`],
      ]);
      await assertChained();
      assert.equal(lifecycle(), 'Closed/Lost');
      assert.equal(pc.simulator.get(ID)!.statusReason, 'Project budget not adequate: Budget moved to next year.');
      assert.match(cardText(lastCard()), /Lost by Alice Rep/);
      assert.match(cardText(lastCard()), /Up to date/);
    });

    it('Edit of an accepted deal writes only the fields that changed: stage, CRM id and campaign; then value, currency and close date', async () => {
      const { pc } = card();
      await accept();
      const unchanged = {
        dealName: ACCEPT_FORM.dealName,
        dealValue: ACCEPT_FORM.dealValue,
        currency: ACCEPT_FORM.currency,
        closingDate: ACCEPT_FORM.closingDate,
        notes: ACCEPT_FORM.notes,
      };
      await act(VERBS.edit, { ...unchanged, salesStage: 'Qualified', crmId: 'CRM-2201', campaignId: 'CAMPAIGN-7' });
      assert.equal(pc.simulator.patches.length, 2);
      assert.deepEqual(written(1), [
        ['/salesStage', 'Qualified'],
        ['/externalReferenceId', 'CRM-2201'],
        ['/campaignId', 'CAMPAIGN-7'],
      ]);

      await act(VERBS.edit, {
        ...unchanged,
        dealValue: '48000',
        currency: 'USD',
        closingDate: '2027-03-31',
        salesStage: 'Qualified',
        crmId: 'CRM-2201',
        campaignId: 'CAMPAIGN-7',
      });
      assert.equal(pc.simulator.patches.length, 3);
      assert.deepEqual(written(2), [
        ['/details/dealValue', 48000],
        ['/details/currency', 'USD'],
        ['/details/closingDateTime', '2027-03-31T00:00:00.000Z'],
      ]);
      await assertChained();
      const remote = pc.simulator.get(ID)! as WireObject;
      assert.deepEqual(
        [
          remote.salesStage,
          remote.externalReferenceId,
          remote.campaignId,
          remote.details.dealValue,
          remote.details.currency,
          remote.details.closingDateTime,
          remote.details.notes,
        ],
        // The team's notes stay on the desk: Partner Center keeps the customer's request.
        [
          'Qualified',
          'CRM-2201',
          'CAMPAIGN-7',
          48000,
          'USD',
          '2027-03-31T00:00:00.000Z',
          'We want to move 40 VMs to Azure before March.',
        ],
      );
      assert.equal(lifecycle(), 'Active/Accepted');
      assert.match(cardText(lastCard()), /Up to date/);
    });

    it('Move close date: /details/closingDateTime', async () => {
      const { pc } = card();
      await accept();
      await act(VERBS.moveCloseDate, { newClosingDate: '2027-04-30' });
      assert.equal(pc.simulator.patches.length, 2);
      assert.deepEqual(written(1), [['/details/closingDateTime', '2027-04-30T00:00:00.000Z']]);
      await assertChained();
      assert.equal(
        (pc.simulator.get(ID)!.details as Record<string, unknown>).closingDateTime,
        '2027-04-30T00:00:00.000Z',
      );
      assert.match(cardText(lastCard()), /Up to date/);
    });

    it('Add a team member, then remove them: /team each time', async () => {
      const { pc } = card();
      await accept();
      const bob = { firstName: 'Bob', lastName: 'Rep', phoneNumber: '+49 30 5550100', email: 'bob@partner.example' };
      await act(VERBS.addMember, bob);
      assert.equal(pc.simulator.patches.length, 2);
      assert.deepEqual(written(1), [['/team', [bob]]]);
      assert.deepEqual(pc.simulator.get(ID)!.team, [bob]);
      assert.match(cardText(lastCard()), /Up to date/);

      await act(VERBS.removeMember, { email: bob.email });
      assert.equal(pc.simulator.patches.length, 3);
      assert.deepEqual(written(2), [['/team', []]]);
      await assertChained();
      assert.deepEqual(pc.simulator.get(ID)!.team, []);
      assert.match(cardText(lastCard()), /Up to date/);
    });

    it('Add a solution from the catalog, then remove one: /details/requirements/solutions each time', async () => {
      const { pc } = card();
      await accept();
      await act(VERBS.addSolution, { solution: 'copilot-adoption' });
      const both = [
        { id: 'sol-1', name: 'Azure migration assessment' },
        { id: 'copilot-adoption', name: 'Microsoft 365 Copilot adoption' },
      ];
      assert.equal(pc.simulator.patches.length, 2);
      assert.deepEqual(written(1), [['/details/requirements/solutions', both]]);

      await act(VERBS.removeSolution, { solutionId: 'sol-1' });
      assert.equal(pc.simulator.patches.length, 3);
      assert.deepEqual(written(2), [['/details/requirements/solutions', [both[1]]]]);
      await assertChained();
      const details = pc.simulator.get(ID)!.details as { requirements: { solutions: unknown[] } };
      assert.deepEqual(details.requirements.solutions, [both[1]]);
      assert.match(cardText(lastCard()), /Up to date/);
    });

    it("Hand over to a colleague: no patch, the owner is the desk's own", async () => {
      const { pc } = card();
      await accept();
      const eTag = pc.simulator.get(ID)!.eTag;
      await act(VERBS.reassign, { newOwnerEmail: 'bob@partner.example' });
      assert.equal((await stored()).desk.owner?.id, USERS.bob.aadObjectId, 'the deal changed hands');
      assert.equal(pc.simulator.patches.length, 1, 'only the accept');
      assert.equal(patchRequests(), 1, 'nothing else was even tried');
      assert.equal(pc.simulator.get(ID)!.eTag, eTag);
      assert.match(cardText(lastCard()), /"title":"Owner","value":"Bob Rep"/);
      assert.match(cardText(lastCard()), /Up to date/);
    });

    it('The scheduled expiry writes nothing (Partner Center expires referrals itself); the card shows it expired', async () => {
      const { pc, eTagAtArrival } = card();
      h().clock.now = EXPIRY.plus({ minutes: 2 });
      await h().tick();
      await delivered();
      const { referral } = await stored();
      assert.equal(`${referral.status}/${referral.substatus}`, 'Closed/Expired', 'the desk expired it');
      assert.equal(patchRequests(), 0);
      assert.equal(pc.simulator.patches.length, 0);
      assert.equal(lifecycle(), 'New/Received', 'Partner Center has it as it was');
      assert.equal(pc.simulator.get(ID)!.eTag, eTagAtArrival);
      assert.match(cardText(lastCard()), /Expired unanswered/);
      assert.match(cardText(lastCard()), /Up to date/);
    });
  });
});
