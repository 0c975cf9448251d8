import assert from 'node:assert/strict';
import type { DealSummary } from '../../bot/domain/dealSummary';
import type { FactKind, ReferralFact } from '../../bot/domain/digestFacts';
import { digestFigures, digestList, responseTimes } from '../../bot/domain/digestMetrics';
import { NOW } from '../support/fixtures';

/*
 * NOW is Monday 2026-11-23 09:00 UTC. The windows are
 *   [19 Oct 09:00, 26 Oct 09:00), [26 Oct, 2 Nov), [2 Nov, 9 Nov), [9 Nov, 16 Nov) and the
 *   last 7 days [16 Nov 09:00, 23 Nov 09:00).
 * Every expected number below is counted by hand from the facts listed in its test.
 */

const ALICE = { id: 'aad-alice', name: 'Alice Rep' };
const BOB = { id: 'aad-bob', name: 'Bob Rep' };
let revision = 0;

function fact(kind: FactKind, at: string, extra: Partial<ReferralFact> = {}): ReferralFact {
  revision++;
  return { referralId: `r-${revision}`, revision, region: 'emea', kind, at: `${at}Z`, ...extra };
}

function deal(referralId: string, extra: Partial<DealSummary>): DealSummary {
  return {
    referralId,
    region: 'emea',
    stage: 'accepted',
    name: referralId,
    customer: `${referralId} Ltd`,
    percent: 10,
    ...extra,
  };
}

describe('digest metrics (pure, hand-checked figures)', () => {
  it('an empty region: zero counts, no rates, no response times, nothing in the lists, five windows ending now', () => {
    const figures = digestFigures([], [], NOW);
    assert.deepEqual(figures.current.counts, { received: 0, accepted: 0, declined: 0, expired: 0, won: 0, lost: 0 });
    assert.equal(figures.current.acceptanceRate, undefined);
    assert.equal(figures.current.winRate, undefined);
    assert.deepEqual(figures.current.response, { count: 0, withinTarget: 0 });
    assert.deepEqual(figures.trends.received, { current: 0, average: 0 });
    assert.deepEqual(
      [figures.pipeline, figures.expiringSoon, figures.stale, figures.topOpen, figures.reps],
      [[], [], [], [], []],
    );
    assert.deepEqual(
      figures.windows.map((w) => [w.from, w.to]),
      [
        ['2026-10-19T09:00:00.000Z', '2026-10-26T09:00:00.000Z'],
        ['2026-10-26T09:00:00.000Z', '2026-11-02T09:00:00.000Z'],
        ['2026-11-02T09:00:00.000Z', '2026-11-09T09:00:00.000Z'],
        ['2026-11-09T09:00:00.000Z', '2026-11-16T09:00:00.000Z'],
        ['2026-11-16T09:00:00.000Z', '2026-11-23T09:00:00.000Z'],
      ],
    );
    assert.deepEqual(
      [figures.previous.from, figures.previous.to],
      ['2026-10-19T09:00:00.000Z', '2026-11-16T09:00:00.000Z'],
    );
  });

  it('counts the last 7 days from now-7d included to now excluded, with acceptance and win rates', () => {
    const facts = [
      fact('received', '2026-11-16T09:00:00.000'), // the first instant of the window: counted
      fact('received', '2026-11-18T10:00:00.000'),
      fact('received', '2026-11-20T10:00:00.000'),
      fact('received', '2026-11-23T08:59:59.999'),
      fact('received', '2026-11-23T09:00:00.000'), // now: not yet in the window
      fact('received', '2026-11-16T08:59:59.999'), // the window before
      fact('accepted', '2026-11-17T10:00:00.000', { by: ALICE }),
      fact('accepted', '2026-11-18T10:00:00.000', { by: BOB }),
      fact('declined', '2026-11-19T10:00:00.000', { by: ALICE }),
      fact('expired', '2026-11-20T10:00:00.000'),
      fact('won', '2026-11-21T10:00:00.000', { by: ALICE, value: 30000, currency: 'EUR' }),
      fact('interested', '2026-11-21T11:00:00.000', { by: BOB }),
    ];
    const figures = digestFigures(facts, [], NOW);
    assert.deepEqual(figures.current.counts, { received: 4, accepted: 2, declined: 1, expired: 1, won: 1, lost: 0 });
    assert.equal(figures.current.acceptanceRate, 2 / 4, '2 accepted of 2 + 1 declined + 1 expired');
    assert.equal(figures.current.winRate, 1, '1 won, none lost');
    assert.equal(figures.windows[3].counts.received, 1, 'the one a millisecond before the window');
  });

  it('takes the median and the nearest-rank 90th percentile of an odd count of first responses, and the share within 24 hours', () => {
    const facts = [30, 600, 90, 1500, 120].map((minutes, i) =>
      fact('accepted', `2026-11-${17 + i}T10:00:00.000`, { by: ALICE, firstResponseMinutes: minutes }),
    );
    facts.push(
      fact('won', '2026-11-20T12:00:00.000', { by: ALICE }),
      fact('accepted', '2026-11-20T12:00:00.000', { by: BOB }),
    ); // no first response
    const { response } = digestFigures(facts, [], NOW).current;
    // Sorted 30, 90, 120, 600, 1500: the middle is 120; rank ceil(0.9 × 5) = 5 is 1500; four are at most 1440.
    assert.deepEqual(response, { count: 5, medianMinutes: 120, p90Minutes: 1500, withinTarget: 4 });
  });

  it('takes the mean of the middle two for an even count, and counts exactly 24 hours as within the target', () => {
    // Sorted 10, 60, 1440, 2000: median (60 + 1440) / 2 = 750; rank ceil(0.9 × 4) = 4 is 2000; 1440 is on target.
    assert.deepEqual(responseTimes([60, 10, 1440, 2000]), {
      count: 4,
      medianMinutes: 750,
      p90Minutes: 2000,
      withinTarget: 3,
    });
    // Ten values 1…10: rank ceil(0.9 × 10) = 9.
    assert.equal(responseTimes([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]).p90Minutes, 9);
    assert.deepEqual(responseTimes([42]), { count: 1, medianMinutes: 42, p90Minutes: 42, withinTarget: 1 });
  });

  it('sets each count against the average of the four windows before, whose rates are taken together', () => {
    const received = { 0: 2, 1: 0, 2: 3, 3: 1, 4: 4 } as Record<number, number>;
    const dayOf = ['2026-10-20', '2026-10-27', '2026-11-03', '2026-11-10', '2026-11-17'];
    const facts = Object.entries(received).flatMap(([w, n]) =>
      Array.from({ length: n }, () => fact('received', `${dayOf[Number(w)]}T10:00:00.000`)),
    );
    facts.push(
      fact('accepted', '2026-10-20T11:00:00.000', { by: ALICE, firstResponseMinutes: 100 }),
      fact('declined', '2026-11-03T11:00:00.000', { by: BOB, firstResponseMinutes: 300 }),
      fact('expired', '2026-11-10T11:00:00.000'),
      fact('lost', '2026-11-10T12:00:00.000', { by: ALICE }),
    );
    const figures = digestFigures(facts, [], NOW);
    assert.deepEqual(figures.trends.received, { current: 4, average: 6 / 4 }, '2 + 0 + 3 + 1 = 6 over four windows');
    assert.deepEqual(figures.trends.accepted, { current: 0, average: 0.25 });
    assert.deepEqual(
      figures.windows.map((w) => w.counts.received),
      [2, 0, 3, 1, 4],
    );
    assert.equal(figures.previous.acceptanceRate, 1 / 3, '1 accepted of 1 + 1 declined + 1 expired');
    assert.equal(figures.previous.winRate, 0, 'none won, 1 lost');
    assert.deepEqual(figures.previous.response, { count: 2, medianMinutes: 200, p90Minutes: 300, withinTarget: 2 });
    assert.equal(figures.current.acceptanceRate, undefined, 'nothing decided in the last 7 days');
  });

  it('sums the open pipeline of accepted deals in a single currency, raw and weighted by sales stage', () => {
    const open = [
      deal('a', { value: 30000, currency: 'EUR', percent: 10 }),
      deal('b', { value: 20000, currency: 'EUR', percent: 40 }),
      deal('undecided', { stage: 'received', value: 99999, currency: 'EUR', percent: 10 }),
    ];
    // 30,000 × 10 % + 20,000 × 40 % = 3,000 + 8,000.
    assert.deepEqual(digestFigures([], open, NOW).pipeline, [
      { currency: 'EUR', deals: 2, raw: 50000, weighted: 11000 },
    ]);
  });

  it('keeps each currency apart, and deals without one on a line of their own', () => {
    const open = [
      deal('a', { value: 30000, currency: 'EUR', percent: 10 }),
      deal('b', { value: 10000, currency: 'USD', percent: 80 }),
      deal('c', { value: 5000, currency: 'USD', percent: 60 }),
      deal('d', { value: 700, percent: 20 }),
      deal('e', { currency: 'JPY', percent: 20 }),
    ];
    assert.deepEqual(digestFigures([], open, NOW).pipeline, [
      { currency: '', deals: 1, raw: 700, weighted: 140 },
      { currency: 'EUR', deals: 1, raw: 30000, weighted: 3000 },
      { currency: 'JPY', deals: 1, raw: 0, weighted: 0 },
      { currency: 'USD', deals: 2, raw: 15000, weighted: 8000 + 3000 },
    ]);
  });

  it('lists undecided referrals whose deadline falls in the next 7 days, soonest first', () => {
    const open = [
      deal('in a week exactly', { stage: 'received', deadline: '2026-11-30T09:00:00.000Z' }),
      deal('in six days', { stage: 'evaluating', deadline: '2026-11-29T08:59:00.000Z' }),
      deal('in an hour', { stage: 'received', deadline: '2026-11-23T10:00:00.000Z' }),
      deal('just passed', { stage: 'received', deadline: '2026-11-23T08:59:00.000Z' }),
      deal('accepted', { stage: 'accepted', closing: '2026-11-24T00:00:00.000Z' }),
    ];
    assert.deepEqual(
      digestFigures([], open, NOW).expiringSoon.map((d) => d.referralId),
      ['in an hour', 'in six days'],
    );
  });

  it('lists accepted deals whose close date is over, longest overdue first', () => {
    const open = [
      deal('yesterday', { closing: '2026-11-22T00:00:00.000Z' }),
      deal('today', { closing: '2026-11-23T00:00:00.000Z' }),
      deal('october', { closing: '2026-10-01T00:00:00.000Z' }),
      deal('no date', {}),
      deal('undecided', {
        stage: 'received',
        closing: '2026-10-01T00:00:00.000Z',
        deadline: '2026-12-01T00:00:00.000Z',
      }),
    ];
    assert.deepEqual(
      digestFigures([], open, NOW).stale.map((d) => d.referralId),
      ['october', 'yesterday'],
    );
  });

  it('ranks only accepted deals with a value, largest first, and breaks ties by name', () => {
    const open = [
      deal('small', { value: 1000, currency: 'EUR' }),
      deal('undecided', { value: 90000, currency: 'EUR', stage: 'received', deadline: '2026-12-01T00:00:00.000Z' }),
      deal('none', {}),
      deal('b-tie', { value: 5000, currency: 'EUR' }),
      deal('a-tie', { value: 5000, currency: 'EUR' }),
    ];
    assert.deepEqual(
      digestList('top', open, NOW).map((d) => d.referralId),
      ['a-tie', 'b-tie', 'small'],
    );
    assert.deepEqual(
      digestFigures([], open, NOW).topOpen.map((d) => d.referralId),
      ['a-tie', 'b-tie', 'small'],
    );
  });

  it("counts each rep's responses and wins of the last 7 days by id, under the name of their latest fact", () => {
    const facts = [
      fact('accepted', '2026-11-17T10:00:00.000', { by: { id: ALICE.id, name: 'Alice' } }),
      fact('declined', '2026-11-18T10:00:00.000', { by: ALICE }),
      fact('interested', '2026-11-19T10:00:00.000', { by: ALICE }),
      fact('won', '2026-11-20T10:00:00.000', { by: ALICE }),
      fact('lost', '2026-11-20T11:00:00.000', { by: ALICE }),
      fact('accepted', '2026-11-21T10:00:00.000', { by: BOB }),
      fact('accepted', '2026-11-10T10:00:00.000', { by: BOB }),
      fact('expired', '2026-11-20T10:00:00.000'),
    ];
    assert.deepEqual(digestFigures(facts, [], NOW).reps, [
      { id: ALICE.id, name: 'Alice Rep', responses: 3, wins: 1 },
      { id: BOB.id, name: 'Bob Rep', responses: 1, wins: 0 },
    ]);
  });

  it('totals several regions by adding counts and recomputing rates and percentiles from the merged facts', () => {
    const emea = [
      fact('accepted', '2026-11-17T10:00:00.000', { by: ALICE, firstResponseMinutes: 10 }),
      fact('accepted', '2026-11-18T10:00:00.000', { by: ALICE, firstResponseMinutes: 20 }),
    ];
    const americas = [
      fact('declined', '2026-11-19T10:00:00.000', { region: 'americas', by: BOB, firstResponseMinutes: 3000 }),
      fact('expired', '2026-11-19T11:00:00.000', { region: 'americas' }),
    ];
    const total = digestFigures([...emea, ...americas], [], NOW).current;
    assert.deepEqual(total.counts, { received: 0, accepted: 2, declined: 1, expired: 1, won: 0, lost: 0 });
    assert.equal(total.acceptanceRate, 2 / 4, 'not the mean of 100 % and 0 %');
    // Merged 10, 20, 3000: median 20 (the regions' medians are 15 and 3000).
    assert.deepEqual(total.response, { count: 3, medianMinutes: 20, p90Minutes: 3000, withinTarget: 2 });
  });
});
