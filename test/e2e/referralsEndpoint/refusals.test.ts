import assert from 'node:assert/strict';
import { pcReferral } from '../../support/fixtures';
import { CHANNELS } from '../../support/teamsActivities';
import { installAndLink } from '../flows';
import { useDesk } from './fixtures';

describe('POST /api/referrals (over HTTP)', () => {
  describe('without a webhook secret', () => {
    const desk = useDesk();

    it('rejects a batch with one bad item with 400 naming the item and field, and stores nothing', async () => {
      const h = desk();
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
      const h = desk();
      const malformed = await h.deliver('{"id": ');
      assert.equal(malformed.status, 400);
      assert.equal(malformed.body.error, 'malformed_json');
      const huge = await h.deliver(JSON.stringify([pcReferral({ details: { notes: 'x'.repeat(1_100_000) } })]));
      assert.equal(huge.status, 413);
    });

    it('refuses a body not sent as application/json with 415 naming the type, before reading it; takes the type in any case, in UTF-8', async () => {
      const h = desk();
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
      const h = desk();
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
      const h = desk();
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
  });

  describe('with a webhook secret', () => {
    const secret = 'test-secret-value';
    const desk = useDesk({ REFERRALS_WEBHOOK_SECRET: secret });

    it('refuses unsigned and wrongly signed deliveries with 401 and stores nothing', async () => {
      const h = desk();
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
