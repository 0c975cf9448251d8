import assert from 'node:assert/strict';
import { startApp } from '../../bot/app';
import { loadConfig } from '../../bot/config/config';
import { quietLogger } from '../../bot/log';
import { BotHarness } from '../support/botHarness';
import { GatedProxy } from '../support/gatedProxy';
import { PartnerCenterHarness } from '../support/partnerCenterHarness';
import { proxiedStorage } from '../support/proxiedStorage';
import { embeddedConnectionString } from '../support/rootHooks';
import { channelMessage, CHANNELS } from '../support/teamsActivities';

describe('the server (over HTTP)', () => {
  it('answers /healthz with JSON once storage is reachable', async () => {
    const h = await new BotHarness().start();
    try {
      const response = await fetch(`${h.app.url}/healthz`);
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { status: 'ok', storage: 'azure' });
      const probe = await fetch(`${h.app.url}/api/messages`, { method: 'HEAD' });
      assert.equal(probe.status, 200, 'HEAD probes of the messaging endpoint are answered');
    } finally {
      await h.stop();
    }
  });

  it('answers /healthz with 503 until storage is reachable, then 200', async () => {
    const tableEndpoint = /TableEndpoint=(http:\/\/[^/;]+)/.exec(embeddedConnectionString())![1];
    const proxy = new GatedProxy(tableEndpoint);
    await proxy.start();
    const config = loadConfig({
      PORT: '0',
      TABLES_CONNECTION_STRING: embeddedConnectionString().replace(tableEndpoint, proxy.url),
      TABLE_PREFIX: 'gated',
    });
    const app = await startApp({ config, log: quietLogger });
    try {
      const before = await fetch(`${app.url}/healthz`);
      assert.equal(before.status, 503);
      assert.equal(((await before.json()) as { status: string }).status, 'starting');
      const delivery = await fetch(`${app.url}/api/referrals`, {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(delivery.status, 503, 'deliveries wait for storage too');
      const probe = await fetch(`${app.url}/api/messages`, { method: 'HEAD' });
      assert.equal(probe.status, 503, 'the messaging endpoint is not ready either');

      proxy.open();
      await app.ready;
      const after = await fetch(`${app.url}/healthz`);
      assert.equal(after.status, 200);
      assert.deepEqual(await after.json(), { status: 'ok', storage: 'azure' });
    } finally {
      await app.stop();
      await proxy.stop();
    }
  });

  it('answers /healthz within a second when storage stops answering or refuses: 503 degraded, without address or error text', async () => {
    const storage = await proxiedStorage();
    const h = await new BotHarness(storage.env).start();
    const health = async () => {
      const response = await fetch(`${h.app.url}/healthz`);
      return { status: response.status, body: await response.json() };
    };
    try {
      storage.proxy.hold();
      assert.deepEqual(
        await health(),
        { status: 503, body: { status: 'degraded', storage: 'unreachable' } },
        'storage holds every call',
      );
      storage.proxy.open();
      storage.proxy.failWhen(() => true, 'close');
      assert.deepEqual(
        await health(),
        { status: 503, body: { status: 'degraded', storage: 'unreachable' } },
        'storage drops every call',
      );
      storage.proxy.open();
      assert.deepEqual(await health(), { status: 200, body: { status: 'ok', storage: 'azure' } });
    } finally {
      storage.proxy.open();
      await h.stop();
      await storage.stop();
    }
  });

  it('says on /healthz, with 200, that Partner Center needs a sign-in once Entra refused the refresh token', async () => {
    const pc = await new PartnerCenterHarness().start();
    const health = async () => {
      const response = await fetch(`${pc.bot.app.url}/healthz`);
      return { status: response.status, body: await response.json() };
    };
    try {
      assert.deepEqual(await health(), { status: 200, body: { status: 'ok', storage: 'azure' } });
      pc.simulator.revokeRefreshToken(pc.simulator.credentials.refreshToken);
      await assert.rejects(
        pc.bot.services.partnerCenter!.poller.poll(),
        /PARTNER_CENTER_REFRESH_TOKEN was refused \(invalid_grant/,
      );
      assert.deepEqual(await health(), {
        status: 200,
        body: { status: 'degraded', storage: 'azure', partnerCenter: 'sign-in needed' },
      });
    } finally {
      await pc.stop();
    }
  });

  it('with an app id, refuses unsigned Teams requests with 401 and does nothing', async () => {
    const h = await new BotHarness(
      {
        MicrosoftAppId: '00000000-0000-0000-0000-0000000000aa',
        ALLOWED_TENANTS: 'tenant-0001',
        MicrosoftAppPassword: 'not-used',
        REFERRALS_WEBHOOK_SECRET: 'secret',
      },
      {},
      false,
    ).start();
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
