import assert from 'node:assert/strict';
import { changeReferral } from '../../bot/referrals';
import { ANSWERS_KEPT_FOR } from '../../bot/store/answeredInvokeRepository';
import { VERBS } from '../../cards/verbs';
import { BotHarness } from '../support/botHarness';
import { cardAction, CHANNELS, USERS, type User } from '../support/teamsActivities';
import { ACCEPT_FORM, acceptAsAlice, deliverAndAwaitCard, installAndLink } from './flows';

const CARD = 'application/vnd.microsoft.card.adaptive';
const ALICE = { id: USERS.alice.aadObjectId, name: USERS.alice.name };

/** Edit deal as Alice fills it in, with the deal's value as given. */
const editTo = (dealValue: number) => ({
  dealName: 'Contoso landing zone',
  dealValue: String(dealValue),
  currency: 'EUR',
  closingDate: '2027-03-31',
  salesStage: 'Proposed',
  notes: 'Proposal sent on Monday.',
});

/**
 * Teams delivers an invoke again, with the same activity id, when its answer was late: the
 * repeat changes nothing, however many clicks came in between, and is answered as the first
 * was, or, for a change of the referral, with its card as it is now.
 */
describe('card actions delivered again with the same activity id (over HTTP)', () => {
  let h: BotHarness;
  let referralId: string;
  let activityId: string;

  /** A click as Teams sends it; posting the same one again is Teams' retry of it. */
  const clickOf = (verb: string, inputs: Record<string, unknown>, by: User = USERS.alice) =>
    cardAction(h.serviceUrl, CHANNELS.emea, activityId, verb, { referralId, ...inputs }, by);
  const valueNow = async () => (await h.services.referrals.get(referralId))!.record.referral.details.dealValue;
  const eventsOf = async (action: string) =>
    (await h.services.referrals.history(referralId)).filter((event) => event.action === action).length;

  beforeEach(async () => {
    h = await new BotHarness().start();
    await installAndLink(h, CHANNELS.emea, 'emea');
    ({ id: referralId, activityId } = await deliverAndAwaitCard(h, CHANNELS.emea));
  });
  afterEach(async () => h.stop());

  describe('on an accepted deal', () => {
    beforeEach(async () => {
      await acceptAsAlice(h, CHANNELS.emea, activityId, referralId);
      h.clock.advance({ hours: 2 });
    });

    it('answers a late repeat of an older edit with the card as it is now, keeping the newer edit', async () => {
      const x = clickOf(VERBS.edit, editTo(50_000));
      const first = await h.activity(x);
      assert.equal(first.body.type, CARD);
      assert.equal(await valueNow(), 50_000);
      const y = await h.activity(clickOf(VERBS.edit, editTo(60_000)));
      assert.equal(y.body.type, CARD);
      assert.equal(await valueNow(), 60_000);

      const repeat = await h.activity(x);
      assert.equal(repeat.status, 200);
      assert.deepEqual(repeat.body, y.body, 'the card as it is now, never the older state');
      assert.equal(await valueNow(), 60_000);
      assert.equal(await eventsOf('edit'), 2);
    });

    it('runs the same id delivered twice at once one time, answering both alike', async () => {
      const x = clickOf(VERBS.edit, editTo(50_000));
      const [one, two] = await Promise.all([h.activity(x), h.activity(x)]);
      assert.equal(one.body.type, CARD);
      assert.match(JSON.stringify(one.body.value), /Contoso landing zone/);
      // Run twice, the second would find nothing to change (or a change under way) and say so.
      assert.deepEqual(two.body, one.body);
      assert.equal(await eventsOf('edit'), 1);
      assert.equal(await valueNow(), 50_000);
    });

    it("answers another user sending the same activity id for themselves, not with the first user's answer", async () => {
      const x = clickOf(VERBS.edit, editTo(50_000));
      const alice = await h.activity(x);
      const bob = await h.activity({ ...clickOf(VERBS.edit, editTo(70_000), USERS.bob), id: x.id });
      assert.notDeepEqual(bob.body, alice.body);
      assert.match(
        JSON.stringify(bob.body.value),
        /Only Alice Rep, who owns this deal, and the deal's team can change it/,
      );
      assert.equal(await valueNow(), 50_000);
      assert.deepEqual((await h.activity(x)).body, alice.body, "Alice's own repeat still gets her answer");
      assert.equal(await eventsOf('edit'), 1);
    });

    it('changes nothing for a repeat of a change however late it comes: the click is saved with its change', async () => {
      const x = clickOf(VERBS.edit, editTo(50_000));
      await h.activity(x);
      await h.activity(clickOf(VERBS.edit, editTo(60_000)));
      h.clock.advance(ANSWERS_KEPT_FOR.plus({ minutes: 1 }).toObject());

      const late = await h.activity(x);
      assert.equal(late.body.type, CARD);
      assert.equal(await valueNow(), 60_000);
      assert.equal(await eventsOf('edit'), 2);
    });

    it('answers a repeat of a click whose change was saved but never answered (the desk stopped) with the card', async () => {
      const x = clickOf(VERBS.edit, editTo(50_000));
      const command = { action: 'edit', input: { ...editTo(50_000), dealValue: 50_000 } } as const;
      const saved = await changeReferral(h.services, referralId, command, ALICE, {
        click: { actorId: ALICE.id, activityId: x.id },
      });
      assert.equal(saved.kind, 'changed');
      await h.settle();

      const repeat = await h.activity(x);
      assert.equal(repeat.body.type, CARD);
      assert.match(JSON.stringify(repeat.body.value), /50,000/);
      assert.equal(await eventsOf('edit'), 1, 'the change was made once');
    });
  });

  it('answers a repeated Accept as it answered the first, not "already accepted by you", with one history event', async () => {
    const x = clickOf(VERBS.accept, ACCEPT_FORM);
    const first = await h.activity(x);
    assert.match(JSON.stringify(first.body.value), /Accepted by Alice Rep/);

    const repeat = await h.activity(x);
    assert.deepEqual(repeat.body, first.body);
    assert.doesNotMatch(JSON.stringify(repeat.body.value), /already accepted/);
    assert.equal(await eventsOf('accept'), 1);

    const again = await h.activity(clickOf(VERBS.accept, ACCEPT_FORM));
    assert.match(JSON.stringify(again.body.value), /Alice Rep already accepted/, 'a new click is a new click');
  });
});
