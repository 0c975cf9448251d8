import assert from 'node:assert/strict';
import { loadSolutions } from '../../bot/config/solutions';
import { CATALOGS } from '../../bot/strings/catalogs';
import { en } from '../../bot/strings/en';
import { newDealCard } from '../../bot/teams/views/newDealCardView';
import { referralCard } from '../../bot/teams/views/referral/referralCardView';
import type { AdaptiveCard } from '../../cards/render';
import { BypassCheck, configuredData, dataOf, WORDED_DATA, shownTexts } from '../support/catalogBypass';
import { referralVariants } from '../support/cardVariants';
import { NOW } from '../support/fixtures';
import { viewVariants } from '../support/viewVariants';

const pseudo = CATALOGS['qps-ploc'].strings;
const solutions = loadSolutions('');

/** Every card in the pseudo-locale, with the records it shows. */
function pseudoCards(): Record<string, { card: AdaptiveCard; records: unknown[] }> {
  const referrals = Object.entries(referralVariants()).map(([name, { record, now, view }]) => [
    `referral: ${name}`,
    { card: referralCard(record, now ?? NOW, pseudo, view), records: [record, view ?? {}] },
  ]);
  return {
    ...Object.fromEntries(referrals),
    'new deal': { card: newDealCard('form-1', solutions, NOW, pseudo), records: [] },
    'new deal, no solutions': { card: newDealCard('form-2', [], NOW, pseudo), records: [] },
    ...Object.fromEntries(Object.entries(viewVariants(pseudo)).map(([name, variant]) => [name, variant])),
  };
}

/** What a card may show as it is: its records' free text, what is configured, and data the desk words. */
function checkFor(records: unknown[]): BypassCheck {
  const data = dataOf(...records);
  return new BypassCheck([
    ...data,
    ...configuredData(),
    ...WORDED_DATA.codes(...records),
    ...WORDED_DATA.timeZones(pseudo.format.locale),
  ]);
}

describe('cards: no text bypasses the catalogs (every card in the pseudo-locale qps-ploc)', () => {
  const cards = Object.entries(pseudoCards());

  it('renders every kind of card', () => {
    assert.ok(cards.length > 40, `${cards.length} cards`);
    for (const kind of ['referral', 'new deal', 'digest', 'digest list', 'history', 'settings', 'personal welcome'])
      assert.ok(
        cards.some(([name]) => name.startsWith(kind)),
        kind,
      );
  });

  for (const [name, { card, records }] of cards) {
    it(`${name}: shows no ASCII letter but in data`, () => {
      const shown = shownTexts(card, name);
      assert.ok(shown.length > 0, 'the walk finds what the card shows');
      assert.deepEqual(checkFor(records).bypasses(shown), []);
    });
  }
});

describe('cards: the bypass check itself', () => {
  const card = (text: string) => ({
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: pseudo.card.owner, wrap: true },
      { type: 'TextBlock', text, wrap: true },
      { type: 'FactSet', facts: [{ title: pseudo.card.source, value: 'Contoso GmbH' }] },
    ],
    actions: [{ type: 'Action.Execute', title: pseudo.card.accept, verb: 'referral.accept', data: { note: 'hidden' } }],
  });
  const check = new BypassCheck(dataOf({ customerProfile: { name: 'Contoso GmbH' }, status: 'Accepted' }));

  it('flags a hard-coded English TextBlock, naming the card and the text', () => {
    assert.deepEqual(check.bypasses(shownTexts(card('Deal saved'), 'a card')), ['a card .body[1].text: Deal saved']);
  });

  it("flags English that contains data, and a code shown as it is (a record's status is no data)", () => {
    assert.equal(check.bypasses(shownTexts(card('Contoso GmbH saved'), 'c')).length, 1);
    assert.equal(check.bypasses(shownTexts(card(en.stage.accepted), 'c')).length, 1);
    assert.equal(check.bypasses(shownTexts(card(pseudo.stage.accepted), 'c')).length, 0);
  });

  it('lets pass data, commands, dates, card functions and clipped data, but not English around them', () => {
    const passing = [
      pseudo.card.decided(pseudo.stage.won, 'Contoso GmbH', 'Fri 4 Dec 2026'),
      pseudo.digest.usage,
      '{{DATE(2026-12-04T12:05:00Z, SHORT)}} {{TIME(2026-12-04T12:05:00Z)}}',
      'Contoso GmbH',
    ];
    for (const text of passing) assert.deepEqual(check.bypasses(shownTexts(card(text), 'c')), [], text);
    assert.equal(check.bypasses(shownTexts(card('Won by Contoso GmbH on 4 Dec 2026'), 'c')).length, 1);
    const long = new BypassCheck([`${'Contoso '.repeat(10)}end`]);
    assert.deepEqual(long.bypasses([{ where: 'c', text: `${'Contoso '.repeat(5)}…` }]), []);
    assert.equal(long.bypasses([{ where: 'c', text: 'Contos…' }]).length, 1, 'too short to tell from a word');
  });

  it('reads titles, labels, placeholders, choices and facts, but not what an action sends back', () => {
    const texts = shownTexts(
      {
        type: 'AdaptiveCard',
        body: [
          { type: 'Input.Text', id: 'a', label: 'L', placeholder: 'P', errorMessage: 'E', value: 'V' },
          { type: 'Input.Toggle', id: 'b', title: 'T', value: 'true' },
          { type: 'Input.ChoiceSet', id: 'c', value: 'x', choices: [{ title: 'C', value: 'x' }] },
          { type: 'Image', url: 'https://x.example/a.png', altText: 'A' },
        ],
        actions: [{ type: 'Action.Submit', title: 'S', tooltip: 'O', data: { text: 'hidden' } }],
      },
      'c',
    ).map(({ text }) => text);
    assert.deepEqual(texts, ['L', 'P', 'E', 'V', 'T', 'C', 'A', 'S', 'O']);
  });
});
