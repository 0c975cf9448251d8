/**
 * Builds the Teams app package (`teamsAppManifest/build/appPackage.zip`).
 *
 * The manifest template's `${{...}}` placeholders are replaced with the settings
 * (`MicrosoftAppId`, `TEAMS_APP_ID`, the `DEVELOPER_*` variables; see
 * {@link resolvePackageSettings}), the bot's command menus are filled from
 * {@link MANIFEST_COMMANDS} and `validDomains` from `BOT_DOMAIN`. The result is validated
 * offline against the official Teams manifest JSON schema, and the manifest plus its two
 * icons are zipped at the package root.
 *
 * Usage: `npm run package` (settings from the environment, then a local `.env`)
 */
import fs from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { AppManifestUtils, type AppManifest, type TeamsManifestLatest } from '@microsoft/app-manifest';
// MANIFEST_COMMANDS is named by the {@link} tags of this file's TSDoc.
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- see above
import { MANIFEST_COMMANDS, manifestCommandLists } from './appPackage/manifestCommands';
import { PackageSettingsError, resolvePackageSettings, type PackageSettings } from './appPackage/packageSettings';

export {
  APP_ID_NAMESPACE,
  LOCAL_BOT_ID,
  LOCAL_DEVELOPER,
  PackageSettingsError,
  derivedAppId,
  resolveBotId,
  resolvePackageSettings,
  type BotIdResolution,
  type PackageSettings,
} from './appPackage/packageSettings';

/** Placeholder in the manifest template that receives the bot's Microsoft App ID. */
export const BOT_ID_PLACEHOLDER = '${{BOT_ID}}';

/** Folder holding `manifest.json`, `color.png` and `outline.png`. */
export const MANIFEST_DIR = path.resolve(__dirname, '..', 'teamsAppManifest');

/** Where `npm run package` writes the app package. */
export const DEFAULT_PACKAGE_PATH = path.join(MANIFEST_DIR, 'build', 'appPackage.zip');

const MANIFEST_FILE_NAME = 'manifest.json';
const UNRESOLVED_PLACEHOLDER = /\$\{\{[^}]*\}\}/;

/** Thrown by {@link buildAppPackage} when the rendered manifest does not match its schema. */
export class ManifestValidationError extends Error {
  /**
   * @param errors - Schema validation messages, one per violation.
   */
  constructor(readonly errors: readonly string[]) {
    super(`The Teams app manifest is invalid:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
    this.name = 'ManifestValidationError';
  }
}

/** Options for {@link buildAppPackage}. */
export interface BuildAppPackageOptions {
  /** What to fill into the manifest template. */
  settings: PackageSettings;
  /** Path of the zip file to write; parent folders are created as needed. */
  outputPath: string;
  /** Folder containing the manifest template and icons. Defaults to {@link MANIFEST_DIR}. */
  sourceDir?: string;
}

/**
 * The value of each placeholder of the manifest template.
 *
 * @param settings - The package's settings.
 * @returns Placeholder (`${{NAME}}`) → value.
 */
export function placeholderValues(settings: PackageSettings): Record<string, string> {
  return {
    [BOT_ID_PLACEHOLDER]: settings.botId,
    '${{TEAMS_APP_ID}}': settings.appId,
    '${{DEVELOPER_NAME}}': settings.developer.name,
    '${{DEVELOPER_WEBSITE_URL}}': settings.developer.websiteUrl,
    '${{DEVELOPER_PRIVACY_URL}}': settings.developer.privacyUrl,
    '${{DEVELOPER_TERMS_URL}}': settings.developer.termsOfUseUrl,
  };
}

/**
 * Fills the settings into the manifest template and parses it: the placeholders, the bot's
 * `commandLists` (from {@link MANIFEST_COMMANDS}) and, with a bot domain, `validDomains`.
 *
 * The result is not validated yet; pass it to {@link validateManifest}.
 *
 * @param template - Text of `teamsAppManifest/manifest.json`.
 * @param settings - The package's settings.
 * @returns The manifest object with the settings filled in.
 * @throws Error if the template still contains an unresolved `${{...}}` placeholder.
 */
export function renderManifest(template: string, settings: PackageSettings): TeamsManifestLatest {
  let rendered = template;
  for (const [placeholder, value] of Object.entries(placeholderValues(settings))) {
    rendered = rendered.split(placeholder).join(JSON.stringify(value).slice(1, -1));
  }
  const unresolved = UNRESOLVED_PLACEHOLDER.exec(rendered);
  if (unresolved) {
    throw new Error(`The manifest template contains an unresolved placeholder: ${unresolved[0]}`);
  }
  const manifest = JSON.parse(rendered) as TeamsManifestLatest;
  for (const bot of manifest.bots ?? []) {
    bot.commandLists = manifestCommandLists();
  }
  if (settings.botDomain) {
    manifest.validDomains = [settings.botDomain];
  }
  return manifest;
}

/**
 * Validates a manifest against the JSON schema named by its `$schema`.
 *
 * Schemas bundled with `@microsoft/app-manifest` are used, so no network
 * access is needed for the schema version this project targets.
 *
 * @param manifest - Parsed manifest object.
 * @returns An empty array when valid, otherwise one message per violation.
 */
export async function validateManifest(manifest: object): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(manifest as AppManifest);
}

/**
 * Renders, validates and zips the Teams app package.
 *
 * The zip holds `manifest.json` and the icons named in the manifest, all at its root.
 *
 * @param options - Settings, output path and optional source folder.
 * @returns The absolute path of the written zip file.
 * @throws {@link ManifestValidationError} if the rendered manifest is invalid.
 */
export async function buildAppPackage(options: BuildAppPackageOptions): Promise<string> {
  const sourceDir = options.sourceDir ?? MANIFEST_DIR;
  const template = fs.readFileSync(path.join(sourceDir, MANIFEST_FILE_NAME), 'utf8');
  const manifest = renderManifest(template, options.settings);

  const errors = await validateManifest(manifest);
  if (errors.length > 0) {
    throw new ManifestValidationError(errors);
  }

  const zip = new AdmZip();
  zip.addFile(MANIFEST_FILE_NAME, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  for (const icon of [manifest.icons.color, manifest.icons.outline]) {
    zip.addFile(icon, fs.readFileSync(path.join(sourceDir, icon)));
  }

  const outputPath = path.resolve(options.outputPath);
  fs.mkdirSync(path.dirname(outputPath), { recursive: true });
  fs.writeFileSync(outputPath, zip.toBuffer());
  return outputPath;
}

async function main(): Promise<void> {
  // A local .env (see env.sample) fills in what the environment does not set, as for the bot.
  if (fs.existsSync('.env')) process.loadEnvFile('.env');
  try {
    const { settings, warnings } = resolvePackageSettings(process.env);
    for (const warning of warnings) {
      console.warn(warning);
    }
    const outputPath = await buildAppPackage({ settings, outputPath: DEFAULT_PACKAGE_PATH });
    console.log(`Teams app package written to ${outputPath} (app id ${settings.appId})`);
  } catch (error) {
    if (error instanceof PackageSettingsError || error instanceof ManifestValidationError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
