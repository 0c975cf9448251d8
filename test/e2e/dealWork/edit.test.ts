import assert from 'node:assert/strict';
import { VERBS } from '../../../cards/verbs';
import { inputValuesOf } from '../../support/markdownText';
import { USERS } from '../../support/teamsActivities';
import { dealVerbs } from '../flows';
import { dealActions, EDIT, MESSAGE, useAcceptedDeal } from './fixtures';

/** An accepted deal (a partner's P2P invitation, owned by Alice), worked on through its card as Teams sends it. */
describe('working on an accepted deal (over HTTP)', () => {
  const deal = useAcceptedDeal();
  const { click, stored, actionsIn, lastChannelUpdate } = dealActions(deal);

  describe('edit', () => {
    it('saves the details and the sales stage, writes the change to history and updates the channel card', async () => {
      const { h, referralId } = deal();
      const answer = await click(VERBS.edit, { ...EDIT, country: 'US' });
      assert.match(JSON.stringify(answer.body.value), /Contoso landing zone/);

      const { record } = await stored();
      assert.equal(record.referral.name, 'Contoso landing zone');
      assert.equal(record.referral.details.dealValue, 61000);
      assert.equal(record.referral.details.closingDateTime, '2027-03-31T00:00:00.000Z');
      assert.equal(record.referral.salesStage, 'Proposed');
      assert.equal(record.referral.externalReferenceId, 'CRM-2201');
      assert.equal(record.referral.customerProfile.address.country, 'DE', 'the region never changes');
      const history = await h.services.referrals.history(referralId);
      assert.deepEqual(
        history.map((e) => e.action),
        ['received', 'accept', 'edit'],
      );
      const stageChange = history[2].changes.find((c) => c.field === 'salesStage');
      assert.deepEqual([stageChange?.before, stageChange?.after], [undefined, 'Proposed']);
      assert.equal(history[2].actor.name, 'Alice Rep');

      const shared = await lastChannelUpdate(/Contoso landing zone/);
      assert.match(JSON.stringify(shared), /"text":"Sales stage: Proposed \(60 %\)"/);
      assert.deepEqual(dealVerbs(shared), [VERBS.refresh, VERBS.refresh], 'the shared card stays read-only');
    });

    it('shows a deal without a sales stage at the start the card names, and keeps it there on Save', async () => {
      const card = (await click(VERBS.refresh, {})).body.value;
      const form = inputValuesOf(card);
      const choices = choicesOf(card, 'salesStage');
      // Teams shows a choice set whose value is empty with nothing chosen.
      assert.ok(form.salesStage, 'a choice is preselected');
      assert.equal(choices.find((c) => c.value === form.salesStage)?.title, 'Accepted (10 %): no stage yet');
      const base = actionData(card, VERBS.edit).base;
      await click(VERBS.edit, { ...EDIT, salesStage: form.salesStage, base });

      const { record } = await stored();
      assert.equal(record.referral.name, 'Contoso landing zone');
      assert.equal(record.referral.salesStage, undefined);
      const history = await deal().h.services.referrals.history(deal().referralId);
      assert.ok(!history.at(-1)!.changes.some((c) => c.field === 'salesStage'));
    });

    it('applies the same edit clicked twice (two activities) once', async () => {
      await click(VERBS.edit, EDIT);
      const retry = await click(VERBS.edit, EDIT);
      assert.match(JSON.stringify(retry.body.value), /Nothing to change/);
      assert.deepEqual(await actionsIn(), ['received', 'accept', 'edit']);
    });

    it('names every wrong field and changes nothing', async () => {
      const before = await stored();
      const answer = await click(VERBS.edit, {
        ...EDIT,
        dealName: '',
        dealValue: 'lots',
        closingDate: '2026-01-01',
        salesStage: 'Closing',
      });
      assert.equal(answer.body.type, MESSAGE);
      for (const field of ['Deal name', 'Estimated deal value', 'Estimated close date', 'Sales stage'])
        assert.match(String(answer.body.value), new RegExp(field));
      assert.deepEqual((await stored()).record, before.record);
    });

    it('refuses someone not on the deal and changes nothing', async () => {
      const before = await stored();
      const answer = await click(VERBS.edit, EDIT, USERS.bob);
      assert.match(
        JSON.stringify(answer.body.value),
        /Only Alice Rep, who owns this deal, and the deal's team can change it/,
      );
      assert.deepEqual((await stored()).record, before.record);
      assert.deepEqual(await actionsIn(), ['received', 'accept']);
    });
  });
});

/** Every element of a card, depth first. */
function elementsOf(node: unknown): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap(elementsOf);
  if (!node || typeof node !== 'object') return [];
  return [node as Record<string, unknown>, ...Object.values(node).flatMap(elementsOf)];
}

function choicesOf(card: unknown, id: string): { title: string; value: string }[] {
  const input = elementsOf(card).find((e) => e.id === id && e.type === 'Input.ChoiceSet');
  return (input?.choices ?? []) as { title: string; value: string }[];
}

function actionData(card: unknown, verb: string): Record<string, unknown> {
  const action = elementsOf(card).find((e) => e.type === 'Action.Execute' && e.verb === verb);
  assert.ok(action, verb);
  return action.data as Record<string, unknown>;
}
