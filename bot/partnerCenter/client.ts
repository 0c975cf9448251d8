/**
 * The desk's client of Partner Center's Referrals API: lists referrals page by page,
 * reads one with its eTag, and writes changes back as JSON Patch guarded by If-Match.
 * Throttling (429) and server errors (5xx) are tried again as the service asks
 * (`Retry-After`) or with jittered backoff; a refused token (401) is renewed once.
 */
import type { DateTime } from 'luxon';
import { callApi, type ApiCallOptions } from './apiCall';
import { failure, failureDetails, malformed, pathOf, type Answered } from './apiFailures';
import { NextLinkRefusedError, PreconditionFailedError } from './errors';
import type { PatchOperation } from '../domain/patchOperations';
import { DEFAULT_RETRY_POLICY, REAL_TIMING, type RetryPolicy, type RetryTiming } from './retry';
import type { AccessTokenProvider } from './tokens';

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

/**
 * Partner Center's Referrals API over HTTP. Failed calls throw PartnerCenterError (412:
 * PreconditionFailedError); a token Entra refuses throws TokenRequestError, naming the
 * PARTNER_CENTER_… setting to fix.
 */
export class PartnerCenterClient {
  private readonly apiUrl: URL;
  private readonly calls: ApiCallOptions;

  constructor(private readonly options: PartnerCenterClientOptions) {
    this.apiUrl = new URL(options.apiUrl.replace(/\/+$/, ''));
    this.calls = {
      tokens: options.tokens,
      policy: { ...DEFAULT_RETRY_POLICY, ...options.retry },
      timing: { ...REAL_TIMING, ...options.timing },
      requestTimeoutMs: options.requestTimeoutMs,
      fetch: options.fetch,
    };
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
      const answered = await callApi(this.calls, 'GET', url);
      if (answered.status !== 200) throw failure('GET', url, answered, this.now());
      const body = answered.body as { value?: unknown; '@odata.nextLink'?: unknown } | undefined;
      if (!Array.isArray(body?.value)) throw malformed('GET', url, 'a list without a "value" array', answered);
      const link: unknown = body['@odata.nextLink'];
      yield { referrals: body.value };
      url = this.nextLinkOf(link, url, followed, answered);
    }
  }

  /** The referral with its eTag, or null when Partner Center has none of that id. */
  async getReferral(id: string): Promise<VersionedReferral | null> {
    const url = this.referralUrl(id);
    const answered = await callApi(this.calls, 'GET', url);
    if (answered.status === 404) return null;
    if (answered.status !== 200) throw failure('GET', url, answered, this.now());
    return this.versioned('GET', url, answered);
  }

  /**
   * Applies `operations` if the referral still has `eTag`, and returns it as changed.
   * Throws PreconditionFailedError when someone changed it since (read it again), and
   * PartnerCenterError with the service's words when the patch is refused.
   */
  async patchReferral(id: string, operations: readonly PatchOperation[], eTag: string): Promise<VersionedReferral> {
    const url = this.referralUrl(id);
    const answered = await callApi(this.calls, 'PATCH', url, {
      body: JSON.stringify(operations),
      headers: { 'content-type': 'application/json', 'if-match': eTag, prefer: 'return=representation' },
    });
    if (answered.status === 412)
      throw new PreconditionFailedError(id, failureDetails('PATCH', url, answered, this.now()));
    if (answered.status === 204) {
      // The service ignored `Prefer: return=representation`: read the referral as it is now.
      const current = await this.getReferral(id);
      if (!current)
        throw malformed('PATCH', url, `204 to a patch of referral ${id}, which then could not be read`, answered);
      return current;
    }
    if (answered.status !== 200) throw failure('PATCH', url, answered, this.now());
    return this.versioned('PATCH', url, answered);
  }

  private now(): DateTime {
    return this.calls.timing.now();
  }

  private referralUrl(id: string): string {
    return `${this.apiUrl.href}/${encodeURIComponent(id)}`;
  }

  private versioned(method: string, url: string, answered: Answered): VersionedReferral {
    const body = answered.body as { eTag?: unknown } | undefined;
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw malformed(method, url, 'a referral that is no JSON object', answered);
    const eTag = answered.headers.get('etag') ?? (typeof body.eTag === 'string' ? body.eTag : undefined);
    if (!eTag) throw malformed(method, url, 'a referral without an eTag', answered);
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
}
