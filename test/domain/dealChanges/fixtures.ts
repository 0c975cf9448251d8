// The accepted deal, its people and the forms sent about it: shared by the tests of each kind of deal change.
import assert from 'node:assert/strict';
import type { EditInput, LifecycleCommand } from '../../../bot/domain/commands';
import { isDomainError, type DomainError, type FieldProblem } from '../../../bot/domain/errors';
import type { Decision } from '../../../bot/domain/lifecycle';
import type { Authority } from '../../../bot/domain/permissions';
import type { Actor, Referral, ReferralRecord } from '../../../bot/domain/referral';
import type { CatalogSolution } from '../../../bot/domain/solutions';
import { receivedRecord } from '../../support/fixtures';

export const OWNER: Actor = { id: 'aad-owner', name: 'EMEA Rep', teamsId: '29:owner' };
export const ENGINEER: Actor = { id: 'aad-engineer', name: 'Presales Engineer', teamsId: '29:engineer' };
export const STRANGER: Actor = { id: 'aad-stranger', name: 'Americas Rep', teamsId: '29:stranger' };
export const MANAGER: Authority = { admin: false, regionManager: true };
export const ADMIN: Authority = { admin: true, regionManager: false };

export const ENGINEER_MEMBER = {
  firstName: 'Presales',
  lastName: 'Engineer',
  phoneNumber: '+44 20 7946 0000',
  email: 'presales@partner.example',
};
export const COPILOT: CatalogSolution = {
  id: 'sol-copilot',
  name: 'Copilot adoption',
  kind: 'solution',
  incentiveEligible: true,
};
export const ASSESSMENT: CatalogSolution = {
  id: 'sol-assess',
  name: 'Security assessment',
  kind: 'assessment',
  incentiveEligible: false,
};

/** An accepted deal owned by OWNER, closing 2027-01-31, with one solution (sol-1). */
export function accepted(referral: Partial<Referral> = {}, desk: Partial<ReferralRecord['desk']> = {}): ReferralRecord {
  const base = receivedRecord();
  return {
    referral: {
      ...base.referral,
      status: 'Active',
      substatus: 'Accepted',
      acceptedDateTime: '2026-11-20T10:00:00.000Z',
      details: { ...base.referral.details, closingDateTime: '2027-01-31T00:00:00.000Z' },
      ...referral,
    },
    desk: {
      revision: 2,
      owner: OWNER,
      lastDecision: { action: 'accept', by: OWNER, at: '2026-11-20T10:00:00.000Z' },
      ...desk,
    },
  };
}

/** The decision, failing the test when decide() refused. */
export function ok(result: Decision | DomainError): Decision {
  if (isDomainError(result)) assert.fail(`expected a decision, got ${JSON.stringify(result)}`);
  return result;
}

/** The field problems of an invalidInput refusal, failing the test on anything else. */
export function problems(result: Decision | DomainError): FieldProblem[] {
  assert.ok(isDomainError(result) && result.kind === 'invalidInput', JSON.stringify(result));
  return result.problems;
}

/** The kind of refusal, or 'decision' when decide() went ahead. */
export function kindOf(result: Decision | DomainError): string {
  return isDomainError(result) ? result.kind : 'decision';
}

export const EDIT: EditInput = {
  dealName: 'Contoso landing zone',
  dealValue: 70000,
  currency: 'GBP',
  closingDate: '2027-04-30',
  notes: 'Scope grew to two subscriptions.',
  crmId: 'CRM-77',
  campaignId: '',
  salesStage: 'Developed',
};
/** The edit form with the given fields changed. */
export const edit = (input: Partial<EditInput> = {}): LifecycleCommand => ({
  action: 'edit',
  input: { ...EDIT, ...input },
});
