/**
 * Partner Center's webhook registration API (`https://api.partnercenter.microsoft.com/webhooks/v1`)
 * over HTTP: the registration (`GET`, `POST`, `PUT /registration`), the events one may register
 * for (`GET /registration/events`), and test events (`POST /registration/validationEvents`,
 * `GET /registration/validationEvents/{correlationId}`). Requests are authenticated by the
 * simulator (tokens for api.partnercenter.microsoft.com); this answers them.
 */
import type { IncomingMessage } from 'node:http';
import { isLoopbackHost } from '../../bot/config';
import { readRawBody } from '../../bot/http';
import { WEBHOOK_EVENT_NAMES } from '../../bot/partnerCenter';
import { odataError, type Answer } from './answers';
import type { WebhookRegistration, WebhookRegistry } from './webhookRegistry';

/** Where the webhook API lives on the simulator, as on api.partnercenter.microsoft.com. */
export const WEBHOOK_API_PATH = '/webhooks/v1';
export const REGISTRATION_PATH = `${WEBHOOK_API_PATH}/registration`;
export const VALIDATION_EVENTS_PATH = `${REGISTRATION_PATH}/validationEvents`;

/** The events a registration may name: the desk's, and some of Partner Center's others a partner may hold. */
export const SUPPORTED_EVENTS = [
  ...WEBHOOK_EVENT_NAMES,
  'subscription-updated',
  'usagerecords-thresholdExceeded',
  'azure-fraud-event-detected',
  'dap-admin-relationship-approved',
] as const;

const BODY_LIMIT = 64 * 1024;

/** The registration as the API serves it (PascalCase, as in Partner Center's samples). */
function served(registration: WebhookRegistration): Record<string, unknown> {
  return {
    SubscriberId: registration.subscriberId,
    WebhookUrl: registration.url(),
    WebhookEvents: registration.events,
  };
}

/** A property of a JSON object whatever the letter case of its name, as .NET model binding reads it. */
function field(body: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : body[key];
}

/** The URL and events of a POST or PUT body, or a 400 naming the field. */
function readRegistration(text: string): { url: string; events: string[] } | Answer {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return odataError(400, 'BadRequest', 'The body is not JSON; send { "WebhookUrl": "...", "WebhookEvents": [...] }');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return odataError(400, 'BadRequest', 'The body must be a JSON object with WebhookUrl and WebhookEvents');
  }
  const record = body as Record<string, unknown>;
  const url = field(record, 'WebhookUrl');
  let parsed: URL | undefined;
  try {
    parsed = typeof url === 'string' ? new URL(url) : undefined;
  } catch {
    parsed = undefined;
  }
  const secure = parsed?.protocol === 'https:' || (parsed?.protocol === 'http:' && isLoopbackHost(parsed.hostname));
  if (!parsed || !secure) {
    return odataError(
      400,
      'BadRequest',
      'WebhookUrl must be an absolute https URL (http only on this machine)',
      'WebhookUrl',
    );
  }
  const events = field(record, 'WebhookEvents');
  if (!Array.isArray(events) || events.length === 0 || !events.every((e) => typeof e === 'string')) {
    return odataError(400, 'BadRequest', 'WebhookEvents must be a non-empty array of event names', 'WebhookEvents');
  }
  const known = events.map((name) => SUPPORTED_EVENTS.find((event) => event.toLowerCase() === name.toLowerCase()));
  const unknown = events.filter((_, index) => known[index] === undefined);
  if (unknown.length > 0) {
    return odataError(
      400,
      'BadRequest',
      `Unknown events: ${unknown.join(', ')}; see GET ${REGISTRATION_PATH}/events`,
      'WebhookEvents',
    );
  }
  return { url: parsed.href, events: [...new Set(known as string[])] };
}

/** Answers one authenticated request under {@link WEBHOOK_API_PATH} (`path` without a trailing slash). */
export async function webhookApiAnswer(registry: WebhookRegistry, req: IncomingMessage, path: string): Promise<Answer> {
  const method = req.method ?? '';
  const notAllowed = (allow: string) =>
    odataError(405, 'MethodNotAllowed', `${method} is not allowed on ${path}; use ${allow}`, undefined, { allow });
  if (path === REGISTRATION_PATH) {
    const current = registry.registration;
    if (method === 'GET') {
      return current
        ? { status: 200, body: served(current) }
        : odataError(404, 'NotFound', 'There is no webhook registration');
    }
    if (method !== 'POST' && method !== 'PUT') return notAllowed('GET, POST, PUT');
    if (method === 'POST' && current) {
      return odataError(409, 'Conflict', 'A webhook registration exists already; change it with PUT');
    }
    if (method === 'PUT' && !current)
      return odataError(404, 'NotFound', 'There is no webhook registration to change; create one with POST');
    const read = readRegistration((await readRawBody(req, BODY_LIMIT)).toString('utf8'));
    if ('status' in read) return read;
    return { status: 200, body: served(registry.register(read.url, read.events)) };
  }
  if (path === `${REGISTRATION_PATH}/events`) {
    return method === 'GET' ? { status: 200, body: [...SUPPORTED_EVENTS] } : notAllowed('GET');
  }
  if (path === VALIDATION_EVENTS_PATH) {
    if (method !== 'POST') return notAllowed('POST');
    req.resume();
    const asked = registry.requestValidation();
    if ('message' in asked) {
      const headers =
        asked.retryAfterSeconds === undefined ? undefined : { 'retry-after': String(asked.retryAfterSeconds) };
      const code = { 400: 'BadRequest', 404: 'NotFound', 429: 'TooManyRequests', 503: 'ServiceUnavailable' }[
        asked.status
      ];
      return odataError(asked.status, code, asked.message, undefined, headers);
    }
    return { status: 200, body: { correlationId: asked.correlationId } };
  }
  if (path.startsWith(`${VALIDATION_EVENTS_PATH}/`)) {
    if (method !== 'GET') return notAllowed('GET');
    const correlationId = decodeURIComponent(path.slice(VALIDATION_EVENTS_PATH.length + 1));
    const event = registry.validation(correlationId);
    return event
      ? { status: 200, body: event }
      : odataError(404, 'NotFound', `No test event ${correlationId} (they are kept 7 days)`);
  }
  return odataError(404, 'NotFound', `Nothing is served at ${path}`);
}
