import assert from 'node:assert/strict';
import { VERBS } from '../../cards/verbs';
import { CLOSE_REASONS } from '../../bot/domain/reasons';
import { BotHarness } from '../support/botHarness';
import { cardAction, CHANNELS, USERS, type User } from '../support/teamsActivities';
import { acceptAsAlice, cardOf, cardText, deliverAndAwaitCard, installAndLink, dealVerbs, ownerVerbs } from './flows';

const MESSAGE = 'application/vnd.microsoft.activity.message';

/** An accepted deal owned by Alice; Won and Lost on it, as Teams sends them. */
describe('Won and Lost on an accepted deal (over HTTP)', () => {
  let h: BotHarness;
  let referralId: string;
  let activityId: string;

  const click = (verb: string, inputs: Record<string, unknown>, by: User = USERS.alice) =>
    h.activity(cardAction(h.serviceUrl, CHANNELS.emea, activityId, verb, { referralId, ...inputs }, by));
  const stored = async () => (await h.services.referrals.get(referralId))!;
  const actionsIn = async () => (await h.services.referrals.history(referralId)).map((event) => event.action);

  beforeEach(async () => {
    h = await new BotHarness().start();
    await installAndLink(h, CHANNELS.emea, 'emea');
    ({ id: referralId, activityId } = await deliverAndAwaitCard(h, CHANNELS.emea));
    await acceptAsAlice(h, CHANNELS.emea, activityId, referralId);
    h.clock.advance({ days: 20 });
  });
  afterEach(async () => h.stop());

  it('Won by the owner: final value stored, history written, a final card without buttons for everyone', async () => {
    const answer = await click(VERBS.win, { finalValue: '42000', winNotes: 'Three-year agreement signed.' });
    const card = answer.body.value;
    assert.match(JSON.stringify(card), /Won by Alice Rep/);
    assert.deepEqual(dealVerbs(card), [], 'a won deal offers no actions and needs no refresh');

    const { record } = await stored();
    assert.equal(record.referral.status, 'Closed');
    assert.equal(record.referral.substatus, 'Won');
    assert.equal(record.referral.details.dealValue, 42000);
    assert.equal(record.desk.notes, 'Three-year agreement signed.');
    const history = await h.services.referrals.history(referralId);
    assert.deepEqual(
      history.map((e) => e.action),
      ['received', 'accept', 'win'],
    );
    assert.ok(history[2].changes.some((c) => c.field === 'dealValue' && c.before === '30000' && c.after === '42000'));

    await h.connector.waitFor(
      (calls) => calls.some((c) => c.kind === 'update' && /Won by Alice Rep/.test(cardText(c))),
      'the channel card update',
    );
    const update = h.connector.calls.filter((c) => c.kind === 'update' && c.activityId === activityId).at(-1)!;
    assert.deepEqual(dealVerbs(cardOf(update)), []);
    assert.equal(cardOf(update).refresh, undefined);
  });

  it('Lost by the owner with a documented reason and notes', async () => {
    const answer = await click(VERBS.lose, { lossReason: 'customerChoseAnotherVendor', lossNotes: 'Price.' });
    assert.match(JSON.stringify(answer.body.value), /Lost by Alice Rep/);
    const { record } = await stored();
    assert.equal(record.referral.substatus, 'Lost');
    assert.equal(record.referral.statusReason, `${CLOSE_REASONS.customerChoseAnotherVendor}: Price.`);
    assert.deepEqual(await actionsIn(), ['received', 'accept', 'lose']);
  });

  it('refuses Won and Lost from someone who does not work the deal, names the owner, and changes nothing', async () => {
    const before = await stored();
    for (const [verb, inputs] of [
      [VERBS.win, { finalValue: '1' }],
      [VERBS.lose, { lossReason: 'other' }],
    ] as const) {
      const answer = await click(verb, inputs, USERS.bob);
      assert.equal(answer.body.statusCode, 200);
      const card = answer.body.value;
      assert.match(JSON.stringify(card), /Only Alice Rep, who owns this deal, and the deal's team can change it/);
      assert.deepEqual(dealVerbs(card), [VERBS.refresh], "Bob's card stays read-only");
    }
    const after = await stored();
    assert.deepEqual(after.record, before.record);
    assert.deepEqual(await actionsIn(), ['received', 'accept']);
  });

  it('applies a retried Won once (Teams retries slow invokes)', async () => {
    await click(VERBS.win, { finalValue: '42000' });
    const retry = await click(VERBS.win, { finalValue: '42000' });
    assert.match(JSON.stringify(retry.body.value), /Alice Rep already won this referral/);
    assert.deepEqual(await actionsIn(), ['received', 'accept', 'win']);
  });

  it('asks the owner to fix bad input and changes nothing', async () => {
    for (const [verb, inputs, expected] of [
      [VERBS.win, { finalValue: '-3' }, /Final deal value/],
      [VERBS.win, { finalValue: 'lots' }, /Final deal value/],
      [VERBS.lose, { lossReason: 'bored' }, /Reason/],
      [VERBS.lose, { lossReason: '' }, /Reason/],
    ] as const) {
      const answer = await click(verb, inputs);
      assert.equal(answer.body.type, MESSAGE, JSON.stringify(inputs));
      assert.match(String(answer.body.value), expected);
    }
    assert.equal((await stored()).record.referral.substatus, 'Accepted');
    assert.deepEqual(await actionsIn(), ['received', 'accept']);
  });

  it("answers a refresh with the user's own card: Won and Lost for the owner, read-only for others, nothing changed", async () => {
    const before = await stored();
    const owner = await click(VERBS.refresh, {});
    assert.deepEqual(dealVerbs(owner.body.value), ownerVerbs());
    assert.deepEqual(owner.body.value.refresh.userIds, [USERS.alice.id]);
    const other = await click(VERBS.refresh, {}, USERS.bob);
    assert.deepEqual(dealVerbs(other.body.value), [VERBS.refresh]);
    assert.match(JSON.stringify(other.body.value), /Accepted by Alice Rep/);
    assert.equal((await stored()).etag, before.etag, 'a refresh writes nothing');

    const unknown = await h.activity(
      cardAction(h.serviceUrl, CHANNELS.emea, activityId, VERBS.refresh, { referralId: 'no-such-referral' }),
    );
    assert.equal(unknown.body.type, MESSAGE);
  });
});
