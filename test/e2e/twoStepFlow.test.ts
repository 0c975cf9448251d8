import assert from 'node:assert/strict';
import { VERBS } from '../../cards/verbs';
import { BotHarness } from '../support/botHarness';
import { cardAction, CHANNELS, USERS, type User } from '../support/teamsActivities';
import { cardOf, cardText, dealVerbs, deliverAndAwaitCard, installAndLink, regionsFileWith } from './flows';

/** EMEA answers referrals the older way: Interested or No thanks, then Accept or Decline. */
describe('the older two-step flow, chosen for a region (over HTTP)', () => {
  let h: BotHarness;
  let referralId: string;
  let activityId: string;
  let firstCard: Record<string, unknown>;

  const click = (verb: string, inputs: Record<string, unknown> = {}, by: User = USERS.alice) =>
    h.activity(cardAction(h.serviceUrl, CHANNELS.emea, activityId, verb, { referralId, ...inputs }, by));

  beforeEach(async () => {
    h = await new BotHarness({ REGIONS_FILE: regionsFileWith('emea', { responseFlow: 'twoStep' }) }).start();
    await installAndLink(h, CHANNELS.emea, 'emea');
    ({ id: referralId, activityId } = await deliverAndAwaitCard(h, CHANNELS.emea));
    firstCard = cardOf(h.connector.calls.find((c) => c.kind === 'send' && cardText(c).includes(referralId))!);
  });
  afterEach(async () => h.stop());

  it('posts the card with Interested and No thanks, 72 hours to answer, and the contact hidden', () => {
    assert.deepEqual(dealVerbs(firstCard), [VERBS.interested, VERBS.noThanks]);
    const text = JSON.stringify(firstCard);
    assert.match(text, /left to say whether you are interested/);
    assert.match(text, /contact details show once someone is interested/);
    assert.doesNotMatch(text, /anna@contoso.example/);
  });

  it('Interested moves it to Evaluating for everyone, with the details and Accept / Decline; then it is accepted', async () => {
    const answer = await click(VERBS.interested, {}, USERS.bob);
    const text = JSON.stringify(answer.body.value);
    assert.match(text, /Bob Rep is interested: 7 days left to accept or decline/);
    assert.match(text, /anna@contoso.example/);
    assert.deepEqual(dealVerbs(answer.body.value), [VERBS.accept, VERBS.decline]);
    await h.settle();
    const update = h.connector.calls.filter((c) => c.kind === 'update' && c.activityId === activityId).at(-1)!;
    assert.match(cardText(update), /Evaluating/);

    const retried = await click(VERBS.interested, {}, USERS.bob);
    assert.match(JSON.stringify(retried.body.value), /Bob Rep already/);

    await click(VERBS.accept, {
      dealName: 'Contoso',
      dealValue: '1000',
      currency: 'EUR',
      closingDate: '2027-03-01',
      notes: 'Workshop first.',
    });
    const { record } = (await h.services.referrals.get(referralId))!;
    assert.equal(record.referral.substatus, 'Accepted');
    assert.deepEqual(
      (await h.services.referrals.history(referralId)).map((e) => e.action),
      ['received', 'interested', 'accept'],
    );
  });

  it('No thanks archives it as Missed', async () => {
    const answer = await click(VERBS.noThanks);
    assert.match(JSON.stringify(answer.body.value), /Missed by Alice Rep/);
    assert.deepEqual(dealVerbs(answer.body.value), []);
    const { record } = (await h.services.referrals.get(referralId))!;
    assert.equal(`${record.referral.status}/${record.referral.substatus}`, 'Closed/Declined');
    assert.equal(record.desk.missed, true);
  });

  it('refuses Accept before anyone showed interest', async () => {
    const answer = await click(VERBS.accept, {
      dealName: 'Contoso',
      dealValue: '1000',
      currency: 'EUR',
      closingDate: '2027-03-01',
      notes: 'x',
    });
    assert.match(JSON.stringify(answer.body.value), /no longer possible|is new referral/);
    assert.equal((await h.services.referrals.get(referralId))!.record.referral.substatus, 'Received');
  });
});
