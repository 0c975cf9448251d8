import assert from 'node:assert/strict';
import { EVERY_CARD_VERBS } from '../../e2e/flows';
import { itIsAWellFormedCard, validateCard } from '../../support/cardSchema';
import { OTHER_CARDS, samples } from './samples';

describe('cards', () => {
  for (const [name, card] of Object.entries(samples)) {
    describe(name, () => {
      itIsAWellFormedCard(card, (verbs) => {
        if (OTHER_CARDS.includes(name)) return;
        for (const verb of EVERY_CARD_VERBS)
          assert.ok(verbs.includes(verb), `History and the star are on every referral card: ${verb}`);
      });
    });
  }

  it('the schema check can fail', () => {
    assert.notDeepEqual(validateCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock' }] }), []);
  });
});
