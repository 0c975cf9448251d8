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
