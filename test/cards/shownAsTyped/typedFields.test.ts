import assert from 'node:assert/strict';
import type { ReferralRecord } from '../../../bot/domain/referral';
import type { ReminderKind } from '../../../bot/domain/reminderKinds';
import { reminderText } from '../../../bot/jobs/reminderText';
import { en } from '../../../bot/strings/en';
import { literal } from '../../../cards/literal';
import type { AdaptiveCard } from '../../../cards/render';
import { hostile, HOSTILE_NOTES, MALLORY } from '../../support/hostileText';
import { asShown, inputValuesOf, markdownTextsOf, unescapedMarkup } from '../../support/markdownText';
import { LATER, accepted, cards, received } from './hostileCards';

describe('cards: what customers and users typed shows as typed', () => {
  /** Whether a card shows `typed` as it was typed, in one of its texts. */
  const shows = (card: AdaptiveCard, typed: string) =>
    markdownTextsOf(card).some((text) => asShown(text).includes(typed));
  const fields = (...names: string[]) => names.map(hostile);

  it('the received card shows every field of the customer and the sender as typed', () => {
    const card = cards['received referral (a co-sell invitation from a partner)'];
    const typedFields = fields(
      'deal',
      'customer',
      'partner',
      'city',
      'state',
      'contact first',
      'contact last',
      'contact email',
      'contact phone',
    );
    for (const typed of [
      ...typedFields,
      ...fields('invitation', 'requirements', 'solution', 'size'),
      ...HOSTILE_NOTES.split('\n'),
    ]) {
      assert.ok(shows(card, typed), `shows ${typed}`);
    }
    assert.ok(!shows(card, received.record.referral.id), 'the template expressions typed are not evaluated');
  });

  it("the deal's cards show what its people typed, and its forms hold it raw to be saved as it was", () => {
    const card = cards['accepted deal as its owner sees it'];
    for (const typed of fields(
      'deal name',
      'customer',
      'user name',
      'crm',
      'campaign',
      'member first',
      'member last',
      'solution',
    )) {
      assert.ok(shows(card, typed), `shows ${typed}`);
    }
    const inputs = inputValuesOf(card);
    assert.equal(inputs.dealName, hostile('deal name'));
    assert.equal(inputs.notes, HOSTILE_NOTES);
    assert.equal(inputs.crmId, hostile('crm'));
    assert.equal(inputs.campaignId, hostile('campaign'));
    assert.equal(
      inputValuesOf(cards['received referral (a co-sell invitation from a partner)']).dealName,
      hostile('deal'),
    );
    assert.ok(shows(cards['two-step referral being evaluated'], MALLORY.name), 'who is interested');
    assert.ok(shows(cards['won deal'], hostile('win notes')));
    assert.ok(shows(cards['lost deal'], hostile('loss notes')));
    assert.ok(shows(cards['declined referral'], hostile('decline notes')));
    assert.ok(shows(cards['declined in Partner Center, with its reason'], hostile('reason')));
    assert.ok(shows(cards['new deal as its creator sees it once created'], hostile('new deal')));
    assert.ok(shows(cards['new deal as its creator sees it once created'], hostile('new crm')));
  });

  it("the card's own date functions still act around a name typed", () => {
    const status = markdownTextsOf(cards['accepted deal in the channel']).find((text) =>
      text.startsWith('Accepted by '),
    );
    assert.equal(
      status,
      `Accepted by ${literal(MALLORY.name)} on {{DATE(2026-11-23T11:00:00Z, SHORT)}} {{TIME(2026-11-23T11:00:00Z)}}`,
    );
  });

  it('a notice names who decided, or who owns the deal, as typed', () => {
    const tooLate = cards['accepted deal, as someone who clicked Accept too late sees it'];
    assert.ok(shows(tooLate, `${MALLORY.name} already accepted this referral`));
    assert.ok(
      shows(
        cards['accepted deal, as someone not on it who tried to edit it sees it'],
        `Only ${MALLORY.name}, who owns this deal`,
      ),
    );
  });

  it('the history, lists and digest show names and values as typed', () => {
    for (const typed of fields('deal name', 'user name', 'member first', 'crm'))
      assert.ok(shows(cards.history, typed), `history: ${typed}`);
    assert.ok(shows(cards.history, HOSTILE_NOTES.split('\n')[0]));
    const list = cards['list of deals (my deals, favourites, expiring, found)'];
    for (const typed of fields('deal', 'deal name', 'customer', 'user name', 'new deal'))
      assert.ok(shows(list, typed), `list: ${typed}`);
    assert.ok(shows(cards.digest, hostile('user name').slice(0, 60)), 'a person in the digest, cut short');
  });

  it('reminders and their messages name the customer and the deal as typed', () => {
    const kinds: [ReminderKind, ReferralRecord][] = [
      ['deadlineReminder', received.record],
      ['escalation', received.record],
      ['staleDeal', accepted],
      ['snoozed', accepted],
    ];
    for (const [kind, record] of kinds) {
      const text = reminderText(record, { kind, dueAt: LATER, key: kind }, LATER, en);
      assert.deepEqual(unescapedMarkup(text), [], kind);
      assert.ok(asShown(text).includes(hostile('customer')), `${kind}: ${text}`);
    }
  });
});
