import assert from 'node:assert/strict';
import { pcReferral } from '../../support/fixtures';
import { channelMessage, CHANNELS } from '../../support/teamsActivities';
import { cardPosts, cardText, deliverAndAwaitCard, installAndLink } from '../flows';
import { useDesk } from './fixtures';

describe('POST /api/referrals (over HTTP)', () => {
  describe('without a webhook secret', () => {
    const desk = useDesk();

    it('stores a referral and posts its card to the channel of its region', async () => {
      const h = desk();
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
      const h = desk();
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
      const h = desk();
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
      const h = desk();
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
      const h = desk();
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

    it('keeps a referral for a region without a channel and posts it once a matching link is made', async () => {
      const h = desk();
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
      const h = desk();
      await installAndLink(h, CHANNELS.emea, 'emea');
      await h.activity(channelMessage(h.serviceUrl, CHANNELS.americas, 'link de'));
      await deliverAndAwaitCard(h, CHANNELS.americas);
      assert.equal(cardPosts(h.connector.calls, CHANNELS.emea.id).length, 0);
    });

    it('expires a referral 14 days after creation when Partner Center gave no expiry', async () => {
      const h = desk();
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
  });
});
