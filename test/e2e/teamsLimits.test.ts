import assert from 'node:assert/strict';
import type { TeamsLimits } from '../../bot/teams/teamsRateLimits';
import { BotHarness } from '../support/botHarness';
import type { ConnectorCall } from '../support/connectorStandIn';
import { pcReferral } from '../support/fixtures';
import { DOCUMENTED_TEAMS_LIMITS, type EnforcedLimits } from '../support/teamsLimitsEnforcer';
import { channelMessage, CHANNELS, type Channel } from '../support/teamsActivities';
import { cardPosts, cardText, replies } from './flows';

/**
 * Teams' windows at a quarter of their length, so that 200 cards go out in a few seconds
 * rather than about 13; the app's limit is lowered to 12 per 250 ms so that, with four
 * channels, it binds as 50 per second does with ten. The benchmark (bench/fanout.bench.ts)
 * runs Teams' own windows.
 */
const QUARTER: EnforcedLimits = {
  sends: DOCUMENTED_TEAMS_LIMITS.sends.map((w) => ({ count: w.count, windowMs: w.windowMs / 4 })),
  reads: DOCUMENTED_TEAMS_LIMITS.reads.map((w) => ({ count: w.count, windowMs: w.windowMs / 4 })),
  app: [{ count: 12, windowMs: 250 }],
};
const botLimits = (limits: EnforcedLimits): TeamsLimits => ({ conversation: limits.sends, app: limits.app });

const COUNTRIES = ['DE', 'FR', 'US', 'JP'];
const channelFor = (country: string): Channel => ({
  id: `19:fanout-${country}@thread.tacv2`,
  name: `${country} cards`,
});
const referralIdOf = (call: ConnectorCall) => /"referralId":"([^"]+)"/.exec(cardText(call))?.[1] ?? '';

/** A referral of a customer in `country`. */
function referralIn(id: string, country: string): Record<string, unknown> {
  const { customerProfile } = pcReferral() as { customerProfile: { address: Record<string, string> } };
  return pcReferral({ id, customerProfile: { ...customerProfile, address: { ...customerProfile.address, country } } });
}

describe("Teams' rate limits, with a Bot Connector stand-in that enforces them (over HTTP)", function () {
  this.timeout(90_000);
  let h: BotHarness;
  afterEach(async () => h.stop());

  it('posts 200 cards to 4 channels side by side, each channel in order, with no request throttled', async () => {
    h = await new BotHarness({}, { teamsLimits: botLimits(QUARTER) }).start();
    h.connector.enforceTeamsLimits(QUARTER);
    for (const country of COUNTRIES)
      assert.equal(
        (await h.activity(channelMessage(h.serviceUrl, channelFor(country), `link ${country}`))).status,
        200,
      );
    const ids = Array.from({ length: 200 }, (_, n) => `fan-${String(n).padStart(3, '0')}`);
    for (let n = 0; n < ids.length; n += 50) {
      const answer = await h.deliver(ids.slice(n, n + 50).map((id, i) => referralIn(id, COUNTRIES[(n + i) % 4])));
      assert.equal(answer.status, 202, JSON.stringify(answer.body));
    }
    const all = (calls: ConnectorCall[]) => COUNTRIES.flatMap((c) => cardPosts(calls, channelFor(c).id));
    await h.connector.waitFor((calls) => all(calls).length >= ids.length, 'every card', 60_000);
    await h.settle();

    assert.deepEqual(h.connector.throttled, []);
    for (const [k, country] of COUNTRIES.entries()) {
      const posted = cardPosts(h.connector.calls, channelFor(country).id).map(referralIdOf);
      assert.deepEqual(
        posted,
        ids.filter((_, n) => n % 4 === k),
        `the cards of ${country}, once each, in order`,
      );
    }
    const times = COUNTRIES.map((c) => cardPosts(h.connector.calls, channelFor(c).id).map((call) => call.at));
    const lastFirst = Math.max(...times.map((t) => t[0]));
    assert.ok(lastFirst < Math.min(...times.map((t) => t.at(-1)!)), 'every channel had cards before any was done');
  });

  describe('with one request a second for the whole app', () => {
    const wide = [{ count: 100, windowMs: 1_000 }];
    const oneASecond: EnforcedLimits = { sends: wide, reads: wide, app: [{ count: 1, windowMs: 1_000 }] };
    beforeEach(async () => {
      h = await new BotHarness({}, { teamsLimits: botLimits(oneASecond) }).start();
      h.connector.enforceTeamsLimits(oneASecond);
      await h.activity(channelMessage(h.serviceUrl, CHANNELS.emea, 'link emea'));
    });

    it('holds a card until the reply the bot just gave in a turn has left the window', async () => {
      const reply = h.connector.calls.find((call) => call.kind === 'reply')!;
      assert.match(replies([reply], CHANNELS.emea.id)[0], /now go to EMEA referrals/);
      assert.equal((await h.deliver(pcReferral())).status, 202);
      await h.connector.waitFor((calls) => cardPosts(calls, CHANNELS.emea.id).length === 1, 'the card');
      assert.deepEqual(h.connector.throttled, []);
      assert.ok(cardPosts(h.connector.calls, CHANNELS.emea.id)[0].at - reply.at >= 1_000, 'a second after the reply');
    });

    it('holds a reply in a turn until the card just sent has left the window', async () => {
      assert.equal((await h.deliver(pcReferral())).status, 202);
      await h.connector.waitFor((calls) => cardPosts(calls, CHANNELS.emea.id).length === 1, 'the card');
      assert.equal((await h.activity(channelMessage(h.serviceUrl, CHANNELS.americas, 'links'))).status, 200);
      const card = cardPosts(h.connector.calls, CHANNELS.emea.id)[0];
      const answer = h.connector.calls.find((call) => call.conversationId.startsWith(CHANNELS.americas.id))!;
      assert.deepEqual(h.connector.throttled, []);
      assert.ok(answer.at - card.at >= 1_000, 'a second after the card');
    });
  });
});
