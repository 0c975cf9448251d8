import assert from 'node:assert/strict';
import { VERBS } from '../../../cards/verbs';
import { channelMessage, CHANNELS, USERS } from '../../support/teamsActivities';
import { attachmentsOf, cardOf, cardText, verbsIn } from '../flows';
import { dealActions, EDIT, useAcceptedDeal } from './fixtures';

/** An accepted deal (a partner's P2P invitation, owned by Alice), worked on through its card as Teams sends it. */
describe('working on an accepted deal (over HTTP)', () => {
  const deal = useAcceptedDeal();
  const { click, actionsIn } = dealActions(deal);

  describe('favourites and history', () => {
    it('stars for the clicking user only, lists it with "favorites", and unstars', async () => {
      const { h, referralId } = deal();
      const starred = await click(VERBS.favorite, { on: true }, USERS.bob);
      assert.match(JSON.stringify(starred.body.value), /Added to your favourites/);
      assert.match(JSON.stringify(starred.body.value), /Remove from favourites/);
      await click(VERBS.favorite, { on: true }, USERS.bob);
      assert.deepEqual(
        await h.services.favorites.list(USERS.bob.aadObjectId),
        [referralId],
        'a retried star is stored once',
      );
      assert.deepEqual(await h.services.favorites.list(USERS.alice.aadObjectId), []);

      await h.activity(channelMessage(h.serviceUrl, CHANNELS.emea, 'favorites', USERS.bob));
      const list = h.connector.calls
        .filter((c) => attachmentsOf(c).length > 0 && /Your favourites/.test(cardText(c)))
        .at(-1)!;
      assert.match(cardText(list), /Contoso migration wave 1/);
      assert.match(cardText(list), /Accepted \(10 %\) · €30,000 · closes 15 Feb 2027/);
      assert.deepEqual(verbsIn(cardOf(list)), [VERBS.refresh], 'each favourite opens its card');

      const unstarred = await click(VERBS.favorite, { on: false }, USERS.bob);
      assert.match(JSON.stringify(unstarred.body.value), /Removed from your favourites/);
      assert.deepEqual(await h.services.favorites.list(USERS.bob.aadObjectId), []);
      assert.deepEqual(await actionsIn(), ['received', 'accept'], 'starring is not a change to the referral');
    });

    it('shows the timeline newest first, with who, when and each field before → after', async () => {
      await click(VERBS.edit, EDIT);
      const answer = await click(VERBS.history, {}, USERS.bob);
      const text = JSON.stringify(answer.body.value);
      const order = ['Deal edited · Alice Rep', 'Accepted · Alice Rep', '"Arrived from Partner Center"'].map((s) =>
        text.indexOf(s),
      );
      assert.ok(order.every((i) => i >= 0) && order[0] < order[1] && order[1] < order[2], text);
      assert.match(text, /Deal name: Contoso migration wave 1 → Contoso landing zone/);
      assert.match(text, /Estimated close: 15 Feb 2027 → 31 Mar 2027/);
      assert.match(text, /Sales stage: Accepted \(10 %\) → Proposed \(60 %\)/);
      assert.match(text, /Value: €[\d,.]+ → €61,000/);
      assert.deepEqual(verbsIn(answer.body.value), [VERBS.refresh], 'and a way back to the card');
    });

    it("shows the team's notes from Accept as a line of their own, the customer's request left as it was", async () => {
      const answer = await click(VERBS.history, {}, USERS.bob);
      const text = JSON.stringify(answer.body.value);
      assert.match(text, /Team notes: \(none\) → Two workshops, then the pilot\./);
      assert.doesNotMatch(text, /Customer's request:/, "the customer's request did not change");
    });
  });
});
