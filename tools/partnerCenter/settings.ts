/**
 * The settings the onboarding commands read: the Partner Center app registration (the same
 * PARTNER_CENTER_* variables as the desk, from the environment or `.env`), with every missing
 * one named at once, and what each is.
 */
import { partnerCenterEnv } from '../../bot/config';
import { CommandError } from './commandIo';

/** The environment as the commands read it: a variable set to an empty string counts as not set. */
export type Environment = Record<string, string | undefined>;

/** The app registration that signs in to Partner Center, and where Entra ID is. */
export interface PartnerCenterApp {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** Entra ID (or a stand-in), without a trailing slash. */
  authorityUrl: string;
}

const WHAT_IT_IS = {
  PARTNER_CENTER_TENANT_ID: "the directory (tenant) id of the partner's Partner Center account",
  PARTNER_CENTER_CLIENT_ID:
    'the application (client) id of the app registration with the Partner Center API permissions',
  PARTNER_CENTER_CLIENT_SECRET: 'the value (not the id) of a client secret of that app',
  PARTNER_CENTER_REFRESH_TOKEN: 'the refresh token `npm run partner-center:login` printed',
} as const;

type Credential = keyof typeof WHAT_IT_IS;

function text(env: Environment, name: string): string {
  return env[name]?.trim() ?? '';
}

/** The values of `names`; throws a CommandError naming every one that is not set, and what it is. */
function required<N extends Credential>(env: Environment, names: readonly N[]): Record<N, string> {
  const missing = names.filter((name) => text(env, name) === '');
  if (missing.length > 0) {
    const lines = missing.map((name) => `  ${name}: ${WHAT_IT_IS[name]}`);
    throw new CommandError(
      [
        `Missing ${missing.length === 1 ? 'setting' : 'settings'} (set in the environment or in .env, see env.sample):`,
        ...lines,
      ].join('\n'),
    );
  }
  return Object.fromEntries(names.map((name) => [name, text(env, name)])) as Record<N, string>;
}

/** PARTNER_CENTER_AUTHORITY_URL as the desk reads it: Entra ID unless set, https (http only for this machine). */
function authorityUrl(env: Environment): string {
  const value = text(env, 'PARTNER_CENTER_AUTHORITY_URL');
  const parsed = partnerCenterEnv.PARTNER_CENTER_AUTHORITY_URL.safeParse(value === '' ? undefined : value);
  if (!parsed.success) throw new CommandError(`PARTNER_CENTER_AUTHORITY_URL: ${parsed.error.issues[0].message}`);
  return parsed.data;
}

/** The app registration, for signing in: PARTNER_CENTER_TENANT_ID, _CLIENT_ID, _CLIENT_SECRET and _AUTHORITY_URL. */
export function partnerCenterAppFrom(env: Environment): PartnerCenterApp {
  const set = required(env, ['PARTNER_CENTER_TENANT_ID', 'PARTNER_CENTER_CLIENT_ID', 'PARTNER_CENTER_CLIENT_SECRET']);
  return {
    tenantId: set.PARTNER_CENTER_TENANT_ID,
    clientId: set.PARTNER_CENTER_CLIENT_ID,
    clientSecret: set.PARTNER_CENTER_CLIENT_SECRET,
    authorityUrl: authorityUrl(env),
  };
}

/** The app registration and the signed-in user's refresh token (PARTNER_CENTER_REFRESH_TOKEN too). */
export function signedInAppFrom(env: Environment): PartnerCenterApp & { refreshToken: string } {
  const set = required(env, [
    'PARTNER_CENTER_TENANT_ID',
    'PARTNER_CENTER_CLIENT_ID',
    'PARTNER_CENTER_CLIENT_SECRET',
    'PARTNER_CENTER_REFRESH_TOKEN',
  ]);
  return {
    tenantId: set.PARTNER_CENTER_TENANT_ID,
    clientId: set.PARTNER_CENTER_CLIENT_ID,
    clientSecret: set.PARTNER_CENTER_CLIENT_SECRET,
    refreshToken: set.PARTNER_CENTER_REFRESH_TOKEN,
    authorityUrl: authorityUrl(env),
  };
}
