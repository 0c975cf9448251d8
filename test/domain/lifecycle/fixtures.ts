// The referral in each stage, one valid command of each kind, and the clocks they apply at: shared by the
// lifecycle tests, which each cover one subject of decide().
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { isDomainError, type DomainError, type FieldProblem } from '../../../bot/domain/errors';
import type { AcceptInput, LifecycleCommand } from '../../../bot/domain/commands';
import type { Decision } from '../../../bot/domain/lifecycle';
import {
  SYSTEM_ACTOR,
  type Actor,
  type LifecycleAction,
  type Referral,
  type ReferralRecord,
  type Status,
  type Substatus,
  type TransitionAction,
} from '../../../bot/domain/referral';
import type { Stage } from '../../../bot/domain/stage';
import { NOW, receivedRecord } from '../../support/fixtures';

export const ALICE: Actor = { id: '29:alice', name: 'Alice Adams' };
export const BOB: Actor = { id: '29:bob', name: 'Bob Brown' };

/** The fixture referral expires at 2026-12-07T08:00Z; this is one hour later. */
export const EXPIRY = DateTime.fromISO('2026-12-07T08:00:00.000Z', { zone: 'utc' });
export const AFTER_EXPIRY = EXPIRY.plus({ hours: 1 });

export const ACCEPT_INPUT: AcceptInput = {
  dealName: 'Contoso migration, phase 1',
  dealValue: 48000,
  currency: 'USD',
  closingDate: '2027-02-15',
  notes: 'Customer needs 40 VMs moved before the March freeze.',
  crmId: 'CRM-4711',
  campaignId: 'CMP-2026-Q4',
};

/** A member of the partner's team already on the accepted deal of the matrix. */
export const ENGINEER = {
  firstName: 'Sales',
  lastName: 'Engineer',
  phoneNumber: '+49 30 5550100',
  email: 'engineer@partner.example',
};

export const COMMANDS: Record<LifecycleAction, LifecycleCommand> = {
  accept: { action: 'accept', input: ACCEPT_INPUT },
  decline: { action: 'decline', input: { reason: 'customerChoseAnotherVendor', notes: 'Went with a local reseller' } },
  win: { action: 'win', input: { finalValue: 52000, notes: 'Signed for three years' } },
  lose: { action: 'lose', input: { reason: 'budgetNotAdequate' } },
  expire: { action: 'expire' },
  interested: { action: 'interested' },
  noThanks: { action: 'noThanks' },
  edit: {
    action: 'edit',
    input: {
      ...ACCEPT_INPUT,
      dealName: 'Contoso migration, phase 2',
      dealValue: 60000,
      currency: 'EUR',
      closingDate: '2027-03-31',
      salesStage: 'Qualified',
    },
  },
  moveCloseDate: { action: 'moveCloseDate', input: { closingDate: '2027-04-30' } },
  addMember: {
    action: 'addMember',
    input: {
      member: {
        firstName: 'Presales',
        lastName: 'Engineer',
        phoneNumber: '+1 425 555 0100',
        email: 'presales@partner.example',
      },
      account: { id: 'aad-presales', name: 'Presales Engineer', teamsId: '29:presales' },
    },
  },
  removeMember: { action: 'removeMember', input: { email: 'Engineer@Partner.example' } },
  addSolution: {
    action: 'addSolution',
    input: { solution: { id: 'sol-2', name: 'Copilot adoption', kind: 'solution', incentiveEligible: true } },
  },
  removeSolution: { action: 'removeSolution', input: { solutionId: 'sol-1' } },
  reassign: { action: 'reassign', input: { newOwner: ALICE } },
  upgrade: { action: 'upgrade', input: { upgrade: 'inviteMicrosoft', help: 'technicalArchitecture' } },
  snooze: { action: 'snooze', input: { until: NOW.plus({ hours: 1 }).toISO()! } },
};

/** The clock each command is applied at (expire only succeeds once the referral has expired). */
export const CLOCK: Record<LifecycleAction, DateTime> = {
  accept: NOW,
  decline: NOW,
  win: NOW,
  lose: NOW,
  expire: AFTER_EXPIRY,
  interested: NOW,
  noThanks: NOW,
  edit: NOW,
  moveCloseDate: NOW,
  addMember: NOW,
  removeMember: NOW,
  addSolution: NOW,
  removeSolution: NOW,
  reassign: NOW,
  upgrade: NOW,
  snooze: NOW,
};

export const TRANSITIONS: readonly LifecycleAction[] = ['accept', 'decline', 'win', 'lose', 'expire'];

/** A referral's stage, the status pair that puts it there, and the decision that moved it there. */
export interface StageCase {
  stage: Stage;
  status: Status;
  substatus: Substatus;
  lastDecision?: { action: TransitionAction; by: Actor; at: string };
}

export const ACCEPTED_AT = '2026-11-20T10:00:00.000Z';
export const CLOSED_AT = '2026-11-22T15:30:00.000Z';

export const STAGES: StageCase[] = [
  { stage: 'received', status: 'New', substatus: 'Received' },
  { stage: 'received', status: 'New', substatus: 'Pending' },
  {
    stage: 'accepted',
    status: 'Active',
    substatus: 'Accepted',
    lastDecision: { action: 'accept', by: BOB, at: ACCEPTED_AT },
  },
  { stage: 'won', status: 'Closed', substatus: 'Won', lastDecision: { action: 'win', by: BOB, at: CLOSED_AT } },
  { stage: 'lost', status: 'Closed', substatus: 'Lost', lastDecision: { action: 'lose', by: BOB, at: CLOSED_AT } },
  {
    stage: 'declined',
    status: 'Closed',
    substatus: 'Declined',
    lastDecision: { action: 'decline', by: BOB, at: CLOSED_AT },
  },
  {
    stage: 'expired',
    status: 'Closed',
    substatus: 'Expired',
    lastDecision: { action: 'expire', by: SYSTEM_ACTOR, at: CLOSED_AT },
  },
];

/** Allowed transitions: [from stage, action] → resulting status/substatus. Everything else is refused. */
export const ALLOWED: Partial<Record<Stage, Partial<Record<LifecycleAction, [Status, Substatus]>>>> = {
  received: { accept: ['Active', 'Accepted'], decline: ['Closed', 'Declined'], expire: ['Closed', 'Expired'] },
  accepted: {
    win: ['Closed', 'Won'],
    lose: ['Closed', 'Lost'],
    edit: ['Active', 'Accepted'],
    moveCloseDate: ['Active', 'Accepted'],
    addMember: ['Active', 'Accepted'],
    removeMember: ['Active', 'Accepted'],
    addSolution: ['Active', 'Accepted'],
    removeSolution: ['Active', 'Accepted'],
    reassign: ['Active', 'Accepted'],
    upgrade: ['Active', 'Accepted'],
  },
};

/** The fixture referral in the given stage, worked by Bob once it is past received. */
export function recordIn(c: StageCase): ReferralRecord {
  const base = receivedRecord();
  const referral: Referral = { ...base.referral, status: c.status, substatus: c.substatus };
  if (c.stage !== 'received') {
    referral.acceptedDateTime = ACCEPTED_AT;
    referral.details = { ...referral.details, closingDateTime: '2027-01-31T00:00:00.000Z' };
    // Partner-led: Microsoft sellers may see it, so it can be upgraded to co-sell.
    referral.consent = { ...referral.consent, consentToShareReferralWithMicrosoftSellers: true };
    referral.team = [ENGINEER];
  }
  if (c.status === 'Closed') referral.closedDateTime = CLOSED_AT;
  return {
    referral,
    desk: {
      revision: c.stage === 'received' ? 1 : c.stage === 'accepted' ? 2 : 3,
      ...(c.stage === 'received' ? {} : { owner: BOB }),
      ...(c.lastDecision ? { lastDecision: c.lastDecision } : {}),
    },
  };
}

/** The decision, failing the test when decide() refused. */
export function expectDecision(result: Decision | DomainError): Decision {
  if (isDomainError(result)) assert.fail(`expected a decision, got ${JSON.stringify(result)}`);
  return result;
}

/** The refusal of the given kind, failing the test on a decision or another kind of refusal. */
export function expectError<K extends DomainError['kind']>(
  result: Decision | DomainError,
  kind: K,
): Extract<DomainError, { kind: K }> {
  if (!isDomainError(result))
    assert.fail(
      `expected a ${kind} error, got a decision to ${result.record.referral.status}/${result.record.referral.substatus}`,
    );
  assert.equal(result.kind, kind, JSON.stringify(result));
  return result as Extract<DomainError, { kind: K }>;
}

/** The field problems of an invalidInput refusal. */
export function problemsOf(result: Decision | DomainError): FieldProblem[] {
  return expectError(result, 'invalidInput').problems;
}
