import assert from 'node:assert/strict';
import type { EditInput, LifecycleCommand } from '../../bot/domain/commands';
import {
  dealTypeOf,
  outboundDealType,
  registrationGaps,
  upgradesOf,
  type DealType,
  type Upgrade,
} from '../../bot/domain/dealType';
import { isDomainError, type DomainError, type FieldProblem } from '../../bot/domain/errors';
import { decide, type Decision } from '../../bot/domain/lifecycle';
import { authorityOf, NO_AUTHORITY, type Authority } from '../../bot/domain/permissions';
import { SALES_STAGES, type Actor, type Referral, type ReferralRecord } from '../../bot/domain/referral';
import { progressOf } from '../../bot/domain/salesStage';
import type { CatalogSolution } from '../../bot/domain/solutions';
import { MAX_TEAM_MEMBERS } from '../../bot/domain/validation';
import { NOW, receivedRecord } from '../support/fixtures';

const OWNER: Actor = { id: 'aad-owner', name: 'EMEA Rep', teamsId: '29:owner' };
const ENGINEER: Actor = { id: 'aad-engineer', name: 'Presales Engineer', teamsId: '29:engineer' };
const STRANGER: Actor = { id: 'aad-stranger', name: 'Americas Rep', teamsId: '29:stranger' };
const MANAGER: Authority = { admin: false, regionManager: true };
const ADMIN: Authority = { admin: true, regionManager: false };

const ENGINEER_MEMBER = {
  firstName: 'Presales',
  lastName: 'Engineer',
  phoneNumber: '+44 20 7946 0000',
  email: 'presales@partner.example',
};
const COPILOT: CatalogSolution = {
  id: 'sol-copilot',
  name: 'Copilot adoption',
  kind: 'solution',
  incentiveEligible: true,
};
const ASSESSMENT: CatalogSolution = {
  id: 'sol-assess',
  name: 'Security assessment',
  kind: 'assessment',
  incentiveEligible: false,
};

/** An accepted deal owned by OWNER, closing 2027-01-31, with one solution (sol-1). */
function accepted(referral: Partial<Referral> = {}, desk: Partial<ReferralRecord['desk']> = {}): ReferralRecord {
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

function ok(result: Decision | DomainError): Decision {
  if (isDomainError(result)) assert.fail(`expected a decision, got ${JSON.stringify(result)}`);
  return result;
}

function problems(result: Decision | DomainError): FieldProblem[] {
  assert.ok(isDomainError(result) && result.kind === 'invalidInput', JSON.stringify(result));
  return result.problems;
}

function kindOf(result: Decision | DomainError): string {
  return isDomainError(result) ? result.kind : 'decision';
}

const EDIT: EditInput = {
  dealName: 'Contoso landing zone',
  dealValue: 70000,
  currency: 'GBP',
  closingDate: '2027-04-30',
  notes: 'Scope grew to two subscriptions.',
  crmId: 'CRM-77',
  campaignId: '',
  salesStage: 'Developed',
};
const edit = (input: Partial<EditInput> = {}): LifecycleCommand => ({ action: 'edit', input: { ...EDIT, ...input } });

describe('deal changes on an accepted deal', () => {
  describe('edit', () => {
    it('changes nothing when the form is sent again as it is (a retried click)', () => {
      const { record: edited } = ok(decide(accepted(), edit(), OWNER, NOW));
      assert.deepEqual(decide(edited, edit(), OWNER, NOW.plus({ seconds: 5 })), { kind: 'noChange', action: 'edit' });
    });

    it('changes the deal details and records each field before → after, never the region', () => {
      const record = accepted({ campaignId: 'CMP-1' });
      const { record: next, event } = ok(decide(record, edit(), OWNER, NOW));
      assert.equal(next.referral.name, 'Contoso landing zone');
      assert.equal(next.referral.details.dealValue, 70000);
      assert.equal(next.referral.details.currency, 'GBP');
      assert.equal(next.referral.details.closingDateTime, '2027-04-30T00:00:00.000Z');
      assert.equal(next.referral.externalReferenceId, 'CRM-77');
      assert.equal(next.referral.campaignId, undefined, 'an emptied field is cleared');
      assert.equal(next.referral.salesStage, 'Developed');
      assert.deepEqual(next.referral.customerProfile, record.referral.customerProfile);
      assert.deepEqual(next.desk.lastDecision, record.desk.lastDecision, 'an edit is not a decision');
      assert.deepEqual(
        event.changes.map((c) => [c.field, c.before, c.after]),
        [
          ['name', 'Contoso cloud migration', 'Contoso landing zone'],
          ['dealValue', '25000', '70000'],
          ['currency', 'EUR', 'GBP'],
          ['closingDateTime', '2027-01-31T00:00:00.000Z', '2027-04-30T00:00:00.000Z'],
          ['notes', 'We want to move 40 VMs to Azure before March.', 'Scope grew to two subscriptions.'],
          ['externalReferenceId', undefined, 'CRM-77'],
          ['campaignId', 'CMP-1', undefined],
          ['salesStage', undefined, 'Developed'],
        ],
      );
    });

    it('keeps a close date that has already passed, but refuses moving it into the past', () => {
      const record = accepted({
        details: { ...accepted().referral.details, closingDateTime: '2026-11-01T00:00:00.000Z' },
      });
      ok(decide(record, edit({ closingDate: '2026-11-01' }), OWNER, NOW));
      assert.deepEqual(problems(decide(record, edit({ closingDate: '2026-11-10' }), OWNER, NOW)), [
        { field: 'closingDate', problem: 'dateInPast' },
      ]);
    });

    it('names every wrong field at once', () => {
      const result = decide(
        accepted(),
        edit({ dealName: '', dealValue: 0, currency: 'euro', closingDate: 'soon', salesStage: 'Closing' }),
        OWNER,
        NOW,
      );
      assert.deepEqual(problems(result), [
        { field: 'dealName', problem: 'required' },
        { field: 'dealValue', problem: 'notPositive' },
        { field: 'currency', problem: 'unknownCurrency' },
        { field: 'closingDate', problem: 'notADate' },
        { field: 'salesStage', problem: 'unknownChoice' },
      ]);
    });

    it('lets an ordinary deal move to any sales stage, or back', () => {
      const negotiated = ok(decide(accepted(), edit({ salesStage: 'Negotiated' }), OWNER, NOW)).record;
      assert.equal(progressOf(negotiated.referral), 80);
      const back = ok(decide(negotiated, edit({ salesStage: '' }), OWNER, NOW)).record;
      assert.equal(back.referral.salesStage, undefined);
      assert.equal(progressOf(back.referral), 10);
    });
  });

  describe('sales stages of a solution-assessment deal', () => {
    const assessment = () =>
      accepted({
        details: {
          ...accepted().referral.details,
          requirements: { solutions: [{ id: 'sol-assess', name: 'Security assessment', type: 'Assessment' }] },
        },
      });

    it('completes the stages one at a time and offers Won only after the last', () => {
      let record = assessment();
      assert.equal(dealTypeOf(record), 'solutionAssessment');
      assert.deepEqual(decide(record, { action: 'win', input: {} }, OWNER, NOW), {
        kind: 'stagesIncomplete',
        salesStage: undefined,
      });
      assert.deepEqual(problems(decide(record, edit({ salesStage: 'Developed' }), OWNER, NOW)), [
        { field: 'salesStage', problem: 'skipsStage' },
      ]);
      for (const stage of SALES_STAGES) {
        if (stage !== 'Qualified')
          assert.equal(kindOf(decide(record, { action: 'win', input: {} }, OWNER, NOW)), 'stagesIncomplete');
        record = ok(decide(record, edit({ salesStage: stage }), OWNER, NOW)).record;
      }
      assert.deepEqual(problems(decide(record, edit({ salesStage: 'Proposed' }), OWNER, NOW)), [
        { field: 'salesStage', problem: 'skipsStage' },
      ]);
      const won = ok(decide(record, { action: 'win', input: {} }, OWNER, NOW)).record;
      assert.equal(won.referral.substatus, 'Won');
      assert.equal(progressOf(won.referral), 100);
    });

    it('checks the person before the stages', () => {
      assert.equal(kindOf(decide(assessment(), { action: 'win', input: {} }, STRANGER, NOW)), 'notPermitted');
    });
  });

  describe('team members', () => {
    it('adds a member with their Teams account, who may then work the deal, and removes them again', () => {
      const add: LifecycleCommand = { action: 'addMember', input: { member: ENGINEER_MEMBER, account: ENGINEER } };
      assert.equal(kindOf(decide(accepted(), edit(), ENGINEER, NOW)), 'notPermitted');

      const { record: withEngineer, event } = ok(decide(accepted(), add, OWNER, NOW));
      assert.deepEqual(withEngineer.referral.team, [ENGINEER_MEMBER]);
      assert.deepEqual(withEngineer.desk.teamAccounts, [{ email: 'presales@partner.example', actor: ENGINEER }]);
      assert.deepEqual(event.changes, [
        { field: 'team', before: undefined, after: 'Presales Engineer (presales@partner.example)' },
      ]);
      ok(decide(withEngineer, edit(), ENGINEER, NOW));

      const removed = ok(
        decide(withEngineer, { action: 'removeMember', input: { email: 'PRESALES@partner.example' } }, ENGINEER, NOW),
      ).record;
      assert.deepEqual(removed.referral.team, []);
      assert.deepEqual(removed.desk.teamAccounts, []);
      assert.equal(kindOf(decide(removed, edit(), ENGINEER, NOW)), 'notPermitted');
    });

    it('adds a contact without a Teams account, who cannot act in Teams', () => {
      const next = ok(
        decide(accepted(), { action: 'addMember', input: { member: ENGINEER_MEMBER } }, OWNER, NOW),
      ).record;
      assert.deepEqual(next.referral.team, [ENGINEER_MEMBER]);
      assert.equal(next.desk.teamAccounts, undefined);
    });

    for (const [change, expected] of [
      [
        { firstName: ' ', lastName: '' },
        [
          { field: 'firstName', problem: 'required' },
          { field: 'lastName', problem: 'required' },
        ],
      ],
      [{ phoneNumber: 'call me' }, [{ field: 'phoneNumber', problem: 'invalidPhone' }]],
      [{ phoneNumber: '+1 23' }, [{ field: 'phoneNumber', problem: 'invalidPhone' }]],
      [{ phoneNumber: '' }, [{ field: 'phoneNumber', problem: 'required' }]],
      [{ email: 'presales.partner.example' }, [{ field: 'email', problem: 'invalidEmail' }]],
      [{ email: 'a b@partner.example' }, [{ field: 'email', problem: 'invalidEmail' }]],
    ] as const) {
      it(`refuses a member with ${JSON.stringify(change)}`, () => {
        const result = decide(
          accepted(),
          { action: 'addMember', input: { member: { ...ENGINEER_MEMBER, ...change } } },
          OWNER,
          NOW,
        );
        assert.deepEqual(problems(result), expected);
      });
    }

    it("refuses another person with a team member's e-mail and a full team, and changes nothing when the same person is added again", () => {
      const withOne = accepted({ team: [ENGINEER_MEMBER] });
      const again = {
        action: 'addMember',
        input: { member: { ...ENGINEER_MEMBER, email: 'Presales@Partner.Example' } },
      } as const;
      assert.deepEqual(decide(withOne, again, OWNER, NOW), { kind: 'noChange', action: 'addMember' });
      const other = {
        action: 'addMember',
        input: { member: { ...ENGINEER_MEMBER, firstName: 'Other', email: 'Presales@Partner.Example' } },
      } as const;
      assert.deepEqual(problems(decide(withOne, other, OWNER, NOW)), [{ field: 'email', problem: 'duplicate' }]);
      const full = accepted({
        team: Array.from({ length: MAX_TEAM_MEMBERS }, (_, i) => ({
          ...ENGINEER_MEMBER,
          email: `m${i}@partner.example`,
        })),
      });
      assert.deepEqual(
        problems(decide(full, { action: 'addMember', input: { member: ENGINEER_MEMBER } }, OWNER, NOW)),
        [{ field: 'team', problem: 'tooMany' }],
      );
    });

    it('changes nothing when removing someone not (or no longer) on the team', () => {
      assert.deepEqual(
        decide(accepted(), { action: 'removeMember', input: { email: 'x@partner.example' } }, OWNER, NOW),
        { kind: 'noChange', action: 'removeMember' },
      );
    });
  });

  describe('solutions', () => {
    it('adds and removes solutions, recording the list before → after', () => {
      const { record: next, event } = ok(
        decide(accepted(), { action: 'addSolution', input: { solution: COPILOT } }, OWNER, NOW),
      );
      assert.deepEqual(next.referral.details.requirements?.solutions, [
        { id: 'sol-1', name: 'Azure migration assessment' },
        { id: 'sol-copilot', name: 'Copilot adoption' },
      ]);
      assert.deepEqual(event.changes, [
        {
          field: 'solutions',
          before: 'Azure migration assessment',
          after: 'Azure migration assessment, Copilot adoption',
        },
      ]);
      const removed = ok(decide(next, { action: 'removeSolution', input: { solutionId: 'sol-1' } }, OWNER, NOW)).record;
      assert.deepEqual(removed.referral.details.requirements?.solutions, [
        { id: 'sol-copilot', name: 'Copilot adoption' },
      ]);
    });

    it('keeps at least one solution on a deal the partner created, but lets a received one have none', () => {
      const remove = { action: 'removeSolution', input: { solutionId: 'sol-1' } } as const;
      assert.deepEqual(problems(decide(accepted({}, { createdByPartner: true }), remove, OWNER, NOW)), [
        { field: 'solution', problem: 'lastSolution' },
      ]);
      ok(decide(accepted(), remove, OWNER, NOW));
    });

    it("changes nothing for a solution already on the deal, and refuses anything besides a deal's one assessment", () => {
      const again: CatalogSolution = {
        id: 'sol-1',
        name: 'Azure migration assessment',
        kind: 'solution',
        incentiveEligible: false,
      };
      assert.deepEqual(decide(accepted(), { action: 'addSolution', input: { solution: again } }, OWNER, NOW), {
        kind: 'noChange',
        action: 'addSolution',
      });
      assert.deepEqual(decide(accepted(), { action: 'removeSolution', input: { solutionId: 'sol-404' } }, OWNER, NOW), {
        kind: 'noChange',
        action: 'removeSolution',
      });
      assert.deepEqual(
        problems(decide(accepted(), { action: 'addSolution', input: { solution: ASSESSMENT } }, OWNER, NOW)),
        [{ field: 'solution', problem: 'assessmentOnly' }],
      );
      const assessment = accepted({
        details: {
          requirements: { solutions: [{ id: 'sol-assess', name: 'Security assessment', type: 'Assessment' }] },
        },
      });
      assert.deepEqual(
        problems(decide(assessment, { action: 'addSolution', input: { solution: COPILOT } }, OWNER, NOW)),
        [{ field: 'solution', problem: 'assessmentOnly' }],
      );
    });
  });

  describe('reassigning the owner', () => {
    const handOver = (to: Actor): LifecycleCommand => ({ action: 'reassign', input: { newOwner: to } });
    const withEngineer = () =>
      accepted({ team: [ENGINEER_MEMBER] }, { teamAccounts: [{ email: ENGINEER_MEMBER.email, actor: ENGINEER }] });

    const WHO: [string, Actor, Authority, string][] = [
      ['the owner', OWNER, NO_AUTHORITY, 'decision'],
      ["a manager of the deal's region", STRANGER, MANAGER, 'decision'],
      ['an admin', STRANGER, ADMIN, 'decision'],
      ['a team member', ENGINEER, NO_AUTHORITY, 'notPermitted'],
      ['anyone else', STRANGER, NO_AUTHORITY, 'notPermitted'],
    ];
    for (const [who, actor, authority, outcome] of WHO) {
      it(`${outcome === 'decision' ? 'lets' : 'refuses'} ${who}`, () => {
        const result = decide(withEngineer(), handOver(ENGINEER), actor, NOW, authority);
        assert.equal(kindOf(result), outcome);
        if (!isDomainError(result)) {
          assert.deepEqual(result.record.desk.owner, ENGINEER);
          assert.deepEqual(result.event.changes, [{ field: 'owner', before: 'EMEA Rep', after: 'Presales Engineer' }]);
        }
      });
    }

    it("finds who is an admin, and who manages the region of the deal's country", () => {
      const regions = [
        { code: 'dach', name: 'DACH', countries: ['DE', 'AT'], managers: ['aad-stranger'] },
        { code: 'nordics', name: 'Nordics', countries: ['SE'], managers: ['29:owner'] },
      ];
      assert.deepEqual(authorityOf(STRANGER, 'DE', regions, []), { admin: false, regionManager: true });
      assert.deepEqual(authorityOf(STRANGER, 'SE', regions, []), { admin: false, regionManager: false });
      assert.deepEqual(authorityOf(OWNER, 'SE', regions, []), { admin: false, regionManager: true }, 'by Teams id too');
      assert.deepEqual(authorityOf(ENGINEER, 'JP', regions, ['29:engineer']), { admin: true, regionManager: false });
    });

    it('gives a manager no say over the rest of the deal', () => {
      assert.equal(kindOf(decide(accepted(), edit(), STRANGER, NOW, MANAGER)), 'notPermitted');
      assert.equal(kindOf(decide(accepted(), { action: 'win', input: {} }, STRANGER, NOW, ADMIN)), 'notPermitted');
    });

    it('changes nothing when handing the deal to its owner', () => {
      assert.deepEqual(decide(accepted(), handOver(OWNER), OWNER, NOW), { kind: 'noChange', action: 'reassign' });
    });

    it('takes the deal away from the previous owner', () => {
      const next = ok(decide(accepted(), handOver(ENGINEER), OWNER, NOW)).record;
      assert.equal(kindOf(decide(next, edit(), OWNER, NOW)), 'notPermitted');
      ok(decide(next, edit(), ENGINEER, NOW));
    });
  });
});

describe('deal types', () => {
  it("decides an outbound deal's type from the two questions, as the help pages say", () => {
    assert.equal(outboundDealType('none', false), 'private');
    assert.equal(outboundDealType('none', true), 'partnerLed');
    assert.equal(outboundDealType('technicalArchitecture', false), 'coSell');
    assert.equal(outboundDealType('other', true), 'coSell');
  });

  /** [deal, its type, created by the partner, the upgrades it allows]. */
  const CASES: [string, Partial<Referral>, Partial<ReferralRecord['desk']>, DealType, Upgrade[]][] = [
    ['a private deal we created', {}, { createdByPartner: true }, 'private', ['shareWithMicrosoft', 'inviteMicrosoft']],
    ['a received marketplace lead', {}, {}, 'private', []],
    [
      'a partner-led deal',
      { consent: { consentToShareReferralWithMicrosoftSellers: true } },
      { createdByPartner: true },
      'partnerLed',
      ['inviteMicrosoft'],
    ],
    ['a co-sell deal we created', { type: 'Shared' }, { createdByPartner: true }, 'coSell', ['invitePartner']],
    [
      'a co-sell deal we received',
      { type: 'Shared', inviteContext: { invitedBy: { organizationName: 'Microsoft' } } },
      {},
      'coSell',
      [],
    ],
    [
      'a P2P invitation from a partner',
      { inviteContext: { invitedBy: { organizationName: 'Trey Research' } } },
      {},
      'p2p',
      ['inviteMicrosoft'],
    ],
    [
      'a P2P deal we created',
      {},
      { createdByPartner: true, invitedPartners: ['Trey Research'] },
      'p2p',
      ['inviteMicrosoft'],
    ],
    [
      'a solution assessment',
      { details: { requirements: { solutions: [{ id: 'a', name: 'Assessment', type: 'Assessment' }] } } },
      { createdByPartner: true },
      'solutionAssessment',
      [],
    ],
  ];
  for (const [name, referral, desk, type, upgrades] of CASES) {
    it(`${name} is ${type} and allows ${upgrades.join(', ') || 'no upgrade'}`, () => {
      const record = accepted(referral, desk);
      assert.equal(dealTypeOf(record), type);
      assert.deepEqual(upgradesOf(record), upgrades);
      for (const upgrade of ['shareWithMicrosoft', 'inviteMicrosoft', 'invitePartner'] as Upgrade[]) {
        const input = { upgrade, help: 'dealStrategy' as const, partnerName: 'Fourth Coffee' };
        const result = decide(record, { action: 'upgrade', input }, OWNER, NOW);
        assert.equal(kindOf(result), upgrades.includes(upgrade) ? 'decision' : 'upgradeNotAllowed', upgrade);
      }
    });
  }

  it('upgrades change the type: private → partner-led → co-sell → with an invited partner', () => {
    let record = accepted({}, { createdByPartner: true });
    record = ok(decide(record, { action: 'upgrade', input: { upgrade: 'shareWithMicrosoft' } }, OWNER, NOW)).record;
    assert.equal(dealTypeOf(record), 'partnerLed');
    assert.deepEqual(
      problems(decide(record, { action: 'upgrade', input: { upgrade: 'inviteMicrosoft', help: 'none' } }, OWNER, NOW)),
      [{ field: 'help', problem: 'required' }],
    );
    record = ok(
      decide(
        record,
        { action: 'upgrade', input: { upgrade: 'inviteMicrosoft', help: 'pricingAndLicensing' } },
        OWNER,
        NOW,
      ),
    ).record;
    assert.equal(dealTypeOf(record), 'coSell');
    assert.equal(record.desk.microsoftHelp, 'pricingAndLicensing');
    const invite = { action: 'upgrade', input: { upgrade: 'invitePartner', partnerName: 'Fourth Coffee' } } as const;
    const { record: withPartner, event } = ok(decide(record, invite, OWNER, NOW));
    assert.deepEqual(withPartner.desk.invitedPartners, ['Fourth Coffee']);
    assert.deepEqual(event.changes, [{ field: 'invitedPartners', before: undefined, after: 'Fourth Coffee' }]);
    assert.deepEqual(
      decide(withPartner, invite, OWNER, NOW),
      { kind: 'noChange', action: 'upgrade' },
      'a retried invitation is stored once',
    );
  });

  it('allows no upgrade on a closed deal', () => {
    const won = accepted({ status: 'Closed', substatus: 'Won' }, { createdByPartner: true });
    assert.deepEqual(upgradesOf(won), []);
  });

  describe('deal-registration eligibility', () => {
    const eligible = new Set(['sol-copilot']);
    const copilot = { requirements: { solutions: [{ id: 'sol-copilot', name: 'Copilot adoption' }] } };
    const won = (referral: Partial<Referral>, desk: Partial<ReferralRecord['desk']> = {}) =>
      accepted(
        { status: 'Closed', substatus: 'Won', details: copilot, ...referral },
        { createdByPartner: true, ...desk },
      );

    const CASES: [string, ReferralRecord, string[]][] = [
      [
        'a won partner-led deal with an eligible solution',
        won({ consent: { consentToShareReferralWithMicrosoftSellers: true } }),
        [],
      ],
      ['a won co-sell deal Microsoft accepted', won({ type: 'Shared' }, { microsoftAccepted: true }), []],
      [
        'a won co-sell deal Microsoft invited us to',
        won(
          { type: 'Shared', inviteContext: { invitedBy: { organizationName: 'Microsoft' } } },
          { createdByPartner: false },
        ),
        [],
      ],
      ['a won co-sell deal Microsoft has not joined', won({ type: 'Shared' }), ['microsoftEngaged']],
      ['a won private deal', won({}), ['dealType']],
      [
        'a won partner-led deal without an eligible solution',
        won({ consent: { consentToShareReferralWithMicrosoftSellers: true }, details: {} }),
        ['incentiveSolution'],
      ],
      [
        'an open partner-led deal',
        accepted({ consent: { consentToShareReferralWithMicrosoftSellers: true }, details: copilot }),
        ['won'],
      ],
      ['a lost co-sell deal', won({ type: 'Shared', substatus: 'Lost' }), ['won', 'microsoftEngaged']],
    ];
    for (const [name, record, gaps] of CASES) {
      it(`${name}: ${gaps.length ? `missing ${gaps.join(', ')}` : 'eligible'}`, () => {
        assert.deepEqual(registrationGaps(record, eligible), gaps);
      });
    }
  });
});
