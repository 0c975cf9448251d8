/**
 * What registering the desk with Partner Center's webhooks changes, decided from what is
 * registered now, and how a test delivery went, read from Partner Center's answer. Pure.
 *
 * Partner Center keeps one registration per partner: one URL for every event it names. The
 * desk needs its referral events there, and `test-created`, without which Partner Center
 * sends no test event. Events the partner registered for something else stay registered,
 * and move to the desk's URL with the rest (there is only one URL).
 */
import { WEBHOOK_EVENT_NAMES } from '../../bot/partnerCenter';

/** The events the desk registers for: the four referral events and the test event. */
export const DESK_WEBHOOK_EVENTS: readonly string[] = WEBHOOK_EVENT_NAMES;

/** A registration as Partner Center serves it. */
export interface Registration {
  url: string;
  events: string[];
}

/** The body of `POST` and `PUT /registration`, spelt as Partner Center's samples spell it. */
export interface RegistrationBody {
  WebhookUrl: string;
  WebhookEvents: string[];
}

/** What to do: create the registration, change it (saying what changes), or nothing. */
export type RegistrationPlan =
  | { action: 'create'; body: RegistrationBody }
  | { action: 'update'; body: RegistrationBody; changes: string[]; others: string[] }
  | { action: 'keep'; others: string[] };

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** URLs compared as URLs: the scheme and host in any letter case, the path exactly. */
function sameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
}

/**
 * The change that makes `current` deliver `events` to `url`: create when there is none;
 * keep when it already has that URL and every one of the events; else update to that URL
 * with its events and the missing ones. `others` lists registered events the desk does not
 * handle, which follow the URL.
 */
export function planRegistration(
  current: Registration | undefined,
  url: string,
  events: readonly string[] = DESK_WEBHOOK_EVENTS,
): RegistrationPlan {
  if (!current) return { action: 'create', body: { WebhookUrl: url, WebhookEvents: [...events] } };
  const others = current.events.filter((event) => !events.some((wanted) => same(wanted, event)));
  const missing = events.filter((wanted) => !current.events.some((event) => same(wanted, event)));
  const moved = !sameUrl(current.url, url);
  if (!moved && missing.length === 0) return { action: 'keep', others };
  const changes = [
    ...(moved ? [`URL ${current.url} → ${url}`] : []),
    ...(missing.length > 0 ? [`add ${missing.join(', ')}`] : []),
  ];
  return {
    action: 'update',
    body: { WebhookUrl: url, WebhookEvents: [...current.events, ...missing] },
    changes,
    others,
  };
}

/** A property of a JSON object whatever the letter case of its name (Partner Center's .NET reads and writes both). */
function field(body: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(body).find((k) => same(k, name));
  return key === undefined ? undefined : body[key];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The registration in an answer of `/registration`, or undefined when it holds none (no URL). */
export function readRegistration(body: unknown): Registration | undefined {
  if (!isRecord(body)) return undefined;
  const url = field(body, 'WebhookUrl');
  if (typeof url !== 'string' || url === '') return undefined;
  const events = field(body, 'WebhookEvents');
  return { url, events: Array.isArray(events) ? events.filter((e): e is string => typeof e === 'string') : [] };
}

/** One attempt to deliver a test event, as Partner Center reports it. */
export interface DeliveryResult {
  responseCode: string;
  responseMessage: string;
  systemError: boolean;
  dateTimeUtc: string;
}

/** A test event's state: `GET /registration/validationEvents/{correlationId}`. */
export interface TestEventStatus {
  correlationId: string;
  status: string;
  callbackUrl?: string;
  results: DeliveryResult[];
}

/** Reads a test event's state; throws naming the field when the answer is not one. */
export function readTestEventStatus(body: unknown): TestEventStatus {
  if (!isRecord(body)) throw new Error('the answer is not a JSON object');
  const status = field(body, 'status');
  if (typeof status !== 'string') throw new Error('the answer has no status');
  const results = field(body, 'results');
  const text = (record: Record<string, unknown>, name: string) => {
    const value = field(record, name);
    return value === undefined || value === null ? '' : String(value);
  };
  return {
    correlationId: text(body, 'correlationId'),
    status,
    callbackUrl: typeof field(body, 'callbackUrl') === 'string' ? (field(body, 'callbackUrl') as string) : undefined,
    results: (Array.isArray(results) ? results : []).filter(isRecord).map((result) => ({
      responseCode: text(result, 'responseCode'),
      responseMessage: text(result, 'responseMessage'),
      systemError: field(result, 'systemError') === true,
      dateTimeUtc: text(result, 'dateTimeUtc'),
    })),
  };
}

/** .NET's names of the 2xx statuses, as Partner Center writes `responseCode`. */
const SUCCESS_NAMES = [
  'ok',
  'created',
  'accepted',
  'nonauthoritativeinformation',
  'nocontent',
  'resetcontent',
  'partialcontent',
];

/** Whether a `responseCode` (a name such as `OK`, or a number) says the receiver took the event. */
export function isSuccessCode(responseCode: string): boolean {
  const code = responseCode.trim();
  if (/^\d{3}$/.test(code)) return code.startsWith('2');
  return SUCCESS_NAMES.includes(code.toLowerCase());
}

/** Whether the test event reached its receiver, or is still on its way. */
export function deliveryOutcome(status: TestEventStatus): 'delivered' | 'pending' | 'failed' {
  if (status.results.some((result) => !result.systemError && isSuccessCode(result.responseCode))) return 'delivered';
  return ['pending', 'inprogress', 'queued', 'notstarted'].includes(status.status.toLowerCase()) ? 'pending' : 'failed';
}

/** What a failed delivery's last answer suggests to check, or undefined. */
export function failureHint(result: DeliveryResult | undefined, url: string): string | undefined {
  if (!result) return undefined;
  if (result.systemError)
    return `Partner Center could not reach ${url}: is the desk running there, and reachable from the internet?`;
  const code = result.responseCode.toLowerCase();
  if (code === 'unauthorized' || code === '401') {
    return (
      'The desk refused the signature (see its log for why): check PARTNER_CENTER_CERTIFICATE_HOSTS, ' +
      'PARTNER_CENTER_TRUST_ANCHORS and PARTNER_CENTER_CERTIFICATE_ISSUER on the desk.'
    );
  }
  if (code === 'notfound' || code === '404') {
    return `Nothing took the event at ${url}: check the URL, and that the desk has its PARTNER_CENTER_* credentials.`;
  }
  if (code === 'serviceunavailable' || code === '503')
    return 'The desk was not ready (its storage or Partner Center); try again shortly.';
  return undefined;
}
