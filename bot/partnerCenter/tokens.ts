/**
 * Access tokens for Partner Center, on behalf of a user (delegated): the app's client id
 * and secret redeem the user's refresh token at Entra ID. The access token is kept until
 * shortly before it expires; the new refresh token Entra hands out with each redemption
 * replaces the old one (in memory; `onRefreshToken` lets the caller keep it too, and
 * `storedRefreshToken` start from the one kept).
 */
import { DateTime } from 'luxon';
import { consoleLogger, type Logger } from '../log';
import { DEFAULT_AUTHORITY_URL, PARTNER_CENTER_SCOPE } from './endpoints';
import { describeTokenRefusal, isTransientTokenStatus } from './tokenRefusal';

/** Gives the access token for a call; `invalidate` makes the next `getToken` fetch a new one. */
export interface AccessTokenProvider {
  getToken(): Promise<string>;
  /**
   * Drops the cached token, e.g. after the API answered 401. With `rejected`, only if the
   * cached token is still that one, so callers refused the same token share one renewal.
   */
  invalidate(rejected?: string): void;
  /** Whether the user's grant was refused for good (see PartnerCenterTokens.signInNeeded). */
  readonly signInNeeded?: boolean;
}

/** The app registration and the user's grant (PARTNER_CENTER_TENANT_ID, _CLIENT_ID, _CLIENT_SECRET, _REFRESH_TOKEN). */
export interface DelegatedCredentials {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/** Where Entra ID is, and the hooks for keeping refresh tokens, logging and tests. */
export interface TokenProviderOptions {
  /** Entra ID, or a stand-in; `https://login.microsoftonline.com` by default. */
  authorityUrl?: string;
  clock?: () => DateTime;
  /** Called with every new refresh token Entra hands out, so it can be stored. */
  onRefreshToken?: (refreshToken: string) => void | Promise<void>;
  /**
   * The refresh token kept from an earlier run, read once before the first renewal;
   * undefined starts from the configured one. Should it fail, that renewal fails as one
   * worth trying again, and the next renewal reads it again.
   */
  storedRefreshToken?: () => Promise<string | undefined>;
  logger?: Logger;
  fetch?: typeof fetch;
  requestTimeoutMs?: number;
  /** What to ask Entra for; the Referrals API (PARTNER_CENTER_SCOPE) unless another Partner Center API is called. */
  scope?: string;
}

/** Entra refused or failed a token request; the message names what to fix. */
export class TokenRequestError extends Error {
  constructor(
    message: string,
    /** The token endpoint's status; undefined when it could not be reached. */
    readonly status: number | undefined,
    /** Entra's error code (`invalid_grant`, `invalid_client`, …). */
    readonly error: string | undefined,
    /** Whether trying again later may help (throttled, unavailable, unreachable). */
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'TokenRequestError';
  }
}

/** Renew this long before the token expires (or at half its life, if that is sooner). */
const RENEW_EARLY_SECONDS = 300;

/** Access tokens for Partner Center from a refresh token; concurrent callers share one renewal. */
export class PartnerCenterTokens implements AccessTokenProvider {
  private cached: { token: string; renewAt: number } | undefined;
  private inFlight: Promise<string> | undefined;
  private currentRefreshToken: string;
  /** Whether the kept refresh token has been read (or there is none to read). */
  private startedFromStore: boolean;
  private grantRefused = false;
  private readonly tokenUrl: string;
  private readonly clock: () => DateTime;

  constructor(
    private readonly credentials: DelegatedCredentials,
    private readonly options: TokenProviderOptions = {},
  ) {
    this.currentRefreshToken = credentials.refreshToken;
    this.startedFromStore = !options.storedRefreshToken;
    const authority = (options.authorityUrl ?? DEFAULT_AUTHORITY_URL).replace(/\/+$/, '');
    this.tokenUrl = `${authority}/${encodeURIComponent(credentials.tenantId)}/oauth2/v2.0/token`;
    this.clock = options.clock ?? (() => DateTime.utc());
  }

  /** The newest refresh token (the configured one until Entra hands out another). */
  get refreshToken(): string {
    return this.currentRefreshToken;
  }

  getToken(): Promise<string> {
    if (this.cached && this.clock().toMillis() < this.cached.renewAt) return Promise.resolve(this.cached.token);
    this.inFlight ??= this.renew().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  invalidate(rejected?: string): void {
    if (rejected === undefined || this.cached?.token === rejected) this.cached = undefined;
  }

  /**
   * Whether Entra refused the refresh token at the last renewal (`invalid_grant`: revoked,
   * expired, or not issued to this app): no call to Partner Center works until someone signs
   * in again and PARTNER_CENTER_REFRESH_TOKEN is set to the new one. A renewal that works clears it.
   */
  get signInNeeded(): boolean {
    return this.grantRefused;
  }

  private async renew(): Promise<string> {
    await this.startFromStore();
    const { tenantId, clientId, clientSecret } = this.credentials;
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: clientId,
      client_secret: clientSecret,
      refresh_token: this.currentRefreshToken,
      scope: this.options.scope ?? PARTNER_CENTER_SCOPE,
    });
    let response: Response;
    let text: string;
    try {
      response = await (this.options.fetch ?? fetch)(this.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
        signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 30_000),
      });
      text = await response.text();
    } catch (error) {
      const cause = error instanceof Error ? error.message : String(error);
      throw new TokenRequestError(
        `The token endpoint ${this.tokenUrl} could not be reached: ${cause}`,
        undefined,
        undefined,
        true,
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      const error =
        typeof (body as { error?: unknown } | undefined)?.error === 'string'
          ? (body as { error: string }).error
          : undefined;
      const message = describeTokenRefusal({
        status: response.status,
        body,
        tokenUrl: this.tokenUrl,
        tenantId,
        clientId,
      });
      if (error === 'invalid_grant') this.grantRefused = true;
      throw new TokenRequestError(message, response.status, error, isTransientTokenStatus(response.status));
    }
    const answer = (body ?? {}) as { access_token?: unknown; expires_in?: unknown; refresh_token?: unknown };
    const expiresIn = Number(answer.expires_in);
    if (typeof answer.access_token !== 'string' || answer.access_token === '' || !(expiresIn > 0)) {
      throw new TokenRequestError(
        `The token endpoint ${this.tokenUrl} answered without an access_token and expires_in`,
        response.status,
        undefined,
        false,
      );
    }
    this.grantRefused = false;
    const early = Math.min(RENEW_EARLY_SECONDS, expiresIn / 2);
    this.cached = { token: answer.access_token, renewAt: this.clock().toMillis() + (expiresIn - early) * 1000 };
    if (
      typeof answer.refresh_token === 'string' &&
      answer.refresh_token !== '' &&
      answer.refresh_token !== this.currentRefreshToken
    ) {
      this.currentRefreshToken = answer.refresh_token;
      await this.handOver(answer.refresh_token);
    }
    return answer.access_token;
  }

  /** Takes the kept refresh token, once, before the first renewal. */
  private async startFromStore(): Promise<void> {
    if (this.startedFromStore || !this.options.storedRefreshToken) return;
    let stored: string | undefined;
    try {
      stored = await this.options.storedRefreshToken();
    } catch (error) {
      const cause = error instanceof Error ? error.message : String(error);
      const message = `The kept Partner Center refresh token could not be read (${cause}); the desk tries again later`;
      throw new TokenRequestError(message, undefined, undefined, true);
    }
    this.startedFromStore = true;
    if (stored) this.currentRefreshToken = stored;
  }

  private async handOver(refreshToken: string): Promise<void> {
    if (!this.options.onRefreshToken) return;
    try {
      await this.options.onRefreshToken(refreshToken);
    } catch (error) {
      // The token in memory still works; only keeping it for the next start failed.
      (this.options.logger ?? consoleLogger).error('Could not keep the new Partner Center refresh token', error);
    }
  }
}
