import assert from 'node:assert/strict';
import { VERBS } from '../../cards/verbs';
import { BotHarness } from '../support/botHarness';
import { proxiedStorage, type ProxiedStorage } from '../support/proxiedStorage';
import { cardAction, CHANNELS, USERS } from '../support/teamsActivities';
import { ACCEPT_FORM, deliverAndAwaitCard, installAndLink } from './flows';

describe('a change saved while what follows it fails (over HTTP)', function () {
  this.timeout(30_000);
  let storage: ProxiedStorage;
  let h: BotHarness;

  beforeEach(async () => {
    storage = await proxiedStorage();
    h = await new BotHarness(storage.env).start();
    await installAndLink(h, CHANNELS.emea, 'emea');
  });
  afterEach(async () => {
    storage.proxy.open();
    await h.stop();
    await storage.stop();
  });

  it('is answered as done, and the card sync completes the plan and the indexes once storage answers again', async () => {
    const { id, activityId } = await deliverAndAwaitCard(h, CHANNELS.emea);
    await h.settle();
    // The schedule table (the plan of reminders, the first thing after the save) fails from now on.
    const schedule = `/${storage.env.TABLE_PREFIX}schedule`;
    storage.proxy.failWhen((req) => (req.url ?? '').includes(schedule), 503);

    const answer = await h.activity(
      cardAction(h.serviceUrl, CHANNELS.emea, activityId, VERBS.accept, { referralId: id, ...ACCEPT_FORM }),
    );
    assert.equal(answer.body.type, 'application/vnd.microsoft.card.adaptive', JSON.stringify(answer.body));
    assert.ok(!JSON.stringify(answer.body).includes(h.services.strings.actions.failed));
    assert.equal((await h.services.referrals.get(id))!.record.referral.status, 'Active');
    assert.deepEqual(
      (await h.services.indexes.personDeals(USERS.alice.aadObjectId)).map((deal) => deal.referralId),
      [],
      'the follow-up stopped at the plan',
    );

    storage.proxy.open();
    h.clock.advance({ hours: 1 });
    await h.settle();
    assert.deepEqual(
      (await h.services.indexes.personDeals(USERS.alice.aadObjectId)).map((deal) => deal.referralId),
      [id],
      'the card sync completed the follow-up',
    );
  });
});
