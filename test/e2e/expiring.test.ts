import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import defaultRegions from '../../bot/config/regions.default.json';
import { VERBS } from '../../cards/verbs';
import { BotHarness } from '../support/botHarness';
import { NOW, pcReferral } from '../support/fixtures';
import { CHANNELS, personalChat, personalMessage, USERS, type User } from '../support/teamsActivities';
import { acceptAsAlice, cardOf, cardPosts, cardText, installAndLink } from './flows';

/** The built-in regions; EMEA managed by the sales manager, APAC answered by the Tokyo manager (named by Teams id). */
function regionsFile(): string {
  const file = join(tmpdir(), `regions-expiring-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const roles: Record<string, object> = {
    emea: { managers: [USERS.manager.aadObjectId] },
    apac: { responders: [USERS.tokyoManager.id] },
  };
  writeFileSync(
    file,
    JSON.stringify({ regions: defaultRegions.regions.map((region) => ({ ...region, ...roles[region.code] })) }),
  );
  return file;
}

/** Referrals named for their country and how long before they expire, from NOW. */
const REFERRALS = [
  { name: 'DE in 20 hours', country: 'DE', hours: 20 },
  { name: 'FR in 60 hours', country: 'FR', hours: 60 },
  { name: 'DE in 84 hours', country: 'DE', hours: 84 },
  { name: 'DE in 6 days', country: 'DE', hours: 144 },
  { name: 'US in 30 hours', country: 'US', hours: 30 },
  { name: 'JP in 48 hours', country: 'JP', hours: 48 },
  { name: 'DE in 24 hours, accepted', country: 'DE', hours: 24 },
];

/** The titles of a list card's lines, in order. */
const lineTitles = (card: { body: { type: string; columns?: { items: { text?: string }[] }[] }[] }) =>
  card.body.filter((b) => b.type === 'ColumnSet').map((set) => set.columns![0].items[0].text!);

describe('"expiring" in the personal chat (over HTTP, fixed clock)', () => {
  let h: BotHarness;

  async function expiring(by: User) {
    assert.equal((await h.activity(personalMessage(h.serviceUrl, 'expiring', by))).status, 200);
    const call = h.connector.calls
      .filter((c) => c.conversationId === personalChat(by) && /Expiring within 3 days/.test(cardText(c)))
      .at(-1)!;
    const card = cardOf(call) as unknown as Parameters<typeof lineTitles>[0];
    return { titles: lineTitles(card), text: JSON.stringify(card) };
  }

  beforeEach(async () => {
    h = await new BotHarness({ REGIONS_FILE: regionsFile(), DESK_ADMINS: USERS.bob.aadObjectId }).start();
    await installAndLink(h, CHANNELS.emea, 'emea');
    const referrals = REFERRALS.map((r, i) =>
      pcReferral({
        id: `e1b2c3d4-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
        name: r.name,
        expirationDateTime: NOW.plus({ hours: r.hours }).toISO(),
        customerProfile: { name: `Customer ${i + 1}`, address: { country: r.country } },
      }),
    );
    // The Americas and APAC have no channel: their referrals wait for one, and are known all the same.
    assert.equal((await h.deliver(referrals)).status, 202);
    const accepted = referrals.at(-1)!.id as string;
    await h.connector.waitFor(
      (calls) => cardPosts(calls, CHANNELS.emea.id).some((c) => cardText(c).includes(accepted)),
      'the card to accept',
    );
    const card = cardPosts(h.connector.calls, CHANNELS.emea.id).find((c) => cardText(c).includes(accepted))!;
    await acceptAsAlice(h, CHANNELS.emea, card.answeredId!, accepted);
  });
  afterEach(async () => h.stop());

  it("shows a region's manager the undecided referrals of their region expiring within 3 days, soonest first", async () => {
    const { titles, text } = await expiring(USERS.manager);
    assert.deepEqual(titles, ['DE in 20 hours', 'FR in 60 hours']);
    assert.match(text, /Your regions: Europe, Middle East and Africa\./);
    assert.match(text, /⏰ 20 hours left to answer/);
    assert.match(text, new RegExp(VERBS.refresh), 'each with Open');
  });

  it('shows a responder named by Teams id their region, an admin every region, and a user with no region role those of their team', async () => {
    assert.deepEqual((await expiring(USERS.tokyoManager)).titles, ['JP in 48 hours']);
    const admin = await expiring(USERS.bob);
    assert.deepEqual(admin.titles, ['DE in 20 hours', 'US in 30 hours', 'JP in 48 hours', 'FR in 60 hours']);
    assert.match(admin.text, /All regions \(you are an admin\)/);
    const rep = await expiring(USERS.alice);
    assert.deepEqual(rep.titles, ['DE in 20 hours', 'FR in 60 hours'], 'the team links EMEA alone');
    assert.match(rep.text, /The regions of your teams: you manage or answer for none in particular/);
  });

  it('moves with the clock: a deadline passed drops out, one three days ahead comes in', async () => {
    h.clock.advance({ hours: 24 });
    assert.deepEqual((await expiring(USERS.manager)).titles, ['FR in 60 hours', 'DE in 84 hours']);
    h.clock.advance({ days: 10 });
    const { titles, text } = await expiring(USERS.manager);
    assert.deepEqual(titles, []);
    assert.match(text, /Nothing expires within the next 3 days/);
  });
});
