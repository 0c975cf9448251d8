import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import regionsFile from '../../bot/config/regions.default.json';
import type { Region } from '../../bot/domain/routing';
import { countryOf, demoFeed, regionOf, type DemoReferral } from '../../tools/demo/feed';
import { BotUnreachableError, sendDemoFeed } from '../../tools/demo/send';
import { BotHarness } from '../support/botHarness';
import { channelMessage, CHANNELS, type Channel } from '../support/teamsActivities';
import { cardPosts, cardText, installAndLink } from './flows';

const REGIONS: readonly Region[] = regionsFile.regions;
const idOf = (demo: DemoReferral) => String(demo.referral.id);

describe('the demo feed sent to the bot (over HTTP)', () => {
  const secret = 'demo-secret-value';
  let h: BotHarness;
  let lines: string[];
  beforeEach(async () => {
    h = await new BotHarness({ REFERRALS_WEBHOOK_SECRET: secret }).start();
    lines = [];
  });
  afterEach(async () => h.stop());

  const send = (referrals: DemoReferral[], signing: { secret?: string } = { secret }) =>
    sendDemoFeed({
      url: `${h.app.url}/api/referrals`,
      ...signing,
      referrals,
      intervalMs: 0,
      log: (line) => lines.push(line),
    });
  const inRegion = (feed: DemoReferral[], code: string) =>
    feed.filter((d) => regionOf(countryOf(d.referral), REGIONS)?.code === code);
  const cardsIn = (channel: Channel) => cardPosts(h.connector.calls, channel.id).map(cardText);

  it('posts each card to the channel of its region; the JP one waits until someone links APAC', async () => {
    await installAndLink(h, CHANNELS.emea, 'emea');
    assert.equal((await h.activity(channelMessage(h.serviceUrl, CHANNELS.americas, 'link americas'))).status, 200);
    const feed = demoFeed({ now: h.clock.now });

    const summary = await send(feed);
    assert.deepEqual(summary, { received: feed.map(idOf), duplicates: [], failed: [] });
    assert.equal(lines.length, feed.length);
    assert.ok(
      lines.every((line) => /^→ .+ \([A-Z]{2} · .+\): received$/.test(line)),
      lines.join('\n'),
    );
    assert.ok(lines.includes('→ Fabrikam Inc (US · customer inquiry): received'), lines.join('\n'));
    await h.settle();

    for (const [code, channel] of [
      ['emea', CHANNELS.emea],
      ['americas', CHANNELS.americas],
    ] as const) {
      const expected = inRegion(feed, code);
      const cards = cardsIn(channel);
      assert.ok(expected.length >= 3, `${code} samples`);
      assert.equal(cards.length, expected.length, `${code}: one card per referral`);
      for (const demo of expected)
        assert.ok(
          cards.some((card) => card.includes(idOf(demo))),
          `${demo.file} in ${channel.name}`,
        );
    }
    const fabrikam = cardsIn(CHANNELS.americas).find((card) => card.includes('Fabrikam Inc'))!;
    assert.match(fabrikam, /asked to be contacted/);
    const wideWorld = cardsIn(CHANNELS.emea).find((card) => card.includes('Wide World Importers'))!;
    assert.match(wideWorld, /4 hours left/);

    const [japan] = inRegion(feed, 'apac');
    assert.equal(inRegion(feed, 'apac').length, 1);
    assert.equal(h.connector.calls.filter((c) => cardText(c).includes(idOf(japan))).length, 0);
    assert.deepEqual(
      (await h.services.outbox.unrouted()).map((task) => task.referralId),
      [idOf(japan)],
    );

    assert.equal((await h.activity(channelMessage(h.serviceUrl, CHANNELS.apac, 'link apac'))).status, 200);
    await h.connector.waitFor((calls) => cardPosts(calls, CHANNELS.apac.id).length === 1, 'the JP card in APAC');
    assert.ok(cardsIn(CHANNELS.apac)[0].includes(idOf(japan)));
    assert.match(cardsIn(CHANNELS.apac)[0], /Lamna Healthcare/);
  });

  it('reports a wrong secret as 401 for each referral, and the bot stores nothing', async () => {
    const feed = demoFeed({ now: h.clock.now });
    const summary = await send(feed, { secret: 'not-the-secret' });
    assert.deepEqual(summary.received, []);
    assert.deepEqual(summary.duplicates, []);
    assert.deepEqual(
      summary.failed.map((f) => [f.id, f.status]),
      feed.map((d) => [idOf(d), 401]),
    );
    assert.match(summary.failed[0].message, /does not match its REFERRALS_WEBHOOK_SECRET/);
    assert.match(lines[0], /: failed \(401\): /);
    for (const demo of feed) assert.equal(await h.services.referrals.get(idOf(demo)), null);

    const unsigned = await send(feed.slice(0, 1), {});
    assert.equal(unsigned.failed[0].status, 401);
    assert.match(unsigned.failed[0].message, /set REFERRALS_WEBHOOK_SECRET/);
  });

  it('reports a second send of the same ids as duplicates, and fresh ids as new referrals', async () => {
    const feed = demoFeed({ now: h.clock.now });
    assert.equal((await send(feed)).received.length, feed.length);
    lines = [];
    assert.deepEqual(await send(feed), { received: [], duplicates: feed.map(idOf), failed: [] });
    assert.ok(
      lines.every((line) => line.endsWith(': already known')),
      lines.join('\n'),
    );

    const fresh = demoFeed({ now: h.clock.now, freshIds: true });
    assert.deepEqual(await send(fresh), { received: fresh.map(idOf), duplicates: [], failed: [] });
  });

  it('reports the field errors of a referral the bot refuses', async () => {
    const [sample] = demoFeed({ now: h.clock.now });
    const broken = {
      ...sample,
      referral: { ...sample.referral, customerProfile: { name: 'Fabrikam Inc', address: { country: 'XX' } } },
    };
    const summary = await send([broken]);
    assert.equal(summary.failed[0].status, 400);
    assert.match(
      summary.failed[0].message,
      /customerProfile\.address\.country "XX" is not an ISO-3166 alpha-2 country code/,
    );
    assert.equal(await h.services.referrals.get(idOf(sample)), null);
  });

  it('fails with what to do when no bot listens at the URL', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const url = `http://127.0.0.1:${port}/api/referrals`;
    await assert.rejects(
      sendDemoFeed({ url, referrals: demoFeed({ now: h.clock.now }), intervalMs: 0, log: (line) => lines.push(line) }),
      (error: unknown) =>
        error instanceof BotUnreachableError &&
        error.message.includes(url) &&
        /ECONNREFUSED/.test(error.message) &&
        /npm start/.test(error.message),
    );
    assert.deepEqual(lines, []);
  });
});
