import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import AdmZip from 'adm-zip';
import { manifestCommandLists } from '../../tools/appPackage/manifestCommands';
import {
  LOCAL_BOT_ID,
  LOCAL_DEVELOPER,
  MANIFEST_DIR,
  ManifestValidationError,
  buildAppPackage,
  resolvePackageSettings,
  validateManifest,
} from '../../tools/packageApp';
import {
  DEVELOPER_VARIABLE_NAMES,
  PACKAGER,
  SAMPLE_APP_ID,
  SAMPLE_BOT_ID,
  SAMPLE_ENV,
  SAMPLE_SETTINGS,
  TSX_CLI,
  URL_VARIABLES,
  refuseNetworkAccess,
} from './fixtures';

describe('Teams app manifest', () => {
  refuseNetworkAccess();

  describe('buildAppPackage', () => {
    let tempDir: string;

    beforeEach(() => {
      tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'referral-desk-package-'));
    });
    afterEach(() => {
      fs.rmSync(tempDir, { recursive: true, force: true });
    });

    it('writes a zip with exactly manifest.json, color.png and outline.png at its root, the settings in its manifest', async () => {
      const outputPath = path.join(tempDir, 'nested', 'appPackage.zip');
      const written = await buildAppPackage({ settings: SAMPLE_SETTINGS, outputPath });
      assert.equal(written, outputPath);

      const zip = new AdmZip(outputPath);
      const names = zip
        .getEntries()
        .map((entry) => entry.entryName)
        .sort();
      assert.deepEqual(names, ['color.png', 'manifest.json', 'outline.png']);

      const manifestText = zip.readAsText('manifest.json');
      assert.ok(!manifestText.includes('${{'));
      assert.ok(!manifestText.includes('referraldesk.example.com'));
      const packaged = JSON.parse(manifestText) as {
        id: string;
        developer: object;
        validDomains: string[];
        bots: Array<{ botId: string; commandLists: unknown }>;
      };
      assert.equal(packaged.id, SAMPLE_APP_ID);
      assert.equal(packaged.bots[0].botId, SAMPLE_BOT_ID);
      assert.deepEqual(packaged.developer, {
        name: SAMPLE_ENV.DEVELOPER_NAME,
        websiteUrl: SAMPLE_ENV.DEVELOPER_WEBSITE_URL,
        privacyUrl: SAMPLE_ENV.DEVELOPER_PRIVACY_URL,
        termsOfUseUrl: SAMPLE_ENV.DEVELOPER_TERMS_URL,
      });
      assert.deepEqual(packaged.validDomains, [SAMPLE_ENV.BOT_DOMAIN]);
      assert.deepEqual(packaged.bots[0].commandLists, manifestCommandLists());
      assert.deepEqual(await validateManifest(packaged), []);

      for (const icon of ['color.png', 'outline.png']) {
        assert.ok(zip.readFile(icon)?.equals(fs.readFileSync(path.join(MANIFEST_DIR, icon))), `${icon} differs`);
      }
    });

    it('writes a valid local package with the neutral placeholders', async () => {
      const outputPath = path.join(tempDir, 'appPackage.zip');
      await buildAppPackage({ settings: resolvePackageSettings({}).settings, outputPath });
      const packaged = JSON.parse(new AdmZip(outputPath).readAsText('manifest.json')) as {
        developer: object;
        bots: Array<{ botId: string }>;
      };
      assert.equal(packaged.bots[0].botId, LOCAL_BOT_ID);
      assert.deepEqual(packaged.developer, LOCAL_DEVELOPER);
      assert.deepEqual(await validateManifest(packaged), []);
    });

    it('refuses to write a package whose manifest is invalid', async () => {
      const outputPath = path.join(tempDir, 'appPackage.zip');
      await assert.rejects(
        buildAppPackage({ settings: { ...SAMPLE_SETTINGS, botId: 'not-a-guid' }, outputPath }),
        (error: unknown) => error instanceof ManifestValidationError && error.errors.some((e) => e.includes('botId')),
      );
      assert.equal(fs.existsSync(outputPath), false);
    });
  });

  describe('npm run package', () => {
    let tempDir: string;

    beforeEach(() => {
      tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'referral-desk-package-'));
    });
    afterEach(() => {
      fs.rmSync(tempDir, { recursive: true, force: true });
    });

    it('reads a local .env and refuses a package for Teams without its developer settings, naming each', async () => {
      fs.writeFileSync(path.join(tempDir, '.env'), `MicrosoftAppId=${SAMPLE_BOT_ID}\nDEVELOPER_NAME=Example Partner\n`);
      const env = Object.fromEntries(
        Object.entries(process.env).filter(
          ([name]) => !['MicrosoftAppId', 'TEAMS_APP_ID', 'BOT_DOMAIN', ...DEVELOPER_VARIABLE_NAMES].includes(name),
        ),
      );
      const run = promisify(execFile)(process.execPath, [TSX_CLI, PACKAGER], { cwd: tempDir, env });
      const failure = await run.then(
        () => assert.fail('the package was written'),
        (error: { code: number; stderr: string }) => error,
      );
      assert.equal(failure.code, 1);
      for (const variable of URL_VARIABLES) assert.match(failure.stderr, new RegExp(`${variable} is not set`));
      assert.doesNotMatch(failure.stderr, /DEVELOPER_NAME/);
    });
  });
});
