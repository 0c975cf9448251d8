import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BotHarness } from '../support/botHarness';
import { NOW, pcReferral } from '../support/fixtures';
import { VERBS } from '../../cards/verbs';
import { cardAction, CHANNELS, personalMessage, teamMember, USERS } from '../support/teamsActivities';
import { ACCEPT_FORM, cardOf, cardPosts, cardText, installAndLink, regionsFileWith } from './flows';

const id = (n: number) => `c0ffee00-0000-4000-8000-00000000000${n}`;
/** Accepted: ¥60,000,000 (≈ €366,000) and £250,000 (≈ €292,500); undecided: ¥90,000,000. By currency code alone, the pounds would come first. */
const DEALS = [
  { name: 'Yen deal', dealValue: 60_000_000, currency: 'JPY', accepted: true },
  { name: 'Pound deal', dealValue: 250_000, currency: 'GBP', accepted: true },
  { name: 'Undecided yen referral', dealValue: 90_000_000, currency: 'JPY', accepted: false },
];

describe('the digest with DIGEST_CURRENCY and EXCHANGE_RATES_FILE (over HTTP)', () => {
  let h: BotHarness;

  before(async () => {
    const rates = join(tmpdir(), `rates-${process.pid}.json`);
    writeFileSync(rates, JSON.stringify({ JPY: 0.0061, GBP: 1.17 }));
    h = await new BotHarness({
      REGIONS_FILE: regionsFileWith('emea', { managers: [USERS.manager.aadObjectId] }),
      DIGEST_CURRENCY: 'EUR',
      EXCHANGE_RATES_FILE: rates,
    }).start();
    h.connector.members = [USERS.alice, USERS.manager].map(teamMember);
    await installAndLink(h, CHANNELS.emea, 'emea');
    const referrals = DEALS.map(({ name, dealValue, currency }, i) =>
      pcReferral({
        id: id(i + 1),
        engagementId: `e-${i + 1}`,
        name,
        details: { ...(pcReferral().details as object), dealValue, currency },
      }),
    );
    assert.equal((await h.deliver(referrals)).status, 202);
    await h.connector.waitFor((calls) => cardPosts(calls, CHANNELS.emea.id).length === 3, 'the three cards');
    for (const [i, { name, dealValue, currency, accepted }] of DEALS.entries()) {
      if (!accepted) continue;
      const post = cardPosts(h.connector.calls, CHANNELS.emea.id).find((c) => cardText(c).includes(id(i + 1)))!;
      const form = { ...ACCEPT_FORM, referralId: id(i + 1), dealName: name, dealValue: `${dealValue}`, currency };
      await h.activity(cardAction(h.serviceUrl, CHANNELS.emea, post.answeredId!, VERBS.accept, form));
    }
    await h.settle();
    h.clock.now = NOW.plus({ days: 1 });
  });
  after(async () => h.stop());

  it('ranks the accepted deals by their value in euros, shows what each is worth in euros, and leaves undecided referrals out', async () => {
    const answer = await h.activity(personalMessage(h.serviceUrl, 'digest now', USERS.manager));
    assert.equal(answer.status, 200);
    const digest = h.connector.calls.filter((c) => /Weekly digest/.test(cardText(c))).at(-1)!;
    const text = JSON.stringify(cardOf(digest));
    const largest = text.slice(text.indexOf('Largest open deals'));
    assert.match(largest, /^Largest open deals \(2 with a value\)/);
    assert.deepEqual(largest.match(/(Yen|Pound|Undecided)[a-z ]* deal/g), ['Yen deal', 'Pound deal']);
    assert.match(largest, /£250,000 · ≈ €292,500/);
    assert.match(largest, /¥60,000,000 · ≈ €366,000/);
  });
});
