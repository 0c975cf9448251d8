/**
 * A local Partner Center: the Referrals API (`/v1.0/engagements/referrals`), the webhook
 * registration API (`/webhooks/v1`) and the Entra ID endpoints they need (tokens, and device
 * codes for signing in), over HTTP on one port, holding referrals in memory. It speaks
 * the contract of partner-center-api.md so the desk's client can be run against it, and
 * gives tests the controls the real service does not: a clock, portal changes, expired
 * tokens, a user who signs in or declines, throttling and failures on demand, and logs of
 * every request and patch.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { BodyTooLargeError, readRawBody } from '../../bot/http/readBody';
import { WEBHOOK_EVENT_NAMES } from '../../bot/partnerCenter/webhookEvents';
import { odataError, type Answer } from './answers';
import { FaultQueue } from './faults';
import { listPage, nextPageQuery, parseListQuery } from './listing';
import { readPatchOperations } from './referralPatch';
import { ReferralStore, type PatchRecord, type ReferralChange, type SimulatedReferral } from './referralStore';
import type { DeviceCode } from './deviceCodes';
import {
  PARTNER_CENTER_AUDIENCE,
  PARTNER_CENTER_WEBHOOK_AUDIENCE,
  TokenIssuer,
  type TokenRequestRecord,
} from './tokenIssuer';
import { WEBHOOK_API_PATH, webhookApiAnswer } from './webhookApi';
import { WebhookRegistry, type ValidationEvent, type WebhookRegistration } from './webhookRegistry';

/** Where the Referrals API lives on the simulator, as on api.partner.microsoft.com. */
export const API_BASE_PATH = '/v1.0/engagements/referrals';

const TOKEN_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/(token|devicecode)$/;

/** Where the user "signs in" with a device code: the verification page the sign-in names (see signInControl). */
export const DEVICE_LOGIN_PATH = '/simulator/device-login';

const BODY_LIMIT = 1024 * 1024;

/** The credentials the simulator accepts unless told others. */
export const SIMULATOR_CREDENTIALS = {
  tenantId: '5f0b2c4e-7d1a-4c3b-9e8f-0a1b2c3d4e5f',
  clientId: '9c1e7b52-3f4a-4d6e-8b2c-1d0e9f8a7b6c',
  clientSecret: 'simulated-client-secret',
  refreshToken: 'simulated-refresh-token',
} as const;

/** How to set up a simulator; every option has a default. */
export interface SimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Interface to listen on; 127.0.0.1 by default. */
  host?: string;
  /** The simulator's "now": token lifetimes, updatedDateTime, acceptedDateTime, closedDateTime. */
  clock?: () => DateTime;
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  /** The refresh token of the signed-in user that the token endpoint accepts at start. */
  refreshToken?: string;
  /** `expires_in` of access tokens; 3600 by default. */
  accessTokenLifetimeSeconds?: number;
  /** Each refresh token works once: its redemption revokes it (see TokenIssuerSettings). Off, as in Entra. */
  singleUseRefreshTokens?: boolean;
  /** `expires_in` of device codes, and the polling `interval` they ask for; 900 and 5 by default, as Entra's. */
  deviceCodeLifetimeSeconds?: number;
  deviceCodeIntervalSeconds?: number;
  /** Default and largest `$top`; 100 by default. */
  pageSize?: number;
  /**
   * At most this many referrals a page, whatever `$top` asks, with `@odata.nextLink` to the
   * rest: paging driven by the service, as OData allows. Off by default.
   */
  servedPageSize?: number;
  /** Referrals held from the start. */
  referrals?: readonly Record<string, unknown>[];
  /**
   * Serves requests that are neither the Referrals API nor the token endpoint (e.g. a
   * certificate URL). Returns true when it answered the request, false to get a 404.
   */
  extraRoutes?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
  /** The origin written into `@odata.nextLink`; by default the one the request was sent to. */
  nextLinkOrigin?: string;
}

/** One request the simulator received, as answered. */
export interface SimulatorRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
}

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
    if (!Number.isInteger(this.pageSize) || this.pageSize < 1) throw new Error(`pageSize must be a whole number of at least 1, not ${this.pageSize}`);
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
    const server = createServer((req, res) => void this.handle(req, res));
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

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const record = (status: number) =>
      this.requests.push({ method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), status });
    let answer: Answer;
    try {
      const routed = await this.route(req, url);
      if (routed === undefined) {
        if (this.options.extraRoutes && (await this.options.extraRoutes(req, res))) {
          record(res.statusCode);
          return;
        }
        answer = odataError(404, 'NotFound', `Nothing is served at ${url.pathname}; the Referrals API is under ${API_BASE_PATH}`);
      } else {
        answer = routed;
      }
    } catch (error) {
      answer =
        error instanceof BodyTooLargeError
          ? odataError(413, 'PayloadTooLarge', error.message)
          : odataError(500, 'InternalServerError', `The simulator failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    record(answer.status);
    const headers: Record<string, string> = { ...answer.headers };
    if (answer.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
    res.writeHead(answer.status, headers);
    res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
  }

  /** The answer for the simulator's own routes, or undefined for a path it does not serve. */
  private async route(req: IncomingMessage, url: URL): Promise<Answer | undefined> {
    const token = TOKEN_PATH.exec(url.pathname);
    if (token) return this.tokenEndpoint(req, decodeURIComponent(token[1]), token[2] === 'devicecode');
    const path = url.pathname.replace(/\/+$/, '');
    const under = (base: string) => path === base || path.startsWith(`${base}/`);
    if (!under(API_BASE_PATH) && !under(WEBHOOK_API_PATH)) return undefined;
    const fault = this.faults.take();
    if (fault) return this.faultAnswer(fault.status, fault.retryAfterSeconds);
    const webhookApi = under(WEBHOOK_API_PATH);
    const refusal = this.authenticate(req, webhookApi ? PARTNER_CENTER_WEBHOOK_AUDIENCE : PARTNER_CENTER_AUDIENCE);
    if (refusal) return refusal;
    if (webhookApi) return webhookApiAnswer(this.webhooks, req, path);
    if (path === API_BASE_PATH) {
      if (req.method !== 'GET') return odataError(405, 'MethodNotAllowed', `${req.method} ${API_BASE_PATH} is not simulated; referrals are listed with GET`, undefined, { allow: 'GET' });
      return this.list(url, req);
    }
    const rest = path.slice(API_BASE_PATH.length + 1);
    if (rest.includes('/')) return odataError(404, 'NotFound', `Nothing is served at ${url.pathname}`);
    const id = decodeURIComponent(rest);
    if (req.method === 'GET') return this.getOne(id);
    if (req.method === 'PATCH') return this.patch(req, id);
    return odataError(405, 'MethodNotAllowed', `${req.method} is not allowed on a referral; use GET or PATCH`, undefined, { allow: 'GET, PATCH' });
  }

  private faultAnswer(status: number, retryAfterSeconds?: number): Answer {
    const headers = retryAfterSeconds === undefined ? undefined : { 'retry-after': String(retryAfterSeconds) };
    return status === 429
      ? odataError(429, 'TooManyRequests', `Rate limit is exceeded. Try again in ${retryAfterSeconds} seconds.`, undefined, headers)
      : odataError(status, status === 503 ? 'ServiceUnavailable' : 'InternalServerError', `The service failed to answer (simulated ${status}); try again later`, undefined, headers);
  }

  private authenticate(req: IncomingMessage, audience: string): Answer | undefined {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    const refuse = (message: string, error = 'invalid_token') =>
      odataError(401, 'Unauthorized', message, undefined, { 'www-authenticate': `Bearer error="${error}", error_description="${message}"` });
    if (!match) return refuse('The request has no Authorization: Bearer <access token> header', 'invalid_request');
    const check = this.tokens.check(match[1], audience);
    if (check === 'expired') return refuse('The access token has expired');
    if (check === 'unknown') return refuse(`The access token is not valid for ${audience}`);
    if (check === 'elsewhere') {
      return refuse(`The access token is for another resource; this API takes tokens for ${audience}`);
    }
    return undefined;
  }

  private async tokenEndpoint(req: IncomingMessage, tenant: string, deviceCode: boolean): Promise<Answer> {
    if (req.method !== 'POST') {
      const description = `The ${deviceCode ? 'device code' : 'token'} endpoint only accepts POST`;
      const body = { error: 'invalid_request', error_description: description };
      return { status: 405, headers: { allow: 'POST' }, body };
    }
    const fault = this.tokenFaults.take();
    if (fault) {
      req.resume();
      return { status: fault.status, body: { error: 'temporarily_unavailable', error_description: 'AADSTS90033: A transient error has occurred. Please try again.', error_codes: [90033] } };
    }
    const raw = (await readRawBody(req, BODY_LIMIT)).toString('utf8');
    const isForm = /^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '');
    const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    let credentials: { clientId: string; clientSecret: string } | undefined;
    if (basic) {
      // RFC 6749 §2.3.1: each part is form-encoded, then joined by the first ":".
      const pair = Buffer.from(basic[1], 'base64').toString('utf8');
      const colon = pair.indexOf(':');
      const part = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));
      credentials = colon < 0 ? { clientId: part(pair), clientSecret: '' } : { clientId: part(pair.slice(0, colon)), clientSecret: part(pair.slice(colon + 1)) };
    }
    const form = new URLSearchParams(isForm ? raw : '');
    const answer = deviceCode
      ? this.tokens.requestDeviceCode(tenant, form, `${this.url}${DEVICE_LOGIN_PATH}`)
      : this.tokens.redeem(tenant, form, credentials);
    return { status: answer.status, headers: { 'cache-control': 'no-store' }, body: answer.body };
  }

  private list(url: URL, req: IncomingMessage): Answer {
    const parsed = parseListQuery(url.searchParams, this.pageSize);
    if ('problem' in parsed) return odataError(400, 'BadRequest', parsed.problem.message, parsed.problem.target);
    const served = this.options.servedPageSize;
    const page = listPage(this.store.all(), served === undefined ? parsed.query : { ...parsed.query, top: Math.min(parsed.query.top, served) });
    const body: Record<string, unknown> = { value: page.value };
    if (page.next) {
      const origin = this.options.nextLinkOrigin ?? `http://${req.headers.host ?? new URL(this.url).host}`;
      body['@odata.nextLink'] = `${origin}${API_BASE_PATH}?${nextPageQuery(url.searchParams, page.next)}`;
    }
    return { status: 200, body };
  }

  private getOne(id: string): Answer {
    const referral = this.store.get(id);
    if (!referral) return odataError(404, 'NotFound', `Referral ${id} was not found`, 'id');
    return { status: 200, headers: { etag: `"${referral.eTag}"` }, body: referral };
  }

  private async patch(req: IncomingMessage, id: string): Promise<Answer> {
    const type = req.headers['content-type'] ?? '';
    if (!/^application\/(json|json-patch\+json)\b/i.test(type)) {
      return odataError(415, 'UnsupportedMediaType', `A patch is sent as application/json or application/json-patch+json, not "${type}"`);
    }
    let body: unknown;
    try {
      body = JSON.parse((await readRawBody(req, BODY_LIMIT)).toString('utf8'));
    } catch (error) {
      if (error instanceof BodyTooLargeError) throw error;
      return odataError(400, 'BadRequest', `The body is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    const read = readPatchOperations(body);
    if ('problem' in read) return odataError(400, 'BadRequest', read.problem.message, read.problem.path);
    const ifMatch = req.headers['if-match'];
    const outcome = this.store.patch(id, read.operations, ifMatch);
    switch (outcome.kind) {
      case 'notFound':
        return odataError(404, 'NotFound', `Referral ${id} was not found`, 'id');
      case 'preconditionFailed':
        return odataError(412, 'PreconditionFailed', `Referral ${id} was changed since it was read: If-Match ${ifMatch} is not its current eTag; read it again`, 'If-Match');
      case 'invalid':
        return odataError(400, 'BadRequest', outcome.problem.message, outcome.problem.path);
      case 'patched': {
        const headers = { etag: `"${outcome.referral.eTag}"` };
        const representation = /\breturn=representation\b/i.test(String(req.headers.prefer ?? ''));
        return representation
          ? { status: 200, headers: { ...headers, 'preference-applied': 'return=representation' }, body: outcome.referral }
          : { status: 204, headers };
      }
    }
  }
}
