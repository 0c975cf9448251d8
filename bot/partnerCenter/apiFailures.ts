import type { DateTime } from 'luxon';
import { PartnerCenterError, serviceErrorOf, type PartnerCenterFailure } from './errors';
import { parseRetryAfter } from './retry';

/** Partner Center's final answer to a call, after its retries. */
export interface Answered {
  status: number;
  headers: Headers;
  body: unknown;
  correlationId: string;
  attempts: number;
}

/** What went wrong with an answer, as Partner Center said it (for errors and logs). */
export function failureDetails(method: string, url: string, answered: Answered, now: DateTime): PartnerCenterFailure {
  const service = serviceErrorOf(answered.body);
  return {
    method,
    url,
    status: answered.status,
    code: service.code,
    serviceMessage: service.message,
    target: service.target,
    retryAfterMs: parseRetryAfter(answered.headers.get('retry-after'), now),
    correlationId: answered.correlationId,
    attempts: answered.attempts,
  };
}

/** The error for an answer with a status the caller did not expect, with the service's words and a hint. */
export function failure(method: string, url: string, answered: Answered, now: DateTime): PartnerCenterError {
  const details = failureDetails(method, url, answered, now);
  const said = [details.code, details.serviceMessage].filter(Boolean).join(': ') || 'no error message';
  const about = details.target ? ` [${details.target}]` : '';
  const tries = details.attempts > 1 ? ` after ${details.attempts} attempts` : '';
  const hint =
    answered.status === 403
      ? '; the user of PARTNER_CENTER_REFRESH_TOKEN needs the Referrals Admin or Referrals User role'
      : '';
  return new PartnerCenterError(
    `Partner Center answered ${answered.status} to ${method} ${pathOf(url)}${tries}: ${said}${about}${hint}`,
    details,
  );
}

/** An answer the client cannot use although its status was fine. */
export function malformed(method: string, url: string, what: string, answered: Answered): PartnerCenterError {
  return new PartnerCenterError(`Partner Center answered ${method} ${pathOf(url)} with ${what}`, {
    method,
    url,
    status: answered.status,
    correlationId: answered.correlationId,
    attempts: answered.attempts,
  });
}

/** The URL without its origin, readably decoded, for messages (a path and query carry no secrets). */
export function pathOf(url: string): string {
  const parsed = new URL(url);
  const path = `${parsed.pathname}${parsed.search}`;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
