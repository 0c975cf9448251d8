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
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'REQUEST_SEND_ERROR']);

/**
 * Whether a failed table call means storage is unavailable for now (unreachable, or the
 * service answered 500/503), so the caller should be told to try again later rather than
 * that its request was wrong.
 */
export function isStorageUnavailable(error: unknown): boolean {
  const status = statusOf(error);
  if (status !== undefined) return status === 500 || status === 503;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNREACHABLE_CODES.has(code);
}
