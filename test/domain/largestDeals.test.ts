import assert from 'node:assert/strict';
import type { DealSummary } from '../../bot/domain/dealSummary';
import { convertedValue, type ExchangeRates } from '../../bot/domain/exchangeRates';
import { largestDeals, largestDealsPreview } from '../../bot/domain/largestDeals';

function deal(referralId: string, value: number, currency?: string, extra: Partial<DealSummary> = {}): DealSummary {
  return {
    referralId,
    region: 'emea',
    stage: 'accepted',
    name: referralId,
    customer: `${referralId} Ltd`,
    percent: 40,
    value,
    ...(currency ? { currency } : {}),
    ...extra,
  };
}

/** ¥18,000,000 is worth about €110,000, less than £250,000 (about €292,500). */
const RATES: ExchangeRates = { currency: 'EUR', rates: { JPY: 0.0061, GBP: 1.17 } };

const OPEN = [
  deal('yen-big', 18_000_000, 'JPY'),
  deal('yen-small', 2_000_000, 'JPY'),
  deal('pound', 250_000, 'GBP'),
  deal('euro', 120_000, 'EUR'),
  deal('dollar', 400_000, 'USD'),
  deal('bare', 999_999_999),
  deal('undecided', 50_000_000, 'JPY', { stage: 'received' }),
  deal('evaluating', 60_000_000, 'JPY', { stage: 'evaluating' }),
];

describe('largest deals (pure)', () => {
  it('never ranks bare amounts across currencies: without rates, grouped by currency, largest first in each, no currency last', () => {
    assert.deepEqual(
      largestDeals(OPEN).map((d) => d.referralId),
      ['euro', 'pound', 'yen-big', 'yen-small', 'dollar', 'bare'],
    );
  });

  it('lists only the accepted pipeline, not undecided referrals', () => {
    const ids = largestDeals(OPEN, RATES).map((d) => d.referralId);
    assert.ok(!ids.includes('undecided') && !ids.includes('evaluating'), ids.join());
  });

  it('with rates, compares values in the digest currency, and puts currencies without a rate after, grouped', () => {
    assert.deepEqual(
      largestDeals(OPEN, RATES).map((d) => d.referralId),
      ['pound', 'euro', 'yen-big', 'yen-small', 'dollar', 'bare'],
    );
    assert.equal(convertedValue(18_000_000, 'JPY', RATES), 109_800);
    assert.equal(convertedValue(100, 'EUR', RATES), 100);
    assert.equal(convertedValue(100, 'USD', RATES), undefined);
    assert.equal(convertedValue(100, undefined, RATES), undefined);
  });

  it("previews each group's largest before any group's second, in the list's order", () => {
    const list = largestDeals([...OPEN, deal('euro-2', 90_000, 'EUR'), deal('euro-3', 80_000, 'EUR')]);
    assert.deepEqual(
      largestDealsPreview(list, 5).map((d) => d.referralId),
      ['euro', 'pound', 'yen-big', 'dollar', 'bare'],
    );
    assert.deepEqual(
      largestDealsPreview(list, 6).map((d) => d.referralId),
      ['euro', 'euro-2', 'pound', 'yen-big', 'dollar', 'bare'],
    );
    const converted = largestDeals(OPEN, RATES);
    assert.deepEqual(
      largestDealsPreview(converted, 4, RATES).map((d) => d.referralId),
      ['pound', 'euro', 'dollar', 'bare'],
    );
  });
});
