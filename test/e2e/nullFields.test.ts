import assert from 'node:assert/strict';
import { VERBS } from '../../cards/verbs';
import { validateCard } from '../support/cardSchema';
import { pcReferral } from '../support/fixtures';
import { PartnerCenterHarness } from '../support/partnerCenterHarness';
import { CHANNELS, cardAction } from '../support/teamsActivities';
import { cardPosts, cardText, installAndLink } from './flows';

const FROM_API = 'a1b2c3d4-0000-4000-8000-0000000000f1';
const DELIVERED = 'a1b2c3d4-0000-4000-8000-0000000000f2';

/** A referral as Partner Center serves one before anyone gave it a CRM id or a reason. */
function withNullIds(id: string): Record<string, unknown> {
  return pcReferral({
    id,
    externalReferenceId: null,
    statusReason: null,
    campaignId: null,
    salesStage: null,
    team: null,
    inviteContext: null,
  });
}

/** A referral as Partner Center serves it: every optional field it has no value for is null. */
function withNulls(id: string): Record<string, unknown> {
  const referral = withNullIds(id);
  return {
    ...referral,
    acceptedDateTime: null,
    closedDateTime: null,
    details: {
      ...(referral.details as object),
      notes: null,
      dealValue: null,
      currency: null,
      closingDateTime: null,
      customerRequestedContact: null,
    },
    customerProfile: { ...(referral.customerProfile as object), size: null, ids: null },
  };
}

/** Partner Center writes null for a field without a value; the desk takes it as no value, and its History shows the change when one comes. */
describe('Partner Center referrals with null fields (over HTTP, against the simulator)', () => {
  let pc: PartnerCenterHarness;
  const h = () => pc.bot;
  const channelCard = (id: string) =>
    cardPosts(h().connector.calls, CHANNELS.emea.id).find((c) => cardText(c).includes(id));
  const history = (id: string) =>
    h().activity(
      cardAction(h().serviceUrl, CHANNELS.emea, channelCard(id)!.answeredId!, VERBS.history, { referralId: id }),
    );

  beforeEach(async () => {
    pc = await new PartnerCenterHarness().start();
    await installAndLink(h(), CHANNELS.emea, 'emea');
  });
  afterEach(async () => pc.stop());

  it('read from the API without a CRM id or reason (null), then declined in Partner Center with a reason and given a CRM id: History shows both', async () => {
    pc.simulator.add(withNullIds(FROM_API));
    await pc.delivered();
    assert.ok(channelCard(FROM_API), 'the card is posted');
    const stored = (await h().services.referrals.get(FROM_API))!.record.referral;
    assert.equal('externalReferenceId' in stored, false, 'null is kept as no value');
    assert.equal('statusReason' in stored, false);
    assert.equal('team' in stored, false);

    h().clock.advance({ minutes: 5 });
    pc.simulator.update(FROM_API, {
      externalReferenceId: 'CRM-0042',
      status: 'Closed',
      substatus: 'Declined',
      statusReason: 'Customer chose another partner',
    });
    await pc.delivered();

    const answer = await history(FROM_API);
    assert.equal(answer.status, 200);
    const card = answer.body.value;
    assert.equal(answer.body.type, 'application/vnd.microsoft.card.adaptive', JSON.stringify(answer.body));
    const text = JSON.stringify(card);
    assert.match(text, /CRM ID: \(none\) → CRM-0042/);
    assert.match(text, /Reason: \(none\) → Customer chose another partner/);
    assert.deepEqual(validateCard(card), []);
  });

  it('delivered to /api/referrals with null fields, then a newer copy with values: History shows the change', async () => {
    assert.equal((await h().deliver(withNulls(DELIVERED))).status, 202);
    await h().connector.waitFor(() => Boolean(channelCard(DELIVERED)), 'the card');
    const newer = {
      ...withNulls(DELIVERED),
      updatedDateTime: '2026-11-23T08:30:00Z',
      externalReferenceId: 'CRM-7',
      campaignId: 'FY27-Q2',
    };
    const delivered = await h().deliver(newer);
    assert.deepEqual(delivered.body.received, [DELIVERED]);

    const answer = await history(DELIVERED);
    assert.equal(answer.body.type, 'application/vnd.microsoft.card.adaptive', JSON.stringify(answer.body));
    const text = JSON.stringify(answer.body.value);
    assert.match(text, /CRM ID: \(none\) → CRM-7/);
    assert.match(text, /Campaign ID: \(none\) → FY27-Q2/);
    assert.deepEqual(validateCard(answer.body.value), []);
  });
});
