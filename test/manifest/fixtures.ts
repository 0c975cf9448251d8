// The settings of a sample package and ways to read and break the manifest: shared by the app manifest tests.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  MANIFEST_DIR,
  PackageSettingsError,
  type renderManifest,
  resolvePackageSettings,
  type PackageSettings,
} from '../../tools/packageApp';

export const SAMPLE_BOT_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
export const SAMPLE_APP_ID = '9d7c1e52-6a0b-4f3e-8c21-5b4a7e9f0d13';
/** The settings of a package for Teams, as the environment gives them. */
export const SAMPLE_ENV = {
  MicrosoftAppId: SAMPLE_BOT_ID,
  TEAMS_APP_ID: SAMPLE_APP_ID,
  DEVELOPER_NAME: 'Example Partner',
  DEVELOPER_WEBSITE_URL: 'https://partner.example.org',
  DEVELOPER_PRIVACY_URL: 'https://partner.example.org/privacy',
  DEVELOPER_TERMS_URL: 'https://partner.example.org/legal/terms?lang=en',
  BOT_DOMAIN: 'desk.example.org',
};
export const SAMPLE_SETTINGS: PackageSettings = resolvePackageSettings(SAMPLE_ENV).settings;
export const URL_VARIABLES = ['DEVELOPER_WEBSITE_URL', 'DEVELOPER_PRIVACY_URL', 'DEVELOPER_TERMS_URL'] as const;
export const DEVELOPER_VARIABLE_NAMES = ['DEVELOPER_NAME', ...URL_VARIABLES];
export const PACKAGER = path.resolve(__dirname, '..', '..', 'tools', 'packageApp.ts');
export const TSX_CLI = require.resolve('tsx/cli');

/** The manifest template as it is checked in, placeholders and all. */
export function readTemplate(): string {
  return fs.readFileSync(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8');
}

/** The problems {@link resolvePackageSettings} refuses `env` with; fails when it accepts it. */
export function refusal(env: NodeJS.ProcessEnv): readonly string[] {
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
export function titlesIn(
  manifest: ReturnType<typeof renderManifest>,
  scope: 'team' | 'groupChat' | 'personal',
): string[] {
  return (manifest.bots?.[0]?.commandLists ?? [])
    .filter((list) => list.scopes.includes(scope))
    .flatMap((list) => list.commands.map((command) => command.title));
}

/** A JSON copy of the manifest with loose typing, for breaking it on purpose. */
export function looseCopy(value: object): { bots: Array<Record<string, unknown>> } {
  return JSON.parse(JSON.stringify(value)) as { bots: Array<Record<string, unknown>> };
}

/** Makes every fetch of the suite fail loudly: validating the manifest against its schema must not need the network. */
export function refuseNetworkAccess(): void {
  const originalFetch = globalThis.fetch;

  before(() => {
    globalThis.fetch = () => Promise.reject(new Error('network access attempted during manifest validation'));
  });
  after(() => {
    globalThis.fetch = originalFetch;
  });
}
