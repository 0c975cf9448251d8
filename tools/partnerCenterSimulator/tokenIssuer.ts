/**
 * A stand-in for Entra ID's token endpoint (`POST /{tenant}/oauth2/v2.0/token`) as far as
 * the desk and its sign-in use it: the refresh-token grant of a confidential client
 * (delegated access to Partner Center) and the device authorization grant that gives the
 * first refresh token (`POST /{tenant}/oauth2/v2.0/devicecode`, then polling). Answers with
 * Entra's JSON, errors included (`invalid_grant`, `invalid_client`, `authorization_pending`,
 * … with their AADSTS codes), and rotates the refresh token as Entra does.
 */
import { randomBytes } from 'node:crypto';
import type { DateTime } from 'luxon';
import { DEVICE_CODE_GRANT, DeviceCodes, type DeviceCode } from './deviceCodes';
import { entraError, missingParameter, type TokenAnswer } from './entraAnswers';
import { PARTNER_CENTER_AUDIENCE, resourceOf, scopeProblem } from './tokenAudiences';

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
  /** How long a device code is good for, and the polling interval it asks for (Entra: 900 and 5). */
  deviceCodeLifetimeSeconds?: number;
  deviceCodeIntervalSeconds?: number;
}

/** Whether an access token may call an API, and if not, why (`elsewhere`: it is for another resource). */
export type AccessTokenCheck = 'valid' | 'expired' | 'unknown' | 'elsewhere';

const newToken = (prefix: string) => `${prefix}.${randomBytes(24).toString('base64url')}`;

/** Issues and checks tokens; time comes from `clock`. */
export class TokenIssuer {
  readonly requests: TokenRequestRecord[] = [];
  /** The device codes given out, for the controls that play the user signing in. */
  readonly deviceCodes: DeviceCodes;
  private readonly refreshTokens = new Map<string, { clientId: string }>();
  private readonly accessTokens = new Map<string, { expiresAt: number; audience: string }>();
  private readonly expired = new Set<string>();

  constructor(
    private readonly settings: TokenIssuerSettings,
    private readonly clock: () => DateTime,
  ) {
    this.refreshTokens.set(settings.refreshToken, { clientId: settings.clientId });
    this.deviceCodes = new DeviceCodes(settings.deviceCodeLifetimeSeconds, settings.deviceCodeIntervalSeconds);
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

  /** Whether `token` is an access token this issuer gave out for `audience` and that has not expired. */
  check(token: string, audience = PARTNER_CENTER_AUDIENCE): AccessTokenCheck {
    if (this.expired.has(token)) return 'expired';
    const issued = this.accessTokens.get(token);
    if (!issued) return 'unknown';
    if (issued.audience !== audience) return 'elsewhere';
    if (issued.expiresAt <= this.clock().toMillis()) return 'expired';
    return 'valid';
  }

  /**
   * Answers `POST /{tenant}/oauth2/v2.0/devicecode` (`client_id`, `scope`): a device code to
   * poll with, the user code and where to enter it, as Entra does (no client secret here).
   */
  requestDeviceCode(tenant: string, form: URLSearchParams, verificationUri: string): TokenAnswer {
    const known = this.knownClient(tenant, form.get('client_id') ?? undefined);
    if ('status' in known) return known;
    const scope = form.get('scope');
    if (!scope) return this.missing('scope');
    const refused = this.scopeRefusal(scope);
    if (refused) return refused;
    const code = this.deviceCodes.issue(known.clientId, scope, this.clock().toMillis());
    const expiresIn = Math.round((code.expiresAt - this.clock().toMillis()) / 1000);
    return {
      status: 200,
      body: {
        user_code: code.userCode,
        device_code: code.deviceCode,
        verification_uri: verificationUri,
        expires_in: expiresIn,
        interval: code.intervalSeconds,
        message:
          `To sign in, use a web browser to open the page ${verificationUri} ` +
          `and enter the code ${code.userCode} to authenticate.`,
      },
    };
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

  private missing(name: string): TokenAnswer {
    return missingParameter(this.clock, name);
  }

  /**
   * The app a request names, or Entra's refusal when the tenant or app is unknown, or a token
   * request (`grantType` given: null when the form has none) names no grant type.
   */
  private knownClient(
    tenant: string,
    clientId: string | undefined,
    grantType?: string | null,
  ): { clientId: string } | TokenAnswer {
    const { settings } = this;
    if (tenant !== settings.tenantId) {
      return this.error(
        400,
        'invalid_request',
        90002,
        `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
      );
    }
    if (grantType === null) return this.missing('grant_type');
    if (!clientId) return this.missing('client_id');
    if (clientId !== settings.clientId) {
      return this.error(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
      );
    }
    return { clientId };
  }

  /** Entra's refusal of a scope that names no resource of this directory, or two of them. */
  private scopeRefusal(scope: string): TokenAnswer | undefined {
    const problem = scopeProblem(scope);
    return problem === undefined ? undefined : this.error(400, 'invalid_scope', 70011, problem);
  }

  private answer(
    tenant: string,
    form: URLSearchParams,
    basic?: { clientId: string; clientSecret: string },
  ): TokenAnswer {
    const { settings } = this;
    const grantType = form.get('grant_type');
    const known = this.knownClient(tenant, form.get('client_id') ?? basic?.clientId, grantType || null);
    if ('status' in known) return known;
    const { clientId } = known;
    const secret = form.get('client_secret') ?? basic?.clientSecret;
    if (!secret)
      return this.error(
        401,
        'invalid_client',
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      );
    if (secret !== settings.clientSecret) {
      return this.error(
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
      );
    }
    if (grantType === DEVICE_CODE_GRANT) return this.deviceCodeGrant(form, clientId);
    if (grantType !== 'refresh_token') {
      return this.error(
        400,
        'unsupported_grant_type',
        70003,
        `The app requested an unsupported grant type '${grantType}'.`,
      );
    }
    const refreshToken = form.get('refresh_token');
    if (!refreshToken) return this.missing('refresh_token');
    const scope = form.get('scope');
    if (!scope) return this.missing('scope');
    const grant = this.refreshTokens.get(refreshToken);
    if (!grant) return this.error(400, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.');
    if (grant.clientId !== clientId)
      return this.error(400, 'invalid_grant', 70000, 'Provided grant is invalid or malformed.');
    // Entra hands out a new refresh token with every redemption; the old one keeps working
    // until it expires (unless single use is simulated), but a client is expected to keep the newest.
    const refusal = this.scopeRefusal(scope);
    if (refusal) return refusal;
    if (this.settings.singleUseRefreshTokens) this.refreshTokens.delete(refreshToken);
    return this.tokensFor(clientId, scope, true);
  }

  /** The device-code grant: the user's answer so far, or the tokens once they signed in. */
  private deviceCodeGrant(form: URLSearchParams, clientId: string): TokenAnswer {
    const deviceCode = form.get('device_code');
    if (!deviceCode) return this.missing('device_code');
    const poll = this.deviceCodes.poll(deviceCode, clientId, this.clock().toMillis());
    const invalidCode = "The provided value for the input parameter 'device_code' is not valid.";
    switch (poll.kind) {
      case 'approved':
        return this.approvedDeviceCode(poll.code);
      case 'pending':
        return this.error(400, 'authorization_pending', 70016, 'OAuth 2.0 device flow error. Authorization is pending');
      case 'slowDown':
        return this.error(400, 'slow_down', 70016, 'OAuth 2.0 device flow error. Polling too often; add 5 seconds.');
      case 'declined':
        return this.error(400, 'authorization_declined', 70000, 'The user declined the sign-in for this device code.');
      case 'expired':
        return this.error(400, 'expired_token', 70020, `${invalidCode} This device code has expired.`);
      case 'redeemed':
        return this.error(400, 'invalid_grant', 54005, 'The device code was already redeemed; ask for a new one.');
      case 'unknown':
        return this.error(400, 'bad_verification_code', 70019, invalidCode);
    }
  }

  /** Tokens for what the device code asked; a refresh token only when `offline_access` was among it, as in Entra. */
  private approvedDeviceCode(code: DeviceCode): TokenAnswer {
    return this.tokensFor(code.clientId, code.scope, code.scope.split(/\s+/).includes('offline_access'));
  }

  private tokensFor(clientId: string, scope: string, withRefreshToken: boolean): TokenAnswer {
    const resourceScopes = scope.split(/\s+/).filter((s) => resourceOf(s) !== undefined);
    const audience = resourceOf(resourceScopes[0])!;
    const accessToken = newToken('pc-access');
    const lifetime = this.settings.accessTokenLifetimeSeconds;
    this.accessTokens.set(accessToken, { expiresAt: this.clock().toMillis() + lifetime * 1000, audience });
    const body: Record<string, unknown> = {
      token_type: 'Bearer',
      scope: resourceScopes.join(' '),
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: accessToken,
    };
    if (withRefreshToken) {
      body.refresh_token = newToken('pc-refresh');
      this.refreshTokens.set(body.refresh_token as string, { clientId });
    }
    return { status: 200, body };
  }

  private error(status: number, error: string, code: number, description: string): TokenAnswer {
    return entraError(this.clock, status, error, code, description);
  }
}
