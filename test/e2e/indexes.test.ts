import assert from 'node:assert/strict';
import { VERBS } from '../../cards/verbs';
import { weekOf } from '../../bot/domain/digestFacts';
import { BotHarness } from '../support/botHarness';
import { cardAction, CHANNELS, teamMember, USERS } from '../support/teamsActivities';
import { acceptAsAlice, deliverAndAwaitCard, installAndLink } from './flows';

describe('indexes kept by every change (HTTP, Azurite)', () => {
  let h: BotHarness;
  let referralId: string;
  let activityId: string;
  /** A click on the card, and what follows it (its index rows among them), done after the answer. */
  const click = async (verb: string, data: Record<string, unknown>) => {
    const answer = await h.activity(cardAction(h.serviceUrl, CHANNELS.emea, activityId, verb, { referralId, ...data }));
    await h.settle();
    return answer;
  };
  const openIds = async () => (await h.services.indexes.openDeals('emea')).map((deal) => deal.referralId);
  const factKinds = async () =>
    (await h.services.indexes.facts('emea', [weekOf(h.clock.now)])).map((fact) => fact.kind);

  beforeEach(async () => {
    h = await new BotHarness().start();
    h.connector.members = [USERS.alice, USERS.bob].map(teamMember);
    await installAndLink(h, CHANNELS.emea, 'emea');
    ({ id: referralId, activityId } = await deliverAndAwaitCard(h, CHANNELS.emea));
  });
  afterEach(async () => h.stop());

  it('lists a referral in its region, finds it by its words, and follows it through acceptance, the team and the win', async () => {
    assert.deepEqual(await openIds(), [referralId]);
    assert.deepEqual(await h.services.indexes.findByTerm('conto', 10), [referralId]);
    assert.deepEqual(await factKinds(), ['received']);

    await acceptAsAlice(h, CHANNELS.emea, activityId, referralId);
    const [own] = await h.services.indexes.personDeals(USERS.alice.aadObjectId);
    assert.equal(own.referralId, referralId);
    assert.equal(own.name, 'Contoso migration wave 1');
    assert.deepEqual(await h.services.indexes.findByTerm('wave', 10), [referralId], 'found by its new deal name');
    assert.deepEqual(await factKinds(), ['received', 'accepted']);

    await click(VERBS.addMember, {
      firstName: 'Bob',
      lastName: 'Rep',
      phoneNumber: '+49 30 5550100',
      email: 'bob@partner.example',
    });
    assert.deepEqual(
      (await h.services.indexes.personDeals(USERS.bob.aadObjectId)).map((deal) => deal.referralId),
      [referralId],
    );
    await click(VERBS.removeMember, { email: 'bob@partner.example' });
    assert.deepEqual(await h.services.indexes.personDeals(USERS.bob.aadObjectId), [], 'gone with him from the team');

    await click(VERBS.win, { finalValue: '42000' });
    assert.deepEqual(await openIds(), [], 'no longer open');
    assert.equal(
      (await h.services.indexes.personDeals(USERS.alice.aadObjectId))[0].stage,
      'won',
      'still among her deals',
    );
    const won = (await h.services.indexes.facts('emea', [weekOf(h.clock.now)])).find((fact) => fact.kind === 'won');
    assert.deepEqual([won?.value, won?.currency, won?.by?.id], [42000, 'EUR', USERS.alice.aadObjectId]);
  });

  it("is completed by the card sync when a crash cut a change's follow-up short", async () => {
    await h.settle();
    // As if the bot had died right after storing the referral: no index rows at all.
    await h.services.indexes.update(
      referralId,
      {
        revision: 0,
        people: [],
        region: 'emea',
        open: false,
        words: [],
        factsThrough: 0,
        summary: (await h.services.indexes.openDeals('emea'))[0],
        facts: [],
      },
      await h.services.indexes.entry(referralId),
    );
    assert.deepEqual(await openIds(), []);
    await h.services.outbox.enqueue(referralId, h.clock.now.toISO()!);
    await h.restart();
    await h.settle();
    assert.deepEqual(await openIds(), [referralId]);
    assert.deepEqual(await h.services.indexes.findByTerm('contoso', 10), [referralId]);
  });
});
