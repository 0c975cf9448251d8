import assert from 'node:assert/strict';
import { VERBS } from '../../cards/verbs';
import type { BotHarness } from '../support/botHarness';
import { CHANNELS, cardAction } from '../support/teamsActivities';
import { ACCEPT_FORM, botWithEmeaCard } from './flows';

/** The referrals with a card task, held or due (any time in the next day), or waiting for a channel. */
async function cardTasks(h: BotHarness): Promise<string[]> {
  const { outbox } = h.services;
  const tasks = [...(await outbox.due(h.clock.now.plus({ days: 1 }).toUTC().toISO()!)), ...(await outbox.unrouted())];
  return tasks.map((task) => task.referralId);
}

describe('what a click that changes a referral starts as it comes in (over HTTP)', () => {
  let h: BotHarness;
  let referralId: string;
  let activityId: string;
  beforeEach(async () => {
    ({ h, referralId, activityId } = await botWithEmeaCard());
    await h.settle();
  });
  afterEach(async () => h.stop());

  it('leaves no card task behind once the change is answered and its card updated', async () => {
    const answer = await h.activity(
      cardAction(h.serviceUrl, CHANNELS.emea, activityId, VERBS.accept, { referralId, ...ACCEPT_FORM }),
    );
    assert.match(JSON.stringify(answer.body), /Contoso migration wave 1/);
    await h.settle();
    assert.deepEqual(await cardTasks(h), [], 'the held task was released, run and done');
    assert.equal(h.connector.callsOf('update').length, 1, 'the channel card was updated once');
  });

  it('leaves no card task for a referral that is not stored, nor for a click refused', async () => {
    const unknown = 'a1b2c3d4-0000-4000-8000-00000000dead';
    const answer = await h.activity(
      cardAction(h.serviceUrl, CHANNELS.emea, activityId, VERBS.accept, { referralId: unknown, ...ACCEPT_FORM }),
    );
    assert.match(JSON.stringify(answer.body), /no longer known to Referral Desk/);
    const refused = await h.activity(
      cardAction(h.serviceUrl, CHANNELS.emea, activityId, VERBS.win, { referralId, finalValue: '1000' }),
    );
    assert.equal(refused.status, 200);
    await h.settle();
    assert.deepEqual(await cardTasks(h), []);
    assert.equal(h.connector.callsOf('update').length, 0, 'nothing changed, so no card was updated');
  });
});
