import assert from 'node:assert/strict';
import {
  dealTypeOf,
  outboundDealType,
  registrationGaps,
  upgradesOf,
  type DealType,
  type Upgrade,
} from '../../../bot/domain/dealType';
import { decide } from '../../../bot/domain/lifecycle';
import type { Referral, ReferralRecord } from '../../../bot/domain/referral';
import { NOW } from '../../support/fixtures';
import { OWNER, accepted, kindOf, ok, problems } from './fixtures';

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
