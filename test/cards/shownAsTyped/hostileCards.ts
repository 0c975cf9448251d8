// Every card the desk shows, filled with what a hostile customer or user could type: shared by the tests that
// check it shows as typed.
import assert from 'node:assert/strict';
import { loadRegions } from '../../../bot/config/regions';
import { loadSolutions } from '../../../bot/config/solutions';
import type { LifecycleCommand } from '../../../bot/domain/commands';
import { summaryOf } from '../../../bot/domain/dealSummary';
import { factsOf } from '../../../bot/domain/digestFacts';
import { digestFigures } from '../../../bot/domain/digestMetrics';
import { isDomainError, type DomainError } from '../../../bot/domain/errors';
import type { HistoryEvent } from '../../../bot/domain/history';
import { arrival, completeReferral } from '../../../bot/domain/incoming';
import { decide, type Decision } from '../../../bot/domain/lifecycle';
import { createDeal } from '../../../bot/domain/newDeal';
import type { Actor, ReferralRecord } from '../../../bot/domain/referral';
import { parseReferrals } from '../../../bot/partnerCenter/referralSchema';
import { de } from '../../../bot/strings/de';
import { en } from '../../../bot/strings/en';
import { domainErrorResponse } from '../../../bot/teams/invokeResponses';
import { dealListItem } from '../../../bot/teams/views/dealListItem';
import { digestCard } from '../../../bot/teams/views/digestCardView';
import { digestListCard } from '../../../bot/teams/views/digestListView';
import { historyCard } from '../../../bot/teams/views/historyCardView';
import { referralCard } from '../../../bot/teams/views/referral/referralCardView';
import type { AdaptiveCard } from '../../../cards/render';
import { renderReferralListCard } from '../../../cards/referralListCard';
import { NOW } from '../../support/fixtures';
import { hostile, HOSTILE_NOTES, hostilePcReferral, MALLORY, TYPED_EXPRESSIONS } from '../../support/hostileText';

const REGIONS = loadRegions('');
const SOLUTIONS = loadSolutions('');
/** Two hours after the fixed clock: when the deal is worked. */
export const LATER = NOW.plus({ hours: 2 });
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

/** The hostile referral as it arrived. */
export const received = arrived();
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
/** The hostile referral accepted by Mallory, with a hostile team member added and a snooze. */
export const accepted = dealSteps.at(-1)!.record;
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

/** Every card the desk shows, by what it shows, each filled with hostile text. */
export const cards: Record<string, AdaptiveCard> = {
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
export function openBindings(json: string): string[] {
  const typed = (found: string) =>
    found.endsWith('}')
      ? TYPED_EXPRESSIONS.includes(found)
      : TYPED_EXPRESSIONS.some((whole) => whole.startsWith(found.slice(0, -1)));
  return (json.match(/\$\{[^}…"]*[}…"]/g) ?? []).filter((found) => !typed(found));
}
