import assert from 'node:assert/strict';
import { loadRegions } from '../../bot/config/regions';
import { loadSolutions } from '../../bot/config/solutions';
import type { LifecycleCommand } from '../../bot/domain/commands';
import { summaryOf } from '../../bot/domain/dealSummary';
import { factsOf } from '../../bot/domain/digestFacts';
import { digestFigures } from '../../bot/domain/digestMetrics';
import { isDomainError, type DomainError } from '../../bot/domain/errors';
import type { HistoryEvent } from '../../bot/domain/history';
import { arrival, completeReferral } from '../../bot/domain/incoming';
import { decide, type Decision } from '../../bot/domain/lifecycle';
import { createDeal } from '../../bot/domain/newDeal';
import type { Actor, ReferralRecord } from '../../bot/domain/referral';
import type { ReminderKind } from '../../bot/domain/reminderKinds';
import { reminderText } from '../../bot/jobs/reminderText';
import { parseReferrals } from '../../bot/partnerCenter/referralSchema';
import { de } from '../../bot/strings/de';
import { en } from '../../bot/strings/en';
import { domainErrorResponse } from '../../bot/teams/invokeResponses';
import { dealListItem } from '../../bot/teams/views/dealListItem';
import { digestCard } from '../../bot/teams/views/digestCardView';
import { digestListCard } from '../../bot/teams/views/digestListView';
import { historyCard } from '../../bot/teams/views/historyCardView';
import { referralCard } from '../../bot/teams/views/referral/referralCardView';
import { literal } from '../../cards/literal';
import type { AdaptiveCard } from '../../cards/render';
import { renderReferralListCard } from '../../cards/referralListCard';
import { validateCard, withFallbacks } from '../support/cardSchema';
import { NOW } from '../support/fixtures';
import { hostile, HOSTILE_NOTES, hostilePcReferral, MALLORY, TYPED_EXPRESSIONS } from '../support/hostileText';
import { asShown, inputValuesOf, markdownTextsOf, unescapedMarkup } from '../support/markdownText';

const REGIONS = loadRegions('');
const SOLUTIONS = loadSolutions('');
const LATER = NOW.plus({ hours: 2 });
const ZONE = 'Europe/Berlin';
const SYSTEM = { id: 'system', name: 'Referral Desk' };

function applied(result: Decision | DomainError): Decision {
  if (isDomainError(result)) assert.fail(JSON.stringify(result));
  return result;
}

/** The hostile referral as the desk stores it on arrival: checked, completed and arrived as every delivery is. */
function arrived(flow: 'direct' | 'twoStep' = 'direct'): Decision {
  const parsed = parseReferrals(hostilePcReferral());
  if (!('referrals' in parsed)) assert.fail(JSON.stringify(parsed.problems));
  return arrival(completeReferral(parsed.referrals[0], undefined, NOW), NOW, flow);
}

/** Mallory's `commands`, each taken on the record the one before left: every step, from `first`. */
function worked(first: Decision, commands: LifecycleCommand[], at = LATER): Decision[] {
  const steps = [first];
  for (const command of commands) steps.push(applied(decide(steps.at(-1)!.record, command, MALLORY, at)));
  return steps;
}

const received = arrived();
const accept: LifecycleCommand = {
  action: 'accept',
  input: {
    dealName: hostile('deal name'),
    dealValue: 30000,
    currency: 'EUR',
    closingDate: '2027-02-15',
    notes: HOSTILE_NOTES,
    crmId: hostile('crm'),
    campaignId: hostile('campaign'),
  },
};
const member = {
  firstName: hostile('member first'),
  lastName: hostile('member last'),
  email: 'mal_lory_@partner.example',
  phoneNumber: '+1 425 555 0100',
};
const dealSteps = worked(received, [
  accept,
  {
    action: 'addMember',
    input: { member, account: { id: 'aad-member', name: hostile('member account'), teamsId: '29:member' } },
  },
  { action: 'snooze', input: { until: NOW.plus({ days: 1 }).toISO()! } },
]);
const accepted = dealSteps.at(-1)!.record;
const won = applied(decide(accepted, { action: 'win', input: { notes: hostile('win notes') } }, MALLORY, LATER));
const lost = applied(
  decide(accepted, { action: 'lose', input: { reason: 'other', notes: hostile('loss notes') } }, MALLORY, LATER),
);
const declined = applied(
  decide(
    received.record,
    { action: 'decline', input: { reason: 'other', notes: hostile('decline notes') } },
    MALLORY,
    NOW,
  ),
);
const expired = applied(decide(received.record, { action: 'expire' }, SYSTEM, NOW.plus({ days: 30 })));
const evaluating = applied(decide(arrived('twoStep').record, { action: 'interested' }, MALLORY, LATER));
const declinedInPartnerCenter: ReferralRecord = {
  referral: { ...received.record.referral, status: 'Closed', substatus: 'Declined', statusReason: hostile('reason') },
  desk: received.record.desk,
};
const created = applied(
  createDeal(
    'hostile-0000-4000-8000-000000000002',
    {
      customerName: hostile('new customer'),
      country: 'DE',
      contact: {
        firstName: hostile('new contact first'),
        lastName: hostile('new contact last'),
        email: 'a@contoso.example',
        phoneNumber: '+4930123',
      },
      member,
      dealName: hostile('new deal'),
      dealValue: 50000,
      currency: 'EUR',
      closingDate: '2027-03-31',
      notes: HOSTILE_NOTES,
      crmId: hostile('new crm'),
      solutions: SOLUTIONS.filter((solution) => solution.kind === 'solution').slice(0, 1),
      help: 'none',
      microsoftSellersMaySee: false,
    },
    MALLORY,
    NOW,
  ),
);

const bob = { id: 'aad-bob', name: 'Bob Rep', teamsId: '29:bob' };

/** The card someone gets back when the accepted deal refuses `command` from them, with its notice saying why. */
function refusedCard(command: LifecycleCommand, by: Actor): AdaptiveCard {
  const refusal = decide(accepted, command, by, LATER);
  if (!isDomainError(refusal)) assert.fail(`${command.action} was not refused`);
  return domainErrorResponse(refusal, accepted, LATER, en, { viewer: by }).value as unknown as AdaptiveCard;
}
const worker = { viewer: MALLORY, solutions: SOLUTIONS };
const events: HistoryEvent[] = [...dealSteps, won].map((step) => step.event);
const { details } = accepted.referral;
const overdue: ReferralRecord = {
  ...accepted,
  referral: { ...accepted.referral, details: { ...details, closingDateTime: '2026-11-01T00:00:00Z' } },
};
const open = [summaryOf(received.record, REGIONS), summaryOf(overdue, REGIONS)];
const figures = digestFigures(factsOf(won.record, events, 'emea'), open, LATER);
const listed = (record: ReferralRecord) => dealListItem(summaryOf(record, REGIONS), bob, LATER, en);

const cards: Record<string, AdaptiveCard> = {
  'received referral (a co-sell invitation from a partner)': referralCard(received.record, NOW, en),
  'received referral in German': referralCard(received.record, NOW, de),
  'received referral as a reminder': referralCard(received.record, NOW.plus({ days: 11 }), en, { reminder: true }),
  'two-step referral being evaluated': referralCard(evaluating.record, LATER, en),
  'accepted deal in the channel': referralCard(accepted, LATER, en),
  'accepted deal as its owner sees it': referralCard(accepted, LATER, en, worker),
  'accepted deal, as someone who clicked Accept too late sees it': refusedCard(accept, bob),
  'accepted deal, as someone not on it who tried to edit it sees it': refusedCard(
    { action: 'edit', input: { ...accept.input, salesStage: '' } },
    bob,
  ),
  'won deal': referralCard(won.record, LATER, en, worker),
  'lost deal': referralCard(lost.record, LATER, en, worker),
  'declined referral': referralCard(declined.record, LATER, en),
  'declined in Partner Center, with its reason': referralCard(declinedInPartnerCenter, LATER, en),
  'expired referral': referralCard(expired.record, NOW.plus({ days: 30 }), en),
  'new deal as its creator sees it once created': referralCard(created.record, NOW, en, {
    ...worker,
    notice: en.newDeal.created,
  }),
  history: historyCard(won.record, events, en),
  'list of deals (my deals, favourites, expiring, found)': renderReferralListCard({
    title: en.myDeals.title,
    empty: en.myDeals.empty,
    items: [received.record, evaluating.record, accepted, won.record, created.record].map(listed),
    openTitle: en.dealList.open,
    footnote: '',
  }),
  digest: digestCard([{ title: 'Europe, Middle East and Africa', codes: ['emea'], figures }], LATER, ZONE, en),
  'full list of a digest': digestListCard(
    'top',
    REGIONS.filter((r) => r.code === 'emea'),
    open,
    0,
    LATER,
    ZONE,
    en,
  ),
};

/** Expressions in the card's JSON other than those typed (whole, or cut short with "…"): bindings the template left open. */
function openBindings(json: string): string[] {
  const typed = (found: string) =>
    found.endsWith('}')
      ? TYPED_EXPRESSIONS.includes(found)
      : TYPED_EXPRESSIONS.some((whole) => whole.startsWith(found.slice(0, -1)));
  return (json.match(/\$\{[^}…"]*[}…"]/g) ?? []).filter((found) => !typed(found));
}

describe('cards: what customers and users typed shows as typed', () => {
  for (const [name, card] of Object.entries(cards)) {
    describe(name, () => {
      it('renders no Markdown, no text function and no escape twice in any text it shows', () => {
        const texts = markdownTextsOf(card);
        assert.ok(texts.length > 3);
        assert.deepEqual(texts.flatMap(unescapedMarkup), []);
        for (const text of texts) assert.ok(!asShown(text).includes('\\'), `escaped twice: ${text}`);
      });

      it('still validates, binds everything but the expressions typed, and stays far below 80 KB', () => {
        assert.deepEqual(validateCard(withFallbacks(card)), []);
        const json = JSON.stringify(card);
        assert.deepEqual(openBindings(json), []);
        assert.ok(Buffer.byteLength(json) < 80 * 1024);
      });
    });
  }

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
