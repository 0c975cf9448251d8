import assert from 'node:assert/strict';
import { BotHarness } from '../support/botHarness';
import { channelMessage, CHANNELS } from '../support/teamsActivities';

describe('the server (over HTTP)', () => {
  it('answers /healthz with JSON once storage is reachable', async () => {
    const h = await new BotHarness().start();
    try {
      const response = await fetch(`${h.app.url}/healthz`);
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { status: 'ok', storage: 'azure' });
    } finally {
      await h.stop();
    }
  });

  it('with an app id, refuses unsigned Teams requests with 401 and does nothing', async () => {
    const h = await new BotHarness({
      MicrosoftAppId: '00000000-0000-0000-0000-0000000000aa',
      MicrosoftAppPassword: 'not-used',
      REFERRALS_WEBHOOK_SECRET: 'secret',
    }).start();
    try {
      const answer = await h.activity(channelMessage(h.serviceUrl, CHANNELS.emea, 'link emea'));
      assert.equal(answer.status, 401);
      assert.deepEqual(await h.services.links.list(), []);
      assert.equal(h.connector.calls.length, 0);
    } finally {
      await h.stop();
    }
  });
});
