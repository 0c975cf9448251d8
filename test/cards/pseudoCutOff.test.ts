import assert from 'node:assert/strict';
import { loadSolutions } from '../../bot/config/solutions';
import { CATALOGS } from '../../bot/strings/catalogs';
import { PSEUDO_OPEN } from '../../bot/strings/pseudo/pseudoText';
import { newDealCard } from '../../bot/teams/views/newDealCardView';
import { referralCard } from '../../bot/teams/views/referral/referralCardView';
import { withFallbacks } from '../support/cardSchema';
import { referralVariants } from '../support/cardVariants';
import { NOW } from '../support/fixtures';
import { viewVariants } from '../support/viewVariants';

const pseudo = CATALOGS['qps-ploc'].strings;

/** Every card in the pseudo-locale, by name; a chart's fallback table too, which clients without charts show. */
function pseudoCards(): [string, unknown][] {
  return [
    ...Object.entries(referralVariants()).map(([name, { record, now, view }]): [string, unknown] => [
      `referral: ${name}`,
      referralCard(record, now ?? NOW, pseudo, view),
    ]),
    ['new deal', newDealCard('form-1', loadSolutions(''), NOW, pseudo)],
    ...Object.entries(viewVariants(pseudo)).flatMap(([name, { card }]): [string, unknown][] => [
      [name, card],
      [`${name}, as a client without charts shows it`, withFallbacks(card)],
    ]),
  ];
}

interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  maxLines?: number;
}

/** Every TextBlock of a card, however deeply nested. */
function textBlocks(card: unknown): TextBlock[] {
  const found: TextBlock[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const element = node as Record<string, unknown>;
      if (element.type === 'TextBlock' && typeof element.text === 'string') found.push(element as unknown as TextBlock);
      Object.values(element).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** The TextBlocks of catalog text that would cut a long text off: neither wrapping nor limited to some lines on purpose. */
function cutOff(cards: [string, unknown][]): string[] {
  const cut = cards.flatMap(([name, card]) =>
    textBlocks(card)
      .filter((block) => block.text.includes(PSEUDO_OPEN) && block.wrap !== true && block.maxLines === undefined)
      .map((block) => `${name}: ${block.text}`),
  );
  return [...new Set(cut)];
}

describe('cards: no catalog text is cut off (every card in the pseudo-locale qps-ploc)', () => {
  const cards = pseudoCards();

  it('wraps every TextBlock that holds catalog text, unless it is limited to some lines on purpose', () => {
    const catalogBlocks = cards.flatMap(([, card]) => textBlocks(card).filter((b) => b.text.includes(PSEUDO_OPEN)));
    assert.ok(catalogBlocks.length > 300, `${catalogBlocks.length} blocks`);
    assert.deepEqual(cutOff(cards), []);
  });

  it('sees a TextBlock of catalog text that does not wrap, and passes one kept to two lines or holding data only', () => {
    const card = (block: object) => ({ type: 'AdaptiveCard', body: [{ type: 'Container', items: [block] }] });
    const text = pseudo.card.owner;
    assert.deepEqual(cutOff([['c', card({ type: 'TextBlock', text })]]), [`c: ${text}`]);
    assert.deepEqual(cutOff([['c', card({ type: 'TextBlock', text, wrap: false })]]).length, 1);
    assert.deepEqual(cutOff([['c', card({ type: 'TextBlock', text, wrap: true, maxLines: 2 })]]), []);
    assert.deepEqual(cutOff([['c', card({ type: 'TextBlock', text: '12' })]]), []);
  });
});
