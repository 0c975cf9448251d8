import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { stageOfRecord } from '../../bot/domain/stage';
import { BotHarness } from '../support/botHarness';
import type { ConnectorCall } from '../support/connectorStandIn';
import { CHANNELS, teamMember, USERS, type User } from '../support/teamsActivities';
import { acceptAsAlice, cardPosts, cardText, deliverAndAwaitCard, installAndLink, regionsFileWith } from './flows';

/** The fixture referral arrives 2026-11-23T08:00Z and expires 2026-12-07T08:00Z. */
const CREATED = DateTime.fromISO('2026-11-23T08:00:00.000Z', { zone: 'utc' });
const EXPIRY = CREATED.plus({ days: 14 });
const TAKEN_WITHOUT_ID = /accepted without an activity id/;

describe('messages Teams takes without an activity id are sent once (Azurite, Bot Connector stand-in, test clock)', () => {
  let h: BotHarness;
  let referralId: string;

  const at = async (instant: DateTime) => {
    h.clock.now = instant;
    await h.tick();
  };
  /** Everything the bot posted into the channel itself (cards, and reminders with no thread to go to). */
  const channelPosts = () => h.connector.callsOf('send', CHANNELS.emea.id);
  const threadPostsUnder = (activityId: string) =>
    h.connector.callsOf('send', `${CHANNELS.emea.id};messageid=${activityId}`);
  const updates = () => h.connector.callsOf('update');
  const loggedWithoutId = () => h.logLines.filter((line) => TAKEN_WITHOUT_ID.test(line));
  const outboxIsEmpty = async () => {
    assert.deepEqual(await h.services.outbox.due('9999'), [], 'no task left to retry');
    assert.deepEqual(await h.services.outbox.unrouted(), [], 'no task parked');
  };

  async function start(env: Record<string, string> = {}) {
    h = await new BotHarness(env).start();
    await installAndLink(h, CHANNELS.emea, 'emea');
  }
  afterEach(async () => h.stop());

  it('posts the channel card once, records it as posted without an id, and leaves nothing in the outbox', async () => {
    await start();
    h.connector.answerWithoutIds();
    ({ id: referralId } = await deliverAndAwaitCard(h, CHANNELS.emea));
    await h.settle();

    assert.equal(cardPosts(h.connector.calls, CHANNELS.emea.id).length, 1, 'one card, never posted again');
    assert.equal(channelPosts().length, 1);
    assert.equal(channelPosts()[0].answeredId, undefined, 'the stand-in gave no id');
    const stored = await h.services.referrals.get(referralId);
    assert.deepEqual(
      stored?.card,
      { conversationId: CHANNELS.emea.id, revision: stored!.record.desk.revision },
      'posted, with no message to update',
    );
    await outboxIsEmpty();
    assert.equal(loggedWithoutId().length, 1, 'told once');
    assert.ok(!h.logLines.some((line) => /not synced/.test(line)), 'the post did not fail');
  });

  it('posts no second card and updates nothing when a referral whose card has no id changes, and finishes its tasks', async () => {
    await start();
    h.connector.answerWithoutIds();
    ({ id: referralId } = await deliverAndAwaitCard(h, CHANNELS.emea));
    await h.settle();
    h.connector.answerWithoutIds(0);

    // Teams names the card it was clicked on; the bot never learned that id, any will do.
    await acceptAsAlice(h, CHANNELS.emea, 'activity-never-named', referralId);
    await h.services.cards.refresh(referralId);
    await h.settle();

    const stored = await h.services.referrals.get(referralId);
    assert.equal(stageOfRecord(stored!.record), 'accepted', 'the change was stored');
    assert.equal(channelPosts().length, 1, 'still the one card');
    assert.deepEqual(updates(), [], 'a card without an id is not updated');
    assert.equal(stored?.card?.activityId, undefined);
    await outboxIsEmpty();
    assert.ok(!h.logLines.some((line) => /not synced/.test(line)), 'no task failed');
  });

  it('sends a thread reminder Teams takes without an id exactly once', async () => {
    await start();
    let activityId: string;
    ({ id: referralId, activityId } = await deliverAndAwaitCard(h, CHANNELS.emea));
    await at(EXPIRY.minus({ hours: 4, minutes: 2 }));
    const before = threadPostsUnder(activityId).length;
    assert.ok(before > 0, 'earlier reminders went out with ids');

    h.connector.answerWithoutIds(1);
    await at(EXPIRY.minus({ hours: 4 }).plus({ minutes: 1 }));
    await at(EXPIRY.minus({ hours: 4 }).plus({ minutes: 3 }));
    await at(EXPIRY.minus({ hours: 2 }));
    await h.settle();

    const sent = threadPostsUnder(activityId).slice(before);
    assert.equal(sent.length, 1, 'the 4-hour reminder, once');
    assert.match(String(sent[0].body.text), /⏰ 4 hours left to answer the referral of Contoso GmbH/);
    assert.equal(loggedWithoutId().length, 1);
    assert.equal(channelPosts().length, 1, 'no second card either');
  });

  it('posts a reminder in the channel, once, when the card it belongs under was taken without an id', async () => {
    await start();
    const linked = h.connector.calls.length;
    h.connector.answerWithoutIds();
    ({ id: referralId } = await deliverAndAwaitCard(h, CHANNELS.emea));
    await at(CREATED.plus({ hours: 20, minutes: 1 }));
    await at(CREATED.plus({ hours: 21 }));

    const posts = channelPosts();
    assert.equal(posts.length, 2, 'the card, then the nudge');
    assert.ok(cardText(posts[0]).includes(referralId));
    assert.match(String(posts[1].body.text), /Nobody has answered this referral yet/);
    const threaded = h.connector.calls.slice(linked).filter((c) => c.conversationId.includes(';messageid='));
    assert.deepEqual(threaded, [], 'no thread under an unknown message');
  });

  it('sends a direct reminder Teams takes without an id exactly once, and does not try to keep it in step', async () => {
    await start({ REGIONS_FILE: regionsFileWith('emea', { managers: [USERS.manager.aadObjectId] }) });
    h.connector.members = [USERS.alice, USERS.bob, USERS.manager].map(teamMember);
    let activityId: string;
    ({ id: referralId, activityId } = await deliverAndAwaitCard(h, CHANNELS.emea));
    await at(EXPIRY.minus({ hours: 24, minutes: 2 }));

    h.connector.answerWithoutIds();
    await at(EXPIRY.minus({ hours: 24 }).plus({ minutes: 1 }));
    await at(EXPIRY.minus({ hours: 12 }));
    const dms = directTo(USERS.manager);
    assert.equal(dms.length, 1, 'once');
    assert.match(
      String(dms[0].body.text),
      /Nobody has answered the referral of Contoso GmbH yet, and it expires in 24 hours/,
    );
    assert.deepEqual(await h.services.directCards.list(referralId), [], 'nothing to update later');

    h.connector.answerWithoutIds(0);
    await acceptAsAlice(h, CHANNELS.emea, activityId, referralId);
    await h.settle();
    assert.equal(directTo(USERS.manager).length, 1, 'still once');
    const chat = chatsOpenedWith(USERS.manager)[0].answeredId;
    assert.deepEqual(h.connector.callsOf('update', chat), [], "the manager's message is not updated");
    assert.ok(h.connector.callsOf('update', CHANNELS.emea.id).length > 0, 'the channel card (which has an id) is');
    await outboxIsEmpty();
  });

  /** The 1:1 chats the bot opened with a user. */
  function chatsOpenedWith(user: User): ConnectorCall[] {
    return h.connector
      .callsOf('create')
      .filter((c) => JSON.stringify(c.body.members) === JSON.stringify([{ id: user.id }]));
  }

  /** What the bot sent into its chats with a user about this referral. */
  function directTo(user: User): ConnectorCall[] {
    const chats = new Set(chatsOpenedWith(user).map((c) => c.answeredId));
    return h.connector.calls.filter(
      (c) => c.kind === 'send' && chats.has(c.conversationId) && cardText(c).includes(referralId),
    );
  }
});
