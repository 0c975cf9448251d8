import { literal } from '../../cards/literal';
import assert from 'node:assert/strict';
import { loadSolutions } from '../../bot/config/solutions';
import type { ReferralRecord } from '../../bot/domain/referral';
import { en } from '../../bot/strings/en';
import { referralCard, referralCardData } from '../../bot/teams/views/referral/referralCardView';
import type { AdaptiveCard } from '../../cards/render';
import { VERBS } from '../../cards/verbs';
import { decided, referralVariants, renderCardVariants } from '../support/cardVariants';
import { NOW, receivedRecord } from '../support/fixtures';

const alice = { id: 'aad-alice', name: 'Alice Rep', teamsId: '29:alice' };
const solutions = loadSolutions('');

type Node = Record<string, unknown>;

/** Every object of a card, however deeply nested, in document order. */
function nodes(card: unknown): Node[] {
  const found: Node[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      found.push(node as Node);
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** The body element that holds `predicate`'s node, by its index in the card's body. */
function bodyIndex(card: AdaptiveCard, predicate: (node: Node) => boolean): number {
  return (card.body as unknown[]).findIndex((element) => nodes(element).some(predicate));
}

const hasVerb = (verb: string) => (node: Node) => node.type === 'Action.Execute' && node.verb === verb;
const byId = (card: unknown, id: string) => nodes(card).find((node) => node.id === id);

/** The accepted fixture deal with the team's notes from Accept. */
function acceptedWithNotes(): ReferralRecord {
  const record = decided('accepted');
  return { ...record, desk: { ...record.desk, notes: 'Discovery call booked with the IT director.' } };
}

describe('referral card: the customer, the needs and the team notes', () => {
  it("keeps the customer on an accepted card, collapsed under Customer, and the team's notes apart", () => {
    const card = referralCard(acceptedWithNotes(), NOW, en, { viewer: alice });
    const toggle = nodes(card).find((node) => node.type === 'Action.ToggleVisibility' && node.title === 'Customer');
    assert.ok(toggle, 'a Customer button');
    const [target] = toggle.targetElements as string[];
    const customer = byId(card, target);
    assert.equal(customer?.isVisible, false, 'collapsed at first');
    const inside = JSON.stringify(customer);
    for (const text of [
      '"text":"Customer contact"',
      '"text":"anna@contoso.example"',
      'Location","value":"Berlin, Germany',
      'Source","value":"Customer inquiry (marketplace lead)',
      '"text":"What the customer needs"',
      '"text":"We want to move 40 VMs to Azure before March."',
    ])
      assert.ok(inside.includes(text), text);
    const outside = JSON.stringify({ ...card, body: card.body!.filter((element) => element !== customer) });
    assert.match(outside, /"text":"Team notes".*"text":"Discovery call booked with the IT director\."/);
    assert.doesNotMatch(inside, /Discovery call/, "the team's notes are not the customer's");
  });

  it('shows the customer in the open while a referral is undecided, their facts first', () => {
    const card = referralCard(receivedRecord(), NOW, en);
    assert.ok(!nodes(card).some((node) => node.type === 'Action.ToggleVisibility' && node.title === 'Customer'));
    const facts = nodes(card).find((node) => node.type === 'FactSet')!.facts as { title: string }[];
    assert.deepEqual(
      facts.slice(0, 3).map((fact) => fact.title),
      ['Source', 'Location', 'Company size'],
    );
    assert.match(JSON.stringify(card), /"text":"What the customer needs"/);
  });

  it('gives whom to contact a line each at the full width of the card, where no fact column cuts an e-mail address', () => {
    const card = referralCard(receivedRecord(), NOW, en);
    const facts = nodes(card).filter((node) => node.type === 'FactSet');
    assert.ok(!JSON.stringify(facts).includes('Customer contact'), 'not a fact');
    const lines = nodes(card)
      .filter((node) => node.type === 'TextBlock')
      .map((node) => node.text);
    const at = lines.indexOf('Customer contact');
    assert.deepEqual(lines.slice(at, at + 4), [
      'Customer contact',
      'Anna Schmidt',
      'anna@contoso.example',
      literal('+49 30 1234567'),
    ]);
  });

  it('shows needs past eight lines on demand: Show more for the rest, Show less back', () => {
    const long = [
      'We run 40 virtual machines in two data centres and want them in Azure before March.',
      ...Array.from({ length: 8 }, (_, n) => `Site ${n + 1}: a file server, a SQL Server and an ERP system.`),
    ].join('\n');
    const record = receivedRecord({ details: { ...receivedRecord().referral.details, notes: long } });
    const card = referralCard(record, NOW, en);
    const short = byId(card, 'needsShort');
    const full = byId(card, 'needsFull');
    assert.equal(short?.maxLines, 8);
    assert.equal(full?.isVisible, false);
    assert.match(String(full?.text), /Solutions asked for: Azure migration assessment$/, 'the last line is in reach');
    const toggles = nodes(card).filter((node) => node.type === 'Action.ToggleVisibility');
    assert.deepEqual(
      toggles.map((node) => node.title),
      ['Show more', 'Show less'],
    );
    for (const id of toggles.flatMap((node) => node.targetElements as string[]))
      assert.ok(byId(card, id), `${id} is on the card`);
    assert.equal(byId(card, 'needsLess')?.isVisible, false, 'Show less only once the rest shows');
  });

  it('offers no Show more for needs that fit', () => {
    const card = referralCard(receivedRecord(), NOW, en);
    assert.equal(byId(card, 'needsFull'), undefined);
    assert.ok(!nodes(card).some((node) => node.type === 'Action.ToggleVisibility'));
  });

  it("names the accept form's notes the team's, and leaves the customer's request out of it", () => {
    const data = referralCardData(receivedRecord(), NOW, en);
    assert.equal(data.accept.notesLabel, en.card.acceptNotes);
    assert.equal(data.accept.notes, '');
    const edit = referralCardData(acceptedWithNotes(), NOW, en, { viewer: alice }).edit;
    assert.equal(edit.notes, 'Discovery call booked with the IT director.', 'Edit deal changes the team notes');
  });
});

describe('referral card: order and noise', () => {
  it('puts Accept and Decline, and Won and Lost, before History and the star, with no buttons below them', () => {
    for (const card of [
      referralCard(receivedRecord(), NOW, en),
      referralCard(decided('accepted'), NOW, en, { viewer: alice, solutions }),
    ]) {
      const history = bodyIndex(card, hasVerb(VERBS.history));
      assert.equal(history, card.body!.length - 1, 'History and the star close the card');
      assert.equal((card as { actions?: unknown[] }).actions, undefined);
      for (const verb of [VERBS.accept, VERBS.win]) {
        const decision = bodyIndex(card, hasVerb(verb));
        if (decision >= 0) assert.ok(decision < history, verb);
      }
    }
    const owner = referralCard(decided('accepted'), NOW, en, { viewer: alice, solutions });
    assert.ok(bodyIndex(owner, hasVerb(VERBS.win)) < bodyIndex(owner, hasVerb(VERBS.edit)), 'Won before Edit deal');
  });

  it('says the deadline once, in the status line', () => {
    const card = JSON.stringify(referralCard(receivedRecord(), NOW, en));
    assert.doesNotMatch(card, /Expires/);
    assert.match(card, /13 days left \(\{\{DATE\(/);
  });

  it('says nothing of Partner Center on a new card, and how writing back stands once decided', () => {
    const variants = referralVariants();
    assert.doesNotMatch(
      JSON.stringify(referralCard(variants['writes back, up to date'].record, NOW, en)),
      /Up to date/,
    );
    const accepted = variants['writes back, to be written again'].record;
    assert.match(JSON.stringify(referralCard(accepted, NOW, en)), /"title":"Partner Center","value":"/);
  });

  it('shows whole amounts without cents', () => {
    assert.match(
      JSON.stringify(referralCard(receivedRecord(), NOW, en)),
      /"title":"Estimated value","value":"€25,000"/,
    );
  });

  it('writes no pale colour: nothing green as text, nothing coloured on the grey header', () => {
    for (const [name, card] of Object.entries(renderCardVariants())) {
      const header = nodes(card).find((node) => node.type === 'Container' && node.style === 'emphasis');
      for (const block of nodes(header).filter((node) => node.type === 'TextBlock'))
        assert.equal(block.color, undefined, `${name}: ${String(block.text)}`);
      for (const block of nodes(card).filter((node) => node.type === 'TextBlock'))
        assert.notEqual(block.color, 'Good', `${name}: ${String(block.text)}`);
    }
  });

  it('labels the sales-stage bar with the stage', () => {
    const card = referralCard(decided('accepted'), NOW, en);
    const bar = bodyIndex(card, (node) => node.type === 'Column' && node.style === 'good');
    assert.deepEqual(card.body![bar - 1], {
      type: 'TextBlock',
      text: en.card.stageBar(en.salesStage.none),
      wrap: true,
      spacing: 'Medium',
    });
  });

  it('keeps every element id unique and every Show and Hide target on the card, in every variant and language', () => {
    for (const [name, card] of Object.entries(renderCardVariants())) {
      const ids = nodes(card)
        .filter((node) => typeof node.id === 'string' && !String(node.type).startsWith('Input.'))
        .map((node) => node.id as string);
      assert.equal(new Set(ids).size, ids.length, name);
      for (const node of nodes(card).filter((n) => n.type === 'Action.ToggleVisibility'))
        for (const id of node.targetElements as string[]) assert.ok(ids.includes(id), `${name}: ${id}`);
    }
  });
});

describe('referral card: a won deal', () => {
  it('says Value and Closed (the day it was won), not estimates', () => {
    const won = decided('won');
    const record = { ...won, referral: { ...won.referral, closedDateTime: '2026-11-23T10:00:00.000Z' } };
    const facts = Object.fromEntries(referralCardData(record, NOW, en).facts.map((f) => [f.title, f.value]));
    assert.equal(facts.Value, '€25,000');
    assert.equal(facts.Closed, '23 Nov 2026');
    assert.ok(!Object.keys(facts).some((title) => /Estimated/.test(title)), Object.keys(facts).join(', '));
  });

  it('asks for the final value in the deal’s currency', () => {
    const data = referralCardData(decided('accepted'), NOW, en, { viewer: alice });
    assert.equal(data.win.valueLabel, 'Final deal value (EUR)');
  });

  it('says how a deal qualifies for deal registration: on the won card, and to its workers while it can still be done', () => {
    assert.match(
      JSON.stringify(referralCard(decided('won'), NOW, en, { solutions })),
      /no incentive-eligible solution on the deal \(next time, add one with Team & solutions → Add solution before reporting the win\)/,
    );
    const coSell = referralVariants()['co-sell deal without an eligible solution, owner'];
    const owner = referralCardData(coSell.record, NOW, en, coSell.view);
    assert.equal(owner.registration, en.card.registrationNeedsSolution);
    assert.equal(referralCardData(coSell.record, NOW, en, { solutions }).registration, '', 'not on the shared card');
    assert.equal(
      referralCardData(decided('accepted'), NOW, en, { viewer: alice, solutions }).registration,
      '',
      'nothing on a private deal, which does not qualify',
    );
  });
});
