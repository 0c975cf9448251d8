import assert from 'node:assert/strict';
import { EDIT_FIELDS, type EditField, type EditValues } from '../../bot/domain/commands';
import { VERBS } from '../../cards/verbs';
import type { BotHarness, HttpAnswer } from '../support/botHarness';
import { cardAction, CHANNELS } from '../support/teamsActivities';
import { acceptAsAlice, botWithEmeaCard } from './flows';

const CARD = 'application/vnd.microsoft.card.adaptive';

/** Every Action.Execute of a card, wherever it sits (show cards included). */
function executeActions(node: unknown): { verb: string; data: Record<string, unknown> }[] {
  if (!node || typeof node !== 'object') return [];
  const here =
    (node as { type?: string }).type === 'Action.Execute'
      ? [node as { verb: string; data: Record<string, unknown> }]
      : [];
  return [...here, ...Object.values(node).flatMap(executeActions)];
}

describe('two people editing one deal at once (over HTTP)', function () {
  this.timeout(30_000);
  let h: BotHarness;
  let referralId: string;
  let activityId: string;

  beforeEach(async () => {
    ({ h, referralId, activityId } = await botWithEmeaCard());
    await acceptAsAlice(h, CHANNELS.emea, activityId, referralId);
  });
  afterEach(async () => h.stop());

  /** The Edit form as Alice's card shows it now: what it sends on save unless she changes something. */
  async function openEditForm(): Promise<{ values: EditValues; base: string }> {
    const answer = await h.activity(cardAction(h.serviceUrl, CHANNELS.emea, activityId, VERBS.refresh, { referralId }));
    const save = executeActions(answer.body.value).find((action) => action.verb === VERBS.edit)!;
    const base = String(save.data.base);
    return { values: JSON.parse(base) as EditValues, base };
  }

  function save(form: { values: EditValues; base: string }, changes: Partial<EditValues>): Promise<HttpAnswer> {
    const data = { referralId, base: form.base, ...form.values, ...changes };
    return h.activity(cardAction(h.serviceUrl, CHANNELS.emea, activityId, VERBS.edit, data));
  }

  async function stored(): Promise<EditValues> {
    const { referral, desk } = (await h.services.referrals.get(referralId))!.record;
    return {
      dealName: referral.name,
      dealValue: String(referral.details.dealValue),
      currency: referral.details.currency ?? '',
      closingDate: referral.details.closingDateTime?.slice(0, 10) ?? '',
      salesStage: referral.salesStage ?? '',
      notes: desk.notes ?? '',
      crmId: referral.externalReferenceId ?? '',
      campaignId: referral.campaignId ?? '',
    };
  }

  for (const order of ['date first', 'CRM id first']) {
    it(`keeps both changes of two forms opened on the same revision, saved ${order}`, async () => {
      const [a, b] = [await openEditForm(), await openEditForm()];
      const saves = [() => save(a, { closingDate: '2027-04-30' }), () => save(b, { crmId: 'CRM-7781' })];
      if (order === 'CRM id first') saves.reverse();
      for (const run of saves) assert.equal((await run()).body.type, CARD);
      const now = await stored();
      assert.equal(now.closingDate, '2027-04-30');
      assert.equal(now.crmId, 'CRM-7781');
    });
  }

  it('refuses the second of two different changes to the same field, naming it and who changed it, and keeps the first', async () => {
    const [a, b] = [await openEditForm(), await openEditForm()];
    assert.equal((await save(a, { dealValue: '70000' })).body.type, CARD);
    const second = await save(b, { dealValue: '80000', notes: 'Bigger scope' });
    assert.equal(second.body.type, CARD, 'the current card, with the notice');
    assert.match(
      JSON.stringify(second.body.value),
      /Alice Rep changed Estimated deal value while you were editing, so nothing was saved/,
    );
    const now = await stored();
    assert.equal(now.dealValue, '70000');
    assert.notEqual(now.notes, 'Bigger scope', 'nothing of the refused form is saved');
  });

  it('keeps every confirmed change of eight forms saved at once, each changing another field', async () => {
    const form = await openEditForm();
    const changes: Record<EditField, string> = {
      dealName: 'Contoso wave 2',
      dealValue: '45000',
      currency: 'USD',
      closingDate: '2027-05-31',
      salesStage: 'Qualified',
      notes: 'Workshop booked',
      crmId: 'CRM-1',
      campaignId: 'CAMP-1',
    };
    const answers = await Promise.all(EDIT_FIELDS.map((field) => save(form, { [field]: changes[field] })));
    const now = await stored();
    const confirmed = EDIT_FIELDS.filter((_, n) => answers[n].body.type === CARD);
    for (const field of confirmed) assert.equal(now[field], changes[field], `${field} was confirmed and is kept`);
    assert.deepEqual(confirmed, [...EDIT_FIELDS], 'every save was confirmed');
  });
});
