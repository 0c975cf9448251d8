import assert from 'node:assert/strict';
import type { HistoryEvent } from '../../bot/domain/history';
import { NO_THANKS_REASON } from '../../bot/domain/lifecycle';
import { de } from '../../bot/strings/de';
import { en } from '../../bot/strings/en';
import { historyCard } from '../../bot/teams/views/historyCardView';
import { validateCard } from '../support/cardSchema';
import { decided } from '../support/cardVariants';

const ALICE = { id: 'aad-alice', name: 'Alice Rep' };
const PARTNER_CENTER = { id: 'partner-center', name: 'Partner Center' };

function event(action: HistoryEvent['action'], actor: HistoryEvent['actor'], changes: HistoryEvent['changes']) {
  return { referralId: 'r', revision: 2, at: '2026-11-23T10:00:00.000Z', actor, action, changes };
}

/** A deal in euros now: arrived from Partner Center, edited (value and currency), made co-sell, lost. */
const EVENTS: HistoryEvent[] = [
  event('received', PARTNER_CENTER, [
    { field: 'dealValue', after: '120000' },
    { field: 'currency', after: 'USD' },
    { field: 'type', after: 'Independent' },
  ]),
  event('edit', ALICE, [
    { field: 'dealValue', before: '120000', after: '135000' },
    { field: 'currency', before: 'USD', after: 'EUR' },
    { field: 'salesStage', after: 'Qualified' },
  ]),
  event('edit', ALICE, [{ field: 'dealValue', before: '135000', after: '140000.5' }]),
  event('upgrade', ALICE, [{ field: 'type', before: 'Independent', after: 'Shared' }]),
  event('lose', ALICE, [{ field: 'statusReason', after: 'Customer chose another vendor: went with <b>Fabrikam</b>' }]),
];

describe('cards: a history shows values in the reader’s words', () => {
  const text = (strings = en) => JSON.stringify(historyCard(decided('lost'), EVENTS, strings));

  it('names Partner Center once where it did something, and people after what they did', () => {
    assert.match(text(), /"text":"Arrived from Partner Center"/);
    assert.doesNotMatch(text(), /Partner Center · Partner Center/);
    assert.match(text(), /"text":"Deal edited · Alice Rep"/);
  });

  it('shows amounts as money in the currency they were in', () => {
    assert.match(text(), /Value: \(none\) → \$120,000/);
    assert.match(text(), /Value: \$120,000 → €135,000/);
    assert.match(text(), /Value: €135,000 → €140,000.50/);
    assert.match(text(de), /Wert: 135\.000\s€ → 140\.000,50\s€/);
  });

  it('names the referral type, the sales stage from its start, and a documented reason in the reader’s words', () => {
    assert.match(text(), /Referral type: Partner only → Co-sell with Microsoft/);
    assert.match(text(), /Sales stage: Accepted \(10 %\) → Qualified \(20 %\)/);
    assert.match(text(), /Reason: \(none\) → Customer chose another vendor: went with \\\\<b>Fabrikam\\\\<\/b>/);
    assert.match(text(de), /Co-Sell mit Microsoft/);
    assert.match(text(de), new RegExp(`${de.closeReason.customerChoseAnotherVendor}: `));
    assert.doesNotMatch(text(de), /Customer chose another vendor/);
  });

  it("says the two-step flow's No thanks as its button does, in the reader's words", () => {
    const noThanks = [event('noThanks', ALICE, [{ field: 'statusReason', after: NO_THANKS_REASON }])];
    for (const strings of [en, de]) {
      const shown = JSON.stringify(historyCard(decided('lost'), noThanks, strings));
      assert.ok(
        shown.includes(`${strings.history.field.statusReason}: ${strings.history.empty} → ${strings.card.noThanks}"`),
        shown,
      );
    }
    assert.doesNotMatch(JSON.stringify(historyCard(decided('lost'), noThanks, de)), /not interested/);
  });

  it('validates in every language shown here', () => {
    for (const strings of [en, de]) assert.deepEqual(validateCard(historyCard(decided('lost'), EVENTS, strings)), []);
  });
});
