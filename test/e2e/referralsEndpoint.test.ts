import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { BotHarness } from '../support/botHarness';
import { pcReferral } from '../support/fixtures';
import { channelMessage, CHANNELS } from '../support/teamsActivities';
import { cardPosts, cardText, deliverAndAwaitCard, installAndLink } from './flows';

describe('POST /api/referrals (over HTTP)', () => {
  describe('without a webhook secret', () => {
    let h: BotHarness;
    beforeEach(async () => {
      h = await new BotHarness().start();
    });
    afterEach(async () => h.stop());

    it('stores a referral and posts its card to the channel of its region', async () => {
      await installAndLink(h, CHANNELS.emea, 'emea');
      const { id, activityId } = await deliverAndAwaitCard(h, CHANNELS.emea);
      const card = cardText(cardPosts(h.connector.calls, CHANNELS.emea.id)[0]);
      for (const shown of [
        'Contoso GmbH',
        'Germany',
        'Customer inquiry',
        '€25,000',
        'asked to be contacted',
        'Answer within 24 hours',
        '13 days left',
      ]) {
        assert.ok(card.includes(shown), `card shows ${shown}`);
      }
      await h.settle();
      const stored = await h.services.referrals.get(id);
      assert.equal(stored?.card?.activityId, activityId);
      assert.equal(stored?.card?.conversationId, CHANNELS.emea.id);
      assert.equal(stored?.record.referral.status, 'New');
      assert.deepEqual(
        (await h.services.referrals.history(id)).map((e) => e.action),
        ['received'],
      );
    });

    it('answers 202 with received and duplicates, and posts one card for a repeated delivery', async () => {
      await installAndLink(h, CHANNELS.emea, 'emea');
      const first = await h.deliver(pcReferral());
      assert.deepEqual(first.body, { received: [pcReferral().id], duplicates: [] });
      const again = await h.deliver([pcReferral()]);
      assert.equal(again.status, 202);
      assert.deepEqual(again.body, { received: [], duplicates: [pcReferral().id] });
      await h.settle();
      assert.equal(cardPosts(h.connector.calls, CHANNELS.emea.id).length, 1);
    });

    it('treats a repeated delivery without timestamps as a duplicate', async () => {
      const bare = { id: 'bare-1', customerProfile: { name: 'Bare Ltd', address: { country: 'de' } } };
      assert.deepEqual((await h.deliver(bare)).body, { received: ['bare-1'], duplicates: [] });
      h.clock.advance({ hours: 1 });
      assert.deepEqual((await h.deliver(bare)).body, { received: [], duplicates: ['bare-1'] });
      assert.equal(
        (await h.services.referrals.get('bare-1'))?.record.referral.createdDateTime,
        '2026-11-23T09:00:00.000Z',
      );
    });

    it('stores one referral and posts one card when the same referral arrives 20 times at once', async () => {
      await installAndLink(h, CHANNELS.emea, 'emea');
      const answers = await Promise.all(Array.from({ length: 20 }, () => h.deliver(pcReferral())));
      assert.ok(answers.every((a) => a.status === 202));
      assert.equal(answers.filter((a) => a.body.received.length === 1).length, 1);
      assert.equal(answers.filter((a) => a.body.duplicates.length === 1).length, 19);
      await h.settle();
      assert.equal(cardPosts(h.connector.calls, CHANNELS.emea.id).length, 1);
      assert.equal((await h.services.referrals.history(pcReferral().id as string)).length, 1);
    });

    it('updates the stored referral and its card when a newer copy arrives', async () => {
      await installAndLink(h, CHANNELS.emea, 'emea');
      const { id, activityId } = await deliverAndAwaitCard(h, CHANNELS.emea);
      const newer = pcReferral({ updatedDateTime: '2026-11-23T08:30:00Z', name: 'Contoso datacenter exit' });
      assert.deepEqual((await h.deliver(newer)).body, { received: [id], duplicates: [] });
      await h.connector.waitFor(
        (calls) => calls.some((c) => c.kind === 'update' && c.activityId === activityId),
        'the card update',
      );
      const update = h.connector.calls.find((c) => c.kind === 'update')!;
      assert.match(cardText(update), /Contoso datacenter exit/);
      const stored = await h.services.referrals.get(id);
      assert.equal(stored?.record.referral.name, 'Contoso datacenter exit');
      assert.equal(stored?.record.desk.revision, 2);
    });

    it('rejects a batch with one bad item with 400 naming the item and field, and stores nothing', async () => {
      await installAndLink(h, CHANNELS.emea, 'emea');
      const good = pcReferral({ id: 'good-1' });
      const bad = pcReferral({
        id: 'bad-1',
        customerProfile: { name: 'No Country Ltd', address: { city: 'Nowhere' } },
      });
      const answer = await h.deliver([good, bad]);
      assert.equal(answer.status, 400);
      assert.equal(answer.body.items.length, 1);
      assert.equal(answer.body.items[0].index, 1);
      assert.equal(answer.body.items[0].id, 'bad-1');
      assert.equal(answer.body.items[0].problems[0].field, 'customerProfile.address.country');
      assert.equal(await h.services.referrals.get('good-1'), null);
      assert.deepEqual(await h.services.outbox.due('9999'), []);
    });

    it('rejects malformed JSON with 400 and an oversized body with 413', async () => {
      const malformed = await h.deliver('{"id": ');
      assert.equal(malformed.status, 400);
      assert.equal(malformed.body.error, 'malformed_json');
      const huge = await h.deliver(JSON.stringify([pcReferral({ details: { notes: 'x'.repeat(1_100_000) } })]));
      assert.equal(huge.status, 413);
    });

    it('refuses a body not sent as application/json with 415 naming the type, before reading it; takes the type in any case, in UTF-8', async () => {
      const body = JSON.stringify(pcReferral());
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/json; charset=iso-8859-1',
        'application/jsonp',
      ]) {
        const answer = await h.post('/api/referrals', body, { 'content-type': type });
        assert.equal(answer.status, 415, type);
        assert.equal(answer.body.error, 'unsupported_media_type');
        assert.match(
          answer.body.message,
          /^Send the body as application\/json \(UTF-8\); this request's Content-Type is /,
        );
      }
      const untyped = await fetch(`${h.app.url}/api/referrals`, {
        method: 'POST',
        body: new TextEncoder().encode(body),
      });
      assert.equal(untyped.status, 415);
      assert.match(((await untyped.json()) as { message: string }).message, /Content-Type is \(none\)$/);
      assert.equal(await h.services.referrals.get(pcReferral().id as string), null);
      assert.equal(
        h.logLines.filter((line) => line.startsWith('delivery to /api/referrals refused (415): Content-Type ')).length,
        5,
      );

      assert.equal(
        (await h.post('/api/referrals', body, { 'content-type': 'Application/JSON; Charset="UTF-8"' })).status,
        202,
      );
    });

    it('refuses a delivery with an item nested 5,000 deep with 400 naming the item and the field, and stores nothing of it', async () => {
      const deep = JSON.stringify(pcReferral({ id: 'deep-1' })).replace(
        /}$/,
        `,"extra":${'['.repeat(5_000)}${']'.repeat(5_000)}}`,
      );
      const answer = await h.deliver(`[${JSON.stringify(pcReferral({ id: 'good-1' }))},${deep}]`);
      assert.equal(answer.status, 400, JSON.stringify(answer.body));
      assert.deepEqual(answer.body.items, [
        {
          index: 1,
          id: 'deep-1',
          problems: [{ field: ['extra', ...Array(31).fill(0)].join('.'), message: 'nests deeper than 32 levels' }],
        },
      ]);
      assert.equal(await h.services.referrals.get('good-1'), null);
      assert.deepEqual(await h.services.outbox.due('9999'), []);
    });

    it('refuses a referral too large to store (a 600 KB field) with 400 naming the item and the field, and stores nothing of the delivery', async () => {
      const large = pcReferral({
        id: 'large-1',
        details: { notes: 'See the attachment', attachment: 'x'.repeat(600_000) },
      });
      const answer = await h.deliver([pcReferral({ id: 'good-1' }), large]);
      assert.equal(answer.status, 400, JSON.stringify(answer.body).slice(0, 500));
      assert.deepEqual(
        answer.body.items.map((item: { index: number; id: string }) => [item.index, item.id]),
        [[1, 'large-1']],
      );
      const [problem] = answer.body.items[0].problems;
      assert.equal(problem.field, 'details.attachment');
      assert.match(
        problem.message,
        /^is 600,002 characters and makes the referral 60\d,\d{3} characters as JSON; .* at most 200,000$/,
      );
      assert.equal(await h.services.referrals.get('good-1'), null);
      assert.deepEqual(await h.services.outbox.due('9999'), []);
      const logged = 'delivery to /api/referrals refused (400): item 1 (large-1): details.attachment is 600,002';
      assert.equal(h.logLines.filter((line) => line.startsWith(logged)).length, 1);
    });

    it('keeps a referral for a region without a channel and posts it once a matching link is made', async () => {
      await installAndLink(h, CHANNELS.emea, 'emea');
      const japan = pcReferral({
        id: 'jp-1',
        customerProfile: { name: 'Fabrikam KK', address: { city: 'Tokyo', country: 'JP' } },
      });
      assert.equal((await h.deliver(japan)).status, 202);
      await h.settle();
      assert.equal(h.connector.calls.filter((c) => cardText(c).includes('jp-1')).length, 0);
      assert.equal((await h.services.outbox.unrouted()).length, 1);

      await h.activity(channelMessage(h.serviceUrl, CHANNELS.apac, 'link apac'));
      await h.connector.waitFor((calls) => cardPosts(calls, CHANNELS.apac.id).length === 1, 'the waiting card in APAC');
      assert.match(cardText(cardPosts(h.connector.calls, CHANNELS.apac.id)[0]), /Fabrikam KK/);
      await h.settle();
      assert.deepEqual(await h.services.outbox.unrouted(), []);
    });

    it('sends a country-linked referral to that channel rather than its region', async () => {
      await installAndLink(h, CHANNELS.emea, 'emea');
      await h.activity(channelMessage(h.serviceUrl, CHANNELS.americas, 'link de'));
      await deliverAndAwaitCard(h, CHANNELS.americas);
      assert.equal(cardPosts(h.connector.calls, CHANNELS.emea.id).length, 0);
    });

    it('expires a referral 14 days after creation when Partner Center gave no expiry', async () => {
      const referral = pcReferral({
        id: 'no-expiry',
        createdDateTime: '2026-11-20T10:00:00Z',
        updatedDateTime: undefined,
        expirationDateTime: undefined,
      });
      assert.equal((await h.deliver(referral)).status, 202);
      const stored = await h.services.referrals.get('no-expiry');
      assert.equal(stored?.record.referral.expirationDateTime, '2026-12-04T10:00:00.000Z');
    });

    it('retries a throttled post at once (429 with Retry-After) without waiting for the outbox', async () => {
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
      await installAndLink(h, CHANNELS.emea, 'emea');
      h.connector.failNext(4, 503);
      assert.equal((await h.deliver(pcReferral())).status, 202);
      await h.settle();
      assert.equal(cardPosts(h.connector.calls, CHANNELS.emea.id).length, 0);
      const [task] = await h.services.outbox.due('9999');
      assert.equal(task.attempts, 1);
      assert.match(task.lastError, /503/);

      h.clock.advance({ minutes: 1 });
      h.services.cardSync.kick();
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
      second.services.cardSync.kick();
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

  describe('with a webhook secret', () => {
    const secret = 'test-secret-value';
    let h: BotHarness;
    beforeEach(async () => {
      h = await new BotHarness({ REFERRALS_WEBHOOK_SECRET: secret }).start();
    });
    afterEach(async () => h.stop());

    it('refuses unsigned and wrongly signed deliveries with 401 and stores nothing', async () => {
      assert.equal((await h.deliver(pcReferral())).status, 401);
      assert.equal((await h.deliver(pcReferral(), 'another-secret')).status, 401);
      assert.equal(
        (await h.post('/api/referrals', JSON.stringify(pcReferral()), { 'x-referral-signature': 'sha256=abc' })).status,
        401,
      );
      assert.equal(await h.services.referrals.get(pcReferral().id as string), null);
      assert.equal((await h.deliver(pcReferral(), secret)).status, 202);
      assert.ok(await h.services.referrals.get(pcReferral().id as string));
    });
  });
});
