import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import regionsFile from '../../bot/config/regions.default.json';
import { leadKindOf, type LeadKind } from '../../bot/domain/leadKind';
import type { Referral } from '../../bot/domain/referral';
import type { Region } from '../../bot/domain/routing';
import { parseReferrals } from '../../bot/partnerCenter/referralSchema';
import { countryOf, DEMO_FIXTURE_NOW, demoFeed, loadDemoReferrals, regionOf } from '../../tools/demo/feed';
import { NOW } from '../support/fixtures';

const REGIONS: readonly Region[] = regionsFile.regions;
const asReferral = (json: Record<string, unknown>) => json as unknown as Referral;
const instant = (iso: unknown) => DateTime.fromISO(String(iso), { zone: 'utc' });

/** Every `…DateTime` value of a referral, however deeply nested, in document order. */
function dateTimes(json: unknown): string[] {
  const found: string[] = [];
  JSON.stringify(json, (key, value: unknown) => {
    if (key.endsWith('DateTime')) found.push(String(value));
    return value;
  });
  return found;
}

const withoutDates = (json: unknown): unknown =>
  JSON.parse(JSON.stringify(json, (key, value: unknown) => (key.endsWith('DateTime') ? '(date)' : value)));

describe('demo feed', () => {
  const demos = loadDemoReferrals();

  describe('the sample referrals', () => {
    it("are written against the tests' NOW, in file-name order, each with a scenario", () => {
      assert.equal(DEMO_FIXTURE_NOW.toMillis(), NOW.toMillis());
      assert.ok(demos.length >= 8, `${demos.length} samples`);
      assert.deepEqual(
        demos.map((d) => d.file),
        demos.map((d) => d.file).sort(),
      );
      for (const demo of demos) assert.ok(demo.scenario.trim(), `${demo.file} has a scenario`);
    });

    it('are each a valid delivery for POST /api/referrals, new and incoming, with unique ids', () => {
      for (const { file, referral } of demos) {
        const parsed = parseReferrals(referral);
        assert.ok('referrals' in parsed, `${file}: ${JSON.stringify(parsed)}`);
        assert.equal(referral.status, 'New', file);
        assert.equal(referral.substatus, 'Received', file);
        assert.equal(referral.direction, 'Incoming', file);
        assert.match(
          String(referral.id),
          /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
          file,
        );
        assert.ok(instant(referral.createdDateTime) <= DEMO_FIXTURE_NOW, `${file} was created before now`);
      }
      for (const field of ['id', 'engagementId']) {
        assert.equal(new Set(demos.map((d) => d.referral[field])).size, demos.length, `unique ${field}s`);
      }
    });

    it('cover every lead kind', () => {
      const kinds = new Set(demos.map((d) => leadKindOf(asReferral(d.referral))));
      const all: LeadKind[] = [
        'customerInquiry',
        'marketingQualified',
        'salesQualified',
        'coSellFromMicrosoft',
        'coSellFromPartner',
      ];
      assert.deepEqual([...kinds].sort(), [...all].sort());
      const fromPartner = demos.find((d) => leadKindOf(asReferral(d.referral)) === 'coSellFromPartner')!.referral;
      const details = fromPartner.details as Record<string, unknown>;
      assert.ok(typeof details.dealValue === 'number' && details.closingDateTime, "the partner's value and close date");
      const fromMicrosoft = demos.filter((d) => leadKindOf(asReferral(d.referral)) === 'coSellFromMicrosoft');
      assert.ok(
        fromMicrosoft.some((d) => asReferral(d.referral).inviteContext?.assistanceRequestCode),
        'a co-sell invitation asks for help',
      );
    });

    it('come from every region of the default regions file, and exactly one from APAC (JP)', () => {
      const byRegion = new Map<string, string[]>();
      for (const { file, referral } of demos) {
        const region = regionOf(countryOf(referral), REGIONS);
        assert.ok(region, `${file}: ${countryOf(referral)} is in a region`);
        byRegion.set(region.code, [...(byRegion.get(region.code) ?? []), countryOf(referral)]);
      }
      assert.deepEqual([...byRegion.keys()].sort(), REGIONS.map((r) => r.code).sort());
      assert.deepEqual(byRegion.get('apac'), ['JP']);
      assert.ok(
        new Set(byRegion.get('americas')).size >= 3 && new Set(byRegion.get('emea')).size >= 3,
        JSON.stringify([...byRegion]),
      );
    });

    it('have exactly one customer who asked to be contacted, an hour ago', () => {
      const asking = demos.filter((d) => asReferral(d.referral).details.customerRequestedContact === true);
      assert.equal(asking.length, 1);
      const age = DEMO_FIXTURE_NOW.diff(instant(asking[0].referral.createdDateTime)).as('hours');
      assert.ok(age > 0 && age <= 2, `created ${age} h before now`);
    });

    it('have one that expires within 24 hours and is still open', () => {
      const expiring = demos.filter((d) => {
        const left = instant(d.referral.expirationDateTime).diff(DEMO_FIXTURE_NOW).as('hours');
        return left > 0 && left < 24;
      });
      assert.equal(expiring.length, 1);
      assert.equal(expiring[0].referral.status, 'New');
      for (const { file, referral } of demos)
        assert.ok(instant(referral.expirationDateTime) > DEMO_FIXTURE_NOW, `${file} is not expired`);
    });

    it('name no people: customer contacts go by their role, with .example addresses', () => {
      for (const { file, referral } of demos) {
        for (const person of asReferral(referral).customerProfile.team ?? []) {
          assert.match(person.email ?? '', /^[a-z.]+@[a-z]+\.example$/, file);
          assert.match(`${person.firstName} ${person.lastName}`, /director|head|manager|officer|chief|lead/i, file);
        }
      }
    });
  });

  describe('demoFeed', () => {
    it('moves every date by the same amount, nested ones too', () => {
      const later = DEMO_FIXTURE_NOW.plus({ months: 3, days: 5, hours: 7, minutes: 13 });
      const shift = later.diff(DEMO_FIXTURE_NOW).as('milliseconds');
      const shifted = demoFeed({ now: later });
      assert.deepEqual(
        shifted.map((d) => d.file),
        demos.map((d) => d.file),
      );
      demos.forEach(({ file, referral }, i) => {
        const moved = shifted[i].referral;
        const before = dateTimes(referral);
        const after = dateTimes(moved);
        assert.ok(before.length >= 3, `${file} has dates`);
        before.forEach((iso, j) =>
          assert.equal(instant(after[j]).diff(instant(iso)).as('milliseconds'), shift, `${file}: ${iso} → ${after[j]}`),
        );
        assert.equal(
          instant(moved.expirationDateTime).diff(later).as('milliseconds'),
          instant(referral.expirationDateTime).diff(DEMO_FIXTURE_NOW).as('milliseconds'),
          `${file}: the time left stays the same`,
        );
        assert.deepEqual(withoutDates(moved), withoutDates(referral), `${file}: only the dates change`);
        assert.ok('referrals' in parseReferrals(moved), `${file} still parses`);
      });
      const closing = demos.findIndex((d) => (d.referral.details as Record<string, unknown>).closingDateTime);
      assert.ok(closing >= 0, 'a sample has a close date');
      const closingOf = (json: Record<string, unknown>) =>
        instant((json.details as Record<string, unknown>).closingDateTime);
      assert.equal(
        closingOf(shifted[closing].referral).diff(closingOf(demos[closing].referral)).as('milliseconds'),
        shift,
      );
    });

    it("keeps the dates as written when now is the fixtures' now", () => {
      assert.deepEqual(
        demoFeed({ now: DEMO_FIXTURE_NOW }).map((d) => d.referral),
        demos.map((d) => d.referral),
      );
    });

    it('gives new unique ids with freshIds, and keeps the sample ids without', () => {
      const first = demoFeed({ now: NOW, freshIds: true });
      const second = demoFeed({ now: NOW, freshIds: true });
      const ids = [...first, ...second].flatMap((d) => [d.referral.id, d.referral.engagementId]);
      assert.equal(new Set(ids).size, ids.length);
      const sampleIds = new Set(demos.flatMap((d) => [d.referral.id, d.referral.engagementId]));
      assert.ok(ids.every((id) => !sampleIds.has(id)));
      assert.ok(first.every((d) => 'referrals' in parseReferrals(d.referral)));
      assert.deepEqual(
        demoFeed({ now: NOW, freshIds: false }).map((d) => [d.referral.id, d.referral.engagementId]),
        demos.map((d) => [d.referral.id, d.referral.engagementId]),
      );
    });
  });
});
