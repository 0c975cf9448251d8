import { GUID_PATTERN, uuidV5 } from './uuidV5';

/** Bot id used when `MicrosoftAppId` is not set; such a package only works with a local client. */
export const LOCAL_BOT_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Namespace of the app ids derived from bot ids (see {@link resolvePackageSettings}). It is
 * the app id the manifest had before it was a setting; changing it changes every derived id.
 */
export const APP_ID_NAMESPACE = '301ecd77-728a-4663-a941-33ab10067b48';

/** Longest developer name the manifest schema accepts. */
export const MAX_DEVELOPER_NAME_LENGTH = 32;

/** Who publishes the app, as the manifest's `developer` shows it. */
export interface DeveloperSettings {
  name: string;
  websiteUrl: string;
  privacyUrl: string;
  termsOfUseUrl: string;
}

/** Neutral developer fields of a local package, which never reaches a Teams tenant. */
export const LOCAL_DEVELOPER: DeveloperSettings = {
  name: 'Referral Desk',
  websiteUrl: 'https://referraldesk.example.com',
  privacyUrl: 'https://referraldesk.example.com/privacy',
  termsOfUseUrl: 'https://referraldesk.example.com/terms',
};

/** The environment variable of each developer field. */
export const DEVELOPER_VARIABLES: Readonly<Record<keyof DeveloperSettings, string>> = {
  name: 'DEVELOPER_NAME',
  websiteUrl: 'DEVELOPER_WEBSITE_URL',
  privacyUrl: 'DEVELOPER_PRIVACY_URL',
  termsOfUseUrl: 'DEVELOPER_TERMS_URL',
};

/** What the packager fills into the manifest template. */
export interface PackageSettings {
  /** The manifest's own `id`. */
  appId: string;
  /** The bot's Microsoft App ID. */
  botId: string;
  developer: DeveloperSettings;
  /** Host name of the bot, listed in `validDomains`; none when not set. */
  botDomain?: string;
}

/** The settings to package with, plus warnings about local-only fallbacks. */
export interface PackageSettingsResolution {
  settings: PackageSettings;
  warnings: string[];
}

/** The bot id to package with, plus a warning when a local-only fallback was used. */
export interface BotIdResolution {
  botId: string;
  warning?: string;
}

/** Thrown by {@link resolvePackageSettings} when settings are missing or malformed. */
export class PackageSettingsError extends Error {
  /**
   * @param problems - One message per missing or malformed setting, each naming its variable.
   */
  constructor(readonly problems: readonly string[]) {
    super(`Cannot build the Teams app package:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackageSettingsError';
  }
}

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i;

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
      'The package will only work with a local client (for example the Microsoft 365 Agents Playground). ' +
      "Set MicrosoftAppId to the bot's Microsoft App ID to build a package for Teams.",
  };
}

/**
 * The app id a bot id gets when `TEAMS_APP_ID` is not set: a UUID v5 of the bot id (in
 * lower case) in {@link APP_ID_NAMESPACE}. Repackaging the same bot keeps the same app id,
 * so Teams sees an update of the installed app rather than a second app.
 *
 * @param botId - Microsoft App ID of the bot.
 * @returns The app id, in lower case.
 */
export function derivedAppId(botId: string): string {
  return uuidV5(botId.toLowerCase(), APP_ID_NAMESPACE);
}

/**
 * Reads the packager's settings: `MicrosoftAppId`, `TEAMS_APP_ID`, `DEVELOPER_NAME`,
 * `DEVELOPER_WEBSITE_URL`, `DEVELOPER_PRIVACY_URL`, `DEVELOPER_TERMS_URL` and `BOT_DOMAIN`.
 *
 * A package for Teams (`MicrosoftAppId` set) needs every developer setting; a local one
 * falls back to {@link LOCAL_DEVELOPER} for those not set. What is set must be well formed
 * either way: GUIDs, https URLs, a host name.
 *
 * @param env - Environment to read, usually `process.env`.
 * @returns The settings, and warnings about local-only fallbacks.
 * @throws {@link PackageSettingsError} naming every missing or malformed setting.
 */
export function resolvePackageSettings(env: NodeJS.ProcessEnv): PackageSettingsResolution {
  const problems: string[] = [];
  const warnings: string[] = [];
  const value = (name: string) => env[name]?.trim() || undefined;

  const { botId, warning } = resolveBotId(env);
  const local = warning !== undefined;
  if (warning) warnings.push(warning);
  if (!GUID_PATTERN.test(botId))
    problems.push(`MicrosoftAppId must be a GUID (the bot's Microsoft App ID), not "${botId}".`);

  const appId = value('TEAMS_APP_ID') ?? derivedAppId(botId);
  if (!GUID_PATTERN.test(appId)) problems.push(`TEAMS_APP_ID must be a GUID, not "${appId}".`);

  const developer = { ...LOCAL_DEVELOPER };
  for (const field of Object.keys(DEVELOPER_VARIABLES) as Array<keyof DeveloperSettings>) {
    const variable = DEVELOPER_VARIABLES[field];
    const given = value(variable);
    if (given === undefined) {
      if (!local) {
        problems.push(`${variable} is not set; a package for Teams needs it.`);
      }
      continue;
    }
    const problem = field === 'name' ? nameProblem(variable, given) : httpsUrlProblem(variable, given);
    if (problem) problems.push(problem);
    developer[field] = given;
  }
  const unset = Object.values(DEVELOPER_VARIABLES).filter((variable) => value(variable) === undefined);
  if (local && unset.length > 0) {
    warnings.push(
      `Warning: ${unset.join(', ')} not set; the package shows neutral placeholders (referraldesk.example.com) instead. A package for Teams needs them.`,
    );
  }

  const botDomain = value('BOT_DOMAIN');
  if (botDomain !== undefined && !HOST_NAME.test(botDomain)) {
    problems.push(
      `BOT_DOMAIN must be the bot's host name only, e.g. desk.example.com (no https://, port or path), not "${botDomain}".`,
    );
  }

  if (problems.length > 0) throw new PackageSettingsError(problems);
  return {
    settings: { appId, botId, developer, ...(botDomain ? { botDomain: botDomain.toLowerCase() } : {}) },
    warnings,
  };
}

function nameProblem(variable: string, name: string): string | undefined {
  return name.length > MAX_DEVELOPER_NAME_LENGTH
    ? `${variable} may have at most ${MAX_DEVELOPER_NAME_LENGTH} characters, not ${name.length}.`
    : undefined;
}

function httpsUrlProblem(variable: string, text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `${variable} must be an https URL, not "${text}".`;
  }
  if (url.protocol !== 'https:' || !HOST_NAME.test(url.hostname))
    return `${variable} must be an https URL with a host name, not "${text}".`;
  return undefined;
}
