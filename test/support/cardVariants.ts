import type { DateTime } from 'luxon';
import { loadSolutions } from '../../bot/config/solutions';
import { arrival } from '../../bot/domain/incoming';
import type { ReferralRecord } from '../../bot/domain/referral';
import { CATALOGS } from '../../bot/strings/catalogs';
import type { Strings } from '../../bot/strings/en';
import { newDealCard } from '../../bot/teams/views/newDealCardView';
import type { CardView } from '../../bot/teams/views/referral/cardView';
import { referralCard } from '../../bot/teams/views/referral/referralCardView';
import type { AdaptiveCard } from '../../cards/render';
import { NOW, receivedRecord } from './fixtures';

/** The languages the desk speaks; every variant is rendered in each. */
export const LOCALES: Record<string, Strings> = Object.fromEntries(
  Object.entries(CATALOGS).map(([tag, { strings }]) => [tag, strings]),
);

const alice = { id: 'aad-alice', name: 'Alice Rep', teamsId: '29:alice' };
const solutions = loadSolutions('');

type Decided = 'accepted' | 'declined' | 'won' | 'lost' | 'expired';

/** The fixture referral decided by its owner (expired: by the desk), as the card tests build it. */
export function decided(stage: Decided): ReferralRecord {
  const base = receivedRecord();
  const pairs = {
    accepted: ['Active', 'Accepted'],
    declined: ['Closed', 'Declined'],
    won: ['Closed', 'Won'],
    lost: ['Closed', 'Lost'],
    expired: ['Closed', 'Expired'],
  } as const;
  const [status, substatus] = pairs[stage];
  const action = ({ accepted: 'accept', declined: 'decline', won: 'win', lost: 'lose', expired: 'expire' } as const)[
    stage
  ];
  const by = stage === 'expired' ? { id: 'system', name: 'Referral Desk' } : alice;
  const statusReason = stage === 'declined' || stage === 'lost' ? 'Not a customer' : undefined;
  return {
    referral: { ...base.referral, status, substatus, statusReason, externalReferenceId: 'CRM-1' },
    desk: { revision: 3, owner: alice, lastDecision: { action, by, at: '2026-11-23T10:00:00.000Z' } },
  };
}

/** An accepted deal we created, with a member who has a Teams account and one who has not. */
function teamDeal(): ReferralRecord {
  const record = decided('accepted');
  const presales = { id: 'aad-presales', name: 'Presales Engineer', teamsId: '29:presales' };
  return {
    referral: {
      ...record.referral,
      salesStage: 'Developed',
      campaignId: 'CMP-7',
      team: [
        {
          firstName: 'Presales',
          lastName: 'Engineer',
          email: 'presales@partner.example',
          phoneNumber: '+1 425 555 0100',
        },
        { firstName: 'Outside', lastName: 'Consultant', email: 'consultant@elsewhere.example' },
      ],
    },
    desk: {
      ...record.desk,
      createdByPartner: true,
      teamAccounts: [{ email: 'presales@partner.example', actor: presales }],
    },
  };
}

function assessmentDeal(stage: 'Proposed' | 'Negotiated'): ReferralRecord {
  const record = decided('accepted');
  const onDeal = [{ id: 'security-assessment', name: 'Security posture assessment', type: 'Assessment' }];
  return {
    referral: {
      ...record.referral,
      salesStage: stage,
      details: { ...record.referral.details, requirements: { solutions: onDeal } },
    },
    desk: { ...record.desk, createdByPartner: true },
  };
}

/** The fixture referral on a desk that writes back to Partner Center, its sync state changed by `change`. */
function writingBack(record: ReferralRecord, change: object): ReferralRecord {
  const arrived = arrival(record.referral, NOW, 'direct', '"v1"').record;
  const partnerCenter = { ...arrived.desk.partnerCenter!, writesBack: true, ...change };
  return { ...record, desk: { ...record.desk, partnerCenter } };
}

interface Variant {
  record: ReferralRecord;
  now?: DateTime;
  view?: CardView;
}

/** The referral cards the tests and fixtures produce, by name: every stage, flow, viewer and optional part. */
export function referralVariants(): Record<string, Variant> {
  const received = receivedRecord();
  const twoStep = arrival(received.referral, NOW, 'twoStep').record;
  const evaluating: ReferralRecord = {
    ...twoStep,
    desk: {
      revision: 2,
      flow: 'twoStep',
      interestedAt: NOW.toISO()!,
      lastDecision: { action: 'interested', by: alice, at: NOW.toISO()! },
    },
  };
  const wonCoSell = decided('won');
  const markup = '# *Contoso* [x](y) {{DATE(2026-01-01T00:00:00Z)}} ${title}';
  return {
    received: { record: received },
    'received, minimal fields': {
      record: receivedRecord({
        details: {},
        customerProfile: { name: 'Tailspin', address: { country: 'JP' } },
        inviteContext: undefined,
        type: 'Shared',
      }),
    },
    'received, markup typed by the customer': {
      record: receivedRecord({ name: markup, details: { ...received.referral.details, notes: markup } }),
    },
    'received, long notes and no contact request': {
      record: receivedRecord({
        details: { ...received.referral.details, notes: 'x'.repeat(3000), customerRequestedContact: false },
      }),
    },
    'co-sell invitation from a partner, four days on': {
      record: receivedRecord({
        inviteContext: {
          invitedBy: { organizationName: 'Northwind Partners' },
          notes: 'Need a local implementer',
          assistanceRequestCode: 'Technical',
        },
        details: { ...received.referral.details, closingDateTime: '2027-01-15T00:00:00.000Z' },
      }),
      now: NOW.plus({ days: 4 }),
    },
    'received, hours left': { record: received, now: NOW.plus({ days: 13, hours: 20 }) },
    'received, past its expiry': { record: received, now: NOW.plus({ days: 20 }) },
    'received, with a notice': { record: received, view: { notice: 'Someone else answered first' } },
    'received, reminder': { record: received, now: NOW.plus({ days: 11 }), view: { reminder: true } },
    'received, reminder after expiry': { record: received, now: NOW.plus({ days: 20 }), view: { reminder: true } },
    'two-step, new': { record: twoStep },
    'two-step, evaluating': { record: evaluating },
    'two-step, missed': {
      record: {
        referral: decided('expired').referral,
        desk: { ...decided('expired').desk, flow: 'twoStep', missed: true },
      },
    },
    accepted: { record: decided('accepted') },
    'accepted, as its owner sees it': { record: decided('accepted'), view: { viewer: alice } },
    'accepted, the longest request and team notes, owner': {
      record: {
        referral: {
          ...decided('accepted').referral,
          details: { ...decided('accepted').referral.details, notes: 'x'.repeat(3000) },
          inviteContext: { notes: 'y'.repeat(3000) },
        },
        desk: { ...decided('accepted').desk, notes: 'z'.repeat(3000) },
      },
      view: { viewer: alice, solutions },
    },
    'co-sell deal without an eligible solution, owner': {
      record: { ...decided('accepted'), referral: { ...decided('accepted').referral, type: 'Shared' } },
      view: { viewer: alice, solutions },
    },
    'accepted, a stranger': {
      record: decided('accepted'),
      view: { viewer: { id: 'aad-bob', name: 'Bob', teamsId: '29:bob' } },
    },
    'accepted, owner, starred, with a notice': {
      record: decided('accepted'),
      view: { viewer: alice, favorite: true, notice: 'Saved' },
    },
    'accepted, a manager': {
      record: decided('accepted'),
      view: {
        viewer: { id: 'aad-carol', name: 'Carol', teamsId: '29:carol' },
        authority: { admin: false, regionManager: true },
      },
    },
    'accepted, stale reminder, owner': {
      record: decided('accepted'),
      now: NOW.plus({ days: 90 }),
      view: { viewer: alice, reminder: true },
    },
    'accepted, stale reminder, channel': {
      record: decided('accepted'),
      now: NOW.plus({ days: 90 }),
      view: { reminder: true },
    },
    'team deal, owner, with solutions': { record: teamDeal(), view: { viewer: alice, favorite: true, solutions } },
    'team deal, channel': { record: teamDeal(), view: { solutions } },
    'assessment at Proposed, owner': { record: assessmentDeal('Proposed'), view: { viewer: alice, solutions } },
    'assessment at Negotiated, owner': { record: assessmentDeal('Negotiated'), view: { viewer: alice, solutions } },
    declined: { record: decided('declined') },
    won: { record: decided('won') },
    'won co-sell, eligible for registration': {
      record: {
        ...wonCoSell,
        referral: {
          ...wonCoSell.referral,
          type: 'Shared',
          inviteContext: { invitedBy: { organizationName: 'Microsoft' } },
          details: {
            requirements: { solutions: [{ id: 'azure-migration', name: 'Azure migration and modernization' }] },
          },
        },
      },
      view: { solutions },
    },
    lost: { record: decided('lost') },
    expired: { record: decided('expired') },
    'writes back, up to date': { record: writingBack(received, {}) },
    'writes back, to be written again': {
      record: writingBack(decided('accepted'), { failure: { reason: 'HTTP 503', at: NOW.toISO()!, permanent: false } }),
    },
    'writes back, conflict': {
      record: writingBack(decided('accepted'), { conflicts: [{ field: 'dealValue', ours: 40000, theirs: 55000 }] }),
      view: { viewer: alice },
    },
  };
}

/** Every card variant, rendered in every language, by name. */
export function renderCardVariants(): Record<string, AdaptiveCard> {
  const cards: Record<string, AdaptiveCard> = {};
  for (const [locale, strings] of Object.entries(LOCALES)) {
    for (const [name, { record, now, view }] of Object.entries(referralVariants())) {
      cards[`referral: ${name} (${locale})`] = referralCard(record, now ?? NOW, strings, view);
    }
    cards[`new deal (${locale})`] = newDealCard('form-1', solutions, NOW, strings);
    cards[`new deal, no solutions (${locale})`] = newDealCard('form-2', [], NOW, strings);
    cards[`new deal, its sender's name and e-mail filled in (${locale})`] = newDealCard(
      'form-3',
      solutions,
      NOW,
      strings,
      {
        firstName: 'Alice',
        lastName: 'Rep',
        email: 'alice@partner.example',
      },
    );
  }
  return cards;
}
