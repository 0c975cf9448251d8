import assert from 'node:assert/strict';
import type { DealSummary } from '../../bot/domain/dealSummary';
import { de } from '../../bot/strings/de';
import { en } from '../../bot/strings/en';
import { dealLine } from '../../bot/teams/views/dealLine';
import { dealListItem } from '../../bot/teams/views/dealListItem';
import { personalWelcomeCard, WELCOME_COMMANDS } from '../../bot/teams/views/personalWelcomeCardView';
import { FIND_INPUT_ID } from '../../cards/personalWelcomeCard';
import type { AdaptiveCard } from '../../cards/render';
import { renderReferralListCard, type ReferralListCardData } from '../../cards/referralListCard';
import { VERBS } from '../../cards/verbs';
import { verbsIn } from '../e2e/flows';
import { itIsAWellFormedCard } from '../support/cardSchema';
import { NOW } from '../support/fixtures';

const alice = { id: 'aad-alice', name: 'Alice Rep', teamsId: '29:alice' };

function summary(id: string, change: Partial<DealSummary> = {}): DealSummary {
  return {
    referralId: id,
    region: 'emea',
    stage: 'accepted',
    name: 'Contoso migration wave 1',
    customer: 'Contoso GmbH',
    value: 30000,
    currency: 'EUR',
    percent: 10,
    closing: '2027-02-15T00:00:00.000Z',
    owner: { id: alice.id, name: alice.name },
    ...change,
  };
}

/** Every Action.Execute of a card, however deeply nested. */
function actionsIn(card: unknown): { title: string; verb: string; data?: Record<string, unknown> }[] {
  const found: { title: string; verb: string; data?: Record<string, unknown> }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Execute') found.push(record as never);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

const listOf = (change: Partial<ReferralListCardData>): AdaptiveCard =>
  renderReferralListCard({ title: 'Your deals', empty: 'none', items: [], openTitle: 'Open', footnote: '', ...change });

const page = (n: number, items: ReferralListCardData['items']) =>
  listOf({
    items,
    pager: {
      position: en.dealList.page(n, 3, 23),
      previous: n > 1 ? { title: en.dealList.previous, verb: VERBS.myDealsPage, data: { page: n - 1 } } : undefined,
      next: n < 3 ? { title: en.dealList.next, verb: VERBS.myDealsPage, data: { page: n + 1 } } : undefined,
    },
  });

/** The longest list any command sends: 25 lines, each with names far longer than the card shows. */
const longest = listOf({
  items: Array.from({ length: 25 }, (_, i) =>
    dealListItem(
      summary(`a1b2c3d4-0000-4000-8000-${String(i).padStart(12, '0')}`, {
        name: 'N'.repeat(2000),
        customer: 'C'.repeat(2000),
        owner: { id: 'aad-bob', name: 'B'.repeat(300) },
      }),
      alice,
      NOW,
      en,
    ),
  ),
  intro: en.expiring.scopeRegions('Europe, Middle East and Africa'),
  footnote: en.find.more(75),
});

const samples: Record<string, AdaptiveCard> = {
  'personal welcome': personalWelcomeCard(en),
  'my deals, first of three pages': page(1, [dealListItem(summary('r1'), alice, NOW, en)]),
  'my deals, a middle page with an overdue deal and a referral about to expire': page(2, [
    dealListItem(summary('r1', { closing: '2026-11-01T00:00:00.000Z' }), alice, NOW, en),
    dealListItem(
      summary('r2', { stage: 'received', deadline: '2026-11-24T08:00:00.000Z', closing: undefined, owner: undefined }),
      alice,
      NOW,
      en,
    ),
  ]),
  'my deals, last page': page(3, [dealListItem(summary('r1', { stage: 'won' }), alice, NOW, en)]),
  'expiring, empty with its regions': listOf({
    title: en.expiring.title,
    intro: en.expiring.scopeNoRole,
    empty: en.expiring.empty,
  }),
  'the longest list': longest,
};

describe('cards of the personal chat', () => {
  for (const [name, card] of Object.entries(samples)) {
    describe(name, () => itIsAWellFormedCard(card));
  }

  it('welcome: a button per command, each running the command as typed, and find with its search box', () => {
    const card = samples['personal welcome'];
    const buttons = actionsIn(card);
    assert.ok(buttons.every((b) => b.verb === VERBS.runCommand));
    assert.deepEqual(buttons.map((b) => b.data?.command).sort(), [...WELCOME_COMMANDS].sort());
    assert.deepEqual(
      buttons.map((b) => b.title),
      ['My deals', 'Expiring soon', 'Favourites', 'New deal', 'Settings', 'Help', 'Find'],
    );
    assert.match(JSON.stringify(card), new RegExp(`"type":"Input.Text","id":"${FIND_INPUT_ID}"`));
    assert.match(JSON.stringify(card), /accepts or declines it before it expires/, 'says what the bot does');
  });

  it('pages: Next on the first, Previous and Next in the middle, Previous on the last, each with its page', () => {
    const pagers = (name: string) =>
      actionsIn(samples[name])
        .filter((a) => a.verb === VERBS.myDealsPage)
        .map((a) => [a.title, a.data?.page]);
    assert.deepEqual(pagers('my deals, first of three pages'), [['Next ›', 2]]);
    assert.deepEqual(pagers('my deals, a middle page with an overdue deal and a referral about to expire'), [
      ['‹ Previous', 1],
      ['Next ›', 3],
    ]);
    assert.deepEqual(pagers('my deals, last page'), [['‹ Previous', 2]]);
    assert.match(JSON.stringify(samples['my deals, last page']), /Page 3 of 3 · 23 in all/);
    assert.deepEqual(
      verbsIn(listOf({ items: [dealListItem(summary('r1'), alice, NOW, en)] })),
      [VERBS.refresh],
      'one page: no pager',
    );
  });

  it('lines: the key facts, an Open per line, and in red what is overdue or about to expire', () => {
    const text = JSON.stringify(samples['my deals, a middle page with an overdue deal and a referral about to expire']);
    assert.match(text, /"text":"Contoso GmbH · Accepted \(10 %\) · €30,000 · closes 1 Nov 2026"/);
    assert.match(
      text,
      /"text":"Overdue: the close date was 1 Nov 2026. Report Won or Lost, or move it.","color":"Attention"/,
    );
    assert.match(text, /"text":"Contoso GmbH · New referral · €30,000 · expires 24 Nov 2026"/);
    assert.match(text, /"text":"⏰ 23 hours left to answer","color":"Attention"/);
    assert.deepEqual(
      actionsIn(samples['my deals, a middle page with an overdue deal and a referral about to expire'])
        .filter((a) => a.verb === VERBS.refresh)
        .map((a) => a.data),
      [{ referralId: 'r1' }, { referralId: 'r2' }],
    );
    assert.doesNotMatch(
      JSON.stringify(samples['my deals, first of three pages']),
      /Attention/,
      'nothing urgent, nothing red',
    );
  });

  it("names an accepted deal's sales stage as its card does, a created one's start, and an older row's by its percentage", () => {
    const line = (change: Partial<DealSummary>) => dealListItem(summary('r1', change), alice, NOW, en).subtitle;
    assert.match(line({ salesStage: 'Proposed', percent: 60 }), /^Contoso GmbH · Proposed \(60 %\) · /);
    assert.match(line({ salesStage: 'created' }), /^Contoso GmbH · Created \(10 %\) · /);
    assert.match(line({ percent: 40 }), /^Contoso GmbH · Developed \(40 %\) · /);
    assert.match(line({ stage: 'won', salesStage: 'Negotiated' }), /^Contoso GmbH · Won · /);
    assert.match(
      dealLine(summary('r1', { salesStage: 'Qualified', percent: 20 }), 'UTC', de).subtitle,
      /^Qualifiziert/,
    );
  });

  it('names the owner when it is someone else, and cuts long names short', () => {
    const line = dealListItem(summary('r1', { owner: { id: 'aad-bob', name: 'Bob Rep' } }), alice, NOW, en);
    assert.equal(line.subtitle, 'Contoso GmbH · Accepted (10 %) · €30,000 · closes 15 Feb 2027 · owner Bob Rep');
    const long = actionsIn(longest).length;
    assert.equal(long, 25);
    assert.ok(JSON.stringify(longest).includes(`"${'N'.repeat(119)}…"`));
    assert.ok(Buffer.byteLength(JSON.stringify(longest)) > 10 * 1024, 'the size check sees a real load');
  });
});
