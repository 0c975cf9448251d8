import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { BotHarness } from '../../support/botHarness';
import { pcReferral } from '../../support/fixtures';
import { channelMessage, CHANNELS } from '../../support/teamsActivities';
import { cardPosts, deliverAndAwaitCard, installAndLink } from '../flows';
import { useDesk } from './fixtures';

describe('POST /api/referrals (over HTTP)', () => {
  describe('without a webhook secret', () => {
    const desk = useDesk();

    it('retries a throttled post at once (429 with Retry-After) without waiting for the outbox', async () => {
      const h = desk();
      await installAndLink(h, CHANNELS.emea, 'emea');
      h.connector.failNext(1, 429, { 'Retry-After': '0' });
      await deliverAndAwaitCard(h, CHANNELS.emea);
      const posts = h.connector.requests.filter((r) =>
        r.endsWith(`POST /v3/conversations/${encodeURIComponent(CHANNELS.emea.id)}/activities`),
      );
      assert.deepEqual(
        posts.map((r) => r.split(' ')[0]),
        ['429', 'ok'],
      );
    });

    it('does not retry a post Teams refuses for good (403); the card waits for the channel to be linked again', async () => {
      const h = desk();
      await installAndLink(h, CHANNELS.emea, 'emea');
      const before = h.connector.requests.length;
      h.connector.failNext(1, 403);
      await h.deliver(pcReferral());
      await h.settle();
      assert.equal(h.connector.requests.length - before, 1, 'one request, no retries');
      const [task] = await h.services.outbox.unrouted();
      assert.match(task.lastError, /403/);

      await h.activity(channelMessage(h.serviceUrl, CHANNELS.emea, 'link emea'));
      await h.connector.waitFor(
        (calls) => cardPosts(calls, CHANNELS.emea.id).length === 1,
        'the card after linking again',
      );
    });

    it('posts a card later when Teams failed at first, from the durable outbox', async () => {
      const h = desk();
      await installAndLink(h, CHANNELS.emea, 'emea');
      h.connector.failNext(4, 503);
      assert.equal((await h.deliver(pcReferral())).status, 202);
      await h.settle();
      assert.equal(cardPosts(h.connector.calls, CHANNELS.emea.id).length, 0);
      const [task] = await h.services.outbox.due('9999');
      assert.equal(task.attempts, 1);
      assert.match(task.lastError, /503/);

      h.clock.advance({ minutes: 1 });
      h.services.cards.kick();
      await h.settle();
      assert.equal(cardPosts(h.connector.calls, CHANNELS.emea.id).length, 1);
      assert.ok((await h.services.referrals.get(pcReferral().id as string))?.card);
    });
  });

  it('posts, after a restart, a card the previous run could not post', async () => {
    const prefix = `t${randomBytes(5).toString('hex')}`;
    const first = await new BotHarness({ TABLE_PREFIX: prefix }).start();
    let second: BotHarness | undefined;
    try {
      await installAndLink(first, CHANNELS.emea, 'emea');
      first.connector.failNext(100, 502);
      assert.equal((await first.deliver(pcReferral())).status, 202);
      await first.settle();
      await first.stop();

      second = new BotHarness({ TABLE_PREFIX: prefix });
      second.clock.advance({ minutes: 2 });
      await second.start();
      // The start-up pass tries the stored channel reference, which still points at the first
      // run's (stopped) stand-in; Teams brings the new service URL with the next activity.
      await second.settle();
      await second.activity(channelMessage(second.serviceUrl, CHANNELS.emea, 'links'));
      second.clock.advance({ minutes: 1 });
      second.services.cards.kick();
      await second.connector.waitFor(
        (calls) => cardPosts(calls, CHANNELS.emea.id).length === 1,
        'the card posted after the restart',
      );
      await second.settle();
      assert.equal(
        (await second.services.referrals.get(pcReferral().id as string))?.card?.conversationId,
        CHANNELS.emea.id,
      );
      assert.deepEqual(await second.services.outbox.due('9999'), []);
    } finally {
      await second?.stop();
    }
  });
});
