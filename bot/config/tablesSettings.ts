/**
 * Where the desk keeps its tables, from the environment: an Azure storage account reached
 * with a connection string, or with the host's Azure identity; else a table server inside
 * the desk.
 */
import { z } from 'zod';
import { isLoopbackHost } from './loopback';

/** Where the tables are and how the desk reaches them. */
export type TablesSettings =
  | { kind: 'connectionString'; connectionString: string }
  | {
      kind: 'accountUrl';
      /** The account's Table endpoint, without a trailing slash. */
      url: string;
      /** The user-assigned managed identity to sign in as; unset, whichever identity the host has. */
      managedIdentityClientId?: string;
    }
  | {
      kind: 'embedded';
      /** Where the embedded table server keeps its data; unset, in memory only. */
      dataDir?: string;
    };

const EXAMPLE_URL = 'https://<account>.table.core.windows.net';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The Table endpoint of an account: https (the storage client sends a token over https only),
 * no path, query or user. A table server on this machine may name its account in the path,
 * as emulators do (https://127.0.0.1:10002/devstoreaccount1).
 */
const accountUrl = z
  .string()
  .trim()
  .default('')
  .transform((text, ctx) => {
    if (text === '') return '';
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      // Not echoed: a connection string pasted here by mistake would carry the account key.
      ctx.addIssue({ code: 'custom', message: `must be a URL such as ${EXAMPLE_URL}` });
      return z.NEVER;
    }
    const problem = accountUrlProblem(url);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: `${problem}, such as ${EXAMPLE_URL}` });
      return z.NEVER;
    }
    return url.href.replace(/\/+$/, '');
  });

function accountUrlProblem(url: URL): string | undefined {
  if (url.protocol !== 'https:') {
    const scheme = url.protocol.replace(/:$/, '');
    return `must be an https URL (the desk sends its identity's token over https only; got ${scheme})`;
  }
  if (url.username || url.password || url.search || url.hash) {
    return "must be the account's Table endpoint without user, query or fragment";
  }
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments.length > (isLoopbackHost(url.hostname) ? 1 : 0)) {
    return `must be the account's Table endpoint without a path (got ${url.pathname})`;
  }
  return undefined;
}

/** The storage variables of the environment schema. */
export const tablesEnv = {
  TABLES_CONNECTION_STRING: z.string().trim().default(''),
  TABLES_ACCOUNT_URL: accountUrl,
  AZURE_CLIENT_ID: z
    .string()
    .trim()
    .default('')
    .refine(
      (id) => id === '' || GUID.test(id),
      'must be the client id of a user-assigned managed identity, a GUID such as 00000000-0000-0000-0000-000000000000',
    ),
  DATA_DIR: z.string().trim().min(1).default('./.data'),
};

type TablesEnv = { [K in keyof typeof tablesEnv]: z.output<(typeof tablesEnv)[K]> };

/** Where the tables are; both ways to an account set adds a problem naming both. */
export function tablesSettingsFrom(env: TablesEnv, problems: string[]): TablesSettings {
  if (env.TABLES_CONNECTION_STRING && env.TABLES_ACCOUNT_URL) {
    problems.push(
      'TABLES_CONNECTION_STRING, TABLES_ACCOUNT_URL: set one of them, not both ' +
        "(a connection string carries the account key; TABLES_ACCOUNT_URL signs in with the host's Azure identity)",
    );
  }
  if (env.TABLES_CONNECTION_STRING) return { kind: 'connectionString', connectionString: env.TABLES_CONNECTION_STRING };
  if (env.TABLES_ACCOUNT_URL) {
    const managedIdentityClientId = env.AZURE_CLIENT_ID || undefined;
    return { kind: 'accountUrl', url: env.TABLES_ACCOUNT_URL, managedIdentityClientId };
  }
  return { kind: 'embedded', dataDir: env.DATA_DIR };
}
