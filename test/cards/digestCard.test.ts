import assert from 'node:assert/strict';
import type { DealSummary } from '../../bot/domain/dealSummary';
import type { FactKind, ReferralFact } from '../../bot/domain/digestFacts';
import { digestFigures } from '../../bot/domain/digestMetrics';
import { en } from '../../bot/strings/en';
import { ACTION_HANDLERS } from '../../bot/teams/actions';
import { DIGEST_CARD_BUDGET, digestCard, LIST_LINES, type DigestScope } from '../../bot/teams/views/digestCardView';
import { digestListCard, LIST_PAGE_SIZE } from '../../bot/teams/views/digestListView';
import type { AdaptiveCard } from '../../cards/render';
import { VERBS } from '../../cards/verbs';
import { verbsIn } from '../e2e/flows';
import { chartsIn, itIsAWellFormedCard, validateCard, withFallbacks } from '../support/cardSchema';
import { NOW } from '../support/fixtures';

/* NOW is Monday 2026-11-23 09:00 UTC; the reader is in Berlin (UTC+1 in November). */
const ZONE = 'Europe/Berlin';
const EMEA = { code: 'emea', name: 'Europe, Middle East and Africa' };
const ALICE = { id: 'aad-alice', name: 'Alice Rep' };
let revision = 0;

const fact = (kind: FactKind, at: string, extra: Partial<ReferralFact> = {}): ReferralFact => ({
  referralId: `r-${++revision}`,
  revision,
  region: 'emea',
  kind,
  at,
  ...extra,
});

/** The last 7 days: 4 received, 2 accepted (first answers after 1 and 3 hours), 1 declined, 1 expired, 1 won; the weeks before: 6 received. */
const FACTS: ReferralFact[] = [
  ...['2026-10-20', '2026-10-21', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-10'].map((day) =>
    fact('received', `${day}T10:00:00.000Z`),
  ),
  ...['2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'].map((day) => fact('received', `${day}T10:00:00.000Z`)),
  fact('accepted', '2026-11-17T11:00:00.000Z', { by: ALICE, firstResponseMinutes: 60 }),
  fact('accepted', '2026-11-18T13:00:00.000Z', { by: ALICE, firstResponseMinutes: 180 }),
  fact('declined', '2026-11-19T10:30:00.000Z', { by: { id: 'aad-bob', name: 'Bob Rep' }, firstResponseMinutes: 30 }),
  fact('expired', '2026-11-20T10:00:00.000Z'),
  fact('won', '2026-11-21T10:00:00.000Z', { by: ALICE, value: 30000, currency: 'EUR' }),
];

function deal(i: number, extra: Partial<DealSummary> = {}): DealSummary {
  const name = `Deal ${i.toString().padStart(5, '0')} with a realistically long name for a migration project`;
  return {
    referralId: `deal-${i}`,
    region: 'emea',
    stage: 'accepted',
    name,
    customer: `Customer ${i} GmbH`,
    value: 1000 + i,
    currency: i % 3 === 0 ? 'USD' : 'EUR',
    percent: 40,
    closing: '2026-12-15T00:00:00.000Z',
    owner: { id: `aad-rep-${i % 20}`, name: `Rep ${i % 20}` },
    ...extra,
  };
}

/** Open deals of a busy region: a fifth undecided (some expiring this week), a fifth past their close date. */
function openDeals(count: number): DealSummary[] {
  return Array.from({ length: count }, (_, i) => {
    if (i % 5 === 0)
      return deal(i, {
        stage: 'received',
        percent: 10,
        closing: undefined,
        owner: undefined,
        deadline: NOW.plus({ hours: 1 + (i % 300) }).toISO()!,
      });
    if (i % 5 === 1) return deal(i, { closing: '2026-11-01T00:00:00.000Z' });
    return deal(i);
  });
}

const scope = (facts: ReferralFact[], open: DealSummary[], region = EMEA): DigestScope => ({
  title: region.name,
  codes: [region.code],
  figures: digestFigures(facts, open, NOW),
});

type Item = { type: string; id?: string; items?: Item[]; facts?: { title: string; value: string }[] };
/** The key figures of a section: the first FactSet of its figures' container. */
const factsOf = (card: unknown, section = 0) => {
  const figures = ((card as AdaptiveCard).body![2 + section] as Item).items!.find((i) => i.id)!;
  return Object.fromEntries(figures.items!.find((i) => i.type === 'FactSet')!.facts!.map((f) => [f.title, f.value]));
};

/**
 * Charts are not in the official 1.5 schema: the card is checked as a client without charts
 * renders it (each element with a fallback replaced by it), and the chart on its own.
 */
function itIsAWellFormedDigest(card: AdaptiveCard): void {
  itIsAWellFormedCard(withFallbacks(card));
  it('has every binding filled in and stays under 80 KB with its charts', () => {
    const text = JSON.stringify(card);
    assert.ok(!text.includes('${'), text.match(/.{40}\$\{.{40}/)?.[0]);
    assert.ok(Buffer.byteLength(text) < 80 * 1024, `${Buffer.byteLength(text)} bytes`);
    for (const verb of verbsIn(card)) assert.ok(verb in ACTION_HANDLERS, `no handler for ${verb}`);
  });
}

describe('digest card', () => {
  describe('one region with a week of facts and a few deals', () => {
    const card = digestCard([scope(FACTS, openDeals(12))], NOW, ZONE, en);
    itIsAWellFormedDigest(card);

    it('shows the week against the four before, with rates and response times, in short lines', () => {
      const facts = factsOf(card);
      assert.deepEqual(facts, {
        Received: '4 · 4-week avg 1.5 ↑',
        Accepted: '2 · 4-week avg 0 ↑',
        Declined: '1 · 4-week avg 0 ↑',
        Expired: '1 · 4-week avg 0 ↑',
        Won: '1 · 4-week avg 0 ↑',
        Lost: '0 · 4-week avg 0 →',
        'Acceptance rate': '50 % · before —',
        'Win rate': '100 % · before —',
        'First answer, median': '1 h',
        'First answer, 90th percentile': '3 h',
        'Answered within 24 hours': '3 of 3 (100 %)',
      });
      for (const value of Object.values(facts)) assert.ok(value.length <= 40, `short enough for a phone: ${value}`);
      assert.match(
        JSON.stringify(card),
        /The 7 days to Mon 23 Nov at 10:00 \(Europe\/Berlin\), against the 4 weeks before\./,
      );
    });

    it('charts received, won and lost over the five weeks as a line chart, with a table for clients without charts', () => {
      const [chart, ...others] = chartsIn(card);
      assert.equal(others.length, 0);
      assert.equal(chart.type, 'Chart.Line');
      assert.equal(chart.title, 'Received, won and lost per week');
      const data = chart.data as { legend: string; color: string; values: { x: string; y: number }[] }[];
      assert.deepEqual(
        data.map((s) => [s.legend, s.color]),
        [
          ['Received', 'categoricalBlue'],
          ['Won', 'good'],
          ['Lost', 'attention'],
        ],
      );
      for (const series of data)
        assert.deepEqual(
          series.values.map((v) => v.x),
          ['19 Oct', '26 Oct', '2 Nov', '9 Nov', '16 Nov'],
        );
      assert.deepEqual(
        data[0].values.map((v) => v.y),
        [2, 0, 3, 1, 4],
      );
      assert.deepEqual(
        data[1].values.map((v) => v.y),
        [0, 0, 0, 0, 1],
      );
      const fallback = chart.fallback as { type: string };
      assert.equal(fallback.type, 'Container');
      assert.deepEqual(validateCard({ type: 'AdaptiveCard', version: '1.5', body: [fallback] }), []);
      const table = JSON.stringify(fallback);
      for (const text of ['Week of', '19 Oct', '16 Nov', 'Received', 'Won', 'Lost'])
        assert.ok(table.includes(`"text":"${text}"`), text);
    });

    it('shows the pipeline per currency, raw and weighted, and the first deals of each list', () => {
      const text = JSON.stringify(card);
      // Accepted: deals 1–4, 6–9 and 11 of 0–11, at 40 %; in USD those divisible by 3 (3, 6, 9), the others in EUR.
      assert.match(text, /"title":"EUR","value":"€6,033 · weighted €2,413.20 · 6 deals"/);
      assert.match(text, /"title":"USD","value":"\$3,018 · weighted \$1,207.20 · 3 deals"/);
      assert.match(text, /"text":"Expiring in the next 7 days: 3"/);
      assert.match(text, /"text":"Past their close date: 3"/);
      assert.match(text, /"text":"Largest open deals \(9 with a value\)"/, 'the 9 accepted, not the undecided');
      assert.match(
        text,
        /"title":"Alice Rep","value":"2 answers · 1 win"\},\{"title":"Bob Rep","value":"1 answer · 0 wins"/,
      );
      assert.match(text, /New referral · €1,010 · expires 23 Nov 21:00/, "deadline in the reader's zone");
      assert.match(text, /And 4 more\./, '9 largest, 5 shown');
      assert.deepEqual(verbsIn(card), [VERBS.digestList], 'only the largest deals have more than fit');
    });
  });

  describe('an empty region', () => {
    const card = digestCard([scope([], [])], NOW, ZONE, en);
    itIsAWellFormedDigest(card);

    it('says there is nothing rather than showing zeros as rates', () => {
      const facts = factsOf(card);
      assert.equal(facts['Acceptance rate'], '— · before —');
      assert.equal(facts['First answer, median'], '—');
      assert.equal(facts['Answered within 24 hours'], '—');
      const text = JSON.stringify(card);
      for (const empty of [
        'No accepted deal is open.',
        'Nothing expires in the next 7 days.',
        'No deal is past its close date.',
        'No accepted deal has a value yet.',
      ]) {
        assert.ok(text.includes(empty), empty);
      }
      assert.deepEqual(verbsIn(card), []);
    });
  });

  describe('a region with 10,000 open deals', () => {
    const card = digestCard([scope(FACTS, openDeals(10_000))], NOW, ZONE, en);
    itIsAWellFormedDigest(card);

    it(`shows ${LIST_LINES} of each list and a button for the rest of it`, () => {
      const text = JSON.stringify(card);
      assert.match(text, /"text":"Largest open deals \(8000 with a value\)"/, 'the accepted 8,000 of 10,000');
      assert.match(text, /And 7995 more\./);
      const top = /Largest open deals.*/
        .exec(text)![0]
        .match(/Deal \d+/g)!
        .slice(0, 5)
        .join();
      assert.equal(top, 'Deal 09998,Deal 09997,Deal 09994,Deal 09999,Deal 09996', 'each currency its largest');
      const buttons = JSON.stringify(card).match(/"verb":"digest\.list","data":\{[^}]*\}/g);
      assert.deepEqual(buttons, [
        '"verb":"digest.list","data":{"list":"expiring","regions":"emea"}',
        '"verb":"digest.list","data":{"list":"stale","regions":"emea"}',
        '"verb":"digest.list","data":{"list":"top","regions":"emea"}',
      ]);
    });
  });

  describe('an admin of forty regions with 2,000 open deals each', () => {
    const regions = Array.from({ length: 40 }, (_, i) => ({ code: `region-${i}`, name: `Region ${i}` }));
    const scopes = regions.map((region) => scope(FACTS, openDeals(2_000), region));
    const all = {
      title: 'All your regions',
      codes: regions.map((r) => r.code),
      figures: digestFigures(
        [],
        scopes.flatMap(() => openDeals(2_000)),
        NOW,
      ),
    };
    const card = digestCard([all, ...scopes], NOW, ZONE, en);
    itIsAWellFormedDigest(card);

    it('keeps all regions together in full, sums regions up, and names those left out', () => {
      assert.ok(Buffer.byteLength(JSON.stringify(card)) <= DIGEST_CARD_BUDGET);
      assert.equal(chartsIn(card).length, 1, 'one chart: all regions together');
      const text = JSON.stringify(card);
      const footnote = (card.body!.at(-1) as { text: string }).text;
      assert.match(
        footnote,
        /^Left out to keep this card small: region-\d+, .*region-39\. Send "digest now" and a region code for one of them\.$/,
      );
      assert.ok(
        !footnote.includes('region-0,') && text.includes('"text":"Region 1"'),
        'the first regions are kept, summed up',
      );
      assert.match(
        text,
        /"verb":"digest\.list","data":\{"list":"top","regions":"region-0"\}/,
        'a summed-up region keeps its buttons',
      );
    });
  });
});

describe('digest list card', () => {
  const open = openDeals(10_000);
  const first = digestListCard('top', [{ ...EMEA, countries: ['DE'] }], open, 0, NOW, ZONE, en);
  const last = digestListCard('top', [{ ...EMEA, countries: ['DE'] }], open, 10_000, NOW, ZONE, en);

  describe('the first page of 10,000', () => itIsAWellFormedCard(first));
  describe('the last page', () => itIsAWellFormedCard(last));

  it(`shows ${LIST_PAGE_SIZE} deals a page, each with Open, and buttons to the pages around it`, () => {
    const text = JSON.stringify(first);
    assert.match(text, /"text":"Largest open deals · Europe, Middle East and Africa"/);
    assert.match(text, /"text":"1–40 of 8000"/);
    assert.equal(verbsIn(first).filter((v) => v === VERBS.refresh).length, LIST_PAGE_SIZE);
    assert.deepEqual(first.actions, [
      {
        type: 'Action.Execute',
        title: 'Next',
        verb: VERBS.digestList,
        data: { list: 'top', regions: 'emea', page: 1 },
      },
    ]);
    assert.match(JSON.stringify(last), /"text":"7961–8000 of 8000"/, 'a page past the end shows the last');
    assert.deepEqual(last.actions, [
      {
        type: 'Action.Execute',
        title: 'Previous',
        verb: VERBS.digestList,
        data: { list: 'top', regions: 'emea', page: 198 },
      },
    ]);
  });
});
