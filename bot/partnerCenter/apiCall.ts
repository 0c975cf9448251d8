import { randomUUID } from 'node:crypto';
import { PartnerCenterError } from './errors';
import { failureDetails, pathOf, type Answered } from './apiFailures';
import { backoffDelay, isRetryableStatus, parseRetryAfter, type RetryPolicy, type RetryTiming } from './retry';
import { TokenRequestError, type AccessTokenProvider } from './tokens';

/** How calls are made: the tokens, how often and how long to try, and (for tests) how to fetch. */
export interface ApiCallOptions {
  tokens: AccessTokenProvider;
  policy: RetryPolicy;
  timing: RetryTiming;
  /** Per attempt; 30 s by default. */
  requestTimeoutMs?: number;
  fetch?: typeof fetch;
}

const describeCause = (error: unknown) =>
  error instanceof Error
    ? error.cause instanceof Error
      ? `${error.message} (${error.cause.message})`
      : error.message
    : String(error);

/**
 * One call to Partner Center, tried again as its failures allow: 429 and 5xx (for PATCH too:
 * If-Match keeps a repeat from applying twice), network errors for GET only, a 401 once with
 * a renewed token. Returns the final answer (the caller reads statuses it expects).
 */
export async function callApi(
  options: ApiCallOptions,
  method: 'GET' | 'PATCH',
  url: string,
  init: { body?: string; headers?: Record<string, string> } = {},
): Promise<Answered> {
  const correlationId = randomUUID();
  let renewedToken = false;
  for (let attempt = 1; ; attempt++) {
    const last = attempt >= options.policy.maxAttempts;
    const backoff = () => options.timing.sleep(backoffDelay(attempt, options.policy, options.timing.random));
    let token: string;
    try {
      token = await options.tokens.getToken();
    } catch (error) {
      if (error instanceof TokenRequestError && error.retryable && !last) {
        await backoff();
        continue;
      }
      throw error;
    }
    let answered: Answered;
    try {
      const response = await (options.fetch ?? fetch)(url, {
        method,
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${token}`,
          'ms-correlationid': correlationId,
          ...init.headers,
        },
        body: init.body,
        signal: AbortSignal.timeout(options.requestTimeoutMs ?? 30_000),
      });
      const text = await response.text();
      answered = {
        status: response.status,
        headers: response.headers,
        body: parseJson(text),
        correlationId,
        attempts: attempt,
      };
    } catch (error) {
      if (method === 'GET' && !last) {
        await backoff();
        continue;
      }
      throw new PartnerCenterError(
        `Partner Center could not be reached (${method} ${pathOf(url)}, attempt ${attempt}): ${describeCause(error)}`,
        {
          method,
          url,
          correlationId,
          attempts: attempt,
        },
      );
    }
    if (answered.status === 401) {
      if (renewedToken) {
        const details = failureDetails(method, url, answered, options.timing.now());
        throw new PartnerCenterError(
          `Partner Center refused a newly issued access token (401 ${details.serviceMessage ?? ''}) for ${method} ${pathOf(url)}; check that PARTNER_CENTER_TENANT_ID is the partner's tenant and that the app may call the Partner Center API`,
          details,
        );
      }
      renewedToken = true;
      options.tokens.invalidate(token);
      attempt--; // The renewal is not one of the attempts the policy counts.
      continue;
    }
    if (isRetryableStatus(answered.status)) {
      const retryAfterMs = parseRetryAfter(answered.headers.get('retry-after'), options.timing.now());
      if (!last && (retryAfterMs === undefined || retryAfterMs <= options.policy.maxDelayMs)) {
        await (retryAfterMs === undefined ? backoff() : options.timing.sleep(retryAfterMs));
        continue;
      }
    }
    return answered;
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
