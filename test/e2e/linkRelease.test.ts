import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { BotHarness } from '../support/botHarness';
import { pcReferral } from '../support/fixtures';
import { proxiedStorage, type ProxiedStorage } from '../support/proxiedStorage';
import { channelMessage, CHANNELS } from '../support/teamsActivities';
import { cardPosts, cardText, installAndLink, replies } from './flows';

const WAITING = 24;
const ids = Array.from({ length: WAITING }, (_, n) => `waiting-${String(n).padStart(2, '0')}`);
const postedIds = (h: BotHarness) =>
  cardPosts(h.connector.calls, CHANNELS.apac.id).map((call) => /"referralId":"([^"]+)"/.exec(cardText(call))?.[1]);

/** A write of a waiting referral's card task (re-queueing it), one by one or in a transaction. */
function queuesWaiting(storage: ProxiedStorage) {
  const outbox = `/${storage.env.TABLE_PREFIX}cardOutbox(`.toLowerCase();
  return (req: IncomingMessage): boolean => {
    const url = decodeURIComponent(req.url ?? '').toLowerCase();
    if (req.method === 'POST' && url.endsWith('$batch')) return true;
    return req.method !== 'GET' && url.includes(outbox) && url.includes("rowkey='waiting-");
  };
}

describe('linking a channel that referrals are waiting for (over HTTP)', function () {
  this.timeout(60_000);
  let storage: ProxiedStorage;
  let h: BotHarness;

  beforeEach(async () => {
    storage = await proxiedStorage();
    h = await new BotHarness(storage.env, { tableRetries: { maxRetries: 0 } }).start();
    await installAndLink(h, CHANNELS.emea, 'emea');
    const tokyo = { name: 'Fabrikam KK', address: { city: 'Tokyo', country: 'JP' } };
    const answer = await h.deliver(ids.map((id) => pcReferral({ id, customerProfile: tokyo })));
    assert.equal(answer.status, 202, JSON.stringify(answer.body));
    await h.settle();
    assert.equal((await h.services.outbox.unrouted()).length, WAITING);
  });
  afterEach(async () => {
    storage.proxy.open();
    await h.stop();
    await storage.stop();
  });

  it('answers first, then posts every waiting card in the order they came', async () => {
    assert.equal((await h.activity(channelMessage(h.serviceUrl, CHANNELS.apac, 'link apac'))).status, 200);
    await h.connector.waitFor((calls) => cardPosts(calls, CHANNELS.apac.id).length === WAITING, 'the waiting cards');
    const answer = h.connector.calls.findIndex((call) => call.conversationId.startsWith(`${CHANNELS.apac.id};`));
    assert.match(replies([h.connector.calls[answer]], CHANNELS.apac.id)[0], /24 waiting referrals will be posted/);
    assert.ok(answer < h.connector.calls.indexOf(cardPosts(h.connector.calls, CHANNELS.apac.id)[0]), 'answer first');
    assert.deepEqual(postedIds(h), ids);
    await h.settle();
    assert.deepEqual(await h.services.outbox.unrouted(), []);
  });

  it('answers while storage refuses to queue them again, and posts them after a restart', async () => {
    // Queuing the waiting referrals again fails from now on: the answer must not depend on it.
    storage.proxy.failWhen(queuesWaiting(storage), 503);
    assert.equal((await h.activity(channelMessage(h.serviceUrl, CHANNELS.apac, 'link apac'))).status, 200);
    const [answer] = replies(h.connector.calls, CHANNELS.apac.id);
    assert.match(answer, /referrals for Asia Pacific \(apac\) now go to APAC referrals/);
    assert.match(answer, /24 waiting referrals will be posted here now/);
    await h.settle();
    assert.deepEqual(postedIds(h), [], 'nothing queued again yet');
    assert.ok(h.logLines.includes('referrals waiting for a channel link not queued again yet'));

    // Stopped as after a crash, storage back: the release asked for is done at the start.
    storage.proxy.open();
    await h.restart();
    await h.connector.waitFor((calls) => cardPosts(calls, CHANNELS.apac.id).length === WAITING, 'the waiting cards');
    assert.deepEqual(postedIds(h), ids);
    await h.settle();
    assert.deepEqual(await h.services.outbox.unrouted(), []);
  });
});
