/**
 * The desk's client of Partner Center's Referrals API: lists referrals page by page,
 * reads one with its eTag, and writes changes back as JSON Patch guarded by If-Match.
 * Throttling (429) and server errors (5xx) are tried again as the service asks
 * (`Retry-After`) or with jittered backoff; a refused token (401) is renewed once.
 */
import { randomUUID } from 'node:crypto';
import {
  NextLinkRefusedError,
  PartnerCenterError,
  PreconditionFailedError,
  serviceErrorOf,
  type PartnerCenterFailure,
} from './errors';
import type { PatchOperation } from '../domain/patchOperations';
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  parseRetryAfter,
  REAL_TIMING,
  type RetryPolicy,
  type RetryTiming,
} from './retry';
import { TokenRequestError, type AccessTokenProvider } from './tokens';

/** What a client needs: where the API is, its tokens, and (for tests) how it waits and fetches. */
export interface PartnerCenterClientOptions {
  /** The Referrals collection, e.g. https://api.partner.microsoft.com/v1.0/engagements/referrals. */
  apiUrl: string;
  tokens: AccessTokenProvider;
  retry?: Partial<RetryPolicy>;
  timing?: Partial<RetryTiming>;
  /** Per attempt; 30 s by default. */
  requestTimeoutMs?: number;
  fetch?: typeof fetch;
}

/** What to list: an OData `$filter` (e.g. `updatedDateTime gt 2026-11-23T09:00:00Z`), `$orderby`, page size `$top`. */
export interface ListReferralsOptions {
  filter?: string;
  orderBy?: string;
  top?: number;
}

/** One page of a listing: Partner Center's referral JSON, unchecked (see parseReferrals). */
export interface ReferralPage {
  referrals: unknown[];
}

/** A referral as Partner Center served it, and the eTag to send with a change of it. */
export interface VersionedReferral {
  referral: unknown;
  eTag: string;
}

/** The final answer to a call, after its retries. */
interface Answered {
  status: number;
  headers: Headers;
  body: unknown;
  correlationId: string;
  attempts: number;
}

const describeCause = (error: unknown) =>
  error instanceof Error
    ? error.cause instanceof Error
      ? `${error.message} (${error.cause.message})`
      : error.message
    : String(error);

/**
 * Partner Center's Referrals API over HTTP. Failed calls throw PartnerCenterError (412:
 * PreconditionFailedError); a token Entra refuses throws TokenRequestError, naming the
 * PARTNER_CENTER_… setting to fix.
 */
export class PartnerCenterClient {
  private readonly apiUrl: URL;
  private readonly policy: RetryPolicy;
  private readonly timing: RetryTiming;

  constructor(private readonly options: PartnerCenterClientOptions) {
    this.apiUrl = new URL(options.apiUrl.replace(/\/+$/, ''));
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.timing = { ...REAL_TIMING, ...options.timing };
  }

  /** Whether Entra refused the user's grant for good, so nothing works until someone signs in again (see PartnerCenterTokens). */
  get signInNeeded(): boolean {
    return this.options.tokens.signInNeeded === true;
  }

  /**
   * The referrals that pass `filter`, a page at a time, following `@odata.nextLink` to the
   * last page. Each page is handed out before its link is checked, so a link the client
   * will not follow (see nextLinkOf) loses no page already read: the listing then ends with
   * NextLinkRefusedError.
   */
  async *listReferrals(options: ListReferralsOptions = {}): AsyncGenerator<ReferralPage> {
    const query = [
      options.filter === undefined ? undefined : `$filter=${encodeURIComponent(options.filter)}`,
      options.orderBy === undefined ? undefined : `$orderby=${encodeURIComponent(options.orderBy)}`,
      options.top === undefined ? undefined : `$top=${encodeURIComponent(String(options.top))}`,
    ].filter(Boolean);
    let url: string | undefined = `${this.apiUrl.href}${query.length ? `?${query.join('&')}` : ''}`;
    const followed = new Set<string>();
    while (url) {
      followed.add(url);
      const answered = await this.call('GET', url);
      if (answered.status !== 200) throw this.failure('GET', url, answered);
      const body = answered.body as { value?: unknown; '@odata.nextLink'?: unknown } | undefined;
      if (!Array.isArray(body?.value)) throw this.malformed('GET', url, 'a list without a "value" array', answered);
      const link: unknown = body['@odata.nextLink'];
      yield { referrals: body.value };
      url = this.nextLinkOf(link, url, followed, answered);
    }
  }

  /** The referral with its eTag, or null when Partner Center has none of that id. */
  async getReferral(id: string): Promise<VersionedReferral | null> {
    const url = this.referralUrl(id);
    const answered = await this.call('GET', url);
    if (answered.status === 404) return null;
    if (answered.status !== 200) throw this.failure('GET', url, answered);
    return this.versioned('GET', url, answered);
  }

  /**
   * Applies `operations` if the referral still has `eTag`, and returns it as changed.
   * Throws PreconditionFailedError when someone changed it since (read it again), and
   * PartnerCenterError with the service's words when the patch is refused.
   */
  async patchReferral(id: string, operations: readonly PatchOperation[], eTag: string): Promise<VersionedReferral> {
    const url = this.referralUrl(id);
    const answered = await this.call('PATCH', url, {
      body: JSON.stringify(operations),
      headers: { 'content-type': 'application/json', 'if-match': eTag, prefer: 'return=representation' },
    });
    if (answered.status === 412) throw new PreconditionFailedError(id, this.failureDetails('PATCH', url, answered));
    if (answered.status === 204) {
      // The service ignored `Prefer: return=representation`: read the referral as it is now.
      const current = await this.getReferral(id);
      if (!current)
        throw this.malformed('PATCH', url, `204 to a patch of referral ${id}, which then could not be read`, answered);
      return current;
    }
    if (answered.status !== 200) throw this.failure('PATCH', url, answered);
    return this.versioned('PATCH', url, answered);
  }

  private referralUrl(id: string): string {
    return `${this.apiUrl.href}/${encodeURIComponent(id)}`;
  }

  private versioned(method: string, url: string, answered: Answered): VersionedReferral {
    const body = answered.body as { eTag?: unknown } | undefined;
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw this.malformed(method, url, 'a referral that is no JSON object', answered);
    const eTag = answered.headers.get('etag') ?? (typeof body.eTag === 'string' ? body.eTag : undefined);
    if (!eTag) throw this.malformed(method, url, 'a referral without an eTag', answered);
    return { referral: body, eTag };
  }

  /**
   * The next page's URL, refusing one that leaves the API's origin or comes round again.
   * An `http://` link to the API's own host that names no port is taken as the API's next
   * page, as Partner Center's documentation prints its links: it is followed on the API's
   * own origin (https and its port), so the access token still goes only there, encrypted.
   */
  private nextLinkOf(link: unknown, current: string, followed: Set<string>, answered: Answered): string | undefined {
    if (link === undefined || link === null) return undefined;
    const refuse = (refusal: string) =>
      new NextLinkRefusedError(`Partner Center answered GET ${pathOf(current)} with ${refusal}`, refusal, {
        method: 'GET',
        url: current,
        status: answered.status,
        correlationId: answered.correlationId,
        attempts: answered.attempts,
      });
    let next: URL;
    try {
      if (typeof link !== 'string') throw new TypeError('not a string');
      next = new URL(link, current);
    } catch {
      throw refuse(`an @odata.nextLink that is no URL: ${JSON.stringify(link)}`);
    }
    if (next.protocol === 'http:' && next.port === '' && next.hostname === this.apiUrl.hostname) {
      next.protocol = this.apiUrl.protocol;
      next.port = this.apiUrl.port;
    }
    if (next.origin !== this.apiUrl.origin) {
      throw refuse(
        `an @odata.nextLink to ${next.origin}, not ${this.apiUrl.origin}; the access token is only sent to the API`,
      );
    }
    if (followed.has(next.href)) throw refuse('an @odata.nextLink to a page already read');
    return next.href;
  }

  /**
   * One call, tried again as its failures allow: 429 and 5xx (for PATCH too: If-Match
   * keeps a repeat from applying twice), network errors for GET only, a 401 once with a
   * renewed token. Returns the final answer (the caller reads statuses it expects).
   */
  private async call(
    method: 'GET' | 'PATCH',
    url: string,
    init: { body?: string; headers?: Record<string, string> } = {},
  ): Promise<Answered> {
    const correlationId = randomUUID();
    let renewedToken = false;
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= this.policy.maxAttempts;
      const backoff = () => this.timing.sleep(backoffDelay(attempt, this.policy, this.timing.random));
      let token: string;
      try {
        token = await this.options.tokens.getToken();
      } catch (error) {
        if (error instanceof TokenRequestError && error.retryable && !last) {
          await backoff();
          continue;
        }
        throw error;
      }
      let answered: Answered;
      try {
        const response = await (this.options.fetch ?? fetch)(url, {
          method,
          headers: {
            accept: 'application/json',
            authorization: `Bearer ${token}`,
            'ms-correlationid': correlationId,
            ...init.headers,
          },
          body: init.body,
          signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 30_000),
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
          const details = this.failureDetails(method, url, answered);
          throw new PartnerCenterError(
            `Partner Center refused a newly issued access token (401 ${details.serviceMessage ?? ''}) for ${method} ${pathOf(url)}; check that PARTNER_CENTER_TENANT_ID is the partner's tenant and that the app may call the Partner Center API`,
            details,
          );
        }
        renewedToken = true;
        this.options.tokens.invalidate(token);
        attempt--; // The renewal is not one of the attempts the policy counts.
        continue;
      }
      if (isRetryableStatus(answered.status)) {
        const retryAfterMs = parseRetryAfter(answered.headers.get('retry-after'), this.timing.now());
        if (!last && (retryAfterMs === undefined || retryAfterMs <= this.policy.maxDelayMs)) {
          await (retryAfterMs === undefined ? backoff() : this.timing.sleep(retryAfterMs));
          continue;
        }
      }
      return answered;
    }
  }

  private failureDetails(method: string, url: string, answered: Answered): PartnerCenterFailure {
    const service = serviceErrorOf(answered.body);
    return {
      method,
      url,
      status: answered.status,
      code: service.code,
      serviceMessage: service.message,
      target: service.target,
      retryAfterMs: parseRetryAfter(answered.headers.get('retry-after'), this.timing.now()),
      correlationId: answered.correlationId,
      attempts: answered.attempts,
    };
  }

  private failure(method: string, url: string, answered: Answered): PartnerCenterError {
    const details = this.failureDetails(method, url, answered);
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
  private malformed(method: string, url: string, what: string, answered: Answered): PartnerCenterError {
    return new PartnerCenterError(`Partner Center answered ${method} ${pathOf(url)} with ${what}`, {
      method,
      url,
      status: answered.status,
      correlationId: answered.correlationId,
      attempts: answered.attempts,
    });
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

/** The URL without its origin, readably decoded, for messages (a path and query carry no secrets). */
function pathOf(url: string): string {
  const parsed = new URL(url);
  const path = `${parsed.pathname}${parsed.search}`;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
