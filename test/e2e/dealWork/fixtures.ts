import assert from 'node:assert/strict';
import { BotHarness } from '../../support/botHarness';
import type { TeamsMember } from '../../support/connectorStandIn';
import { cardAction, CHANNELS, USERS, type User } from '../../support/teamsActivities';
import { acceptAsAlice, cardOf, cardText, deliverAndAwaitCard, installAndLink, regionsFileWith } from '../flows';

/** The type of an answer to a card action that is a message, not a card: a refusal or a list of wrong fields. */
export const MESSAGE = 'application/vnd.microsoft.activity.message';

/** Colleagues in the team besides Alice (the owner) and Bob. */
export const ENGINEER: User = { id: '29:engineer', aadObjectId: 'aad-engineer', name: 'Presales Engineer' };
export const MANAGER: User = { id: '29:manager', aadObjectId: 'aad-manager', name: 'Sales Manager' };
const member = (user: User, email: string): TeamsMember => ({
  id: user.id,
  aadObjectId: user.aadObjectId,
  name: user.name,
  email,
  userPrincipalName: email,
});

/** What the edit form sends for an accepted deal: every field filled in, the campaign left empty. */
export const EDIT = {
  dealName: 'Contoso landing zone',
  dealValue: '61000',
  currency: 'EUR',
  closingDate: '2027-03-31',
  salesStage: 'Proposed',
  notes: 'Proposal sent on Monday.',
  crmId: 'CRM-2201',
  campaignId: '',
};

/** The desk with an EMEA region whose manager is MANAGER, and an admin. */
const startDesk = () =>
  new BotHarness({
    REGIONS_FILE: regionsFileWith('emea', { managers: [MANAGER.aadObjectId] }),
    DESK_ADMINS: 'aad-admin',
  }).start();

/**
 * Alice, Bob, ENGINEER and MANAGER in the team, the desk installed and linked to EMEA, and a partner's invitation
 * accepted by Alice two days ago: the referral and its channel card.
 */
async function acceptedDeal(h: BotHarness): Promise<{ referralId: string; activityId: string }> {
  h.connector.members = [
    member(USERS.alice, 'alice@partner.example'),
    member(USERS.bob, 'bob@partner.example'),
    member(ENGINEER, 'engineer@partner.example'),
    member(MANAGER, 'manager@partner.example'),
  ];
  await installAndLink(h, CHANNELS.emea, 'emea');
  const { id: referralId, activityId } = await deliverAndAwaitCard(h, CHANNELS.emea, {
    inviteContext: { invitedBy: { organizationName: 'Trey Research' } },
  });
  await acceptAsAlice(h, CHANNELS.emea, activityId, referralId);
  h.clock.advance({ days: 2 });
  return { referralId, activityId };
}

/** A test's harness and the accepted deal it works on. */
export interface AcceptedDeal {
  /** The desk, started fresh for the test. */
  h: BotHarness;
  /** The accepted referral. */
  referralId: string;
  /** The referral's card in the EMEA channel. */
  activityId: string;
}

/**
 * Registers the hooks that start a fresh desk with an accepted deal before each test and stop it after; the getter
 * gives the running test's harness and deal.
 */
export function useAcceptedDeal(): () => AcceptedDeal {
  let h: BotHarness | undefined;
  let deal: AcceptedDeal | undefined;
  beforeEach(async () => {
    deal = undefined;
    h = await startDesk();
    deal = { h, ...(await acceptedDeal(h)) };
  });
  afterEach(async () => h?.stop());
  return () => {
    assert.ok(deal, 'the accepted deal is only there while a test runs');
    return deal;
  };
}

/** Working on the deal through its card, and reading what it did; `current` gives the test's harness and deal. */
export function dealActions(current: () => AcceptedDeal) {
  const click = (verb: string, inputs: Record<string, unknown>, by: User = USERS.alice) => {
    const { h, referralId, activityId } = current();
    return h.activity(cardAction(h.serviceUrl, CHANNELS.emea, activityId, verb, { referralId, ...inputs }, by));
  };
  const stored = async () => (await current().h.services.referrals.get(current().referralId))!;
  const actionsIn = async () =>
    (await current().h.services.referrals.history(current().referralId)).map((event) => event.action);
  const lastChannelUpdate = async (what: RegExp) => {
    const { h, activityId } = current();
    await h.settle();
    const updates = h.connector.calls.filter((c) => c.kind === 'update' && c.activityId === activityId);
    assert.match(cardText(updates.at(-1)!), what);
    return cardOf(updates.at(-1)!);
  };
  return { click, stored, actionsIn, lastChannelUpdate };
}
