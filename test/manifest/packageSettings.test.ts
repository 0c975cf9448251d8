import assert from 'node:assert/strict';
import { uuidV5 } from '../../tools/appPackage/uuidV5';
import {
  APP_ID_NAMESPACE,
  LOCAL_BOT_ID,
  LOCAL_DEVELOPER,
  derivedAppId,
  resolveBotId,
  resolvePackageSettings,
} from '../../tools/packageApp';
import {
  DEVELOPER_VARIABLE_NAMES,
  SAMPLE_APP_ID,
  SAMPLE_BOT_ID,
  SAMPLE_ENV,
  URL_VARIABLES,
  refusal,
  refuseNetworkAccess,
} from './fixtures';

describe('Teams app manifest', () => {
  refuseNetworkAccess();

  describe('resolveBotId', () => {
    it('uses MicrosoftAppId when set', () => {
      assert.deepEqual(resolveBotId({ MicrosoftAppId: SAMPLE_BOT_ID }), { botId: SAMPLE_BOT_ID });
    });

    it('falls back to the local bot id with a warning naming MicrosoftAppId', () => {
      for (const env of [{}, { MicrosoftAppId: '' }]) {
        const { botId, warning } = resolveBotId(env);
        assert.equal(botId, LOCAL_BOT_ID);
        assert.match(warning ?? '', /MicrosoftAppId/);
        assert.match(warning ?? '', /local client/);
      }
    });
  });

  describe('resolvePackageSettings', () => {
    it('reads the ids, developer fields and bot domain from the environment', () => {
      assert.deepEqual(resolvePackageSettings({ ...SAMPLE_ENV, DEVELOPER_NAME: '  Example Partner ' }), {
        settings: {
          appId: SAMPLE_APP_ID,
          botId: SAMPLE_BOT_ID,
          developer: {
            name: 'Example Partner',
            websiteUrl: 'https://partner.example.org',
            privacyUrl: 'https://partner.example.org/privacy',
            termsOfUseUrl: 'https://partner.example.org/legal/terms?lang=en',
          },
          botDomain: 'desk.example.org',
        },
        warnings: [],
      });
    });

    it('derives the app id from the bot id without TEAMS_APP_ID: the same for the same bot, another for another', () => {
      const { TEAMS_APP_ID: _unused, ...env } = SAMPLE_ENV;
      const { appId } = resolvePackageSettings(env).settings;
      assert.equal(appId, derivedAppId(SAMPLE_BOT_ID));
      assert.equal(appId, uuidV5(SAMPLE_BOT_ID, APP_ID_NAMESPACE));
      assert.match(appId, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.equal(
        resolvePackageSettings({ ...env, MicrosoftAppId: SAMPLE_BOT_ID.toUpperCase() }).settings.appId,
        appId,
      );
      assert.notEqual(resolvePackageSettings({ ...env, MicrosoftAppId: SAMPLE_APP_ID }).settings.appId, appId);
      assert.notEqual(appId, SAMPLE_BOT_ID);
    });

    it('derives name-based UUIDs as RFC 9562 does', () => {
      // The DNS namespace's UUID of python.org, as Python's uuid.uuid5 documents it.
      assert.equal(
        uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'),
        '886313e1-3b8a-5372-9b90-0c9aee199e5d',
      );
    });

    it('refuses a package for Teams without the developer settings, naming each', () => {
      const problems = refusal({
        MicrosoftAppId: SAMPLE_BOT_ID,
        DEVELOPER_PRIVACY_URL: 'https://partner.example.org/privacy',
      });
      assert.equal(problems.length, 3, problems.join('\n'));
      for (const variable of ['DEVELOPER_NAME', 'DEVELOPER_WEBSITE_URL', 'DEVELOPER_TERMS_URL']) {
        assert.ok(
          problems.some((p) => p.startsWith(`${variable} is not set`)),
          `${variable} not named: ${problems.join('\n')}`,
        );
      }
      const none = refusal({ MicrosoftAppId: SAMPLE_BOT_ID });
      assert.deepEqual(
        none.map((p) => p.split(' ')[0]),
        DEVELOPER_VARIABLE_NAMES,
      );
    });

    it('keeps the neutral developer placeholders for a local package, with a warning', () => {
      const { settings, warnings } = resolvePackageSettings({});
      assert.equal(settings.botId, LOCAL_BOT_ID);
      assert.equal(settings.appId, derivedAppId(LOCAL_BOT_ID));
      assert.deepEqual(settings.developer, LOCAL_DEVELOPER);
      assert.equal(settings.botDomain, undefined);
      assert.equal(warnings.length, 2);
      assert.match(warnings[0], /MicrosoftAppId/);
      for (const variable of DEVELOPER_VARIABLE_NAMES) assert.ok(warnings[1].includes(variable), warnings[1]);
      assert.doesNotMatch(resolvePackageSettings({ DEVELOPER_NAME: 'Example Partner' }).warnings[1], /DEVELOPER_NAME/);
      assert.equal(
        resolvePackageSettings({ DEVELOPER_NAME: 'Example Partner' }).settings.developer.name,
        'Example Partner',
      );
    });

    it('refuses a malformed URL, naming the variable, for a local package too', () => {
      for (const variable of URL_VARIABLES) {
        for (const bad of [
          'http://partner.example.org',
          'partner.example.org/terms',
          'https://',
          'https://localhost/terms',
          'ftp://partner.example.org',
        ]) {
          for (const base of [SAMPLE_ENV, {}]) {
            const problems = refusal({ ...base, [variable]: bad });
            assert.equal(problems.length, 1, problems.join('\n'));
            assert.ok(problems[0].startsWith(`${variable} must be an https URL`), problems[0]);
            assert.ok(problems[0].includes(bad), problems[0]);
          }
        }
      }
    });

    it('refuses a malformed GUID, naming the variable', () => {
      for (const bad of ['not-a-guid', '{9d7c1e52-6a0b-4f3e-8c21-5b4a7e9f0d13}', '9d7c1e526a0b4f3e8c215b4a7e9f0d13']) {
        assert.deepEqual(
          refusal({ ...SAMPLE_ENV, TEAMS_APP_ID: bad }).map((p) => p.split(' ')[0]),
          ['TEAMS_APP_ID'],
        );
        assert.deepEqual(
          refusal({ ...SAMPLE_ENV, MicrosoftAppId: bad }).map((p) => p.split(' ')[0]),
          ['MicrosoftAppId'],
        );
      }
    });

    it('refuses a bot domain that is more than a host name, and a developer name longer than 32 characters', () => {
      for (const bad of [
        'https://desk.example.org',
        'desk.example.org/api',
        'desk.example.org:443',
        'desk',
        '-desk.example.org',
      ]) {
        assert.deepEqual(
          refusal({ ...SAMPLE_ENV, BOT_DOMAIN: bad }).map((p) => p.split(' ')[0]),
          ['BOT_DOMAIN'],
          bad,
        );
      }
      assert.deepEqual(
        refusal({ ...SAMPLE_ENV, DEVELOPER_NAME: 'x'.repeat(33) }).map((p) => p.split(' ')[0]),
        ['DEVELOPER_NAME'],
      );
      assert.equal(
        resolvePackageSettings({ ...SAMPLE_ENV, DEVELOPER_NAME: 'x'.repeat(32) }).settings.developer.name.length,
        32,
      );
    });
  });
});
