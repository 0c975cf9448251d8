import { IANAZone } from 'luxon';
import { z } from 'zod';
import type { LinkEditorRule, TenantRule } from '../domain/access';
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from '../domain/reminderPlan';
import { DEFAULT_WORKING_HOURS, type WorkingHours } from '../domain/workingHours';
import { PARTNER_CENTER_CERTIFICATE_HOST, allowedHostProblem } from '../partnerCenter/certificateUrl';
import { CATALOGS, spokenLanguage } from '../strings/catalogs';
import {
  partnerCenterEnv,
  partnerCenterSettingsFrom,
  simulatorSettingsFrom,
  type PartnerCenterSettings,
  type SimulatorSettings,
} from './partnerCenterSettings';
import { currencyCode } from './currencySettings';
import { tablesEnv, tablesSettingsFrom, type TablesSettings } from './tablesSettings';
import { durationSetting, durationListSetting, weekdaysSetting, workingTimeSetting } from './timeSettings';

/** The bot's settings, read once from the environment (see env.sample). */
export interface Config {
  port: number;
  /** The address the HTTP server listens on: loopback while authentication is off, unless opened explicitly; unset, every interface. */
  host?: string;
  /** Tenants whose activities the bot answers; `any` only while authentication is off. */
  allowedTenants: TenantRule;
  /** Who may link and unlink channels (see LINK_EDITORS). */
  linkEditors: LinkEditorRule;
  appId: string;
  appPassword: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  appTenantId: string;
  /** Azure Table Storage, by connection string or the host's identity; else an embedded Azurite. */
  tables: TablesSettings;
  tablePrefix: string;
  webhookSecret: string;
  regionsFile: string;
  solutionsFile: string;
  /** The currency the digest compares deal values in (ISO code), with `exchangeRatesFile`; empty when unset. */
  digestCurrency: string;
  /** JSON of the rates into `digestCurrency`; empty when unset. */
  exchangeRatesFile: string;
  /** Users (AAD object ids or Teams user ids) who administer every region. */
  admins: string[];
  cardRetryIntervalMs: number;
  /** How often the scheduler looks for due reminders and expiries. */
  schedulerIntervalMs: number;
  /** When the desk nudges, reminds, escalates and calls a deal stale. */
  reminderPolicy: ReminderPolicy;
  /** Working hours of users who have not set their own (their time zone, once Teams tells it). */
  defaultHours: WorkingHours;
  /** The language of channel cards, and of users whose choice and client the bot cannot speak. */
  language: string;
  /** How to reach Partner Center's Referrals API; unset when no credentials are configured. */
  partnerCenter?: PartnerCenterSettings;
  /** The local Partner Center simulator the desk runs for itself (a local run without credentials). */
  partnerCenterSimulator?: SimulatorSettings;
  /** How Partner Center's signed webhook deliveries are checked. */
  partnerCenterWebhooks: PartnerCenterWebhookSettings;
}

/** The setting that opens an unauthenticated desk to other machines; refused in production. */
export const UNAUTHENTICATED_ANY_HOST_SETTING = 'INSECURE_LISTEN_WITHOUT_AUTHENTICATION';

/** Where a webhook's signing certificate may come from, what it must chain to and who must issue it. */
export interface PartnerCenterWebhookSettings {
  /** Hosts the certificate may be downloaded from (`*.suffix` for every name under a suffix). */
  certificateHosts: string[];
  /** PEM file of trust anchors; empty: Node's bundled root certificates. */
  trustAnchorsFile: string;
  /** Must occur in the organisation or common name of the certificate's issuer. */
  certificateIssuer: string;
}

/** A setting is missing or malformed: the message names the variable. */
export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

const optionalText = z.string().trim().default('');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  NODE_ENV: optionalText,
  [UNAUTHENTICATED_ANY_HOST_SETTING]: z.enum(['true', 'false']).default('false'),
  ALLOWED_TENANTS: z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((id) => id.trim().toLowerCase())
        .filter(Boolean),
    ),
  LINK_EDITORS: z.enum(['owners', 'admins', 'members']).default('owners'),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: optionalText,
  ...tablesEnv,
  TABLE_PREFIX: z
    .string()
    .regex(/^([A-Za-z][A-Za-z0-9]{0,19})?$/, 'must be letters and digits, starting with a letter, at most 20')
    .default(''),
  REFERRALS_WEBHOOK_SECRET: optionalText,
  REGIONS_FILE: optionalText,
  SOLUTIONS_FILE: optionalText,
  DIGEST_CURRENCY: currencyCode.optional(),
  EXCHANGE_RATES_FILE: optionalText,
  DESK_ADMINS: optionalText,
  CARD_RETRY_INTERVAL_SECONDS: z.coerce.number().positive().default(30),
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().positive().default(30),
  RESPONSE_NUDGE_AFTER: durationSetting(DEFAULT_REMINDER_POLICY.responseNudgeAfter),
  REMIND_BEFORE_EXPIRY: durationListSetting(DEFAULT_REMINDER_POLICY.beforeDeadline),
  ESCALATE_BEFORE_EXPIRY: durationSetting(DEFAULT_REMINDER_POLICY.escalateBefore),
  STALE_DEAL_AFTER: durationSetting(DEFAULT_REMINDER_POLICY.staleAfter),
  DEFAULT_TIME_ZONE: z
    .string()
    .trim()
    .default(DEFAULT_WORKING_HOURS.timeZone)
    .refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone such as Europe/Berlin'),
  WORKING_HOURS: workingTimeSetting(DEFAULT_WORKING_HOURS),
  WORKING_DAYS: weekdaysSetting(DEFAULT_WORKING_HOURS.days),
  DESK_LANGUAGE: z
    .string()
    .trim()
    .default('en')
    .refine(
      (code) => spokenLanguage(code) !== undefined,
      `must be one of ${Object.keys(CATALOGS).join(', ')}, or a locale of one (de-AT picks de)`,
    )
    .transform((code) => spokenLanguage(code)!),
  ...partnerCenterEnv,
  PARTNER_CENTER_CERTIFICATE_HOSTS: z
    .string()
    .default(PARTNER_CENTER_CERTIFICATE_HOST)
    .transform((list) =>
      list
        .split(',')
        .map((host) => host.trim())
        .filter(Boolean),
    )
    .superRefine((hosts, ctx) => {
      if (hosts.length === 0) ctx.addIssue({ code: 'custom', message: 'must name at least one host' });
      for (const host of hosts) {
        const problem = allowedHostProblem(host);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }
    }),
  PARTNER_CENTER_TRUST_ANCHORS: optionalText,
  PARTNER_CENTER_CERTIFICATE_ISSUER: z.string().trim().min(1).default('Microsoft'),
});

/** Reads and checks the settings; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // Empty strings mean "not set", as in a copied env.sample.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.MicrosoftAppId && !e.REFERRALS_WEBHOOK_SECRET) {
    problems.push(
      'REFERRALS_WEBHOOK_SECRET: must be set when MicrosoftAppId is set, so that /api/referrals only accepts signed deliveries',
    );
  }
  if (e.MicrosoftAppId && e.MicrosoftAppType !== 'UserAssignedMSI' && !e.MicrosoftAppPassword) {
    problems.push('MicrosoftAppPassword: must be set when MicrosoftAppId is set');
  }
  if (e.MicrosoftAppType === 'SingleTenant' && !e.MicrosoftAppTenantId) {
    problems.push('MicrosoftAppTenantId: must be set when MicrosoftAppType is SingleTenant');
  }
  if (Boolean(e.DIGEST_CURRENCY) !== Boolean(e.EXCHANGE_RATES_FILE)) {
    problems.push(
      e.DIGEST_CURRENCY
        ? 'EXCHANGE_RATES_FILE: must be set when DIGEST_CURRENCY is set (the rates into it)'
        : 'DIGEST_CURRENCY: must be set when EXCHANGE_RATES_FILE is set (the currency its rates are into)',
    );
  }
  const allowedTenants = tenantsFrom(e, problems);
  const host = hostFrom(e, problems);
  const tables = tablesSettingsFrom(e, problems);
  const partnerCenter = partnerCenterSettingsFrom(e, problems);
  const partnerCenterSimulator = simulatorSettingsFrom(
    e,
    {
      connected: partnerCenter !== undefined,
      registered: Boolean(e.MicrosoftAppId),
      production: e.NODE_ENV === 'production',
    },
    problems,
  );
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: e.PORT,
    host,
    allowedTenants,
    linkEditors: e.LINK_EDITORS,
    appId: e.MicrosoftAppId,
    appPassword: e.MicrosoftAppPassword,
    appType: e.MicrosoftAppType,
    appTenantId: e.MicrosoftAppTenantId,
    tables,
    tablePrefix: e.TABLE_PREFIX,
    webhookSecret: e.REFERRALS_WEBHOOK_SECRET,
    regionsFile: e.REGIONS_FILE,
    solutionsFile: e.SOLUTIONS_FILE,
    digestCurrency: e.DIGEST_CURRENCY ?? '',
    exchangeRatesFile: e.EXCHANGE_RATES_FILE,
    admins: e.DESK_ADMINS.split(',')
      .map((id) => id.trim())
      .filter(Boolean),
    cardRetryIntervalMs: e.CARD_RETRY_INTERVAL_SECONDS * 1000,
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_SECONDS * 1000,
    reminderPolicy: {
      responseNudgeAfter: e.RESPONSE_NUDGE_AFTER,
      beforeDeadline: e.REMIND_BEFORE_EXPIRY,
      escalateBefore: e.ESCALATE_BEFORE_EXPIRY,
      staleAfter: e.STALE_DEAL_AFTER,
    },
    defaultHours: {
      timeZone: e.DEFAULT_TIME_ZONE,
      start: e.WORKING_HOURS.start,
      end: e.WORKING_HOURS.end,
      days: e.WORKING_DAYS,
    },
    language: e.DESK_LANGUAGE,
    partnerCenter,
    partnerCenterSimulator,
    partnerCenterWebhooks: {
      certificateHosts: e.PARTNER_CENTER_CERTIFICATE_HOSTS,
      trustAnchorsFile: e.PARTNER_CENTER_TRUST_ANCHORS,
      certificateIssuer: e.PARTNER_CENTER_CERTIFICATE_ISSUER,
    },
  };
}

type Env = z.infer<typeof envSchema>;

/**
 * The tenants the desk serves: ALLOWED_TENANTS, else the app's own tenant for a single-tenant
 * app. A multi-tenant app must list them; with authentication off (a local run, on loopback)
 * and no list, any tenant.
 */
function tenantsFrom(e: Env, problems: string[]): TenantRule {
  if (e.ALLOWED_TENANTS.length > 0) return e.ALLOWED_TENANTS;
  if (e.MicrosoftAppType !== 'MultiTenant' && e.MicrosoftAppTenantId) return [e.MicrosoftAppTenantId.toLowerCase()];
  if (!e.MicrosoftAppId) return 'any';
  problems.push(
    'ALLOWED_TENANTS: must list the tenant ids the desk serves (comma-separated) when MicrosoftAppType is MultiTenant',
  );
  return [];
}

/**
 * Where to listen: every interface once Teams' authentication is on; loopback without it,
 * unless INSECURE_LISTEN_WITHOUT_AUTHENTICATION says otherwise, which production refuses.
 */
function hostFrom(e: Env, problems: string[]): string | undefined {
  if (e.MicrosoftAppId) return undefined;
  if (e[UNAUTHENTICATED_ANY_HOST_SETTING] !== 'true') return '127.0.0.1';
  if (e.NODE_ENV === 'production') {
    problems.push(
      `${UNAUTHENTICATED_ANY_HOST_SETTING}: refused with NODE_ENV=production; set MicrosoftAppId so that Teams' requests are authenticated`,
    );
  }
  return undefined;
}
