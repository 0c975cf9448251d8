import assert from 'node:assert/strict';
import { dealTypeOf, upgradesOf, type DealType } from '../../bot/domain/dealType';
import { isDomainError, type DomainError } from '../../bot/domain/errors';
import { decide, type Decision } from '../../bot/domain/lifecycle';
import { createDeal, type NewDealInput } from '../../bot/domain/newDeal';
import type { Actor } from '../../bot/domain/referral';
import type { CatalogSolution } from '../../bot/domain/solutions';
import { stageOf } from '../../bot/domain/stage';
import { NOW } from '../support/fixtures';

const REP: Actor = { id: 'aad-rep', name: 'EMEA Rep', teamsId: '29:rep' };
const COPILOT: CatalogSolution = {
  id: 'copilot-adoption',
  name: 'Microsoft 365 Copilot adoption',
  kind: 'solution',
  incentiveEligible: true,
};
const ASSESSMENT: CatalogSolution = {
  id: 'security-assessment',
  name: 'Security posture assessment',
  kind: 'assessment',
  incentiveEligible: false,
};

const INPUT: NewDealInput = {
  customerName: 'Fabrikam Ltd',
  country: 'gb',
  contact: {
    firstName: 'Customer',
    lastName: 'Buyer',
    phoneNumber: '+44 20 7946 0001',
    email: 'buyer@fabrikam.example',
  },
  dealName: 'Fabrikam Copilot rollout',
  dealValue: 90000,
  currency: 'GBP',
  closingDate: '2027-05-31',
  notes: 'Found at the London partner event.',
  crmId: 'CRM-9',
  member: {
    firstName: 'Presales',
    lastName: 'Engineer',
    phoneNumber: '+44 20 7946 0002',
    email: 'engineer@partner.example',
  },
  solutions: [COPILOT],
  help: 'none',
  microsoftSellersMaySee: false,
};

function ok(result: Decision | DomainError): Decision {
  if (isDomainError(result)) assert.fail(JSON.stringify(result));
  return result;
}

describe('a deal the partner creates', () => {
  it('is created Accepted (10 %), outgoing, owned by its creator, in the region of its country', () => {
    const { record, event } = ok(createDeal('deal-1', INPUT, REP, NOW));
    const { referral, desk } = record;
    assert.equal(stageOf(referral), 'accepted');
    assert.equal(referral.direction, 'Outgoing');
    assert.equal(referral.customerProfile.address.country, 'GB');
    assert.deepEqual(referral.customerProfile.team, [INPUT.contact]);
    assert.deepEqual(referral.team, [INPUT.member]);
    assert.deepEqual(referral.details.requirements?.solutions, [
      { id: 'copilot-adoption', name: 'Microsoft 365 Copilot adoption' },
    ]);
    assert.equal(referral.details.closingDateTime, '2027-05-31T00:00:00.000Z');
    assert.equal(referral.salesStage, undefined);
    assert.deepEqual(desk.owner, REP);
    assert.equal(desk.createdByPartner, true);
    assert.deepEqual(desk.lastDecision, { action: 'create', by: REP, at: NOW.toISO() });
    assert.equal(event.action, 'create');
    assert.equal(event.revision, 1);
    assert.ok(
      event.changes.some((c) => c.field === 'name' && c.before === undefined && c.after === 'Fabrikam Copilot rollout'),
    );
  });

  const TYPES: [string, Partial<NewDealInput>, DealType][] = [
    ['no help and hidden from Microsoft sellers', { help: 'none', microsoftSellersMaySee: false }, 'private'],
    ['no help but visible to Microsoft sellers', { help: 'none', microsoftSellersMaySee: true }, 'partnerLed'],
    ['help asked, hidden', { help: 'technicalArchitecture', microsoftSellersMaySee: false }, 'coSell'],
    ['help asked, visible', { help: 'pricingAndLicensing', microsoftSellersMaySee: true }, 'coSell'],
    ['one assessment', { solutions: [ASSESSMENT], help: 'none', microsoftSellersMaySee: false }, 'solutionAssessment'],
  ];
  for (const [answers, change, type] of TYPES) {
    it(`is ${type} with ${answers}`, () => {
      const { record } = ok(createDeal('deal-1', { ...INPUT, ...change }, REP, NOW));
      assert.equal(dealTypeOf(record), type);
      assert.equal(record.desk.microsoftHelp, type === 'coSell' ? change.help : undefined);
    });
  }

  it('can be upgraded from private to co-sell, and a co-sell deal we created may invite partners', () => {
    const { record } = ok(createDeal('deal-1', INPUT, REP, NOW));
    assert.deepEqual(upgradesOf(record), ['shareWithMicrosoft', 'inviteMicrosoft']);
    const coSell = ok(
      decide(record, { action: 'upgrade', input: { upgrade: 'inviteMicrosoft', help: 'dealStrategy' } }, REP, NOW),
    ).record;
    assert.deepEqual(upgradesOf(coSell), ['invitePartner']);
  });

  it('names every missing or wrong field at once', () => {
    const result = createDeal(
      'deal-1',
      {
        ...INPUT,
        customerName: ' ',
        country: 'Atlantis',
        contact: { firstName: '', lastName: 'Buyer', phoneNumber: '12', email: 'buyer' },
        dealValue: Number.NaN,
        closingDate: '2026-01-01',
        member: {},
        solutions: [],
        help: '',
        microsoftSellersMaySee: undefined,
      },
      REP,
      NOW,
    );
    assert.ok(isDomainError(result));
    assert.deepEqual(
      result.problems.map((p) => `${p.field}:${p.problem}`),
      [
        'customerName:required',
        'country:unknownChoice',
        'contactFirstName:required',
        'contactPhoneNumber:invalidPhone',
        'contactEmail:invalidEmail',
        'dealValue:notANumber',
        'closingDate:dateInPast',
        'memberFirstName:required',
        'memberLastName:required',
        'memberPhoneNumber:required',
        'memberEmail:required',
        'solutions:required',
        'help:required',
        'microsoftSellersMaySee:required',
      ],
    );
  });

  it('refuses an assessment together with other solutions', () => {
    const result = createDeal('deal-1', { ...INPUT, solutions: [ASSESSMENT, COPILOT] }, REP, NOW);
    assert.ok(isDomainError(result));
    assert.deepEqual(result.problems, [{ field: 'solutions', problem: 'assessmentOnly' }]);
  });
});
