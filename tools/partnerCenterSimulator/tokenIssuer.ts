/**
 * A stand-in for Entra ID's token endpoint (`POST /{tenant}/oauth2/v2.0/token`) as far as
 * the desk uses it: the refresh-token grant of a confidential client (delegated access
 * to Partner Center). Answers with Entra's JSON, errors included (`invalid_grant`,
 * `invalid_client`, … with their AADSTS codes), and rotates the refresh token as Entra does.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { DateTime } from 'luxon';

/** The resource the simulator's access tokens are for. */
export const PARTNER_CENTER_AUDIENCE = 'https://api.partner.microsoft.com';

const ALSO_ALLOWED_SCOPES = ['offline_access', 'openid', 'profile', 'email'];

/** One request to the token endpoint, for tests to assert what was sent. */
export interface TokenRequestRecord {
  tenant: string;
  grantType?: string;
  clientId?: string;
  refreshToken?: string;
  scope?: string;
  /** The HTTP status answered. */
  status: number;
}

/** What the token endpoint answers: a status and Entra's JSON. */
export interface TokenAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** The app registration and the signed-in user's grant the simulator knows at start. */
export interface TokenIssuerSettings {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** A refresh token as if the user had signed in once and consented. */
  refreshToken: string;
  accessTokenLifetimeSeconds: number;
  /**
   * A refresh token works once: redeeming it hands out its successor and it stops working
   * (one-time-use rotation, stricter than Entra, where the old one keeps working until it
   * expires). A client that goes back to an older token is then refused.
   */
  singleUseRefreshTokens?: boolean;
}

/** Whether an access token may call the API, and if not, why. */
export type AccessTokenCheck = 'valid' | 'expired' | 'unknown';

const newToken = (prefix: string) => `${prefix}.${randomBytes(24).toString('base64url')}`;

/** Issues and checks tokens; time comes from `clock`. */
export class TokenIssuer {
  readonly requests: TokenRequestRecord[] = [];
  private readonly refreshTokens = new Map<string, { clientId: string }>();
  private readonly accessTokens = new Map<string, { expiresAt: number }>();
  private readonly expired = new Set<string>();

  constructor(
    private readonly settings: TokenIssuerSettings,
    private readonly clock: () => DateTime,
  ) {
    this.refreshTokens.set(settings.refreshToken, { clientId: settings.clientId });
  }

  /** Answers one token request: `form` is the form-encoded body, `basic` the client credentials of an `Authorization: Basic` header. */
  redeem(tenant: string, form: URLSearchParams, basic?: { clientId: string; clientSecret: string }): TokenAnswer {
    const answer = this.answer(tenant, form, basic);
    this.requests.push({
      tenant,
      grantType: form.get('grant_type') ?? undefined,
      clientId: form.get('client_id') ?? basic?.clientId,
      refreshToken: form.get('refresh_token') ?? undefined,
      scope: form.get('scope') ?? undefined,
      status: answer.status,
    });
    return answer;
  }

  /** Whether `token` is an access token this issuer gave out and that has not expired. */
  check(token: string): AccessTokenCheck {
    if (this.expired.has(token)) return 'expired';
    const issued = this.accessTokens.get(token);
    if (!issued) return 'unknown';
    if (issued.expiresAt <= this.clock().toMillis()) return 'expired';
    return 'valid';
  }

  /** Every access token given out so far stops working; refresh tokens still do. */
  expireAll(): void {
    for (const token of this.accessTokens.keys()) this.expired.add(token);
    this.accessTokens.clear();
  }

  /** The user signs in again: a new refresh token of the app, working beside those given out before. */
  signIn(): string {
    const token = newToken('pc-refresh');
    this.refreshTokens.set(token, { clientId: this.settings.clientId });
    return token;
  }

  /** A refresh token stops working, as when the user's sessions are revoked. */
  revokeRefreshToken(token: string): void {
    this.refreshTokens.delete(token);
  }

  private answer(tenant: string, form: URLSearchParams, basic?: { clientId: string; clientSecret: string }): TokenAnswer {
    const { settings } = this;
    if (tenant !== settings.tenantId) {
      return this.error(400, 'invalid_request', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
    }
    const missing = (name: string) => this.error(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`);
    const grantType = form.get('grant_type');
    if (!grantType) return missing('grant_type');
    const clientId = form.get('client_id') ?? basic?.clientId;
    if (!clientId) return missing('client_id');
    if (clientId !== settings.clientId) {
      return this.error(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
      );
    }
    const secret = form.get('client_secret') ?? basic?.clientSecret;
    if (!secret) return this.error(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    if (secret !== settings.clientSecret) {
      return this.error(
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
      );
    }
    if (grantType !== 'refresh_token') {
      return this.error(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`);
    }
    const refreshToken = form.get('refresh_token');
    if (!refreshToken) return missing('refresh_token');
    const scope = form.get('scope');
    if (!scope) return missing('scope');
    const grant = this.refreshTokens.get(refreshToken);
    if (!grant) return this.error(400, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.');
    if (grant.clientId !== clientId) return this.error(400, 'invalid_grant', 70000, 'Provided grant is invalid or malformed.');
    const scopes = scope.split(/\s+/).filter(Boolean);
    const resourceScopes = scopes.filter((s) => s.startsWith(`${PARTNER_CENTER_AUDIENCE}/`));
    if (resourceScopes.length === 0 || scopes.some((s) => !s.startsWith(`${PARTNER_CENTER_AUDIENCE}/`) && !ALSO_ALLOWED_SCOPES.includes(s))) {
      return this.error(
        400,
        'invalid_scope',
        70011,
        `The provided value for the input parameter 'scope' is not valid. The scope '${scope}' does not name ${PARTNER_CENTER_AUDIENCE}, the only resource this directory issues tokens for here.`,
      );
    }
    const accessToken = newToken('pc-access');
    const lifetime = settings.accessTokenLifetimeSeconds;
    this.accessTokens.set(accessToken, { expiresAt: this.clock().toMillis() + lifetime * 1000 });
    // Entra hands out a new refresh token with every redemption; the old one keeps working
    // until it expires (unless single use is simulated), but a client is expected to keep the newest.
    const rotated = newToken('pc-refresh');
    this.refreshTokens.set(rotated, { clientId });
    if (settings.singleUseRefreshTokens) this.refreshTokens.delete(refreshToken);
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        scope: resourceScopes.join(' '),
        expires_in: lifetime,
        ext_expires_in: lifetime,
        access_token: accessToken,
        refresh_token: rotated,
      },
    };
  }

  private error(status: number, error: string, code: number, description: string): TokenAnswer {
    const timestamp = this.clock().toUTC().toFormat("yyyy-MM-dd HH:mm:ss'Z'");
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
}
