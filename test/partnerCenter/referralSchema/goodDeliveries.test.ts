import assert from 'node:assert/strict';
import { pcReferral } from '../../support/fixtures';
import type { WireObject } from '../../support/wireJson';
import { referralsOf, withoutKey } from './fixtures';

describe('partnerCenter: parseReferrals', () => {
  describe('good deliveries', () => {
    it('reads a single referral object', () => {
      const [referral] = referralsOf(pcReferral());
      assert.equal(referral.id, 'a1b2c3d4-0000-4000-8000-000000000001');
      assert.equal(referral.name, 'Contoso cloud migration');
      assert.equal(referral.status, 'New');
      assert.equal(referral.substatus, 'Received');
      assert.equal(referral.customerProfile.address.country, 'DE');
      assert.equal(referral.details.dealValue, 25000);
    });

    it('reads a field Partner Center sends as null as absent, at any depth; array items stay', () => {
      const base = pcReferral();
      const [referral] = referralsOf({
        ...base,
        name: null,
        externalReferenceId: null,
        statusReason: null,
        closedDateTime: null,
        details: { ...(base.details as object), notes: null, dealValue: null, closingDateTime: null },
        customerProfile: {
          ...(base.customerProfile as object),
          size: null,
          team: [{ firstName: 'Anna', email: null }],
        },
      });
      assert.equal(referral.name, 'Contoso GmbH', 'no name: named after its customer');
      for (const field of ['externalReferenceId', 'statusReason', 'closedDateTime'])
        assert.equal(field in referral, false, field);
      for (const field of ['notes', 'dealValue', 'closingDateTime'])
        assert.equal(field in referral.details, false, field);
      assert.equal('size' in referral.customerProfile, false);
      assert.deepEqual(referral.customerProfile.team, [{ firstName: 'Anna' }]);
      assert.equal(JSON.stringify(referral).includes('null'), false);
    });

    it('reads an array of referrals, in order', () => {
      const referrals = referralsOf([pcReferral({ id: 'r-1' }), pcReferral({ id: 'r-2' }), pcReferral({ id: 'r-3' })]);
      assert.deepEqual(
        referrals.map((r) => r.id),
        ['r-1', 'r-2', 'r-3'],
      );
    });

    it('writes every timestamp as a UTC ISO instant', () => {
      const [referral] = referralsOf(
        pcReferral({
          createdDateTime: '2026-11-23T10:00:00+02:00',
          updatedDateTime: '2026-11-23T08:30:00Z',
          expirationDateTime: '2026-12-07T09:00:00+01:00',
          acceptedDateTime: '2026-11-23T08:45:00.5Z',
          details: { closingDateTime: '2027-01-31T00:00:00-05:00' },
        }),
      );
      assert.equal(referral.createdDateTime, '2026-11-23T08:00:00.000Z');
      assert.equal(referral.updatedDateTime, '2026-11-23T08:30:00.000Z');
      assert.equal(referral.expirationDateTime, '2026-12-07T08:00:00.000Z');
      assert.equal(referral.acceptedDateTime, '2026-11-23T08:45:00.500Z');
      assert.equal(referral.details.closingDateTime, '2027-01-31T05:00:00.000Z');
    });

    it('defaults status and substatus to New/Received', () => {
      const [referral] = referralsOf(withoutKey(withoutKey(pcReferral(), 'status'), 'substatus'));
      assert.equal(referral.status, 'New');
      assert.equal(referral.substatus, 'Received');
    });

    it('keeps a status and substatus that were sent', () => {
      const [referral] = referralsOf(pcReferral({ status: 'Active', substatus: 'Accepted' }));
      assert.equal(`${referral.status}/${referral.substatus}`, 'Active/Accepted');
    });

    it('defaults type and qualification', () => {
      const [referral] = referralsOf(withoutKey(withoutKey(pcReferral(), 'type'), 'qualification'));
      assert.equal(referral.type, 'Independent');
      assert.equal(referral.qualification, 'None');
    });

    it('leaves missing timestamps for the ingest to fill in', () => {
      const bare = withoutKey(
        withoutKey(withoutKey(pcReferral(), 'createdDateTime'), 'updatedDateTime'),
        'expirationDateTime',
      );
      const [referral] = referralsOf(bare);
      assert.equal(referral.createdDateTime, undefined);
      assert.equal(referral.updatedDateTime, undefined);
      assert.equal(referral.expirationDateTime, undefined);
    });

    it('names the referral after the customer when it has no name', () => {
      assert.equal(referralsOf(withoutKey(pcReferral(), 'name'))[0].name, 'Contoso GmbH');
      assert.equal(referralsOf(pcReferral({ name: '   ' }))[0].name, 'Contoso GmbH');
      assert.equal(referralsOf(pcReferral({ name: '' }))[0].name, 'Contoso GmbH');
    });

    it('normalises the country code to upper case', () => {
      for (const country of ['de', 'De', ' de ']) {
        const profile = { name: 'Contoso GmbH', address: { city: 'Berlin', country } };
        assert.equal(
          referralsOf(pcReferral({ customerProfile: profile }))[0].customerProfile.address.country,
          'DE',
          JSON.stringify(country),
        );
      }
    });

    it('normalises the currency to upper case', () => {
      assert.equal(referralsOf(pcReferral({ details: { currency: 'usd' } }))[0].details.currency, 'USD');
    });

    it('accepts a referral without details', () => {
      const [referral] = referralsOf(withoutKey(pcReferral(), 'details'));
      assert.deepEqual(referral.details, {});
    });

    it('keeps unknown fields, at the top and nested', () => {
      const body = pcReferral({
        favorite: true,
        tags: [{ tag: 'priority' }],
        salesStage: 'Qualify',
        links: { self: { uri: 'https://api.partner.microsoft.com/v1.0/engagements/referrals/x', method: 'GET' } },
        customerProfile: {
          name: 'Contoso GmbH',
          size: '100to499employees',
          ids: [{ profileType: 'Duns', id: '123456789' }],
          address: { city: 'Berlin', country: 'DE', region: 'Berlin' },
          team: [{ firstName: 'Anna', contactPreference: { locale: 'de-DE', disableNotifications: false } }],
        },
        details: { dealValue: 1, customerAction: 'Contact', requirements: { industries: [{ id: 'manufacturing' }] } },
        inviteContext: {
          invitedBy: { organizationId: 'o-1', organizationName: 'Microsoft' },
          assistanceRequestCode: 'TechnicalAssistance',
        },
      });
      const [referral] = referralsOf(body);
      const kept = referral as unknown as WireObject;
      assert.equal(kept.favorite, true);
      assert.deepEqual(kept.tags, [{ tag: 'priority' }]);
      assert.equal(kept.salesStage, 'Qualify');
      assert.deepEqual(kept.links, body.links);
      assert.deepEqual(kept.consent, { consentToToShareInfoWithOthers: true, consentToContact: true });
      assert.deepEqual(kept.target, [{ id: 'loc-emea-1', type: 'BusinessProfileLocation' }]);
      assert.equal(kept.engagementId, 'e1b2c3d4-0000-4000-8000-000000000001');
      assert.equal(kept.direction, 'Incoming');
      assert.equal(kept.customerProfile.size, '100to499employees');
      assert.deepEqual(kept.customerProfile.ids, [{ profileType: 'Duns', id: '123456789' }]);
      assert.equal(kept.customerProfile.address.region, 'Berlin');
      assert.deepEqual(kept.customerProfile.team[0].contactPreference, {
        locale: 'de-DE',
        disableNotifications: false,
      });
      assert.equal(kept.details.customerAction, 'Contact');
      assert.deepEqual(kept.details.requirements, { industries: [{ id: 'manufacturing' }] });
      assert.equal(kept.inviteContext.assistanceRequestCode, 'TechnicalAssistance');
    });

    it('does not modify the body it was given', () => {
      const body = [pcReferral({ customerProfile: { name: 'Contoso GmbH', address: { country: 'de' } } })];
      const copy = structuredClone(body);
      referralsOf(body);
      assert.deepEqual(body, copy);
    });
  });
});
