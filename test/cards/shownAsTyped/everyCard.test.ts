import assert from 'node:assert/strict';
import { validateCard, withFallbacks } from '../../support/cardSchema';
import { asShown, markdownTextsOf, unescapedMarkup } from '../../support/markdownText';
import { cards, openBindings } from './hostileCards';

describe('cards: what customers and users typed shows as typed', () => {
  for (const [name, card] of Object.entries(cards)) {
    describe(name, () => {
      it('renders no Markdown, no text function and no escape twice in any text it shows', () => {
        const texts = markdownTextsOf(card);
        assert.ok(texts.length > 3);
        assert.deepEqual(texts.flatMap(unescapedMarkup), []);
        for (const text of texts) assert.ok(!asShown(text).includes('\\'), `escaped twice: ${text}`);
      });

      it('still validates, binds everything but the expressions typed, and stays far below 80 KB', () => {
        assert.deepEqual(validateCard(withFallbacks(card)), []);
        const json = JSON.stringify(card);
        assert.deepEqual(openBindings(json), []);
        assert.ok(Buffer.byteLength(json) < 80 * 1024);
      });
    });
  }
});
