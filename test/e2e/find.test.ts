import assert from 'node:assert/strict';
import { VERBS } from '../../cards/verbs';
import { BotHarness } from '../support/botHarness';
import { pcReferral } from '../support/fixtures';
import {
  cardAction,
  CHANNELS,
  personalCardAction,
  personalChat,
  personalMessage,
  USERS,
  type User,
} from '../support/teamsActivities';
import {
  ACCEPT_FORM,
  attachmentsOf,
  cardOf,
  cardPosts,
  cardText,
  dealVerbs,
  installAndLink,
  ownerVerbs,
} from './flows';

const CONTOSO = 'f1b2c3d4-0000-4000-8000-000000000001';
const FABRIKAM = 'f1b2c3d4-0000-4000-8000-000000000002';

/** The titles of a list card's lines, in order. */
const lineTitles = (card: { body: { type: string; columns?: { items: { text?: string }[] }[] }[] }) =>
  card.body.filter((b) => b.type === 'ColumnSet').map((set) => set.columns![0].items[0].text!);

describe('"find" in the personal chat (over HTTP)', () => {
  let h: BotHarness;

  /** Sends `find …` once what follows every change so far is done; the answer: a list card's line titles and text, or a plain message. */
  async function find(text: string, by: User = USERS.alice) {
    await h.settle();
    assert.equal((await h.activity(personalMessage(h.serviceUrl, text, by))).status, 200);
    const call = h.connector.calls.filter((c) => c.conversationId === personalChat(by)).at(-1)!;
    const card =
      attachmentsOf(call).length > 0 ? (cardOf(call) as unknown as Parameters<typeof lineTitles>[0]) : undefined;
    return { call, titles: card ? lineTitles(card) : [], text: card ? JSON.stringify(card) : String(call.body.text) };
  }

  beforeEach(async () => {
    h = await new BotHarness().start();
    await installAndLink(h, CHANNELS.emea, 'emea');
    const contoso = pcReferral({ id: CONTOSO, name: 'Contoso cloud migration' });
    const fabrikam = pcReferral({
      id: FABRIKAM,
      name: 'Fabrikam analytics',
      customerProfile: { name: 'Fabrikam Ltd', address: { country: 'GB' } },
    });
    assert.equal((await h.deliver([contoso, fabrikam])).status, 202);
    await h.connector.waitFor(
      (calls) => cardPosts(calls, CHANNELS.emea.id).some((c) => cardText(c).includes(FABRIKAM)),
      'the Fabrikam card',
    );
    const card = cardPosts(h.connector.calls, CHANNELS.emea.id).find((c) => cardText(c).includes(FABRIKAM))!;
    // Alice takes the Fabrikam referral on as her deal "Northwind rollout", CRM-4711 in her CRM.
    const accepted = await h.activity(
      cardAction(h.serviceUrl, CHANNELS.emea, card.answeredId!, VERBS.accept, {
        referralId: FABRIKAM,
        ...ACCEPT_FORM,
        dealName: 'Northwind rollout',
        crmId: 'CRM-4711',
      }),
    );
    assert.equal(accepted.body.type, 'application/vnd.microsoft.card.adaptive');
  });
  afterEach(async () => h.stop());

  it('finds by customer, deal name (any words, in any order, by their beginnings), CRM ID and referral id', async () => {
    const cases: [string, string[]][] = [
      ['find contoso', ['Contoso cloud migration']],
      ['find Fabrikam', ['Northwind rollout']],
      ['find northwind', ['Northwind rollout']],
      ['find roll north', ['Northwind rollout']],
      ['find cloud migration', ['Contoso cloud migration']],
      ['find CRM-4711', ['Northwind rollout']],
      [`find ${CONTOSO.toUpperCase()}`, ['Contoso cloud migration']],
      [`find ${FABRIKAM}`, ['Northwind rollout']],
    ];
    for (const [query, expected] of cases) assert.deepEqual((await find(query)).titles, expected, query);
    const { text } = await find('find fabrikam');
    assert.match(text, /Found for \\"fabrikam\\"/);
    assert.match(text, /Fabrikam Ltd · Accepted \(10 %\) · €30,000 · closes 15 Feb 2027/);
  });

  it('says when nothing matches, and what to type when there is nothing to look for', async () => {
    assert.match((await find('find tailspin')).text, /I found no referral for "tailspin"/);
    assert.match(
      (await find('find contoso tailspin')).text,
      /I found no referral for "contoso tailspin"/,
      'every word must match',
    );
    for (const query of ['find', 'find ab', 'find a b c'])
      assert.match((await find(query)).text, /Tell me what to look for.*"find contoso"/, query);
  });

  it("opens a result as the user's own card: the owner's actions for her, the read-only card for anyone else", async () => {
    const { call } = await find('find northwind', USERS.bob);
    const open = (by: User) =>
      h.activity(personalCardAction(h.serviceUrl, call.answeredId!, VERBS.refresh, { referralId: FABRIKAM }, by));
    const bob = await open(USERS.bob);
    assert.match(JSON.stringify(bob.body.value), /Northwind rollout/);
    assert.deepEqual(dealVerbs(bob.body.value), [VERBS.refresh], 'Bob may only look');
    assert.deepEqual(dealVerbs((await open(USERS.alice)).body.value), ownerVerbs());
  });

  it('lists at most 25 and counts the rest', async () => {
    const litware = Array.from({ length: 27 }, (_, i) =>
      pcReferral({
        id: `f1b2c3d4-0000-4000-8000-1000000000${String(i).padStart(2, '0')}`,
        name: i === 26 ? 'Litware pilot' : `Litware wave ${i + 1}`,
      }),
    );
    assert.equal((await h.deliver(litware)).status, 202);
    const { titles, text } = await find('find litware');
    assert.equal(titles.length, 25);
    assert.ok(titles.every((t) => t.startsWith('Litware')));
    assert.match(text, /And 2 more: add a word to narrow the search/);
    assert.deepEqual((await find('find litware pilot')).titles, ['Litware pilot']);
  });
});
