import assert from 'node:assert/strict';
import regions from '../../bot/config/regions.default.json';
import { COUNTRY_CODES, countryName, isCountryCode, normalizeCountryCode } from '../../bot/domain/countries';

describe('countries', () => {
  describe('COUNTRY_CODES', () => {
    it('holds exactly 249 unique codes', () => {
      assert.equal(COUNTRY_CODES.length, 249);
      assert.equal(new Set(COUNTRY_CODES).size, 249);
    });

    it('holds only two upper-case letters per code, sorted', () => {
      const malformed = COUNTRY_CODES.filter((code) => !/^[A-Z]{2}$/.test(code));
      assert.deepEqual(malformed, [], `malformed codes: ${malformed.join(', ')}`);
      assert.deepEqual([...COUNTRY_CODES], [...COUNTRY_CODES].sort());
    });

    it('includes recently assigned codes and excludes user-assigned ones', () => {
      for (const code of ['AX', 'BQ', 'CW', 'SX', 'SS']) {
        assert.ok(COUNTRY_CODES.includes(code), `${code} should be included`);
      }
      for (const code of ['XK', 'EU', 'UK', 'ZZ']) {
        assert.ok(!COUNTRY_CODES.includes(code), `${code} should not be included`);
      }
    });
  });

  describe('isCountryCode / normalizeCountryCode', () => {
    it('accepts valid codes regardless of case and surrounding whitespace', () => {
      for (const input of ['DE', 'de', ' DE ', 'De']) {
        assert.equal(isCountryCode(input), true, JSON.stringify(input));
        assert.equal(normalizeCountryCode(input), 'DE', JSON.stringify(input));
      }
    });

    it('rejects unassigned, user-assigned, alpha-3 and empty codes', () => {
      for (const input of ['XK', 'ZZ', 'DEU', '', '  ', 'D']) {
        assert.equal(isCountryCode(input), false, JSON.stringify(input));
        assert.equal(normalizeCountryCode(input), undefined, JSON.stringify(input));
      }
    });
  });

  describe('countryName', () => {
    it('returns the English name by default', () => {
      assert.equal(countryName('DE'), 'Germany');
      assert.equal(countryName('de'), 'Germany');
    });

    it('uses the requested locale', () => {
      assert.equal(countryName('DE', 'de'), 'Deutschland');
    });

    it('falls back to the code when it is not valid', () => {
      assert.equal(countryName('XK'), 'XK');
      assert.equal(countryName('DEU'), 'DEU');
    });
  });

  describe('default regions', () => {
    it('have unique lower-case single-word codes and names', () => {
      const codes = regions.regions.map((region) => region.code);
      for (const code of codes) {
        assert.match(code, /^[a-z]+$/);
      }
      assert.equal(new Set(codes).size, codes.length, `duplicate region codes: ${codes.join(', ')}`);
      for (const region of regions.regions) {
        assert.ok(region.name.trim().length > 0, `region ${region.code} has no name`);
      }
    });

    it('cover every country code exactly once', () => {
      const seen = new Map<string, string[]>();
      for (const region of regions.regions) {
        for (const country of region.countries) {
          seen.set(country, [...(seen.get(country) ?? []), region.code]);
        }
      }
      const missing = COUNTRY_CODES.filter((code) => !seen.has(code));
      const duplicated = [...seen]
        .filter(([, regionCodes]) => regionCodes.length > 1)
        .map(([country, regionCodes]) => `${country} (${regionCodes.join(', ')})`);
      const unknown = [...seen.keys()].filter((code) => !isCountryCode(code) || code !== code.toUpperCase());
      assert.deepEqual(
        { missing, duplicated, unknown },
        { missing: [], duplicated: [], unknown: [] },
        `missing: ${missing.join(', ') || 'none'}; duplicated: ${duplicated.join(', ') || 'none'}; ` +
          `unknown: ${unknown.join(', ') || 'none'}`,
      );
    });

    it('list countries sorted within each region', () => {
      for (const region of regions.regions) {
        assert.deepEqual(region.countries, [...region.countries].sort(), `${region.code} is not sorted`);
      }
    });

    it('place spot-checked countries in the expected region', () => {
      const regionOf = (country: string): string | undefined =>
        regions.regions.find((region) => region.countries.includes(country))?.code;
      const expected: Record<string, string> = {
        US: 'americas',
        BR: 'americas',
        DE: 'emea',
        ZA: 'emea',
        AE: 'emea',
        JP: 'apac',
        AU: 'apac',
        IN: 'apac',
      };
      for (const [country, region] of Object.entries(expected)) {
        assert.equal(regionOf(country), region, country);
      }
    });
  });
});
