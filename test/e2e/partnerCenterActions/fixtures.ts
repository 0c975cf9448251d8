import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { PartnerCenterHarness } from '../../support/partnerCenterHarness';
import { pcReferral } from '../../support/fixtures';
import { cardAction, CHANNELS, teamMember, USERS, type User } from '../../support/teamsActivities';
import { VERBS } from '../../../cards/verbs';
import { ACCEPT_FORM, cardPosts, cardText, installAndLink } from '../flows';

/** The referral the tests work on, as Partner Center names it. */
export const ID = 'a1b2c3d4-0000-4000-8000-00000000ac75';
/** The fixture referral's expiry in Partner Center. */
export const EXPIRY = DateTime.fromISO('2026-12-07T08:00:00.000Z', { zone: 'utc' });

/**
 * Alice and Bob in the team, the desk linked to EMEA, and the referral ID arrived from Partner Center with its card,
 * ten minutes ago: the card's activity id, and Partner Center's eTag of the referral when it arrived.
 */
async function referralWithItsCard(pc: PartnerCenterHarness): Promise<{ activityId: string; eTagAtArrival: string }> {
  const h = pc.bot;
  h.connector.members = [teamMember(USERS.alice), teamMember(USERS.bob)];
  await installAndLink(h, CHANNELS.emea, 'emea');
  const eTagAtArrival = pc.simulator.add(
    pcReferral({ id: ID, createdDateTime: '2026-11-23T08:00:00Z', updatedDateTime: '2026-11-23T08:00:00Z' }),
  ).eTag;
  await pc.delivered();
  const post = cardPosts(h.connector.calls, CHANNELS.emea.id).find((c) => cardText(c).includes(ID));
  assert.ok(post, 'the referral has its card');
  const activityId = post.answeredId!;
  assert.doesNotMatch(cardText(post), /Up to date/, 'a new card has nothing written to speak of');
  h.clock.advance({ minutes: 10 });
  return { activityId, eTagAtArrival };
}

/** A test's harness and the referral's card, from `useReferralWithItsCard`. */
export interface ReferralWithItsCard {
  /** The desk and the simulated Partner Center, started fresh for the test. */
  pc: PartnerCenterHarness;
  /** The referral's card in the EMEA channel. */
  activityId: string;
  /** Partner Center's eTag of the referral when it arrived. */
  eTagAtArrival: string;
}

/**
 * Registers the hooks that start the harness with the settings `env` gives (read before each test) and bring in the
 * referral with its card, and stop the harness after each test; the getter gives the running test's harness and card.
 */
export function useReferralWithItsCard(env: () => Record<string, string> = () => ({})): () => ReferralWithItsCard {
  let pc: PartnerCenterHarness | undefined;
  let current: ReferralWithItsCard | undefined;
  beforeEach(async () => {
    current = undefined;
    pc = await new PartnerCenterHarness(env()).start();
    current = { pc, ...(await referralWithItsCard(pc)) };
  });
  afterEach(async () => pc?.stop());
  return () => {
    assert.ok(current, 'the referral is only there while a test runs');
    return current;
  };
}

/** Clicks on the referral's card, and what they wrote to the simulator; `current` gives the test's harness and card. */
export function writeBackActions(current: () => ReferralWithItsCard) {
  const h = () => current().pc.bot;
  const stored = async () => (await h().services.referrals.get(ID))!.record;
  const click = (verb: string, inputs: Record<string, unknown>, by: User = USERS.alice) =>
    h().activity(
      cardAction(h().serviceUrl, CHANNELS.emea, current().activityId, verb, { referralId: ID, ...inputs }, by),
    );
  const lastCard = () =>
    h()
      .connector.calls.filter(
        (c) =>
          (c.kind === 'update' || c.kind === 'send') &&
          c.conversationId === CHANNELS.emea.id &&
          cardText(c).includes(ID),
      )
      .at(-1)!;
  const delivered = () => current().pc.delivered();
  /** A click that goes through, then the webhooks and the write-back it sets off. */
  const act = async (verb: string, inputs: Record<string, unknown>, by: User = USERS.alice) => {
    const answer = await click(verb, inputs, by);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.type, 'application/vnd.microsoft.card.adaptive', JSON.stringify(answer.body));
    await delivered();
    return answer;
  };
  const accept = () => act(VERBS.accept, ACCEPT_FORM);
  const simulator = () => current().pc.simulator;
  const written = (index: number) => simulator().patches[index].operations.map((o) => [o.path, o.value]);
  const patchRequests = () => simulator().requests.filter((r) => r.method === 'PATCH').length;
  /**
   * Each patch was written against the eTag the one before left, the first against the referral as it arrived;
   * the desk keeps the last.
   */
  const assertChained = async () => {
    const { patches } = simulator();
    assert.equal(patches[0].eTagBefore, current().eTagAtArrival);
    for (let i = 1; i < patches.length; i++)
      assert.equal(patches[i].eTagBefore, patches[i - 1].eTagAfter, `patch ${i} is written against patch ${i - 1}`);
    assert.equal(patches.at(-1)!.eTagAfter, simulator().get(ID)!.eTag);
    const { desk } = await stored();
    assert.equal(
      desk.partnerCenter!.copy.eTag.replace(/^"|"$/g, ''),
      patches.at(-1)!.eTagAfter,
      'the desk keeps the eTag for the next write',
    );
  };
  const lifecycle = () => {
    const remote = simulator().get(ID)!;
    return `${String(remote.status)}/${String(remote.substatus)}`;
  };
  return { h, stored, lastCard, delivered, act, accept, written, patchRequests, assertChained, lifecycle };
}
