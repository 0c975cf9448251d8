/**
 * The Partner Center connection from the environment: four credentials that come
 * together (or not at all: then the desk does not talk to Partner Center), and where the
 * Referrals API and Entra ID are (the real ones unless pointed at a stand-in).
 */
import { z } from 'zod';
import { DEFAULT_AUTHORITY_URL, DEFAULT_PARTNER_CENTER_API_URL } from '../partnerCenter/endpoints';
import { tokenKeyFrom, type TokenKey } from '../partnerCenter/tokenSealing';
import { isLoopbackHost } from './loopback';

/** How the desk reaches Partner Center on behalf of a user with a Referrals role. */
export interface PartnerCenterSettings {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** The Referrals collection URL, without a trailing slash. */
  apiUrl: string;
  /** Entra ID (or a stand-in), without a trailing slash. */
  authorityUrl: string;
  /** How often Partner Center is asked for referrals changed since the last poll; 0 when only webhooks bring them. */
  pollIntervalMs: number;
  /**
   * Seals the renewed refresh token kept in table storage (PARTNER_CENTER_TOKEN_KEY); unset,
   * the renewed token is kept in memory only and a restart starts from `refreshToken` again.
   */
  tokenKey?: TokenKey;
}

/** An https URL (http only on this machine, for a local stand-in), without query or trailing slash. */
const serviceUrl = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .transform((text, ctx) => {
      let url: URL | undefined;
      try {
        url = new URL(text);
      } catch {
        url = undefined;
      }
      const secure = url?.protocol === 'https:' || (url?.protocol === 'http:' && isLoopbackHost(url.hostname));
      if (!url || !secure || url.search || url.hash || url.username) {
        ctx.addIssue({
          code: 'custom',
          message: `must be an https URL without query, such as ${fallback} (http only for localhost)`,
        });
        return z.NEVER;
      }
      return url.href.replace(/\/+$/, '');
    });

const optionalText = z.string().trim().default('');

/** PARTNER_CENTER_TOKEN_KEY: unset, or 32 bytes in base64 (the problem never quotes the secret). */
const tokenKeySetting = z
  .string()
  .default('')
  .transform((text, ctx): TokenKey | undefined => {
    if (text.trim() === '') return undefined;
    const key = tokenKeyFrom(text);
    if ('problem' in key) {
      ctx.addIssue({ code: 'custom', message: key.problem });
      return z.NEVER;
    }
    return key;
  });

/** The Partner Center variables of the environment schema. */
export const partnerCenterEnv = {
  PARTNER_CENTER_TENANT_ID: optionalText,
  PARTNER_CENTER_CLIENT_ID: optionalText,
  PARTNER_CENTER_CLIENT_SECRET: optionalText,
  PARTNER_CENTER_REFRESH_TOKEN: optionalText,
  PARTNER_CENTER_TOKEN_KEY: tokenKeySetting,
  PARTNER_CENTER_API_URL: serviceUrl(DEFAULT_PARTNER_CENTER_API_URL),
  PARTNER_CENTER_AUTHORITY_URL: serviceUrl(DEFAULT_AUTHORITY_URL),
  PARTNER_CENTER_SIMULATOR: z.enum(['auto', 'on', 'off'], { error: 'must be auto, on or off' }).default('auto'),
  PARTNER_CENTER_SIMULATOR_PORT: z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a whole number')
    .min(0, 'must be 0 (any free port) to 65535')
    .max(65535, 'must be 0 (any free port) to 65535')
    .default(4010),
  PARTNER_CENTER_POLL_MINUTES: z.coerce
    .number({ error: 'must be a number of minutes' })
    .min(0, 'must be 0 (no polling) or more minutes')
    .max(24 * 60, 'must be at most a day (1440 minutes)')
    .default(15),
};

type PartnerCenterEnv = { [K in keyof typeof partnerCenterEnv]: z.output<(typeof partnerCenterEnv)[K]> };

const CREDENTIALS = [
  'PARTNER_CENTER_TENANT_ID',
  'PARTNER_CENTER_CLIENT_ID',
  'PARTNER_CENTER_CLIENT_SECRET',
  'PARTNER_CENTER_REFRESH_TOKEN',
] as const;

/** The settings when all four credentials are set, undefined when none is; a partial set adds a problem per missing variable. */
export function partnerCenterSettingsFrom(
  env: PartnerCenterEnv,
  problems: string[],
): PartnerCenterSettings | undefined {
  const set = CREDENTIALS.filter((name) => env[name] !== '');
  if (set.length === 0) return undefined;
  if (set.length < CREDENTIALS.length) {
    for (const name of CREDENTIALS.filter((n) => env[n] === '')) {
      problems.push(
        `${name}: must be set too, since ${set.join(', ')} ${set.length === 1 ? 'is' : 'are'} (the four Partner Center credentials go together, or none is set)`,
      );
    }
    return undefined;
  }
  return {
    tenantId: env.PARTNER_CENTER_TENANT_ID,
    clientId: env.PARTNER_CENTER_CLIENT_ID,
    clientSecret: env.PARTNER_CENTER_CLIENT_SECRET,
    refreshToken: env.PARTNER_CENTER_REFRESH_TOKEN,
    apiUrl: env.PARTNER_CENTER_API_URL,
    authorityUrl: env.PARTNER_CENTER_AUTHORITY_URL,
    pollIntervalMs: env.PARTNER_CENTER_POLL_MINUTES * 60_000,
    ...(env.PARTNER_CENTER_TOKEN_KEY ? { tokenKey: env.PARTNER_CENTER_TOKEN_KEY } : {}),
  };
}

/** The local Partner Center simulator the desk runs for itself when it has no credentials (see simulatorSettingsFrom). */
export interface SimulatorSettings {
  /** Where the simulator listens (0: any free port). */
  port: number;
  pollIntervalMs: number;
}

/** What decides whether a desk runs a local Partner Center. */
export interface SimulatorContext {
  /** The PARTNER_CENTER_* credentials are set. */
  connected: boolean;
  /** MicrosoftAppId is set: the desk is registered with the Bot Framework. */
  registered: boolean;
  /** NODE_ENV=production. */
  production: boolean;
}

/**
 * The simulator, when the desk runs one: `on`, or `auto` (the default) on a desk without
 * Partner Center credentials that is not registered with the Bot Framework either (a local
 * run). `on` with credentials adds a problem: the desk talks to one Partner Center. `on` in
 * production adds one too: a production start never runs the simulator (a throw-away
 * certificate authority and credentials everyone knows), so asking for it is a mistake to
 * stop at, not to run past unconnected. `auto` in production asks for it all the same; the
 * production start then says that Partner Center is not connected.
 */
export function simulatorSettingsFrom(
  env: PartnerCenterEnv,
  desk: SimulatorContext,
  problems: string[],
): SimulatorSettings | undefined {
  const mode = env.PARTNER_CENTER_SIMULATOR;
  if (mode === 'on' && desk.connected) {
    problems.push(
      'PARTNER_CENTER_SIMULATOR: must not be on while the PARTNER_CENTER_* credentials are set (the desk talks to one Partner Center)',
    );
    return undefined;
  }
  if (mode === 'on' && desk.production) {
    problems.push(
      'PARTNER_CENTER_SIMULATOR: refused with NODE_ENV=production (the simulator is for local runs); ' +
        'set the PARTNER_CENTER_* credentials, or leave it auto or off',
    );
    return undefined;
  }
  if (mode === 'off' || desk.connected || (mode === 'auto' && desk.registered)) return undefined;
  return { port: env.PARTNER_CENTER_SIMULATOR_PORT, pollIntervalMs: env.PARTNER_CENTER_POLL_MINUTES * 60_000 };
}
