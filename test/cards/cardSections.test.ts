import assert from 'node:assert/strict';
import { loadSolutions } from '../../bot/config/solutions';
import { newDealCard } from '../../bot/teams/views/newDealCardView';
import { referralCardData } from '../../bot/teams/views/referral/referralCardView';
import type { CardAction, CardElement } from '../../cards/elements';
import { decisionActions } from '../../cards/referral/decisionActions';
import { customerSection } from '../../cards/referral/customer';
import { editDealAction, outcomeActions } from '../../cards/referral/dealForms';
import { dealSummarySection } from '../../cards/referral/dealSummary';
import { footerSection } from '../../cards/referral/footer';
import { handOverActions } from '../../cards/referral/handOver';
import { headerSection } from '../../cards/referral/header';
import type { ReferralCardData } from '../../cards/referral/referralCardData';
import { reminderSection } from '../../cards/referral/reminder';
import { teamFormAction } from '../../cards/referral/teamForm';
import { verbsIn } from '../e2e/flows';
import { validateCard } from '../support/cardSchema';
import { LOCALES, referralVariants, renderCardVariants } from '../support/cardVariants';
import { NOW } from '../support/fixtures';

const BODY_SECTIONS: Record<string, (d: ReferralCardData) => CardElement[]> = {
  header: headerSection,
  'deal summary': dealSummarySection,
  customer: customerSection,
  reminder: reminderSection,
  footer: footerSection,
};
const ACTION_SECTIONS: Record<string, (d: ReferralCardData) => CardAction[]> = {
  'decision actions': decisionActions,
  outcomes: outcomeActions,
  'edit deal': editDealAction,
  'team form': teamFormAction,
  'hand-over actions': handOverActions,
};

/** The card data of every variant the card tests and fixtures produce, in every language. */
const datas = Object.entries(LOCALES).flatMap(([locale, strings]) =>
  Object.entries(referralVariants()).map(([name, { record, now, view }]) => ({
    name: `${name} (${locale})`,
    data: referralCardData(record, now ?? NOW, strings, view),
  })),
);

describe('cards: every referral and new-deal card in every language', () => {
  it("validates whole against the Adaptive Card 1.5 schema and stays under Teams' message limit (80 KB kept)", () => {
    const cards = Object.entries(renderCardVariants());
    for (const tag of Object.keys(LOCALES))
      assert.ok(
        cards.some(([name]) => name.endsWith(`(${tag})`)),
        tag,
      );
    for (const [name, card] of cards) {
      assert.deepEqual(validateCard(card), [], name);
      assert.ok(Buffer.byteLength(JSON.stringify(card)) < 80 * 1024, name);
    }
  });
});

describe('cards: every section of the referral card, on its own', () => {
  const sections = [
    ...Object.entries(BODY_SECTIONS).map(([name, build]) => ({ name, place: 'body', build })),
    ...Object.entries(ACTION_SECTIONS).map(([name, build]) => ({ name, place: 'actions', build })),
  ];
  for (const section of sections) {
    it(`${section.name}: validates against the Adaptive Card 1.5 schema in every variant, and shows in some`, () => {
      let shown = 0;
      for (const { name, data } of datas) {
        const part: unknown[] = section.build(data);
        const card = { type: 'AdaptiveCard', version: '1.5', body: [], [section.place]: part };
        assert.deepEqual(validateCard(card), [], name);
        if (part.length > 0) shown++;
      }
      assert.ok(shown > 0, 'no variant shows this section, so its check proves nothing');
    });
  }

  it('the answers, outcomes, edit form, team form and hand-over each carry the verbs they are for', () => {
    const owner = datas.find(({ name }) => name === 'team deal, owner, with solutions (en)')!.data;
    const received = datas.find(({ name }) => name === 'received (en)')!.data;
    const verbs = (actions: CardAction[]) => verbsIn({ type: 'AdaptiveCard', version: '1.5', actions }).sort();
    assert.deepEqual(verbs(decisionActions(received)), ['referral.accept', 'referral.decline']);
    assert.deepEqual(verbs(outcomeActions(owner)), ['referral.lose', 'referral.win']);
    assert.deepEqual(verbs(editDealAction(owner)), ['referral.edit']);
    const team = ['referral.addMember', 'referral.addSolution', 'referral.removeMember', 'referral.removeMember'];
    assert.deepEqual(verbs(teamFormAction(owner)), [...team, 'referral.removeSolution']);
    assert.deepEqual(verbs(handOverActions(owner)), ['referral.reassign', 'referral.upgrade']);
  });
});

describe('cards: the new deal form, built from its sections', () => {
  for (const [locale, strings] of Object.entries(LOCALES)) {
    it(`validates against the Adaptive Card 1.5 schema (${locale})`, () => {
      assert.deepEqual(validateCard(newDealCard('form-1', loadSolutions(''), NOW, strings)), []);
    });
  }
});
