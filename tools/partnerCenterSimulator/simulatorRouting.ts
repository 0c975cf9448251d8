/**
 * How the simulator answers one HTTP request: the token endpoints; then, once queued faults and
 * the bearer token are checked, the Referrals API or the webhook registration API; then the extra
 * routes a test added; anything else is a 404. Every request is recorded with the status it got.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError } from '../../bot/http';
import { odataError, type Answer } from './answers';
import { authenticate, faultAnswer } from './apiGuard';
import type { FaultQueue } from './faults';
import { API_BASE_PATH, referralsApiAnswer } from './referralsApi';
import type { ReferralStore } from './referralStore';
import type { SimulatorOptions, SimulatorRequest } from './simulatorOptions';
import { PARTNER_CENTER_AUDIENCE, PARTNER_CENTER_WEBHOOK_AUDIENCE } from './tokenAudiences';
import { TOKEN_PATH, tokenEndpointAnswer } from './tokenEndpoint';
import type { TokenIssuer } from './tokenIssuer';
import { WEBHOOK_API_PATH, webhookApiAnswer } from './webhookApi';
import type { WebhookRegistry } from './webhookRegistry';

/** What answering a request reads of the simulator. */
export interface SimulatorRouting {
  /** The simulator's own URL: links and the device-code sign-in page lie under it. */
  url: string;
  options: SimulatorOptions;
  store: ReferralStore;
  /** Default and largest `$top`. */
  pageSize: number;
  tokens: TokenIssuer;
  webhooks: WebhookRegistry;
  /** API request failures queued by tests. */
  faults: FaultQueue;
  /** Token request failures queued by tests, as in an Entra ID outage. */
  tokenFaults: FaultQueue;
  /** Where each request is recorded, as answered. */
  requests: SimulatorRequest[];
}

/** Answers `req` on `res` and records it; a failure inside the simulator is answered 500, never thrown. */
export async function serveSimulatorRequest(
  routing: SimulatorRouting,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://simulator');
  const record = (status: number) =>
    routing.requests.push({
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status,
    });
  let answer: Answer;
  try {
    const routed = await route(routing, req, url);
    if (routed === undefined) {
      if (routing.options.extraRoutes && (await routing.options.extraRoutes(req, res))) {
        record(res.statusCode);
        return;
      }
      answer = odataError(
        404,
        'NotFound',
        `Nothing is served at ${url.pathname}; the Referrals API is under ${API_BASE_PATH}`,
      );
    } else {
      answer = routed;
    }
  } catch (error) {
    answer =
      error instanceof BodyTooLargeError
        ? odataError(413, 'PayloadTooLarge', error.message)
        : odataError(
            500,
            'InternalServerError',
            `The simulator failed: ${error instanceof Error ? error.message : String(error)}`,
          );
  }
  record(answer.status);
  const headers: Record<string, string> = { ...answer.headers };
  if (answer.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
  res.writeHead(answer.status, headers);
  res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
}

/** The answer for the simulator's own routes, or undefined for a path it does not serve. */
async function route(routing: SimulatorRouting, req: IncomingMessage, url: URL): Promise<Answer | undefined> {
  const token = TOKEN_PATH.exec(url.pathname);
  if (token) {
    const context = { tokens: routing.tokens, faults: routing.tokenFaults, url: routing.url };
    return tokenEndpointAnswer(context, req, decodeURIComponent(token[1]), token[2] === 'devicecode');
  }
  const path = url.pathname.replace(/\/+$/, '');
  const under = (base: string) => path === base || path.startsWith(`${base}/`);
  if (!under(API_BASE_PATH) && !under(WEBHOOK_API_PATH)) return undefined;
  const fault = routing.faults.take();
  if (fault) return faultAnswer(fault.status, fault.retryAfterSeconds);
  const webhookApi = under(WEBHOOK_API_PATH);
  const refusal = authenticate(
    routing.tokens,
    req,
    webhookApi ? PARTNER_CENTER_WEBHOOK_AUDIENCE : PARTNER_CENTER_AUDIENCE,
  );
  if (refusal) return refusal;
  if (webhookApi) return webhookApiAnswer(routing.webhooks, req, path);
  const { servedPageSize, nextLinkOrigin } = routing.options;
  const context = {
    store: routing.store,
    pageSize: routing.pageSize,
    servedPageSize,
    nextLinkOrigin,
    url: routing.url,
  };
  return referralsApiAnswer(context, req, url, path);
}
