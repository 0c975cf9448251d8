import assert from 'node:assert/strict';
import { VERBS } from '../../cards/verbs';
import { BotHarness } from '../support/botHarness';
import { inputValuesOf } from '../support/markdownText';
import { CHANNELS, personalCardAction, personalChat, personalMessage, USERS } from '../support/teamsActivities';
import { attachmentsOf, cardOf, cardPosts, cardText, dealVerbs, installAndLink } from './flows';

const MESSAGE = 'application/vnd.microsoft.activity.message';

const FORM = {
  customerName: 'Litware GmbH',
  country: 'DE',
  contactFirstName: 'Customer',
  contactLastName: 'Buyer',
  contactPhoneNumber: '+49 89 5550100',
  contactEmail: 'buyer@litware.example',
  dealName: 'Litware data platform',
  dealValue: '120000',
  currency: 'EUR',
  closingDate: '2027-06-30',
  notes: 'Met at the Munich roadshow.',
  crmId: 'CRM-31',
  campaignId: '',
  memberFirstName: 'Presales',
  memberLastName: 'Engineer',
  memberPhoneNumber: '+49 89 5550200',
  memberEmail: 'engineer@partner.example',
  solutions: 'data-platform,azure-migration',
  help: 'technicalArchitecture',
  microsoftSellersMaySee: 'true',
};

/** `new deal` from a rep's personal chat, as Teams sends it. */
describe('creating a deal with "new deal" (over HTTP)', () => {
  let h: BotHarness;

  /** Asks for the form in Alice's personal chat and returns its id and the card's activity id. */
  async function openForm(): Promise<{ formId: string; activityId: string; card: Record<string, unknown> }> {
    assert.equal((await h.activity(personalMessage(h.serviceUrl, 'new deal'))).status, 200);
    const call = h.connector.calls
      .filter((c) => c.conversationId === personalChat(USERS.alice) && attachmentsOf(c).length > 0)
      .at(-1)!;
    const card = cardOf(call);
    const submit = (card.actions as { verb: string; data: { formId: string } }[])[0];
    assert.equal(submit.verb, VERBS.createDeal);
    return { formId: submit.data.formId, activityId: call.answeredId!, card };
  }

  beforeEach(async () => {
    h = await new BotHarness().start();
    await installAndLink(h, CHANNELS.emea, 'emea');
  });
  afterEach(async () => h.stop());

  it("fills in the team member with the sender's name and e-mail as Teams knows them, the phone left to type", async () => {
    h.connector.members = [
      {
        id: USERS.alice.id,
        aadObjectId: USERS.alice.aadObjectId,
        name: 'Alice Rep',
        givenName: 'Alice',
        surname: 'Rep',
        email: 'alice@partner.example',
        userPrincipalName: 'alice@partner.example',
      },
    ];
    const values = inputValuesOf((await openForm()).card);
    assert.deepEqual(
      [values.memberFirstName, values.memberLastName, values.memberEmail, values.memberPhoneNumber],
      ['Alice', 'Rep', 'alice@partner.example', undefined],
    );
    assert.equal(values.contactFirstName, undefined, "the customer's contact stays empty");

    h.connector.members = [];
    const unknown = inputValuesOf((await openForm()).card);
    assert.deepEqual(
      [unknown.memberFirstName, unknown.memberEmail],
      [undefined, undefined],
      'nothing known, nothing filled',
    );
  });

  it('creates the deal from the form: co-sell, Accepted, owned by the sender, posted to the channel of its region', async () => {
    const { formId, activityId, card } = await openForm();
    assert.match(JSON.stringify(card), /Identify the kind of help that you need from Microsoft/);
    const answer = await h.activity(
      personalCardAction(h.serviceUrl, activityId, VERBS.createDeal, { formId, ...FORM }),
    );
    const text = JSON.stringify(answer.body.value);
    assert.match(text, /Deal created/);
    assert.match(text, /Created by Alice Rep/);
    assert.match(text, /"title":"Deal type","value":"Co-sell with Microsoft"/);
    assert.match(text, /"text":"Sales stage: Created \(10 %\)"/);
    assert.ok(dealVerbs(answer.body.value).includes(VERBS.win), 'the creator owns it');

    const { record } = (await h.services.referrals.get(formId))!;
    assert.equal(record.referral.status, 'Active');
    assert.equal(record.referral.type, 'Shared');
    assert.equal(record.referral.direction, 'Outgoing');
    assert.equal(record.desk.owner?.id, USERS.alice.aadObjectId);
    assert.deepEqual(
      record.referral.details.requirements?.solutions?.map((s) => s.id),
      ['data-platform', 'azure-migration'],
    );
    assert.deepEqual(
      (await h.services.referrals.history(formId)).map((e) => e.action),
      ['create'],
    );

    await h.connector.waitFor(
      (calls) => cardPosts(calls, CHANNELS.emea.id).some((c) => cardText(c).includes(formId)),
      'the deal card in EMEA',
    );
  });

  it('creates one deal however often the form is sent', async () => {
    const { formId, activityId } = await openForm();
    await h.activity(personalCardAction(h.serviceUrl, activityId, VERBS.createDeal, { formId, ...FORM }));
    const again = await h.activity(
      personalCardAction(h.serviceUrl, activityId, VERBS.createDeal, { formId, ...FORM, dealName: 'Changed' }),
    );
    assert.match(JSON.stringify(again.body.value), /This form already created the deal below/);
    assert.equal((await h.services.referrals.get(formId))!.record.referral.name, 'Litware data platform');
    await h.settle();
    assert.equal(cardPosts(h.connector.calls, CHANNELS.emea.id).filter((c) => cardText(c).includes(formId)).length, 1);
  });

  it('names what to fix and stores nothing', async () => {
    const { formId, activityId } = await openForm();
    for (const [change, expected] of [
      [
        { customerName: '', memberEmail: 'engineer' },
        /Customer name is required.*Team member's e-mail must be an e-mail address/,
      ],
      [{ solutions: '' }, /Solutions is required/],
      [{ solutions: 'data-platform,made-up' }, /Solutions must be one of the listed choices/],
      [
        { solutions: 'security-assessment,data-platform' },
        /an assessment goes alone|solution-assessment deal holds its one assessment/,
      ],
      [{ country: 'XX' }, /Country must be one of the listed choices/],
      [{ microsoftSellersMaySee: '' }, /May Microsoft sellers see it\? is required/],
    ] as const) {
      const answer = await h.activity(
        personalCardAction(h.serviceUrl, activityId, VERBS.createDeal, { formId, ...FORM, ...change }),
      );
      assert.equal(answer.body.type, MESSAGE, JSON.stringify(change));
      assert.match(String(answer.body.value), expected);
    }
    assert.equal(await h.services.referrals.get(formId), null);
  });

  it('answers "new" without "deal" with how to use it', async () => {
    await h.activity(personalMessage(h.serviceUrl, 'new'));
    const last = h.connector.calls.filter((c) => c.conversationId === personalChat(USERS.alice)).at(-1)!;
    assert.match(String(last.body.text), /send me "new deal"/);
  });
});
