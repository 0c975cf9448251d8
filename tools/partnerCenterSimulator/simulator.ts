/**
 * A local Partner Center: the Referrals API (`/v1.0/engagements/referrals`), the webhook
 * registration API (`/webhooks/v1`) and the Entra ID endpoints they need (tokens, and device
 * codes for signing in), over HTTP on one port, holding referrals in memory. It speaks
 * the contract of partner-center-api.md so the desk's client can be run against it, and
 * gives tests the controls the real service does not: a clock, portal changes, expired
 * tokens, a user who signs in or declines, throttling and failures on demand, and logs of
 * every request and patch.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { WEBHOOK_EVENT_NAMES } from '../../bot/partnerCenter';
import type { DeviceCode } from './deviceCodes';
import { FaultQueue } from './faults';
import { API_BASE_PATH } from './referralsApi';
import { ReferralStore, type PatchRecord, type ReferralChange, type SimulatedReferral } from './referralStore';
import { SIMULATOR_CREDENTIALS, type SimulatorOptions, type SimulatorRequest } from './simulatorOptions';
import { serveSimulatorRequest, type SimulatorRouting } from './simulatorRouting';
import { TokenIssuer, type TokenRequestRecord } from './tokenIssuer';
import { WEBHOOK_API_PATH } from './webhookApi';
import { WebhookRegistry, type ValidationEvent, type WebhookRegistration } from './webhookRegistry';

export { API_BASE_PATH } from './referralsApi';
export { DEVICE_LOGIN_PATH } from './tokenEndpoint';
export { SIMULATOR_CREDENTIALS, type SimulatorOptions, type SimulatorRequest } from './simulatorOptions';

/**
 * The simulator: `start()` it, point the desk at `apiUrl` and `authorityUrl` with
 * `credentials`, and `stop()` it. Every control below acts at once, between requests.
 */
export class PartnerCenterSimulator {
  /** Every request received (API, token endpoint, extra routes), in order. */
  readonly requests: SimulatorRequest[] = [];
  /** `http://host:port`, once started. */
  url = '';
  readonly credentials: { tenantId: string; clientId: string; clientSecret: string; refreshToken: string };
  private readonly clock: () => DateTime;
  private readonly store: ReferralStore;
  private readonly tokens: TokenIssuer;
  private readonly webhooks: WebhookRegistry;
  private readonly faults = new FaultQueue();
  private readonly tokenFaults = new FaultQueue();
  private readonly pageSize: number;
  private server: Server | undefined;

  constructor(private readonly options: SimulatorOptions = {}) {
    this.clock = options.clock ?? (() => DateTime.utc());
    this.credentials = {
      tenantId: options.tenantId ?? SIMULATOR_CREDENTIALS.tenantId,
      clientId: options.clientId ?? SIMULATOR_CREDENTIALS.clientId,
      clientSecret: options.clientSecret ?? SIMULATOR_CREDENTIALS.clientSecret,
      refreshToken: options.refreshToken ?? SIMULATOR_CREDENTIALS.refreshToken,
    };
    this.pageSize = options.pageSize ?? 100;
    if (!Number.isInteger(this.pageSize) || this.pageSize < 1)
      throw new Error(`pageSize must be a whole number of at least 1, not ${this.pageSize}`);
    this.store = new ReferralStore(this.clock);
    this.tokens = new TokenIssuer(
      {
        ...this.credentials,
        accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds ?? 3600,
        singleUseRefreshTokens: options.singleUseRefreshTokens,
        deviceCodeLifetimeSeconds: options.deviceCodeLifetimeSeconds,
        deviceCodeIntervalSeconds: options.deviceCodeIntervalSeconds,
      },
      this.clock,
    );
    this.webhooks = new WebhookRegistry(this.credentials.tenantId, this.clock);
    for (const referral of options.referrals ?? []) this.store.add(referral);
  }

  /** The simulator's time. */
  now(): DateTime {
    return this.clock();
  }

  /** The Referrals API's base URL: what PARTNER_CENTER_API_URL is set to for the simulator. */
  get apiUrl(): string {
    return `${this.url}${API_BASE_PATH}`;
  }

  /** The authority (PARTNER_CENTER_AUTHORITY_URL): the token endpoint is `<authority>/<tenant>/oauth2/v2.0/token`. */
  get authorityUrl(): string {
    return this.url;
  }

  /** Patches the API accepted, in order: what clients wrote back. */
  get patches(): readonly PatchRecord[] {
    return this.store.patches;
  }

  /** Requests to the token endpoint, in order (without client secrets). */
  get tokenRequests(): readonly TokenRequestRecord[] {
    return this.tokens.requests;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => void serveSimulatorRequest(this.routing(), req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const host = !this.options.host || this.options.host === '0.0.0.0' ? '127.0.0.1' : this.options.host;
    this.url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** Adds a referral (as if Partner Center received it); returns it with its eTag. */
  add(referral: Record<string, unknown>): SimulatedReferral {
    return this.store.add(referral);
  }

  /** The referral as the API would serve it now, or undefined. */
  get(id: string): SimulatedReferral | undefined {
    return this.store.get(id);
  }

  /** A change made in the portal: merged in (objects merge, the rest replaces), new eTag and updatedDateTime. */
  update(id: string, changes: Record<string, unknown>): SimulatedReferral {
    return this.store.update(id, changes);
  }

  /** Calls `listener` after every added or changed referral (API or portal); returns a function that stops it. */
  onChange(listener: (change: ReferralChange) => void): () => void {
    return this.store.onChange(listener);
  }

  /** The base URL of the webhook registration API (as `https://api.partnercenter.microsoft.com/webhooks/v1`). */
  get webhookApiUrl(): string {
    return `${this.url}${WEBHOOK_API_PATH}`;
  }

  /** The partner's webhook registration, or undefined. */
  get webhookRegistration(): WebhookRegistration | undefined {
    return this.webhooks.registration;
  }

  /**
   * Registers `url` for `events` (by default every event the desk understands), as the
   * partner would through the API; a function is read at each delivery, so a receiver may move.
   */
  registerWebhook(url: string | (() => string), events: readonly string[] = WEBHOOK_EVENT_NAMES): WebhookRegistration {
    return this.webhooks.register(url, events);
  }

  unregisterWebhook(): void {
    this.webhooks.unregister();
  }

  /** Calls `listener` with each test event asked for through the API; returns a function that stops it. */
  onValidationRequest(listener: (event: ValidationEvent) => void): () => void {
    return this.webhooks.onValidation(listener);
  }

  /** Records an attempt to deliver test event `correlationId`: the receiver's status, or why none came. */
  recordValidationAttempt(correlationId: string, attempt: { status?: number; error?: string }): void {
    this.webhooks.recordAttempt(correlationId, attempt);
  }

  /** The test event's delivery ended: delivered, or given up. */
  finishValidation(correlationId: string, delivered: boolean): void {
    this.webhooks.finish(correlationId, delivered);
  }

  /** A test event as the API serves it, or undefined. */
  validationEvent(correlationId: string): ValidationEvent | undefined {
    return this.webhooks.validation(correlationId);
  }

  /** Every device code given out, oldest first (copies). */
  get deviceCodes(): DeviceCode[] {
    return this.tokens.deviceCodes.all().map((code) => ({ ...code }));
  }

  /** The user signs in with `userCode` (or declines): false when the code is unknown, expired or answered. */
  answerSignIn(userCode: string, decision: 'approve' | 'decline'): boolean {
    return this.tokens.deviceCodes.answer(userCode, decision, this.clock().toMillis());
  }

  /** The next poll with this user code's device code is answered slow_down, as Entra under load. */
  slowDownSignIn(userCode: string): void {
    this.deviceCode(userCode).slowDownNext = true;
  }

  /** The device code of `userCode` expires now. */
  expireSignIn(userCode: string): void {
    this.deviceCode(userCode).expiresAt = this.clock().toMillis();
  }

  private deviceCode(userCode: string): DeviceCode {
    const code = this.tokens.deviceCodes.byUserCode(userCode);
    if (!code) throw new Error(`No device code has the user code ${userCode}`);
    return code;
  }

  /** Every access token issued so far stops working: the next API call gets 401. */
  expireTokens(): void {
    this.tokens.expireAll();
  }

  /** The user signs in again with the app: the new refresh token to configure. */
  signIn(): string {
    return this.tokens.signIn();
  }

  /** A refresh token stops working: redeeming it gets `invalid_grant`. */
  revokeRefreshToken(token: string): void {
    this.tokens.revokeRefreshToken(token);
  }

  /** The next `count` API requests get 429 with `Retry-After: retryAfterSeconds`. */
  throttleNext(count: number, retryAfterSeconds: number): void {
    this.faults.throttleNext(count, retryAfterSeconds);
  }

  /** The next `count` API requests fail with `status` (503 unless given). */
  failNext(count: number, status = 503): void {
    this.faults.failNext(count, status);
  }

  /** The next `count` token requests fail with `status` (503 unless given), as in an Entra ID outage. */
  failTokenRequests(count: number, status = 503): void {
    this.tokenFaults.failNext(count, status);
  }

  /** What answering a request reads, as it stands now: the URL is known once started. */
  private routing(): SimulatorRouting {
    const { url, options, store, pageSize, tokens, webhooks, faults, tokenFaults, requests } = this;
    return { url, options, store, pageSize, tokens, webhooks, faults, tokenFaults, requests };
  }
}
