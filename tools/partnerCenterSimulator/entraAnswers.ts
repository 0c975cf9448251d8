/**
 * Entra ID's token endpoint answers as JSON: the tokens, or an error with its AADSTS code,
 * trace and correlation ids and timestamp, in the form clients parse.
 */
import { randomUUID } from 'node:crypto';
import type { DateTime } from 'luxon';

/** What the token endpoint answers: a status and Entra's JSON. */
export interface TokenAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** An Entra error: `error`, the AADSTS `code` and its description, stamped with `clock`'s time. */
export function entraError(
  clock: () => DateTime,
  status: number,
  error: string,
  code: number,
  description: string,
): TokenAnswer {
  const timestamp = clock().toUTC().toFormat("yyyy-MM-dd HH:mm:ss'Z'");
  const traceId = randomUUID();
  const correlationId = randomUUID();
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
    },
  };
}

/** Entra's refusal of a request whose body lacks the parameter `name`. */
export function missingParameter(clock: () => DateTime, name: string): TokenAnswer {
  const description = `The request body must contain the following parameter: '${name}'.`;
  return entraError(clock, 400, 'invalid_request', 900144, description);
}
