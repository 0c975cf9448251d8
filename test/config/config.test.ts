import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../bot/config/config';
import { loadExchangeRates } from '../../bot/config/exchangeRates';
import { loadRegions } from '../../bot/config/regions';
import { loadSolutions } from '../../bot/config/solutions';

describe('configuration', () => {
  it('has working defaults for a local run', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3978);
    assert.deepEqual(config.tables, { kind: 'embedded', dataDir: './.data' });
    assert.equal(config.appId, '');
  });

  it('treats empty variables (as in a copied env.sample) as not set', () => {
    assert.equal(loadConfig({ PORT: '', MicrosoftAppId: '' }).port, 3978);
  });

  it('refuses to start with an app id but no webhook secret, naming the variable', () => {
    assert.throws(
      () => loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw' }),
      (error: Error) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /REFERRALS_WEBHOOK_SECRET/);
        return true;
      },
    );
  });

  it('names every malformed variable', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', TABLE_PREFIX: '1bad', MicrosoftAppType: 'Other' }),
      (error: Error) => {
        for (const name of ['PORT', 'TABLE_PREFIX', 'MicrosoftAppType']) assert.match(error.message, new RegExp(name));
        return true;
      },
    );
  });

  it('reads the admins as a comma-separated list', () => {
    assert.deepEqual(loadConfig({}).admins, []);
    assert.deepEqual(loadConfig({ DESK_ADMINS: ' aad-1, 29:admin ,,' }).admins, ['aad-1', '29:admin']);
  });

  describe('reminders and working hours', () => {
    it("defaults to Partner Center's clocks and weekday office hours in UTC", () => {
      const { reminderPolicy, defaultHours } = loadConfig({});
      assert.equal(reminderPolicy.responseNudgeAfter.as('hours'), 20);
      assert.deepEqual(
        reminderPolicy.beforeDeadline.map((d) => d.as('hours')),
        [72, 24, 4],
      );
      assert.equal(reminderPolicy.escalateBefore.as('hours'), 24);
      assert.equal(reminderPolicy.staleAfter.as('days'), 1);
      assert.deepEqual(defaultHours, { timeZone: 'UTC', start: '09:00', end: '17:30', days: [1, 2, 3, 4, 5] });
    });

    it('reads lengths of time, reminder offsets longest first, hours and days', () => {
      const { reminderPolicy, defaultHours } = loadConfig({
        RESPONSE_NUDGE_AFTER: '18h30m',
        REMIND_BEFORE_EXPIRY: '2h, 5d,1d12h',
        ESCALATE_BEFORE_EXPIRY: '2d',
        STALE_DEAL_AFTER: '90m',
        DEFAULT_TIME_ZONE: 'Europe/Berlin',
        WORKING_HOURS: '08:00-16:00',
        WORKING_DAYS: 'sun,mon,tue,wed,thu',
      });
      assert.equal(reminderPolicy.responseNudgeAfter.as('minutes'), 18 * 60 + 30);
      assert.deepEqual(
        reminderPolicy.beforeDeadline.map((d) => d.as('hours')),
        [120, 36, 2],
      );
      assert.equal(reminderPolicy.escalateBefore.as('hours'), 48);
      assert.equal(reminderPolicy.staleAfter.as('minutes'), 90);
      assert.deepEqual(defaultHours, {
        timeZone: 'Europe/Berlin',
        start: '08:00',
        end: '16:00',
        days: [1, 2, 3, 4, 7],
      });
    });

    it("speaks the desk's language, one it has a catalog of", () => {
      assert.equal(loadConfig({}).language, 'en');
      assert.equal(loadConfig({ DESK_LANGUAGE: 'EN' }).language, 'en');
      assert.equal(loadConfig({ DESK_LANGUAGE: 'de-AT' }).language, 'de', 'a locale picks its language');
      assert.throws(() => loadConfig({ DESK_LANGUAGE: 'xx' }), /DESK_LANGUAGE: must be one of en/);
      assert.throws(() => loadConfig({ DESK_LANGUAGE: 'pt-BR' }), /DESK_LANGUAGE: must be one of en/);
    });

    it('names every malformed time setting', () => {
      const bad = {
        RESPONSE_NUDGE_AFTER: 'soon',
        REMIND_BEFORE_EXPIRY: '3d,,4h',
        ESCALATE_BEFORE_EXPIRY: '0h',
        STALE_DEAL_AFTER: '-1d',
        DEFAULT_TIME_ZONE: 'Mars/Olympus',
        WORKING_HOURS: '17:00-09:00',
        WORKING_DAYS: 'mon,funday',
      };
      assert.throws(
        () => loadConfig(bad),
        (error: Error) => {
          for (const name of Object.keys(bad)) assert.match(error.message, new RegExp(`${name}: `), name);
          return true;
        },
      );
    });
  });

  describe('Partner Center webhooks', () => {
    it("by default takes certificates from the host Partner Center documents, issued by Microsoft, chained to Node's roots", () => {
      assert.deepEqual(loadConfig({}).partnerCenterWebhooks, {
        certificateHosts: ['3psostorageacct.blob.core.windows.net'],
        trustAnchorsFile: '',
        certificateIssuer: 'Microsoft',
      });
    });

    it('reads the certificate hosts as a comma-separated list, wildcards included', () => {
      const settings = loadConfig({
        PARTNER_CENTER_CERTIFICATE_HOSTS: ' certs.example.com, *.blob.core.windows.net ,,',
        PARTNER_CENTER_TRUST_ANCHORS: '/etc/referral-desk/anchors.pem',
        PARTNER_CENTER_CERTIFICATE_ISSUER: ' Microsoft Corporation ',
      }).partnerCenterWebhooks;
      assert.deepEqual(settings, {
        certificateHosts: ['certs.example.com', '*.blob.core.windows.net'],
        trustAnchorsFile: '/etc/referral-desk/anchors.pem',
        certificateIssuer: 'Microsoft Corporation',
      });
    });

    it('names PARTNER_CENTER_CERTIFICATE_HOSTS for an empty list, a URL instead of a host, or a wildcard that is too wide', () => {
      for (const [value, message] of [
        [',', /must name at least one host/],
        ['https://certs.example.com/x.cer', /is not a host name/],
        ['certs.example.com,*.net', /"\*\.net" is too wide/],
      ] as const) {
        assert.throws(
          () => loadConfig({ PARTNER_CENTER_CERTIFICATE_HOSTS: value }),
          (error: Error) => {
            assert.ok(error instanceof ConfigError);
            assert.match(error.message, /PARTNER_CENTER_CERTIFICATE_HOSTS: /);
            assert.match(error.message, message);
            return true;
          },
        );
      }
    });

    it('names PARTNER_CENTER_CERTIFICATE_ISSUER when it is blank', () => {
      assert.throws(
        () => loadConfig({ PARTNER_CENTER_CERTIFICATE_ISSUER: '   ' }),
        /PARTNER_CENTER_CERTIFICATE_ISSUER: /,
      );
    });
  });

  const write = (content: string) => {
    const file = join(mkdtempSync(join(tmpdir(), 'config-')), 'file.json');
    writeFileSync(file, content);
    return file;
  };

  describe('solutions file', () => {
    it('uses the built-in sample by default, with incentive-eligible solutions and assessments', () => {
      const solutions = loadSolutions('');
      assert.ok(solutions.some((s) => s.incentiveEligible));
      assert.ok(solutions.some((s) => s.kind === 'assessment'));
    });

    it('reads SOLUTIONS_FILE, filling in the defaults', () => {
      assert.deepEqual(loadSolutions(write('{"solutions": [{"id": "x", "name": "X"}]}')), [
        { id: 'x', name: 'X', kind: 'solution', incentiveEligible: false },
      ]);
    });

    it('refuses a bad file with the variable and the problem', () => {
      assert.throws(
        () => loadSolutions(write('{"solutions": [{"id": "x", "name": "X"}, {"id": "x", "name": "Y"}]}')),
        /SOLUTIONS_FILE.*ids must be unique/,
      );
      assert.throws(
        () => loadSolutions(write('{"solutions": [{"id": "x", "name": "X", "kind": "bundle"}]}')),
        /SOLUTIONS_FILE.*kind/,
      );
      assert.throws(() => loadSolutions('/does/not/exist.json'), /SOLUTIONS_FILE: cannot read/);
    });
  });

  describe('digest currency and exchange rates', () => {
    it('compares no currencies unless both DIGEST_CURRENCY and EXCHANGE_RATES_FILE are set, and reads the rates', () => {
      assert.equal(loadExchangeRates('', ''), undefined);
      const file = write('{"USD": 0.92, "JPY": 0.0061}');
      assert.deepEqual(loadConfig({ DIGEST_CURRENCY: 'EUR', EXCHANGE_RATES_FILE: file }).digestCurrency, 'EUR');
      assert.deepEqual(loadExchangeRates('EUR', file), { currency: 'EUR', rates: { USD: 0.92, JPY: 0.0061 } });
    });

    it('refuses a bad code, one without the other, and a bad rate, naming the variable and the field', () => {
      assert.throws(
        () => loadConfig({ DIGEST_CURRENCY: 'euro', EXCHANGE_RATES_FILE: 'x' }),
        /DIGEST_CURRENCY: .*ISO 4217/,
      );
      assert.throws(() => loadConfig({ DIGEST_CURRENCY: 'EUR' }), /EXCHANGE_RATES_FILE: must be set/);
      assert.throws(() => loadConfig({ EXCHANGE_RATES_FILE: 'rates.json' }), /DIGEST_CURRENCY: must be set/);
      assert.throws(
        () => loadExchangeRates('EUR', write('{"USD": -1}')),
        /EXCHANGE_RATES_FILE .*: USD: must be a positive/,
      );
      assert.throws(() => loadExchangeRates('EUR', write('{"USD": "0.9"}')), /EXCHANGE_RATES_FILE .*: USD: /);
      assert.throws(
        () => loadExchangeRates('EUR', write('{"dollar": 0.9}')),
        /EXCHANGE_RATES_FILE .*: dollar: .*ISO 4217/,
      );
      assert.throws(() => loadExchangeRates('EUR', '/does/not/exist.json'), /EXCHANGE_RATES_FILE: cannot read/);
    });
  });

  describe('regions file', () => {
    it('reads the managers of a region', () => {
      const regions = loadRegions(
        write(
          JSON.stringify({ regions: [{ code: 'dach', name: 'DACH', countries: ['DE'], managers: ['aad-manager'] }] }),
        ),
      );
      assert.deepEqual(regions[0].managers, ['aad-manager']);
    });

    it('uses the built-in regions by default', () => {
      assert.deepEqual(
        loadRegions('').map((r) => r.code),
        ['americas', 'emea', 'apac'],
      );
    });

    it('reads REGIONS_FILE and normalises country codes', () => {
      const regions = loadRegions(
        write(JSON.stringify({ regions: [{ code: 'dach', name: 'DACH', countries: ['de', 'AT', 'ch'] }] })),
      );
      assert.deepEqual(regions, [{ code: 'dach', name: 'DACH', countries: ['DE', 'AT', 'CH'] }]);
    });

    it('refuses a bad file with the variable and the problem', () => {
      assert.throws(
        () => loadRegions(write('{"regions": [{"code": "de", "name": "x", "countries": ["XX"]}]}')),
        (error: Error) => {
          assert.match(error.message, /REGIONS_FILE/);
          assert.match(error.message, /two letters would read as a country/);
          assert.match(error.message, /"XX" is not an ISO-3166/);
          return true;
        },
      );
      assert.throws(() => loadRegions('/does/not/exist.json'), /REGIONS_FILE: cannot read/);
      assert.throws(
        () => loadRegions(write('{"regions": [{"code": "fallback", "name": "x", "countries": ["DE"]}]}')),
        /reserved/,
      );
    });
  });
});
