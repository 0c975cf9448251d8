import assert from 'node:assert/strict';
import type { DealSummary } from '../../bot/domain/dealSummary';
import type { ReferralFact } from '../../bot/domain/digestFacts';
import { digestFigures } from '../../bot/domain/digestMetrics';
import { CATALOGS } from '../../bot/strings/catalogs';
import { en } from '../../bot/strings/en';
import { DIGEST_CARD_BUDGET, digestCard, wholeCountAxisMax } from '../../bot/teams/views/digestCardView';
import type { AdaptiveCard } from '../../cards/render';
import { chartsIn, validateCard, withFallbacks } from '../support/cardSchema';
import { NOW } from '../support/fixtures';

const ZONE = 'Europe/Berlin';
type Item = {
  type: string;
  id?: string;
  isVisible?: boolean;
  items?: Item[];
  actions?: Item[];
  targetElements?: string[];
};

/** Five received in the last 7 days and a few deals, per region. */
const facts = (region: string): ReferralFact[] =>
  [17, 18, 19, 20, 21].map((day, i) => ({
    referralId: `${region}-${i}`,
    revision: 1,
    region,
    kind: 'received',
    at: `2026-11-${day}T10:00:00.000Z`,
  }));
const open = (region: string): DealSummary[] =>
  [1, 2, 3, 4, 5, 6].map((i) => ({
    referralId: `${region}-deal-${i}`,
    region,
    stage: 'accepted',
    name: `${region} deal ${i}`,
    customer: `Customer ${i}`,
    value: 1000 * i,
    currency: 'EUR',
    percent: 40,
  }));

const REGIONS = ['emea', 'americas', 'apac'];
function threeRegions(strings = en): AdaptiveCard {
  const scopes = REGIONS.map((code) => ({
    title: code.toUpperCase(),
    codes: [code],
    figures: digestFigures(facts(code), open(code), NOW),
  }));
  const total = {
    title: strings.digest.total,
    codes: REGIONS,
    figures: digestFigures(REGIONS.flatMap(facts), REGIONS.flatMap(open), NOW),
  };
  return digestCard([total, ...scopes], NOW, ZONE, strings);
}

/** The elements a reader sees before opening anything: those not inside a hidden one. */
function visibleElements(node: Item): number {
  if (node.isVisible === false) return 0;
  return 1 + (node.items ?? []).reduce((sum, item) => sum + visibleElements(item), 0);
}

describe('digest card layout', () => {
  const card = threeRegions();
  const sections = card.body!.slice(2, 6) as Item[];

  it('leads with all regions together, open, and closes each region behind a Details button', () => {
    assert.equal(sections.length, 4);
    const [total, ...regions] = sections;
    assert.equal(total.items![0].type, 'TextBlock');
    assert.equal(total.items!.find((i) => i.id)!.isVisible, true);
    assert.ok(!total.items!.some((i) => i.type === 'ActionSet'), 'nothing to open in the totals');
    const ids = new Set<string>();
    for (const region of regions) {
      const figures = region.items!.find((i) => i.id)!;
      assert.equal(figures.isVisible, false);
      const toggle = region.items!.find((i) => i.type === 'ActionSet')!.actions![0];
      assert.equal(toggle.type, 'Action.ToggleVisibility');
      assert.deepEqual(toggle.targetElements, [figures.id]);
      ids.add(figures.id!);
    }
    assert.equal(ids.size, 3, 'each region opens its own figures');
  });

  it("says each closed region's last 7 days in a line under its title, and nothing more in the open totals", () => {
    const [total, ...regions] = sections;
    const texts = (section: Item) =>
      section.items!.filter((i) => i.type === 'TextBlock').map((i) => (i as Item & { text: string }).text);
    for (const region of regions) assert.deepEqual(texts(region).slice(1), [en.digest.summary(5, 0, 0)]);
    assert.equal(texts(total).length, 1, 'the totals show their figures instead');
  });

  it('is hardly taller with three regions than with one', () => {
    const one = digestCard(
      [{ title: 'EMEA', codes: ['emea'], figures: digestFigures(facts('emea'), open('emea'), NOW) }],
      NOW,
      ZONE,
      en,
    );
    const shown = (c: AdaptiveCard) => (c.body as Item[]).reduce((sum, item) => sum + visibleElements(item), 0);
    // Each closed region adds its box, title, line of the last 7 days and Details button.
    assert.ok(shown(card) <= shown(one) + 3 * 4, `${shown(card)} elements shown against ${shown(one)} for one region`);
  });

  it('stays valid and under its size budget in every language', () => {
    for (const [tag, { strings }] of Object.entries(CATALOGS)) {
      const localized = threeRegions(strings);
      assert.deepEqual(validateCard(withFallbacks(localized)), [], tag);
      assert.ok(Buffer.byteLength(JSON.stringify(localized)) <= DIGEST_CARD_BUDGET, tag);
    }
  });

  it("sets the chart's y-axis from 0 to a multiple of 4, so its quarter ticks are whole counts", () => {
    const [chart] = chartsIn(card);
    assert.equal(chart.yMin, 0);
    assert.equal(chart.yMax, 16, '15 received in the last 7 days across the three regions');
    const [regionChart] = chartsIn(sections[1]);
    assert.equal(regionChart.yMax, 8, '5 received in a region');
    assert.equal(wholeCountAxisMax([0, 0, 0]), 4, 'an empty chart still has whole ticks: 1, 2, 3, 4');
    assert.equal(wholeCountAxisMax([1, 3, 2]), 4);
    assert.equal(wholeCountAxisMax([4]), 4);
    assert.equal(wholeCountAxisMax([9, 2]), 12);
  });
});
