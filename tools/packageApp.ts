/**
 * Builds the Teams app package (`teamsAppManifest/build/appPackage.zip`).
 *
 * The manifest template's `${{BOT_ID}}` placeholder is replaced with the
 * `MicrosoftAppId` environment variable, the result is validated offline
 * against the official Teams manifest JSON schema, and the manifest plus its
 * two icons are zipped at the package root.
 *
 * Usage: `npm run package`
 */
import fs from "node:fs";
import path from "node:path";
import AdmZip from "adm-zip";
import { AppManifestUtils, type AppManifest, type TeamsManifestLatest } from "@microsoft/app-manifest";

/** Placeholder in the manifest template that receives the bot's Microsoft App ID. */
export const BOT_ID_PLACEHOLDER = "${{BOT_ID}}";

/** Bot id used when `MicrosoftAppId` is not set; such a package only works with a local client. */
export const LOCAL_BOT_ID = "00000000-0000-0000-0000-000000000000";

/** Folder holding `manifest.json`, `color.png` and `outline.png`. */
export const MANIFEST_DIR = path.resolve(__dirname, "..", "teamsAppManifest");

/** Where `npm run package` writes the app package. */
export const DEFAULT_PACKAGE_PATH = path.join(MANIFEST_DIR, "build", "appPackage.zip");

const MANIFEST_FILE_NAME = "manifest.json";
const UNRESOLVED_PLACEHOLDER = /\$\{\{[^}]*\}\}/;

/** Thrown by {@link buildAppPackage} when the rendered manifest does not match its schema. */
export class ManifestValidationError extends Error {
  /**
   * @param errors - Schema validation messages, one per violation.
   */
  constructor(readonly errors: readonly string[]) {
    super(`The Teams app manifest is invalid:\n${errors.map((e) => `  - ${e}`).join("\n")}`);
    this.name = "ManifestValidationError";
  }
}

/** The bot id to package with, plus a warning when a local-only fallback was used. */
export interface BotIdResolution {
  botId: string;
  warning?: string;
}

/** Options for {@link buildAppPackage}. */
export interface BuildAppPackageOptions {
  /** Microsoft App ID of the bot, substituted for {@link BOT_ID_PLACEHOLDER}. */
  botId: string;
  /** Path of the zip file to write; parent folders are created as needed. */
  outputPath: string;
  /** Folder containing the manifest template and icons. Defaults to {@link MANIFEST_DIR}. */
  sourceDir?: string;
}

/**
 * Picks the bot id from the `MicrosoftAppId` environment variable.
 *
 * @param env - Environment to read, usually `process.env`.
 * @returns The bot id, or {@link LOCAL_BOT_ID} with a warning when the variable is unset or empty.
 */
export function resolveBotId(env: NodeJS.ProcessEnv): BotIdResolution {
  const botId = env.MicrosoftAppId?.trim();
  if (botId) {
    return { botId };
  }
  return {
    botId: LOCAL_BOT_ID,
    warning:
      `Warning: MicrosoftAppId is not set; using ${LOCAL_BOT_ID} as the bot id. ` +
      "The package will only work with a local client (for example the Microsoft 365 Agents Playground). " +
      "Set MicrosoftAppId to the bot's Microsoft App ID to build a package for Teams.",
  };
}

/**
 * Substitutes the bot id into the manifest template and parses it.
 *
 * The result is not validated yet; pass it to {@link validateManifest}.
 *
 * @param template - Text of `teamsAppManifest/manifest.json`.
 * @param botId - Microsoft App ID of the bot.
 * @returns The manifest object with the bot id filled in.
 * @throws Error if the template still contains an unresolved `${{...}}` placeholder.
 */
export function renderManifest(template: string, botId: string): TeamsManifestLatest {
  const jsonSafeBotId = JSON.stringify(botId).slice(1, -1);
  const rendered = template.split(BOT_ID_PLACEHOLDER).join(jsonSafeBotId);
  const unresolved = UNRESOLVED_PLACEHOLDER.exec(rendered);
  if (unresolved) {
    throw new Error(`The manifest template contains an unresolved placeholder: ${unresolved[0]}`);
  }
  return JSON.parse(rendered) as TeamsManifestLatest;
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
 * @param options - Bot id, output path and optional source folder.
 * @returns The absolute path of the written zip file.
 * @throws {@link ManifestValidationError} if the rendered manifest is invalid.
 */
export async function buildAppPackage(options: BuildAppPackageOptions): Promise<string> {
  const sourceDir = options.sourceDir ?? MANIFEST_DIR;
  const template = fs.readFileSync(path.join(sourceDir, MANIFEST_FILE_NAME), "utf8");
  const manifest = renderManifest(template, options.botId);

  const errors = await validateManifest(manifest);
  if (errors.length > 0) {
    throw new ManifestValidationError(errors);
  }

  const zip = new AdmZip();
  zip.addFile(MANIFEST_FILE_NAME, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8"));
  for (const icon of [manifest.icons.color, manifest.icons.outline]) {
    zip.addFile(icon, fs.readFileSync(path.join(sourceDir, icon)));
  }

  const outputPath = path.resolve(options.outputPath);
  fs.mkdirSync(path.dirname(outputPath), { recursive: true });
  fs.writeFileSync(outputPath, zip.toBuffer());
  return outputPath;
}

async function main(): Promise<void> {
  const { botId, warning } = resolveBotId(process.env);
  if (warning) {
    console.warn(warning);
  }
  try {
    const outputPath = await buildAppPackage({ botId, outputPath: DEFAULT_PACKAGE_PATH });
    console.log(`Teams app package written to ${outputPath}`);
  } catch (error) {
    if (error instanceof ManifestValidationError) {
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
