import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { CLOSE_REASONS } from '../../bot/domain/reasons';
import { NO_THANKS_REASON } from '../../bot/domain/lifecycle';
import { VERBS } from '../../cards/verbs';
import { PartnerCenterHarness } from '../support/partnerCenterHarness';
import { pcReferral } from '../support/fixtures';
import { cardAction, CHANNELS, teamMember, USERS, type User } from '../support/teamsActivities';
import { ACCEPT_FORM, cardPosts, cardText, installAndLink, regionsFileWith } from './flows';
import type { WireObject } from '../support/wireJson';

const ID = 'a1b2c3d4-0000-4000-8000-00000000ac75';
/** The fixture referral's expiry in Partner Center. */
const EXPIRY = DateTime.fromISO('2026-12-07T08:00:00.000Z', { zone: 'utc' });

/** Every action a Teams card offers, driven over HTTP, and what of it reaches the simulated Partner Center. */
describe('every Teams action written back to Partner Center (over HTTP, against the simulator)', () => {
  let pc: PartnerCenterHarness;
  let activityId: string;
  /** Partner Center's eTag of the referral when it arrived. */
  let eTagAtArrival: string;

  const h = () => pc.bot;
  const stored = async () => (await h().services.referrals.get(ID))!.record;
  const click = (verb: string, inputs: Record<string, unknown>, by: User = USERS.alice) =>
    h().activity(cardAction(h().serviceUrl, CHANNELS.emea, activityId, verb, { referralId: ID, ...inputs }, by));
  const lastCard = () =>
    h()
      .connector.calls.filter(
        (c) =>
          (c.kind === 'update' || c.kind === 'send') &&
          c.conversationId === CHANNELS.emea.id &&
          cardText(c).includes(ID),
      )
      .at(-1)!;
  const delivered = () => pc.delivered();
  /** A click that goes through, then the webhooks and the write-back it sets off. */
  const act = async (verb: string, inputs: Record<string, unknown>, by: User = USERS.alice) => {
    const answer = await click(verb, inputs, by);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.type, 'application/vnd.microsoft.card.adaptive', JSON.stringify(answer.body));
    await delivered();
    return answer;
  };
  const accept = () => act(VERBS.accept, ACCEPT_FORM);
  const written = (index: number) => pc.simulator.patches[index].operations.map((o) => [o.path, o.value]);
  const patchRequests = () => pc.simulator.requests.filter((r) => r.method === 'PATCH').length;
  /** Each patch was written against the eTag the one before left, the first against the referral as it arrived; the desk keeps the last. */
  const assertChained = async () => {
    const { patches } = pc.simulator;
    assert.equal(patches[0].eTagBefore, eTagAtArrival);
    for (let i = 1; i < patches.length; i++)
      assert.equal(patches[i].eTagBefore, patches[i - 1].eTagAfter, `patch ${i} is written against patch ${i - 1}`);
    assert.equal(patches.at(-1)!.eTagAfter, pc.simulator.get(ID)!.eTag);
    const { desk } = await stored();
    assert.equal(
      desk.partnerCenter!.copy.eTag.replace(/^"|"$/g, ''),
      patches.at(-1)!.eTagAfter,
      'the desk keeps the eTag for the next write',
    );
  };
  const lifecycle = () => {
    const remote = pc.simulator.get(ID)!;
    return `${String(remote.status)}/${String(remote.substatus)}`;
  };

  async function start(env: Record<string, string> = {}) {
    pc = await new PartnerCenterHarness(env).start();
    h().connector.members = [teamMember(USERS.alice), teamMember(USERS.bob)];
    await installAndLink(h(), CHANNELS.emea, 'emea');
    eTagAtArrival = pc.simulator.add(
      pcReferral({ id: ID, createdDateTime: '2026-11-23T08:00:00Z', updatedDateTime: '2026-11-23T08:00:00Z' }),
    ).eTag;
    await delivered();
    const post = cardPosts(h().connector.calls, CHANNELS.emea.id).find((c) => cardText(c).includes(ID));
    assert.ok(post, 'the referral has its card');
    activityId = post.answeredId!;
    assert.match(cardText(post), /Partner Center.*Up to date/);
    h().clock.advance({ minutes: 10 });
  }
  afterEach(async () => pc.stop());

  describe('a region that accepts or declines at once', () => {
    beforeEach(async () => start());

    it('Decline with a documented reason and notes: Closed/Declined with the reason as text', async () => {
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
        ['Qualified', 'CRM-2201', 'CAMPAIGN-7', 48000, 'USD', '2027-03-31T00:00:00.000Z', ACCEPT_FORM.notes],
      );
      assert.equal(lifecycle(), 'Active/Accepted');
      assert.match(cardText(lastCard()), /Up to date/);
    });

    it('Move close date: /details/closingDateTime', async () => {
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

  describe('a region answering in two steps: Interested or No thanks, then Accept or Decline', () => {
    beforeEach(async () => start({ REGIONS_FILE: regionsFileWith('emea', { responseFlow: 'twoStep' }) }));

    it('Interested writes nothing: Partner Center keeps it New', async () => {
      await act(VERBS.interested, {}, USERS.bob);
      assert.ok((await stored()).desk.interestedAt, 'the desk has it as Evaluating');
      assert.equal(patchRequests(), 0);
      assert.equal(lifecycle(), 'New/Received');
      assert.equal(pc.simulator.get(ID)!.eTag, eTagAtArrival);
      assert.match(cardText(lastCard()), /Evaluating/);
      assert.match(cardText(lastCard()), /Up to date/);
    });

    it('No thanks: Closed/Declined with the no-thanks reason', async () => {
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
        ['/details/notes', 'Workshop first.'],
      ]);
      await assertChained();
      assert.equal(lifecycle(), 'Active/Accepted');
      assert.match(cardText(lastCard()), /Accepted by Alice Rep/);
      assert.match(cardText(lastCard()), /Up to date/);
    });
  });
});
