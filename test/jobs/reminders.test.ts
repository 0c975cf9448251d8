import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { VERBS } from '../../cards/verbs';
import { BotHarness } from '../support/botHarness';
import { cardAction, CHANNELS, teamMember, USERS } from '../support/teamsActivities';
import { attachmentsOf, cardText, deliverAndAwaitCard, installAndLink, regionsFileWith, verbsIn } from '../e2e/flows';

/** The fixture referral arrives 2026-11-23T08:00Z and expires 2026-12-07T08:00Z. */
const CREATED = DateTime.fromISO('2026-11-23T08:00:00.000Z', { zone: 'utc' });
const EXPIRY = CREATED.plus({ days: 14 });

describe('nudges and reminders in the card thread (Azurite, Bot Connector stand-in, test clock)', () => {
  let h: BotHarness;
  let referralId: string;
  let activityId: string;
  const replies = () =>
    h.connector.calls.filter(
      (c) => c.kind === 'send' && c.conversationId === `${CHANNELS.emea.id};messageid=${activityId}`,
    );
  const at = async (instant: DateTime) => {
    h.clock.now = instant;
    await h.tick();
  };

  /** "4 hours", as a text says it is left. */
  const leftIn = (text: string) => /(\d+ (?:days|hours|minutes)) left/.exec(text)?.[1];

  async function start(env: Record<string, string> = {}, referral: Record<string, unknown> = {}) {
    h = await new BotHarness(env).start();
    await installAndLink(h, CHANNELS.emea, 'emea');
    ({ id: referralId, activityId } = await deliverAndAwaitCard(h, CHANNELS.emea, referral));
  }
  afterEach(async () => h.stop());

  it('nudges once when nobody has answered after 20 hours', async () => {
    await start();
    await at(CREATED.plus({ hours: 19, minutes: 58 }));
    assert.equal(replies().length, 0);
    await at(CREATED.plus({ hours: 20, minutes: 1 }));
    assert.equal(replies().length, 1);
    assert.match(
      String(replies()[0].body.text),
      /Nobody has answered this referral yet: 4 hours left to stay within the 24-hour target/,
    );
    assert.deepEqual(attachmentsOf(replies()[0]), []);
    await at(CREATED.plus({ hours: 21 }));
    assert.equal(replies().length, 1, 'once');
  });

  it('reminds 3 days, 1 day and 4 hours before expiry, each once, with the decision buttons on the card', async () => {
    await start();
    await at(CREATED.plus({ hours: 21 }));
    for (const [before, left] of [
      [{ days: 3 }, '3 days'],
      [{ days: 1 }, '24 hours'],
      [{ hours: 4 }, '4 hours'],
    ] as const) {
      const sent = replies().length;
      await at(EXPIRY.minus(before).plus({ minutes: 1 }));
      await at(EXPIRY.minus(before).plus({ minutes: 3 }));
      assert.equal(replies().length, sent + 1, JSON.stringify(before));
      const reply = replies().at(-1)!;
      assert.match(String(reply.body.text), new RegExp(`⏰ ${left} left to answer the referral of Contoso GmbH`));
      assert.deepEqual(
        verbsIn(attachmentsOf(reply)[0].content).filter((v) => v === VERBS.accept || v === VERBS.decline),
        [VERBS.accept, VERBS.decline],
      );
    }
  });

  it("names the region's responders in a deadline reminder, and brings the card's time left up to date", async () => {
    await start({
      REGIONS_FILE: regionsFileWith('emea', {
        responders: [USERS.bob.aadObjectId, USERS.alice.id, 'aad-left-the-company'],
      }),
    });
    h.connector.members = [USERS.alice, USERS.bob].map(teamMember);
    await at(EXPIRY.minus({ days: 1 }).plus({ minutes: 1 }));
    const reply = replies().at(-1)!;
    assert.match(String(reply.body.text), /<at>Bob Rep<\/at>, <at>Alice Rep<\/at>: please accept or decline it/);
    assert.deepEqual(
      reply.body.entities,
      [
        { type: 'mention', text: '<at>Bob Rep</at>', mentioned: { id: USERS.bob.id, name: 'Bob Rep' } },
        { type: 'mention', text: '<at>Alice Rep</at>', mentioned: { id: USERS.alice.id, name: 'Alice Rep' } },
      ],
      'someone Teams does not know is left out',
    );
    await h.settle();
    const update = h.connector.calls.filter((c) => c.kind === 'update' && c.activityId === activityId).at(-1);
    assert.ok(update, 'the channel card was updated');
    assert.match(cardText(update), /24 hours left/, 'a minute past the 1-day reminder, as the reminder says');
  });

  it("changes the wording of the customer's contact request on the card once it is 72 hours old", async () => {
    await start();
    const updates = () => h.connector.calls.filter((c) => c.kind === 'update' && c.activityId === activityId);
    await at(CREATED.plus({ hours: 71, minutes: 58 }));
    await h.settle();
    assert.equal(updates().length, 0);
    await at(CREATED.plus({ hours: 72, minutes: 1 }));
    await h.settle();
    assert.equal(updates().length, 1);
    assert.match(cardText(updates()[0]), /The customer asked to be contacted when this referral arrived/);
    assert.doesNotMatch(cardText(updates()[0]), /reach out now/);
  });

  it('sends nothing once the referral is answered', async () => {
    await start();
    await h.activity(
      cardAction(h.serviceUrl, CHANNELS.emea, activityId, VERBS.decline, { referralId, reason: 'notACustomer' }),
    );
    await at(EXPIRY.minus({ hours: 1 }));
    assert.equal(replies().length, 0);
  });

  it('in the two-step flow, reminds whoever said Interested, by @mention', async () => {
    await start({ REGIONS_FILE: regionsFileWith('emea', { responseFlow: 'twoStep' }) });
    h.clock.now = CREATED.plus({ hours: 2 });
    await h.activity(cardAction(h.serviceUrl, CHANNELS.emea, activityId, VERBS.interested, { referralId }, USERS.bob));
    // Interested at 10:00 → 7 days to accept or decline, until 30 Nov 10:00; the 1-day reminder is due 29 Nov 10:00.
    await at(CREATED.plus({ days: 6, hours: 2, minutes: 1 }));
    const reply = replies().at(-1)!;
    assert.match(String(reply.body.text), /⏰ 24 hours left to accept or decline the referral of Contoso GmbH/);
    assert.match(String(reply.body.text), /<at>Bob Rep<\/at>, this one is waiting for you/);
    assert.deepEqual(reply.body.entities, [
      { type: 'mention', text: '<at>Bob Rep</at>', mentioned: { id: USERS.bob.id, name: 'Bob Rep' } },
    ]);
  });

  for (const [before, left] of [
    [{ hours: 4 }, '4 hours'],
    [{ hours: 3, minutes: 58 }, '4 hours'],
    [{ hours: 3, minutes: 1 }, '3 hours'],
  ] as const)
    it(`states one time left in the reminder, its card and the channel card, sent ${JSON.stringify(before)} before expiry`, async () => {
      await start();
      await at(EXPIRY.minus({ days: 1 }).plus({ hours: 1 }));
      await at(EXPIRY.minus(before));
      await h.settle();
      const reply = replies().at(-1)!;
      const update = h.connector.calls.filter((c) => c.kind === 'update' && c.activityId === activityId).at(-1)!;
      assert.deepEqual(
        [leftIn(String(reply.body.text)), leftIn(cardText(reply)), leftIn(cardText(update))],
        [left, left, left],
      );
    });

  it('says the nudge in the deadline reminder due with it, in one message', async () => {
    // Expiring a day after it arrived: the 4-hour reminder is due at 20 hours, with the nudge.
    await start({}, { expirationDateTime: CREATED.plus({ days: 1 }).toISO() });
    await at(CREATED.plus({ hours: 20, minutes: 1 }));
    await at(CREATED.plus({ hours: 21 }));
    assert.equal(replies().length, 1, 'one message');
    const text = String(replies()[0].body.text);
    assert.match(text, /⏰ 4 hours left to answer the referral of Contoso GmbH before it expires/);
    assert.match(text, /Nobody has answered this referral yet: 4 hours left to stay within the 24-hour target/);
  });

  it('says the nudge in a deadline reminder due before it, and sends no nudge after', async () => {
    // Expiring 22 hours after it arrived: the 4-hour reminder is due at 18 hours, the nudge at 20.
    await start({}, { expirationDateTime: CREATED.plus({ hours: 22 }).toISO() });
    await at(CREATED.plus({ hours: 18, minutes: 1 }));
    assert.equal(replies().length, 1);
    assert.match(String(replies()[0].body.text), /Nobody has answered this referral yet: 6 hours left/);
    await at(CREATED.plus({ hours: 20, minutes: 1 }));
    assert.equal(replies().length, 1, 'the nudge was said already');
  });

  it('sends the nudge alone when no deadline reminder comes before it', async () => {
    await start();
    await at(CREATED.plus({ hours: 20, minutes: 1 }));
    assert.doesNotMatch(String(replies()[0].body.text), /⏰/);
  });
});
