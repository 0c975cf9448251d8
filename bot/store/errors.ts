/** Someone else changed the entity since it was read (HTTP 412/409 from the table service). */
export class ConflictError extends Error {
  constructor(what: string) {
    super(`${what} was changed by someone else; read it again and retry`);
    this.name = 'ConflictError';
  }
}

/** The table service's HTTP status of a failed call, if it is one. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

export function isStatus(error: unknown, ...statuses: number[]): boolean {
  const status = statusOf(error);
  return status !== undefined && statuses.includes(status);
}

/** Network failures that mean the table service could not be reached at all. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'REQUEST_SEND_ERROR',
]);

/**
 * Whether a failed table call means storage is unavailable for now (unreachable, the service
 * answered 500/503, or it refused the desk's identity), so the caller should be told to try
 * again later rather than that its request was wrong.
 */
export function isStorageUnavailable(error: unknown): boolean {
  if (storageAccessProblem(error)) return true;
  const status = statusOf(error);
  if (status !== undefined) return status === 500 || status === 503;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNREACHABLE_CODES.has(code);
}

/** Storage turned the desk away: its identity got no token, or the service refused it (401/403). */
export type StorageAccessProblem = 'sign-in failed' | 'access denied';

/**
 * The desk's identity could not get a token for storage: the credential failed or gave none.
 * The message names the credential and what it said (never a token).
 */
export class StorageSignInError extends Error {
  readonly code = 'STORAGE_SIGN_IN_FAILED';

  constructor(credentialName: string, cause: unknown) {
    const said = cause instanceof Error ? cause.message : String(cause ?? 'no token');
    super(`sign-in failed (${credentialName}: ${said.replace(/\s+/g, ' ').trim()})`, { cause });
    this.name = 'StorageSignInError';
  }
}

/** Whether a failed table call was about who the desk is, and which way; undefined for anything else. */
export function storageAccessProblem(error: unknown): StorageAccessProblem | undefined {
  if (error instanceof StorageSignInError) return 'sign-in failed';
  if (isStatus(error, 401, 403)) return 'access denied';
  return undefined;
}

/** The role an identity needs on the account to read, write and create tables. */
export const TABLE_DATA_ROLE = 'Storage Table Data Contributor';

/**
 * What went wrong with storage, in one line for the log: the service's error code and its
 * reason for refusing a token, and the role when the identity lacks it; never a secret.
 */
export function storageFailureText(error: unknown): string {
  if (error instanceof StorageSignInError) return `storage: ${error.message}`;
  const status = statusOf(error);
  const details = ((error as { details?: unknown } | null)?.details ?? {}) as Record<string, unknown>;
  const code = textOf(details.errorCode) ?? textOf((error as { code?: unknown } | null)?.code);
  if (status === 401 || status === 403) {
    const reason = textOf(details.AuthenticationErrorDetail);
    const named = [status, code].filter(Boolean).join(' ') + (reason ? `: ${reason}` : '');
    // Azure's answer to a valid token of an identity without a data role on the account.
    const lacksRole = code === 'AuthorizationPermissionMismatch';
    const hint = lacksRole ? `; the identity needs the role ${TABLE_DATA_ROLE} on the account` : '';
    return `storage: access denied (${named}${hint})`;
  }
  const what = status ?? code ?? (error instanceof Error ? error.message : String(error));
  return `storage: ${isStorageUnavailable(error) ? 'unavailable' : 'failed'} (${what})`;
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
