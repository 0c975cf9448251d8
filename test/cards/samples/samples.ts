// One of each card the desk sends, in each state worth seeing: the tests check they are well formed and what
// they offer.
import type { AdaptiveCard } from '../../../cards/render';
import { renderLinksCard } from '../../../cards/linksCard';
import { renderWelcomeCard } from '../../../cards/welcomeCard';
import type { ReferralRecord } from '../../../bot/domain/referral';
import { en } from '../../../bot/strings/en';
import { referralCard } from '../../../bot/teams/views/referral/referralCardView';
import { historyCard } from '../../../bot/teams/views/historyCardView';
import { newDealCard } from '../../../bot/teams/views/newDealCardView';
import { loadSolutions } from '../../../bot/config/solutions';
import { arrival } from '../../../bot/domain/incoming';
import { renderReferralListCard } from '../../../cards/referralListCard';
import { NOW, receivedRecord } from '../../support/fixtures';
import { decided } from '../../support/cardVariants';

/** The viewer of the samples that are seen by someone: the owner of the deals. */
export const alice = { id: 'aad-alice', name: 'Alice Rep', teamsId: '29:alice' };

/** An accepted deal we created (private), with one team member who has a Teams account and one who has not. */
function teamDeal(): ReferralRecord {
  const record = decided('accepted');
  return {
    referral: {
      ...record.referral,
      salesStage: 'Developed',
      team: [
        {
          firstName: 'Presales',
          lastName: 'Engineer',
          email: 'presales@partner.example',
          phoneNumber: '+1 425 555 0100',
        },
        {
          firstName: 'Outside',
          lastName: 'Consultant',
          email: 'consultant@elsewhere.example',
          phoneNumber: '+44 20 7946 0000',
        },
      ],
    },
    desk: {
      ...record.desk,
      createdByPartner: true,
      teamAccounts: [
        {
          email: 'presales@partner.example',
          actor: { id: 'aad-presales', name: 'Presales Engineer', teamsId: '29:presales' },
        },
      ],
    },
  };
}

/** An accepted solution assessment we created, at the given sales stage. */
export function assessmentDeal(stage: 'Proposed' | 'Negotiated'): ReferralRecord {
  const record = decided('accepted');
  const solutions = [{ id: 'security-assessment', name: 'Security posture assessment', type: 'Assessment' }];
  return {
    referral: {
      ...record.referral,
      salesStage: stage,
      details: { ...record.referral.details, requirements: { solutions } },
    },
    desk: { ...record.desk, createdByPartner: true },
  };
}

/** The sample cards by what they show. */
export const samples: Record<string, AdaptiveCard> = {
  'received referral': referralCard(receivedRecord(), NOW, en),
  'received referral, minimal fields': referralCard(
    receivedRecord({
      details: {},
      customerProfile: { name: 'Tailspin', address: { country: 'JP' } },
      inviteContext: undefined,
      type: 'Shared',
    }),
    NOW,
    en,
  ),
  'co-sell invitation from a partner, contact request older than 72 h': referralCard(
    receivedRecord({
      inviteContext: {
        invitedBy: { organizationName: 'Northwind Partners' },
        notes: 'Need a local implementer',
        assistanceRequestCode: 'Technical',
      },
    }),
    NOW.plus({ days: 4 }),
    en,
  ),
  'received referral past its expiry': referralCard(receivedRecord(), NOW.plus({ days: 20 }), en),
  'with a notice': referralCard(decided('declined'), NOW, en, { notice: en.actions.alreadyDecided('Declined', 'Bob') }),
  accepted: referralCard(decided('accepted'), NOW, en),
  'accepted, as its owner sees it': referralCard(decided('accepted'), NOW, en, { viewer: alice }),
  declined: referralCard(decided('declined'), NOW, en),
  won: referralCard(decided('won'), NOW, en),
  lost: referralCard(decided('lost'), NOW, en),
  expired: referralCard(decided('expired'), NOW, en),
  'accepted deal with a team, solutions to add and upgrades, as its owner sees it': referralCard(teamDeal(), NOW, en, {
    viewer: alice,
    favorite: true,
    solutions: loadSolutions(''),
  }),
  'solution assessment at Proposed, as its owner sees it': referralCard(assessmentDeal('Proposed'), NOW, en, {
    viewer: alice,
  }),
  'won co-sell deal eligible for deal registration': referralCard(
    {
      ...decided('won'),
      referral: {
        ...decided('won').referral,
        type: 'Shared',
        inviteContext: { invitedBy: { organizationName: 'Microsoft' } },
        details: {
          requirements: { solutions: [{ id: 'azure-migration', name: 'Azure migration and modernization' }] },
        },
      },
    },
    NOW,
    en,
    { solutions: loadSolutions('') },
  ),
  history: historyCard(
    decided('accepted'),
    [
      {
        referralId: 'r',
        revision: 1,
        at: '2026-11-23T08:00:00.000Z',
        actor: { id: 'partner-center', name: 'Partner Center' },
        action: 'received',
        changes: [],
      },
      {
        referralId: 'r',
        revision: 2,
        at: '2026-11-23T10:00:00.000Z',
        actor: alice,
        action: 'accept',
        changes: [
          { field: 'status', before: 'New/Received', after: 'Active/Accepted' },
          { field: 'closingDateTime', before: undefined, after: '2027-02-15T00:00:00.000Z' },
        ],
      },
    ],
    en,
  ),
  'favourites list': renderReferralListCard({
    title: 'Your favourites',
    empty: 'none',
    items: [{ referralId: 'r1', title: 'Contoso', subtitle: 'Accepted' }],
    openTitle: 'Open',
    footnote: 'And 3 more',
  }),
  'favourites list, empty': renderReferralListCard({
    title: 'Your favourites',
    empty: 'none',
    items: [],
    openTitle: 'Open',
    footnote: '',
  }),
  'two-step flow, new': referralCard(arrival(receivedRecord().referral, NOW, 'twoStep').record, NOW, en),
  'two-step flow, evaluating': referralCard(
    {
      ...arrival(receivedRecord().referral, NOW, 'twoStep').record,
      desk: {
        revision: 2,
        flow: 'twoStep',
        interestedAt: NOW.toISO()!,
        lastDecision: { action: 'interested', by: alice, at: NOW.toISO()! },
      },
    },
    NOW,
    en,
  ),
  'two-step flow, missed unanswered': referralCard(
    {
      referral: { ...decided('expired').referral },
      desk: { ...decided('expired').desk, flow: 'twoStep', missed: true },
    },
    NOW,
    en,
  ),
  'reminder in the channel thread': referralCard(receivedRecord(), NOW.plus({ days: 11 }), en, { reminder: true }),
  'reminder of a deal gone stale, as its owner sees it': referralCard(decided('accepted'), NOW.plus({ days: 90 }), en, {
    viewer: alice,
    reminder: true,
  }),
  'new deal form': newDealCard('form-1', loadSolutions(''), NOW, en),
  welcome: renderWelcomeCard({ title: 't', intro: 'i', howToLink: 'h', example: 'e', regions: 'r', more: 'm' }),
  links: renderLinksCard({
    title: 'Where referrals go',
    rows: [{ title: 'Germany (DE)', value: 'EMEA' }],
    footnote: '',
  }),
  'links, empty with footnote': renderLinksCard({
    title: 'Where referrals go',
    rows: [],
    footnote: 'Not covered: apac',
  }),
};

/** The samples that are not a referral's own card. */
export const OTHER_CARDS = [
  'new deal form',
  'history',
  'favourites list',
  'favourites list, empty',
  'welcome',
  'links',
  'links, empty with footnote',
];
