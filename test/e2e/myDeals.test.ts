import assert from 'node:assert/strict';
import { decide } from '../../bot/domain/lifecycle';
import type { LifecycleCommand } from '../../bot/domain/commands';
import { isDomainError } from '../../bot/domain/errors';
import { VERBS } from '../../cards/verbs';
import { BotHarness } from '../support/botHarness';
import type { ConnectorCall } from '../support/connectorStandIn';
import { pcReferral } from '../support/fixtures';
import {
  botAddedToTeam,
  cardAction,
  channelMessage,
  CHANNELS,
  personalCardAction,
  personalChat,
  personalMessage,
  TEAM,
  teamMember,
  USERS,
  type User,
} from '../support/teamsActivities';
import { ACCEPT_FORM, cardOf, cardPosts, cardText, dealVerbs, installAndLink, ownerVerbs, verbsIn } from './flows';
import type { WireObject } from '../support/wireJson';

const CARD = 'application/vnd.microsoft.card.adaptive';
const actor = (user: User) => ({ id: user.aadObjectId, name: user.name, teamsId: user.id });

/** The titles of a list card's lines, in order. */
function lineTitles(card: unknown): string[] {
  const columnSets = (
    (card as { body: { type: string; columns?: { items: { text?: string }[] }[] }[] }).body ?? []
  ).filter((b) => b.type === 'ColumnSet');
  return columnSets.map((set) => set.columns![0].items[0].text!);
}

/** The referral ids behind a list card's Open buttons, in order. */
function openedIds(card: unknown): string[] {
  const ids: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.verb === VERBS.refresh) ids.push((record.data as { referralId: string }).referralId);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return ids;
}

describe('"my deals" in the personal chat (over HTTP)', () => {
  let h: BotHarness;
  let sequence = 0;

  /** Delivers referrals in one request and waits for their cards; their ids and card ids, in order. */
  async function deliver(count: number): Promise<{ id: string; activityId: string }[]> {
    const referrals = Array.from({ length: count }, () => {
      const n = ++sequence;
      return pcReferral({ id: `a1b2c3d4-0000-4000-8000-${String(n).padStart(12, '0')}`, name: `Referral ${n}` });
    });
    assert.equal((await h.deliver(referrals)).status, 202);
    const ids = referrals.map((r) => r.id as string);
    await h.connector.waitFor(
      (calls) => ids.every((id) => cardPosts(calls, CHANNELS.emea.id).some((c) => cardText(c).includes(id))),
      'the cards',
    );
    return ids.map((id) => ({
      id,
      activityId: cardPosts(h.connector.calls, CHANNELS.emea.id).find((c) => cardText(c).includes(id))!.answeredId!,
    }));
  }

  const click = (
    target: { id: string; activityId: string },
    verb: string,
    inputs: Record<string, unknown>,
    by: User = USERS.alice,
  ) =>
    h.activity(
      cardAction(h.serviceUrl, CHANNELS.emea, target.activityId, verb, { referralId: target.id, ...inputs }, by),
    );

  async function accept(
    target: { id: string; activityId: string },
    dealName: string,
    closingDate: string,
    by: User = USERS.alice,
  ): Promise<void> {
    const answer = await click(target, VERBS.accept, { ...ACCEPT_FORM, dealName, closingDate }, by);
    assert.equal(answer.body.type, CARD, JSON.stringify(answer.body));
    // What follows the change (its index rows among them) is done after the answer.
    await h.settle();
  }

  /** Sends `my deals` in the user's personal chat; the list card it answered with. */
  async function myDeals(by: User = USERS.alice): Promise<{ call: ConnectorCall; card: Record<string, unknown> }> {
    await h.settle();
    assert.equal((await h.activity(personalMessage(h.serviceUrl, 'my deals', by))).status, 200);
    const call = h.connector.calls
      .filter((c) => c.conversationId === personalChat(by) && /Your deals/.test(cardText(c)))
      .at(-1)!;
    return { call, card: cardOf(call) };
  }

  beforeEach(async () => {
    h = await new BotHarness().start();
    h.connector.members = [teamMember(USERS.alice), teamMember(USERS.bob)];
    await installAndLink(h, CHANNELS.emea, 'emea');
  });
  afterEach(async () => h.stop());

  it('lists what I own or am on the team of, open ones first by urgency, with key facts and an Open each', async () => {
    const [later, overdue, bobs, won, notMine] = await deliver(6);
    await accept(later, 'Wave 3', '2027-03-31');
    await accept(overdue, 'Wave 1', '2027-01-15');
    await accept(bobs, 'Bob and Alice', '2027-02-15', USERS.bob);
    const added = await click(
      bobs,
      VERBS.addMember,
      { firstName: 'Alice', lastName: 'Rep', phoneNumber: '+49 30 5550100', email: 'alice@partner.example' },
      USERS.bob,
    );
    assert.match(JSON.stringify(added.body.value), /Alice Rep · alice@partner.example/);
    await accept(won, 'Won already', '2027-06-30');
    assert.equal((await click(won, VERBS.win, { finalValue: '42000' })).body.type, CARD);
    await accept(notMine, 'Only Bob', '2027-01-01', USERS.bob);
    h.clock.now = h.clock.now.set({ year: 2027, month: 1, day: 20 });

    const { card } = await myDeals();
    assert.deepEqual(lineTitles(card), ['Wave 1', 'Bob and Alice', 'Wave 3', 'Won already']);
    assert.deepEqual(openedIds(card), [overdue.id, bobs.id, later.id, won.id]);
    const text = JSON.stringify(card);
    assert.match(text, /"text":"Contoso GmbH · Accepted \(10 %\) · €30,000 · closes 15 Jan 2027"/);
    assert.match(text, /Overdue: the close date was 15 Jan 2027/);
    assert.equal(text.match(/Overdue/g)?.length, 1, 'only the deal whose close date passed');
    assert.match(text, /Contoso GmbH · Accepted \(10 %\) · €30,000 · closes 15 Feb 2027 · owner Bob Rep/);
    assert.match(text, /Contoso GmbH · Won · €42,000"/);
    assert.doesNotMatch(text, /Only Bob|Referral 6/, 'neither a deal I am not on nor a referral nobody took');
    assert.doesNotMatch(text, /Page 1/, 'one page');

    const { card: bobsList } = await myDeals(USERS.bob);
    assert.deepEqual(openedIds(bobsList), [notMine.id, bobs.id], "Bob's own list");
  });

  it("opens each line as my own card, with the actions I may take; someone else's Open shows the read-only card", async () => {
    const [mine, bobs] = await deliver(2);
    await accept(mine, 'Wave 1', '2027-01-15');
    await accept(bobs, 'Bob and Alice', '2027-02-15', USERS.bob);
    await click(
      bobs,
      VERBS.addMember,
      { firstName: 'Alice', lastName: 'Rep', phoneNumber: '+49 30 5550100', email: 'alice@partner.example' },
      USERS.bob,
    );
    const { call } = await myDeals();

    const open = (referralId: string, by: User) =>
      h.activity(personalCardAction(h.serviceUrl, call.answeredId!, VERBS.refresh, { referralId }, by));
    const owned = await open(mine.id, USERS.alice);
    assert.equal(owned.body.type, CARD);
    assert.match(JSON.stringify(owned.body.value), /Wave 1/);
    assert.deepEqual(dealVerbs(owned.body.value), ownerVerbs());
    const teamOf = await open(bobs.id, USERS.alice);
    assert.ok(dealVerbs(teamOf.body.value).includes(VERBS.win), 'a team member works the deal');
    assert.ok(!dealVerbs(teamOf.body.value).includes(VERBS.accept));

    const stranger = await open(mine.id, USERS.bob);
    assert.match(JSON.stringify(stranger.body.value), /Wave 1/);
    assert.deepEqual(dealVerbs(stranger.body.value), [VERBS.refresh], 'read-only for someone not on the deal');
  });

  it('pages a long list: ten a page, Next and Previous answered in place', async () => {
    const referrals = await deliver(12);
    // Close dates a day apart, the last delivered closing first.
    for (const [i, target] of referrals.entries())
      await accept(target, `Deal ${String(12 - i).padStart(2, '0')}`, `2027-01-${String(12 - i).padStart(2, '0')}`);
    const { call, card } = await myDeals();
    const expected = Array.from({ length: 12 }, (_, i) => `Deal ${String(i + 1).padStart(2, '0')}`);
    assert.deepEqual(lineTitles(card), expected.slice(0, 10));
    assert.match(JSON.stringify(card), /Page 1 of 2 · 12 in all/);
    assert.deepEqual(
      verbsIn(card).filter((v) => v === VERBS.myDealsPage),
      [VERBS.myDealsPage],
      'Next only',
    );

    const next = await h.activity(personalCardAction(h.serviceUrl, call.answeredId!, VERBS.myDealsPage, { page: 2 }));
    assert.equal(next.body.type, CARD, 'the card answered in place');
    assert.deepEqual(lineTitles(next.body.value), expected.slice(10));
    assert.match(JSON.stringify(next.body.value), /Page 2 of 2 · 12 in all.*‹ Previous/);
    assert.doesNotMatch(JSON.stringify(next.body.value), /Next ›/);

    const previous = await h.activity(
      personalCardAction(h.serviceUrl, call.answeredId!, VERBS.myDealsPage, { page: 1 }),
    );
    assert.deepEqual(previous.body.value, card);
    const beyond = await h.activity(
      personalCardAction(h.serviceUrl, call.answeredId!, VERBS.myDealsPage, { page: 'lots' }),
    );
    assert.deepEqual(beyond.body.value, card, 'a page that is no page shows the first');
  });

  it('shows each line as the referral is stored, not as an index row that has not caught up', async () => {
    const [handedOver, renamed, kept] = await deliver(3);
    await accept(handedOver, 'Handed over', '2027-01-15');
    await accept(renamed, 'Old name', '2027-01-16');
    await accept(kept, 'Kept', '2027-01-17');
    // Changes stored as if the process died before their index rows were written.
    const storeOnly = async (referralId: string, command: LifecycleCommand) => {
      const stored = (await h.services.referrals.get(referralId))!;
      const decision = decide(stored.record, command, actor(USERS.alice), h.clock.now);
      assert.ok(!isDomainError(decision), JSON.stringify(decision));
      await h.services.referrals.save(stored, decision.record, decision.event);
    };
    await storeOnly(handedOver.id, { action: 'reassign', input: { newOwner: actor(USERS.bob) } });
    const edit = {
      dealName: 'New name',
      dealValue: 55000,
      currency: 'EUR',
      closingDate: '2027-01-16',
      salesStage: 'Proposed',
    };
    await storeOnly(renamed.id, { action: 'edit', input: edit });
    assert.equal(
      (await h.services.indexes.personDeals(USERS.alice.aadObjectId)).length,
      3,
      'the index still lists all three',
    );

    const { card } = await myDeals();
    assert.deepEqual(lineTitles(card), ['New name', 'Kept']);
    assert.match(JSON.stringify(card), /€55,000/);
  });

  it("lists the undecided referrals of my team's region first, by the time left to answer; another team's not at all", async () => {
    const teamB = { id: '19:team-b@thread.tacv2', name: 'Partner Sales Americas' };
    const teamBChannel = { id: '19:team-b-americas@thread.tacv2', name: 'Americas deals' };
    const inTeamB = (activity: WireObject) => ({
      ...activity,
      conversation:
        activity.conversation.id === TEAM.id ? { ...activity.conversation, id: teamB.id } : activity.conversation,
      channelData: { ...activity.channelData, team: teamB, teamsTeamId: teamB.id },
    });
    h.connector.membersOf[teamB.id] = [teamMember(USERS.bob)];
    await h.activity(inTeamB(botAddedToTeam(h.serviceUrl, USERS.bob)));
    await h.activity(inTeamB(channelMessage(h.serviceUrl, teamBChannel, 'link americas', USERS.bob)));

    const [mine] = await deliver(1);
    await accept(mine, 'My own deal', '2027-01-15');
    const referral = (n: number, expires: string, country = 'DE') =>
      pcReferral({
        id: `a1b2c3d4-0000-4000-8000-0000000009${n}0`,
        name: `Undecided ${n}`,
        expirationDateTime: expires,
        customerProfile: { name: `Customer ${n}`, address: { country } },
      });
    const later = referral(1, '2026-12-05T08:00:00Z');
    const sooner = referral(2, '2026-11-30T08:00:00Z');
    const americas = referral(3, '2026-11-25T08:00:00Z', 'CA');
    assert.equal((await h.deliver([later, sooner, americas])).status, 202);
    await h.settle();

    const { card } = await myDeals();
    assert.deepEqual(
      openedIds(card),
      [sooner.id, later.id, mine.id],
      'undecided first, the least time left on top, then my own deal',
    );
    assert.deepEqual(lineTitles(card), ['Undecided 2', 'Undecided 1', 'My own deal']);
    assert.doesNotMatch(JSON.stringify(card), /Undecided 3|Customer 3/, "another team's referral is not listed");

    const { card: bobs } = await myDeals(USERS.bob);
    assert.deepEqual(openedIds(bobs), [americas.id, sooner.id, later.id], 'Bob is in both teams');
  });

  it('says so when I have no deals yet', async () => {
    const { card } = await myDeals();
    assert.match(JSON.stringify(card), /You own no referral and are on no deal's team yet/);
    assert.deepEqual(verbsIn(card), []);
  });
});
