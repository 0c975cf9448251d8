import assert from 'node:assert/strict';
import { VERBS } from '../../cards/verbs';
import type { BotHarness } from '../support/botHarness';
import { cardAction, CHANNELS, USERS, type User } from '../support/teamsActivities';
import { botWithEmeaCard, cardOf, cardText, dealVerbs, ownerVerbs } from './flows';

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';

const acceptInputs = {
  dealName: 'Contoso migration wave 1',
  dealValue: '30000',
  currency: 'EUR',
  closingDate: '2027-02-15',
  notes: 'Two workshops, then the pilot.',
  crmId: 'CRM-42',
  campaignId: '',
};

describe('Accept and Decline on the card (over HTTP)', () => {
  let h: BotHarness;
  let referralId: string;
  let activityId: string;

  beforeEach(async () => {
    ({ h, referralId, activityId } = await botWithEmeaCard());
    await h.settle();
  });
  afterEach(async () => h.stop());

  const click = (verb: string, inputs: Record<string, unknown>, by: User = USERS.alice) =>
    h.activity(cardAction(h.serviceUrl, CHANNELS.emea, activityId, verb, { referralId, ...inputs }, by));

  it('accepts with the form inputs: stored as Active/Accepted, owned by the clicker, card updated for everyone', async () => {
    const answer = await click(VERBS.accept, acceptInputs);
    assert.equal(answer.status, 200);
    assert.equal(answer.body.statusCode, 200);
    assert.equal(answer.body.type, CARD);
    const card = JSON.stringify(answer.body.value);
    assert.match(card, /Accepted by Alice Rep/);
    assert.match(card, /Contoso migration wave 1/);
    assert.deepEqual(dealVerbs(answer.body.value), ownerVerbs(), 'the new owner gets Won and Lost, no Accept/Decline');

    const stored = await h.services.referrals.get(referralId);
    const referral = stored!.record.referral;
    assert.equal(referral.status, 'Active');
    assert.equal(referral.substatus, 'Accepted');
    assert.equal(referral.details.dealValue, 30000);
    assert.equal(referral.details.closingDateTime, '2027-02-15T00:00:00.000Z');
    assert.equal(referral.externalReferenceId, 'CRM-42');
    assert.equal(stored!.record.desk.owner?.id, USERS.alice.aadObjectId);
    const history = await h.services.referrals.history(referralId);
    assert.deepEqual(
      history.map((e) => [e.action, e.actor.name]),
      [
        ['received', 'Partner Center'],
        ['accept', 'Alice Rep'],
      ],
    );
    assert.ok(
      history[1].changes.some(
        (c) => c.field === 'status' && c.before === 'New/Received' && c.after === 'Active/Accepted',
      ),
    );

    await h.connector.waitFor(
      (calls) => calls.some((c) => c.kind === 'update' && c.activityId === activityId),
      'the channel card update',
    );
    const update = h.connector.calls.find((c) => c.kind === 'update' && c.activityId === activityId)!;
    assert.equal(update.conversationId, CHANNELS.emea.id);
    assert.match(cardText(update), /Accepted by Alice Rep/);
    const shared = cardOf(update);
    assert.deepEqual(
      dealVerbs(shared),
      [VERBS.refresh, VERBS.refresh],
      'the shared card is read-only: a refresh, and a button for it',
    );
    assert.deepEqual(shared.refresh?.userIds, [USERS.alice.id], "the owner's client fetches its own version");
    await h.settle();
    assert.equal((await h.services.referrals.get(referralId))!.card?.revision, 2, 'the stored card is marked current');
  });

  it('tells the user what to fix and changes nothing when inputs are invalid', async () => {
    for (const bad of [
      { dealValue: '-5' },
      { dealValue: 'lots' },
      { closingDate: '31/02/2027' },
      { closingDate: '2026-01-01' },
      { dealName: '' },
      { notes: '   ' },
      { currency: 'EURO' },
    ]) {
      const answer = await click(VERBS.accept, { ...acceptInputs, ...bad });
      assert.equal(answer.status, 200, JSON.stringify(bad));
      assert.equal(answer.body.type, MESSAGE, JSON.stringify(bad));
      assert.match(answer.body.value, /Please fix/, JSON.stringify(bad));
    }
    const answer = await click(VERBS.accept, { ...acceptInputs, dealValue: '-5', closingDate: 'soon' });
    assert.match(
      answer.body.value,
      /Estimated deal value must be greater than zero; Estimated close date must be a date/,
    );
    const stored = await h.services.referrals.get(referralId);
    assert.equal(stored!.record.desk.revision, 1);
    assert.equal(stored!.record.referral.status, 'New');
    assert.equal((await h.services.referrals.history(referralId)).length, 1);
  });

  it('lets exactly one of 20 simultaneous accepts win; the others see who was faster', async () => {
    const clickers = Array.from({ length: 20 }, (_, i) => ({
      id: `29:rep-${i}`,
      aadObjectId: `aad-rep-${i}`,
      name: `Rep ${i}`,
    }));
    const answers = await Promise.all(clickers.map((user) => click(VERBS.accept, acceptInputs, user)));
    assert.ok(answers.every((a) => a.status === 200 && a.body.type === CARD));
    const winners = answers.filter((a) => !JSON.stringify(a.body.value).includes('already'));
    assert.equal(winners.length, 1);
    const winnerName = /Accepted by (Rep \d+)/.exec(JSON.stringify(winners[0].body.value))![1];
    for (const loser of answers.filter((a) => a !== winners[0])) {
      assert.match(JSON.stringify(loser.body.value), new RegExp(`${winnerName} already accepted this referral`));
    }
    const history = await h.services.referrals.history(referralId);
    assert.equal(history.filter((e) => e.action === 'accept').length, 1);
    assert.equal((await h.services.referrals.get(referralId))!.record.desk.owner?.name, winnerName);
  });

  it('declines with a documented reason: Closed/Declined, card without buttons, showing who and why', async () => {
    const answer = await click(
      VERBS.decline,
      { reason: 'customerChoseAnotherVendor', declineNotes: 'Went with the incumbent.' },
      USERS.bob,
    );
    assert.equal(answer.body.type, CARD);
    const card = JSON.stringify(answer.body.value);
    assert.match(card, /Declined by Bob Rep/);
    assert.match(card, /Customer chose another vendor: Went with the incumbent\./);
    assert.deepEqual(dealVerbs(answer.body.value), []);
    const referral = (await h.services.referrals.get(referralId))!.record.referral;
    assert.equal(referral.status, 'Closed');
    assert.equal(referral.substatus, 'Declined');
    assert.equal(referral.statusReason, 'Customer chose another vendor: Went with the incumbent.');
    await h.connector.waitFor(
      (calls) => calls.some((c) => c.kind === 'update' && /Declined by Bob Rep/.test(cardText(c))),
      'the declined card for everyone',
    );
  });

  it('refuses a decline without a known reason and changes nothing', async () => {
    for (const reason of ['', 'because']) {
      const answer = await click(VERBS.decline, { reason });
      assert.equal(answer.body.type, MESSAGE);
      assert.match(answer.body.value, /Reason/);
    }
    assert.equal((await h.services.referrals.get(referralId))!.record.referral.status, 'New');
  });

  it('shows a stale card the current state and who acted, without changing anything', async () => {
    await click(VERBS.decline, { reason: 'notACustomer' }, USERS.bob);
    const answer = await click(VERBS.accept, acceptInputs, USERS.alice);
    assert.equal(answer.body.type, CARD);
    const card = JSON.stringify(answer.body.value);
    assert.match(card, /Bob Rep already declined this referral/);
    assert.match(card, /Declined by Bob Rep/);
    assert.equal((await h.services.referrals.get(referralId))!.record.referral.substatus, 'Declined');
    assert.equal((await h.services.referrals.history(referralId)).length, 2);
  });

  it('refuses an answer once the referral is past its expiry, even before the expiry is recorded', async () => {
    h.clock.advance({ days: 15 });
    const answer = await click(VERBS.accept, acceptInputs);
    assert.equal(answer.body.type, CARD);
    assert.match(JSON.stringify(answer.body.value), /This referral is expired, so that action is no longer possible/);
    assert.deepEqual(dealVerbs(answer.body.value), []);
    assert.equal((await h.services.referrals.get(referralId))!.record.referral.status, 'New');
  });

  it('treats a second Accept click by the same user (a new activity) as done once', async () => {
    const first = await click(VERBS.accept, acceptInputs);
    const retry = await click(VERBS.accept, acceptInputs);
    assert.match(JSON.stringify(first.body.value), /Accepted by Alice Rep/);
    assert.match(JSON.stringify(retry.body.value), /Alice Rep already accepted/);
    assert.equal((await h.services.referrals.history(referralId)).filter((e) => e.action === 'accept').length, 1);
  });

  it('answers an action on an unknown referral with a message', async () => {
    const answer = await h.activity(
      cardAction(h.serviceUrl, CHANNELS.emea, activityId, VERBS.accept, { ...acceptInputs, referralId: 'nope' }),
    );
    assert.equal(answer.body.type, MESSAGE);
    assert.match(answer.body.value, /no longer known/);
  });
});
