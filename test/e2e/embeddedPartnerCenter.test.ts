import assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';
import { startApp } from '../../bot/app';
import { loadConfig } from '../../bot/config/config';
import { demoFeed } from '../../tools/demo/feed';
import { sendDemoFeed } from '../../tools/demo/send';
import { CONTROL_PATH } from '../../tools/partnerCenterSimulator/controlRoutes';
import { BotHarness } from '../support/botHarness';
import { embeddedConnectionString } from '../support/rootHooks';
import { CHANNELS } from '../support/teamsActivities';
import { cardPosts, cardText, installAndLink } from './flows';

/** A local run without credentials has a Partner Center of its own: referrals the demo orders arrive by signed webhook. */
describe('the embedded Partner Center simulator (over HTTP)', () => {
  let h: BotHarness;

  beforeEach(async () => {
    h = await new BotHarness({ PARTNER_CENTER_SIMULATOR: 'on', PARTNER_CENTER_SIMULATOR_PORT: '0' }).start();
    for (const [channel, code] of [
      [CHANNELS.emea, 'emea'],
      [CHANNELS.americas, 'americas'],
      [CHANNELS.apac, 'apac'],
    ] as const) {
      await installAndLink(h, channel, code);
    }
  });
  afterEach(async () => h.stop());

  it('runs, takes orders for referrals, and delivers them to the desk by webhook, with the sync state on the card', async () => {
    assert.ok(h.app.simulatorUrl, 'the desk says where its simulator is');
    const ordered = await fetch(`${h.app.simulatorUrl}/simulator/referrals`, {
      method: 'POST',
      body: JSON.stringify({ count: 3 }),
    });
    assert.equal(ordered.status, 201);
    const { referrals } = (await ordered.json()) as { referrals: { id: string }[] };
    assert.equal(referrals.length, 3);
    const posted = () => Object.values(CHANNELS).flatMap((channel) => cardPosts(h.connector.calls, channel.id));
    await h.connector.waitFor(
      () => referrals.every(({ id }) => posted().some((c) => cardText(c).includes(id))),
      'the three cards',
    );
    for (const { id } of referrals) {
      const stored = (await h.services.referrals.get(id))!.record;
      assert.ok(stored.desk.partnerCenter?.copy.eTag, 'stored with Partner Center eTag');
      assert.doesNotMatch(
        cardText(posted().find((c) => cardText(c).includes(id))!),
        /Up to date/,
        'a new card has nothing written to speak of',
      );
    }
  });

  it('takes the demo feed (npm run demo) as Partner Center receives referrals, and its webhooks bring every card', async () => {
    const feed = demoFeed({ now: h.clock.now }).filter((demo) => demo.referral.id !== undefined);
    const lines: string[] = [];
    const summary = await sendDemoFeed({
      url: `${h.app.simulatorUrl}${CONTROL_PATH}`,
      referrals: feed,
      intervalMs: 0,
      via: 'partnerCenter',
      log: (line) => lines.push(line),
    });
    assert.deepEqual(summary.failed, []);
    assert.equal(summary.received.length, feed.length);
    assert.ok(
      lines.every((line) => line.endsWith('in Partner Center, which announces it to the bot')),
      lines.join('\n'),
    );
    const posted = () => Object.values(CHANNELS).flatMap((channel) => cardPosts(h.connector.calls, channel.id));
    await h.connector.waitFor(
      () => feed.every((demo) => posted().some((c) => cardText(c).includes(String(demo.referral.id)))),
      'a card for every sample',
    );
  });

  it('names a bad order', async () => {
    const answer = await fetch(`${h.app.simulatorUrl}/simulator/referrals`, {
      method: 'POST',
      body: JSON.stringify({ count: 0 }),
    });
    assert.equal(answer.status, 400);
    assert.equal(((await answer.json()) as { field: string }).field, 'count');
    const nameless = await fetch(`${h.app.simulatorUrl}/simulator/referrals`, {
      method: 'POST',
      body: JSON.stringify({ referral: { name: 'no id' } }),
    });
    assert.equal(nameless.status, 400);
    assert.equal(((await nameless.json()) as { field: string }).field, 'referral.id');
  });

  it('is on for a local run without credentials, off for a registered bot, and refused beside credentials', () => {
    assert.ok(loadConfig({}).partnerCenterSimulator);
    assert.equal(loadConfig({ PARTNER_CENTER_SIMULATOR: 'off' }).partnerCenterSimulator, undefined);
    const registered = {
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'secret',
      REFERRALS_WEBHOOK_SECRET: 's',
      ALLOWED_TENANTS: 'tenant-0001',
    };
    assert.equal(loadConfig(registered).partnerCenterSimulator, undefined);
    const credentials = {
      PARTNER_CENTER_TENANT_ID: 't',
      PARTNER_CENTER_CLIENT_ID: 'c',
      PARTNER_CENTER_CLIENT_SECRET: 's',
      PARTNER_CENTER_REFRESH_TOKEN: 'r',
    };
    assert.equal(loadConfig(credentials).partnerCenterSimulator, undefined);
    assert.throws(
      () => loadConfig({ ...credentials, PARTNER_CENTER_SIMULATOR: 'on' }),
      /PARTNER_CENTER_SIMULATOR: must not be on/,
    );
    assert.throws(
      () => loadConfig({ PARTNER_CENTER_SIMULATOR: 'sometimes' }),
      /PARTNER_CENTER_SIMULATOR: must be auto, on or off/,
    );
  });

  it('is refused when forced on in production, and asked for by auto there all the same', () => {
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production', PARTNER_CENTER_SIMULATOR: 'on' }),
      /PARTNER_CENTER_SIMULATOR: refused with NODE_ENV=production/,
    );
    assert.ok(loadConfig({ NODE_ENV: 'production' }).partnerCenterSimulator);
  });
});

/** Runs where the desk has no simulator to start: it goes on without Partner Center, and its log says so once. */
describe('a desk without its local Partner Center (over HTTP)', () => {
  it('asked for the simulator by a start without one (the production start), runs unconnected, says so', async () => {
    const lines: string[] = [];
    const log = { info: (line: string) => lines.push(line), error: (line: string) => lines.push(line) };
    const config = loadConfig({
      PORT: '0',
      TABLES_CONNECTION_STRING: embeddedConnectionString(),
      TABLE_PREFIX: 'unconnected',
      PARTNER_CENTER_SIMULATOR_PORT: '0',
    });
    assert.ok(config.partnerCenterSimulator, 'the settings ask for the simulator');
    const app = await startApp({ config, log });
    try {
      const services = await app.ready;
      assert.equal(app.simulatorUrl, undefined);
      assert.equal(services.partnerCenter, undefined);
      const said = lines.filter((line) => line.includes('Partner Center is not connected'));
      assert.deepEqual(said, [
        'Partner Center is not connected: set the four PARTNER_CENTER_* credentials (see env.sample); ' +
          'this start runs no local simulator (npm start does, without NODE_ENV=production)',
      ]);
      assert.equal((await fetch(`${app.url}/healthz`)).status, 200);
    } finally {
      await app.stop();
    }
  });

  it('whose simulator port is taken, runs unconnected and names the port', async () => {
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    const { port } = taken.address() as AddressInfo;
    const env = { PARTNER_CENTER_SIMULATOR: 'on', PARTNER_CENTER_SIMULATOR_PORT: String(port) };
    const h = await new BotHarness(env, {}, false).start();
    try {
      assert.equal(h.app.simulatorUrl, undefined);
      assert.equal(h.services.partnerCenter, undefined);
      const said = `the local Partner Center simulator could not start on port ${port}; running without Partner Center`;
      assert.ok(h.logLines.includes(said), h.logLines.join('\n'));
    } finally {
      await h.stop();
      await new Promise((done) => taken.close(done));
    }
  });
});
