import assert from 'node:assert/strict';
import { DateTime, Duration } from 'luxon';
import { loadRegions } from '../../bot/config/regions';
import { leadKindOf } from '../../bot/domain/leadKind';
import type { Referral } from '../../bot/domain/referral';
import { parseReferrals } from '../../bot/partnerCenter/referralSchema';
import { COUNTRIES } from '../../tools/partnerCenterSimulator/generatorData';
import { generateReferral, generateReferrals } from '../../tools/partnerCenterSimulator/referralGenerator';
import { NOW } from '../support/fixtures';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const many = Array.from({ length: 300 }, (_, i) => generateReferral(i + 1, NOW)) as unknown as Referral[];

describe('simulator: generated referrals', () => {
  it('are the same for the same seed and time, and differ between seeds', () => {
    assert.deepEqual(generateReferral(7, NOW), generateReferral(7, NOW));
    assert.notEqual(generateReferral(7, NOW).id, generateReferral(8, NOW).id);
    assert.notDeepEqual({ ...generateReferral(7, NOW), id: '' }, { ...generateReferral(8, NOW), id: '' });
  });

  it('are accepted by the desk’s parser, every one of a long stream', () => {
    const result = parseReferrals(many);
    assert.ok('referrals' in result, JSON.stringify('problems' in result ? result.problems.slice(0, 3) : []));
    assert.equal(result.referrals.length, many.length);
  });

  it('have GUID ids, engagement ids and targets, all different', () => {
    assert.equal(new Set(many.map((r) => r.id)).size, many.length);
    for (const referral of many.slice(0, 50)) {
      assert.match(referral.id, GUID);
      assert.match(String(referral.engagementId), GUID);
      assert.match(String(referral.target?.[0].id), GUID);
      assert.equal(referral.target?.[0].type, 'BusinessProfileLocation');
    }
  });

  it('are created (and last updated) at the given time, New/Received, expiring 14 days later', () => {
    const referral = generateReferral(
      3,
      DateTime.fromISO('2026-11-23T09:15:30.250Z', { zone: 'utc' }),
    ) as unknown as Referral;
    assert.equal(referral.createdDateTime, '2026-11-23T09:15:30.250Z');
    assert.equal(referral.updatedDateTime, '2026-11-23T09:15:30.250Z');
    assert.equal(referral.expirationDateTime, '2026-12-07T09:15:30.250Z');
    assert.equal(`${referral.status}/${referral.substatus}`, 'New/Received');
    assert.equal(referral.direction, 'Incoming');
  });

  it('come from countries the default regions route', () => {
    const routed = new Set(loadRegions('').flatMap((region) => region.countries));
    for (const country of COUNTRIES) assert.ok(routed.has(country.code), `${country.code} is in a default region`);
    const countries = new Set(many.map((r) => r.customerProfile.address.country));
    assert.ok(countries.size >= 12, `${countries.size} countries`);
    for (const code of countries) assert.ok(routed.has(code), code);
  });

  it('vary as Partner Center’s do: every lead kind, both types, every qualification', () => {
    const kinds = new Set(many.map((r) => leadKindOf(r)));
    assert.deepEqual([...kinds].sort(), [
      'coSellFromMicrosoft',
      'coSellFromPartner',
      'customerInquiry',
      'marketingQualified',
      'salesQualified',
    ]);
    assert.deepEqual([...new Set(many.map((r) => r.type))].sort(), ['Independent', 'Shared']);
    assert.deepEqual([...new Set(many.map((r) => r.qualification))].sort(), [
      'Direct',
      'MarketingQualified',
      'SalesQualified',
    ]);
    const inviters = new Set(many.map((r) => r.inviteContext?.invitedBy?.organizationName ?? '(none)'));
    assert.ok(inviters.has('Microsoft') && inviters.has('(none)') && inviters.size >= 4, [...inviters].join(', '));
  });

  it('sometimes have the customer asking to be contacted, and sometimes no deal value', () => {
    const asked = many.filter((r) => r.details.customerRequestedContact === true).length;
    assert.ok(asked > 30 && asked < 200, `${asked} of ${many.length} asked to be contacted`);
    const withoutValue = many.filter((r) => r.details.dealValue === undefined);
    assert.ok(withoutValue.length > 0, 'some customer inquiries state no value');
    for (const referral of withoutValue) assert.equal(leadKindOf(referral), 'customerInquiry');
  });

  it('state values in the currency of the customer’s country, rounded, within each project’s range', () => {
    const currencies = new Map(COUNTRIES.map((c) => [c.code, c.currency]));
    const seen = new Set<string>();
    for (const referral of many.filter((r) => r.details.dealValue !== undefined)) {
      assert.equal(referral.details.currency, currencies.get(referral.customerProfile.address.country));
      assert.ok(
        referral.details.dealValue! >= 1000 && referral.details.dealValue! % 1000 === 0,
        String(referral.details.dealValue),
      );
      seen.add(referral.details.currency!);
    }
    assert.ok(seen.size >= 8, [...seen].join(', '));
  });

  it('name customer contacts by role, with addresses of the customer’s domain', () => {
    for (const referral of many.slice(0, 40)) {
      const [contact] = referral.customerProfile.team ?? [];
      assert.match(String(contact.email), /^[a-z.]+@[a-z-]+\.example$/);
      assert.ok(referral.name.startsWith(referral.customerProfile.name.split(' ')[0]), referral.name);
    }
  });

  it('come as a stream: consecutive seeds, evenly spaced', () => {
    const stream = generateReferrals(3, { seed: 10, from: NOW, every: Duration.fromObject({ minutes: 20 }) });
    assert.deepEqual(
      stream.map((r) => r.createdDateTime),
      ['2026-11-23T09:00:00Z', '2026-11-23T09:20:00Z', '2026-11-23T09:40:00Z'],
    );
    assert.deepEqual(stream[1], generateReferral(11, NOW.plus({ minutes: 20 })));
  });
});
