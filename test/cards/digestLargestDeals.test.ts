import assert from 'node:assert/strict';
import type { DealSummary } from '../../bot/domain/dealSummary';
import { digestFigures } from '../../bot/domain/digestMetrics';
import type { ExchangeRates } from '../../bot/domain/exchangeRates';
import { CATALOGS } from '../../bot/strings/catalogs';
import { en } from '../../bot/strings/en';
import { digestCard } from '../../bot/teams/views/digestCardView';
import { digestListCard } from '../../bot/teams/views/digestListView';
import { NOW } from '../support/fixtures';

const ZONE = 'Europe/Berlin';
const EMEA = { code: 'emea', name: 'Europe, Middle East and Africa', countries: ['DE'] };
const RATES: ExchangeRates = { currency: 'EUR', rates: { JPY: 0.0061, GBP: 1.17 } };

const deal = (referralId: string, value: number, currency: string, extra: Partial<DealSummary> = {}): DealSummary => ({
  referralId,
  region: 'emea',
  stage: 'accepted',
  name: referralId,
  customer: referralId,
  percent: 40,
  value,
  currency,
  ...extra,
});

const OPEN = [
  deal('Yen deal', 18_000_000, 'JPY'),
  deal('Pound deal', 250_000, 'GBP'),
  deal('Euro deal', 100_000, 'EUR'),
  deal('Undecided yen referral', 90_000_000, 'JPY', { stage: 'received', percent: 10 }),
];

/** The deal names of the "largest" list of a card, in order. */
const largest = (card: unknown) =>
  [...JSON.stringify(card).matchAll(/"text":"((?:Yen|Pound|Euro|Undecided)[^"]*)"/g)].map((m) => m[1]);

describe('largest open deals on the digest', () => {
  it('without rates, never ranks ¥18,000,000 above £250,000 as bare numbers, and leaves undecided referrals out', () => {
    const card = digestCard([{ title: 'EMEA', codes: ['emea'], figures: digestFigures([], OPEN, NOW) }], NOW, ZONE, en);
    assert.deepEqual(largest(card), ['Euro deal', 'Pound deal', 'Yen deal'], 'by currency code, each its own');
    assert.doesNotMatch(JSON.stringify(card), /≈/);
  });

  it('with rates, compares in the digest currency and shows "≈ €x" beside other currencies, in every language', () => {
    const figures = digestFigures([], OPEN, NOW, RATES);
    const card = digestCard([{ title: 'EMEA', codes: ['emea'], figures }], NOW, ZONE, en);
    assert.deepEqual(largest(card), ['Pound deal', 'Yen deal', 'Euro deal']);
    const text = JSON.stringify(card);
    assert.match(text, /Developed \(40 %\) · £250,000 · ≈ €292,500"/);
    assert.match(text, /Developed \(40 %\) · ¥18,000,000 · ≈ €109,800"/);
    assert.match(text, /Developed \(40 %\) · €100,000"/, 'no ≈ for a value already in euros');
    for (const [tag, { strings }] of Object.entries(CATALOGS)) {
      const list = digestListCard('top', [EMEA], OPEN, 0, NOW, ZONE, strings, RATES);
      assert.match(JSON.stringify(list), /≈/, tag);
      assert.doesNotMatch(JSON.stringify(list), /Undecided/, tag);
    }
  });
});
