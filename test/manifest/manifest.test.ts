import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import AdmZip from 'adm-zip';
import { COMMANDS, parseCommandText } from '../../bot/teams/commands/index';
import {
  COMMAND_ALIASES,
  MANIFEST_COMMANDS,
  MAX_COMMANDS_PER_SCOPE,
  manifestCommandLists,
} from '../../tools/appPackage/manifestCommands';
import { uuidV5 } from '../../tools/appPackage/uuidV5';
import {
  APP_ID_NAMESPACE,
  BOT_ID_PLACEHOLDER,
  LOCAL_BOT_ID,
  LOCAL_DEVELOPER,
  MANIFEST_DIR,
  ManifestValidationError,
  PackageSettingsError,
  buildAppPackage,
  derivedAppId,
  renderManifest,
  resolveBotId,
  resolvePackageSettings,
  validateManifest,
  type PackageSettings,
} from '../../tools/packageApp';

const SAMPLE_BOT_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const SAMPLE_APP_ID = '9d7c1e52-6a0b-4f3e-8c21-5b4a7e9f0d13';
/** The settings of a package for Teams, as the environment gives them. */
const SAMPLE_ENV = {
  MicrosoftAppId: SAMPLE_BOT_ID,
  TEAMS_APP_ID: SAMPLE_APP_ID,
  DEVELOPER_NAME: 'Example Partner',
  DEVELOPER_WEBSITE_URL: 'https://partner.example.org',
  DEVELOPER_PRIVACY_URL: 'https://partner.example.org/privacy',
  DEVELOPER_TERMS_URL: 'https://partner.example.org/legal/terms?lang=en',
  BOT_DOMAIN: 'desk.example.org',
};
const SAMPLE_SETTINGS: PackageSettings = resolvePackageSettings(SAMPLE_ENV).settings;
const URL_VARIABLES = ['DEVELOPER_WEBSITE_URL', 'DEVELOPER_PRIVACY_URL', 'DEVELOPER_TERMS_URL'] as const;
const DEVELOPER_VARIABLE_NAMES = ['DEVELOPER_NAME', ...URL_VARIABLES];
const PACKAGER = path.resolve(__dirname, '..', '..', 'tools', 'packageApp.ts');
const TSX_CLI = require.resolve('tsx/cli');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface DecodedPng {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
  /** Unfiltered pixel rows, 4 bytes (RGBA) per pixel; only filled for 8-bit RGBA images. */
  pixels: Buffer;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/** Reverses PNG scanline filters for a non-interlaced image with `bpp` bytes per pixel. */
function unfilter(data: Buffer, width: number, height: number, bpp: number): Buffer {
  const stride = width * bpp;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= bpp ? out[row + x - bpp] : 0;
      const up = y > 0 ? out[row - stride + x] : 0;
      const upLeft = x >= bpp && y > 0 ? out[row - stride + x - bpp] : 0;
      let predictor: number;
      switch (filter) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = left;
          break;
        case 2:
          predictor = up;
          break;
        case 3:
          predictor = (left + up) >> 1;
          break;
        case 4:
          predictor = paeth(left, up, upLeft);
          break;
        default:
          throw new Error(`Unknown PNG filter type ${filter} in row ${y}`);
      }
      out[row + x] = (data[src + x] + predictor) & 0xff;
    }
  }
  return out;
}

function decodePng(file: Buffer): DecodedPng {
  assert.ok(file.subarray(0, 8).equals(PNG_SIGNATURE), 'not a PNG file');
  let offset = 8;
  let header: Omit<DecodedPng, 'pixels'> | undefined;
  const idat: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('ascii', offset + 4, offset + 8);
    const data = file.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      header = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data[8],
        colorType: data[9],
        interlace: data[12],
      };
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  assert.ok(header, 'PNG has no IHDR chunk');
  const isRgba8 = header.bitDepth === 8 && header.colorType === 6 && header.interlace === 0;
  const pixels = isRgba8
    ? unfilter(zlib.inflateSync(Buffer.concat(idat)), header.width, header.height, 4)
    : Buffer.alloc(0);
  return { ...header, pixels };
}

function readTemplate(): string {
  return fs.readFileSync(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8');
}

function readIcon(name: string): DecodedPng {
  return decodePng(fs.readFileSync(path.join(MANIFEST_DIR, name)));
}

/** The problems {@link resolvePackageSettings} refuses `env` with; fails when it accepts it. */
function refusal(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    resolvePackageSettings(env);
  } catch (error) {
    assert.ok(error instanceof PackageSettingsError, `unexpected error: ${String(error)}`);
    for (const problem of error.problems) assert.ok(error.message.includes(problem));
    return error.problems;
  }
  assert.fail(`settings accepted: ${JSON.stringify(env)}`);
}

/** The titles of the rendered manifest's commands offered in `scope`. */
function titlesIn(manifest: ReturnType<typeof renderManifest>, scope: 'team' | 'groupChat' | 'personal'): string[] {
  return (manifest.bots?.[0]?.commandLists ?? [])
    .filter((list) => list.scopes.includes(scope))
    .flatMap((list) => list.commands.map((command) => command.title));
}

/** A JSON copy of the manifest with loose typing, for breaking it on purpose. */
function looseCopy(value: object): { bots: Array<Record<string, unknown>> } {
  return JSON.parse(JSON.stringify(value)) as { bots: Array<Record<string, unknown>> };
}

describe('Teams app manifest', () => {
  const originalFetch = globalThis.fetch;

  // Schema validation must not need the network: fail loudly if it tries.
  before(() => {
    globalThis.fetch = () => Promise.reject(new Error('network access attempted during manifest validation'));
  });
  after(() => {
    globalThis.fetch = originalFetch;
  });

  describe('template', () => {
    it('keeps every setting as a placeholder and names a schema matching its manifestVersion', () => {
      const template = readTemplate();
      const raw = JSON.parse(template) as { id: string; developer: object; bots: Array<Record<string, unknown>> };
      assert.equal(raw.id, '${{TEAMS_APP_ID}}');
      assert.equal(raw.bots[0].botId, BOT_ID_PLACEHOLDER);
      assert.deepEqual(raw.developer, {
        name: '${{DEVELOPER_NAME}}',
        websiteUrl: '${{DEVELOPER_WEBSITE_URL}}',
        privacyUrl: '${{DEVELOPER_PRIVACY_URL}}',
        termsOfUseUrl: '${{DEVELOPER_TERMS_URL}}',
      });
      assert.equal(raw.bots[0].commandLists, undefined, 'the command menus come from MANIFEST_COMMANDS alone');

      const manifest = renderManifest(template, SAMPLE_SETTINGS);
      assert.equal(
        manifest.$schema,
        `https://developer.microsoft.com/en-us/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
      );
    });

    it("offers the channel commands in teams and group chats; the rep's own commands in personal chat", () => {
      const manifest = renderManifest(readTemplate(), SAMPLE_SETTINGS);
      assert.deepEqual(manifest.bots?.[0]?.scopes, ['team', 'personal', 'groupChat']);
      const channel = [
        'link',
        'unlink',
        'links',
        'new deal',
        'favorites',
        'settings',
        'digest now',
        'managers',
        'help',
      ];
      assert.deepEqual(titlesIn(manifest, 'team'), channel);
      assert.deepEqual(titlesIn(manifest, 'groupChat'), channel);
      assert.deepEqual(titlesIn(manifest, 'personal'), [
        'my deals',
        'expiring',
        'find',
        'links',
        'new deal',
        'favorites',
        'settings',
        'digest now',
        'managers',
        'help',
      ]);
    });
  });

  describe('command menus', () => {
    it('have a row for every command word of COMMANDS, each alias naming a row of the same command, and nothing else', () => {
      const words = MANIFEST_COMMANDS.map((command) => command.word);
      assert.equal(new Set(words).size, words.length, 'a command word has two rows');
      assert.deepEqual([...words, ...Object.keys(COMMAND_ALIASES)].sort(), Object.keys(COMMANDS).sort());
      for (const [alias, word] of Object.entries(COMMAND_ALIASES)) {
        assert.ok(words.includes(word), `${alias} is an alias of ${word}, which has no row`);
        assert.equal(COMMANDS[alias], COMMANDS[word], `${alias} runs another command than ${word}`);
      }
    });

    it('run the command of their row when chosen, with a title of at most 32 and a description of at most 128 characters', () => {
      for (const { word, title, description, scopes } of MANIFEST_COMMANDS) {
        assert.equal(parseCommandText(title).name, word, `"${title}" does not run ${word}`);
        assert.ok(title.length <= 32, `"${title}" is longer than 32 characters`);
        assert.ok(
          description.length > 0 && description.length <= 128,
          `the description of "${title}" has ${description.length} characters`,
        );
        assert.ok(scopes.length > 0, `"${title}" is offered nowhere`);
      }
    });

    it('list every command in the manifest for its scopes, at most 10 a scope', () => {
      const manifest = renderManifest(readTemplate(), SAMPLE_SETTINGS);
      for (const scope of ['team', 'groupChat', 'personal'] as const) {
        const listed = titlesIn(manifest, scope);
        const expected = MANIFEST_COMMANDS.filter((c) =>
          c.scopes.includes(scope === 'personal' ? 'personal' : 'team'),
        ).map((c) => c.title);
        assert.deepEqual(listed, expected, `commands offered in ${scope}`);
        assert.ok(listed.length <= MAX_COMMANDS_PER_SCOPE, `${scope} lists ${listed.length} commands`);
      }
      assert.equal(MAX_COMMANDS_PER_SCOPE, 10);
      for (const { title } of MANIFEST_COMMANDS) {
        assert.ok(
          ['team', 'personal'].some((scope) => titlesIn(manifest, scope as 'team' | 'personal').includes(title)),
          `${title} is missing`,
        );
      }
    });

    it('leave out a scope without commands', () => {
      const lists = manifestCommandLists([{ word: 'help', title: 'help', description: 'Help', scopes: ['personal'] }]);
      assert.deepEqual(lists, [{ scopes: ['personal'], commands: [{ title: 'help', description: 'Help' }] }]);
    });
  });

  describe('renderManifest', () => {
    it("fills in the app id, bot id, developer fields and the bot's domain", () => {
      const manifest = renderManifest(readTemplate(), SAMPLE_SETTINGS);
      assert.equal(manifest.id, SAMPLE_APP_ID);
      assert.equal(manifest.bots?.[0]?.botId, SAMPLE_BOT_ID);
      assert.deepEqual(manifest.developer, {
        name: 'Example Partner',
        websiteUrl: 'https://partner.example.org',
        privacyUrl: 'https://partner.example.org/privacy',
        termsOfUseUrl: 'https://partner.example.org/legal/terms?lang=en',
      });
      assert.deepEqual(manifest.validDomains, ['desk.example.org']);
    });

    it('keeps validDomains empty without a bot domain, and writes values as JSON text', () => {
      const { botDomain: _unused, ...settings } = SAMPLE_SETTINGS;
      const manifest = renderManifest(readTemplate(), {
        ...settings,
        developer: { ...settings.developer, name: 'The "Desk" \\ Co' },
      });
      assert.deepEqual(manifest.validDomains, []);
      assert.equal(manifest.developer.name, 'The "Desk" \\ Co');
    });

    it('rejects templates with unknown placeholders', () => {
      assert.throws(() => renderManifest('{"id": "${{APP_ID}}"}', SAMPLE_SETTINGS), /\$\{\{APP_ID\}\}/);
    });
  });

  describe('validateManifest', () => {
    it('accepts the rendered manifest against its official schema, offline', async () => {
      const errors = await validateManifest(renderManifest(readTemplate(), SAMPLE_SETTINGS));
      assert.deepEqual(errors, []);
    });

    it('reports a manifest whose bot has no botId', async () => {
      const broken = looseCopy(renderManifest(readTemplate(), SAMPLE_SETTINGS));
      delete broken.bots[0].botId;
      const errors = await validateManifest(broken);
      assert.ok(
        errors.some((e) => e.includes('botId')),
        `expected a botId error, got: ${errors.join('; ')}`,
      );
    });

    it('reports a botId of the wrong type', async () => {
      const broken = looseCopy(renderManifest(readTemplate(), SAMPLE_SETTINGS));
      broken.bots[0].botId = 42;
      const errors = await validateManifest(broken);
      assert.ok(
        errors.some((e) => e.startsWith('/bots/0/botId')),
        `expected a botId error, got: ${errors.join('; ')}`,
      );
    });

    it("reports an unsubstituted template's placeholder ids", async () => {
      const unrendered = looseCopy(JSON.parse(readTemplate()) as object);
      const errors = await validateManifest(unrendered);
      assert.ok(
        errors.some((e) => e.startsWith('/bots/0/botId')),
        `expected a botId error, got: ${errors.join('; ')}`,
      );
      assert.ok(
        errors.some((e) => e.startsWith('/id')),
        `expected an id error, got: ${errors.join('; ')}`,
      );
    });
  });

  describe('icons', () => {
    it('color.png is a 192x192 8-bit RGBA PNG', () => {
      const icon = readIcon('color.png');
      assert.deepEqual([icon.width, icon.height], [192, 192]);
      assert.deepEqual([icon.bitDepth, icon.colorType, icon.interlace], [8, 6, 0]);
    });

    it('outline.png is a 32x32 8-bit RGBA PNG', () => {
      const icon = readIcon('outline.png');
      assert.deepEqual([icon.width, icon.height], [32, 32]);
      assert.deepEqual([icon.bitDepth, icon.colorType, icon.interlace], [8, 6, 0]);
    });

    it('outline.png has only white or fully transparent pixels, and some visible ones', () => {
      const { pixels } = readIcon('outline.png');
      let visible = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        const [r, g, b, a] = [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]];
        if (a === 0) continue;
        visible++;
        assert.deepEqual([r, g, b], [255, 255, 255], `pixel ${i / 4} is visible but not white`);
      }
      assert.ok(visible > 32, 'outline icon is (almost) empty');
    });
  });

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
