import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator } from 'playwright-core';
import { CLOSE_REASONS } from '../../bot/domain/reasons';
import { demoFeed, type DemoReferral } from '../../tools/demo/feed';
import { NOW } from '../support/fixtures';
import type { PlaygroundPage } from './support/playgroundPage';
import { BROWSER_OUTPUT, PlaygroundSession } from './support/playgroundSession';

const TEAM = 'Partner Sales';
const ME = 'EMEA Rep';
/** A card's width on a phone (a 360 px screen, less Teams' margins). */
const PHONE_WIDTH = 320;

/** A referral of the demo feed, dated as if the demo ran at the tests' fixed "now". */
function demoReferral(file: string): { id: string; customer: string; body: Record<string, unknown> } {
  const found = demoFeed({ now: NOW }).find((entry: DemoReferral) => entry.file.includes(file));
  assert.ok(found, `demo referral ${file}`);
  const body = found.referral as { id: string; customerProfile: { name: string } };
  return { id: body.id, customer: body.customerProfile.name, body: found.referral };
}

/**
 * The README's picture of a card in the Playground: always written to the test output,
 * and copied to docs/ with UPDATE_DOCS_SCREENSHOTS=1. The card must fit a phone too.
 */
async function screenshotForDocs(page: PlaygroundPage, card: Locator, name: string): Promise<void> {
  assert.deepEqual(await page.overflowAt(card, PHONE_WIDTH), [], `${name}: what runs past a phone-wide card`);
  await card.scrollIntoViewIfNeeded();
  const file = join(BROWSER_OUTPUT, name);
  await page.page.screenshot({ path: file });
  if (process.env.UPDATE_DOCS_SCREENSHOTS) copyFileSync(file, resolve('docs', name));
}

describe('Referral Desk in the Microsoft 365 Agents Playground (headless Chromium)', function () {
  let session: PlaygroundSession;

  beforeEach(async () => {
    session = await new PlaygroundSession().start();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      const files = await session.screenshots(this.currentTest.title.replace(/\W+/g, '-'));
      console.log(`    screenshots of the failure: ${files.join(', ')}`);
    }
    await session?.stop();
  });

  it('links a channel by @mention, shows a delivered referral as a card, accepts it with the form, reports it won, and shows it in the digest', async () => {
    const referral = demoReferral('-de.json');
    const me = await session.openPage();
    await me.openChannel(TEAM, 'EMEA');
    await me.postMentioningBot('link emea');
    await me.botMessage('now go to EMEA').waitFor();

    // A second client in the same channel: the card must change there too.
    const colleague = await session.openPage();
    await colleague.openChannel(TEAM, 'EMEA');

    assert.equal((await session.deliver(referral.body)).status, 201);
    const card = me.card(referral.customer);
    await card.getByText('New referral').waitFor();
    await colleague.card(referral.customer).getByText('New referral').waitFor();
    assert.deepEqual(await me.overflowAt(card, PHONE_WIDTH), [], 'what runs past a phone-wide card');

    await card.getByRole('button', { name: 'Accept', exact: true }).click();
    await card.getByLabel('Estimated close date').fill('2027-02-15');
    await me.page.keyboard.press('Escape');
    await card.getByLabel(/^Team notes: what happens next\?/).fill('Discovery call booked with the IT director.');
    await card.getByRole('button', { name: 'Accept referral' }).click();

    await card.getByText(`Accepted by ${ME}`).waitFor();
    assert.equal(
      await card.getByRole('button', { name: 'Accept', exact: true }).count(),
      0,
      'no decision buttons once accepted',
    );
    await colleague.card(referral.customer).getByText(`Accepted by ${ME}`).waitFor();

    const stored = await session.stack.services.referrals.get(referral.id);
    assert.ok(stored);
    assert.equal(stored.record.referral.status, 'Active');
    assert.equal(stored.record.referral.substatus, 'Accepted');
    assert.equal(stored.record.desk.owner?.name, ME);
    assert.equal(stored.record.desk.notes, 'Discovery call booked with the IT director.');
    assert.match(stored.record.referral.details.closingDateTime ?? '', /^2027-02-15/);

    // The channel card is read-only; the Playground does not refresh cards by itself, so the
    // owner fetches their own version with the card's button (unless the answer to the click
    // came after the card's update for everyone, and is still showing), moves the sales stage
    // on, then reports the deal as won.
    const updateDeal = card.getByRole('button', { name: 'Update deal' });
    await updateDeal
      .or(card.getByRole('button', { name: 'Edit deal' }))
      .first()
      .waitFor();
    if ((await updateDeal.count()) > 0) await updateDeal.click();
    await card.getByRole('button', { name: 'Edit deal' }).click();
    await card.getByRole('combobox', { name: /Sales stage/ }).click();
    await me.page.getByRole('option', { name: 'Proposed (60 %)' }).click();
    await card.getByRole('button', { name: 'Save changes' }).click();
    await card.getByText('Proposed (60 %)').first().waitFor();
    await colleague.card(referral.customer).getByText('Proposed (60 %)').first().waitFor();
    assert.equal((await session.stack.services.referrals.get(referral.id))?.record.referral.salesStage, 'Proposed');

    await card.getByRole('button', { name: 'Update deal' }).click();
    await screenshotForDocs(me, card, 'playground-deal-card.png');
    await card.getByRole('button', { name: 'Won', exact: true }).click();
    await card.getByLabel(/^Final deal value \(EUR\)/).fill('135000');
    await card.getByRole('button', { name: 'Mark as won' }).click();
    await card.getByText(`Won by ${ME}`).waitFor();
    await colleague.card(referral.customer).getByText(`Won by ${ME}`).waitFor();
    const won = await session.stack.services.referrals.get(referral.id);
    assert.equal(won?.record.referral.substatus, 'Won');
    assert.equal(won?.record.referral.details.dealValue, 135000);

    // You manage EMEA in the Playground: an hour on, its digest counts the referral and the deal won.
    session.clock.advance({ hours: 1 });
    await me.openPersonalChat();
    await me.sendInChat('digest now');
    const digest = me.card('Weekly digest');
    await digest.getByText('Europe, Middle East and Africa').first().waitFor();
    await digest
      .getByText(/^1 · 4-week avg/)
      .first()
      .waitFor();
    await screenshotForDocs(me, digest, 'playground-digest-card.png');
  });

  it('declines a referral with a reason chosen on the card', async () => {
    const referral = demoReferral('-us.json');
    const me = await session.openPage();
    await me.openChannel(TEAM, 'General');
    await me.postMentioningBot('link americas');
    await me.botMessage('now go to General').waitFor();

    assert.equal((await session.deliver(referral.body)).status, 201);
    const card = me.card(referral.customer);
    await card.getByText('New referral').waitFor();
    await card.getByText('The customer asked to be contacted').waitFor();
    await screenshotForDocs(me, card, 'playground-referral-card.png');

    await card.getByRole('button', { name: 'Decline', exact: true }).click();
    await card.getByRole('combobox', { name: /Why are you declining/ }).click();
    await me.page.getByRole('option', { name: CLOSE_REASONS.customerChoseAnotherVendor }).click();
    await card.getByLabel('Notes (optional)').fill('They signed with their incumbent reseller last week.');
    await card.getByRole('button', { name: 'Decline referral' }).click();

    await card.getByText(`Declined by ${ME}`).waitFor();
    const stored = await session.stack.services.referrals.get(referral.id);
    assert.ok(stored);
    assert.equal(stored.record.referral.status, 'Closed');
    assert.equal(stored.record.referral.substatus, 'Declined');
    assert.equal(
      stored.record.referral.statusReason,
      `${CLOSE_REASONS.customerChoseAnotherVendor}: They signed with their incumbent reseller last week.`,
    );
  });
});
