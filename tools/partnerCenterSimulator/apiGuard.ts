/**
 * What every Partner Center API request passes before it is served: a failure queued by a
 * test answers it instead, and it must carry a bearer token issued for the API's resource.
 */
import type { IncomingMessage } from 'node:http';
import { odataError, type Answer } from './answers';
import type { TokenIssuer } from './tokenIssuer';

/** The answer of a queued fault: 429 with `Retry-After`, or the failure status. */
export function faultAnswer(status: number, retryAfterSeconds?: number): Answer {
  const headers = retryAfterSeconds === undefined ? undefined : { 'retry-after': String(retryAfterSeconds) };
  return status === 429
    ? odataError(
        429,
        'TooManyRequests',
        `Rate limit is exceeded. Try again in ${retryAfterSeconds} seconds.`,
        undefined,
        headers,
      )
    : odataError(
        status,
        status === 503 ? 'ServiceUnavailable' : 'InternalServerError',
        `The service failed to answer (simulated ${status}); try again later`,
        undefined,
        headers,
      );
}

/** The 401 refusing a request without a valid access token for `audience`, or undefined when it has one. */
export function authenticate(tokens: TokenIssuer, req: IncomingMessage, audience: string): Answer | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  const refuse = (message: string, error = 'invalid_token') =>
    odataError(401, 'Unauthorized', message, undefined, {
      'www-authenticate': `Bearer error="${error}", error_description="${message}"`,
    });
  if (!match) return refuse('The request has no Authorization: Bearer <access token> header', 'invalid_request');
  const check = tokens.check(match[1], audience);
  if (check === 'expired') return refuse('The access token has expired');
  if (check === 'unknown') return refuse(`The access token is not valid for ${audience}`);
  if (check === 'elsewhere') {
    return refuse(`The access token is for another resource; this API takes tokens for ${audience}`);
  }
  return undefined;
}
