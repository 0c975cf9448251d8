/**
 * Partner Center's webhook registration API (`https://api.partnercenter.microsoft.com/webhooks/v1`):
 * the partner's registration and its test events. It is another resource than the Referrals
 * API, so its access tokens are asked for with their own scope. Every call carries fresh
 * `MS-CorrelationId` and `MS-RequestId` headers, and a refusal is said with its status,
 * Partner Center's text, and what to fix.
 */
import { randomUUID } from 'node:crypto';
import type { AccessTokenProvider } from '../../bot/partnerCenter';
import { CommandError } from './commandIo';
import {
  readRegistration,
  readTestEventStatus,
  type Registration,
  type RegistrationBody,
  type TestEventStatus,
} from './webhookPlan';

/** The webhook API of Partner Center. */
export const DEFAULT_WEBHOOK_API_URL = 'https://api.partnercenter.microsoft.com/webhooks/v1';

/** The resource of the webhook API, and what to ask Entra for to call it on the user's behalf. */
export const WEBHOOK_API_RESOURCE = 'https://api.partnercenter.microsoft.com';
export const WEBHOOK_API_SCOPE = `${WEBHOOK_API_RESOURCE}/user_impersonation`;

const REQUEST_TIMEOUT_MS = 30_000;

/** Partner Center's own words in an error answer, whichever of its error shapes it used. */
function errorText(text: string): string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return text.trim().slice(0, 300);
  }
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const nested =
    typeof record.error === 'object' && record.error !== null ? (record.error as Record<string, unknown>) : {};
  const found = [record.description, record.message, nested.message, record.error_description, record.error].find(
    (value) => typeof value === 'string' && value.trim() !== '',
  );
  return typeof found === 'string' ? found.trim().slice(0, 300) : text.trim().slice(0, 300);
}

/** The message for a refused call, naming the role or permission it needs when that is the cause. */
function refusalMessage(
  what: string,
  status: number,
  statusText: string,
  text: string,
  retryAfter: string | null,
): string {
  const said = `${status}${statusText ? ` ${statusText}` : ''}${errorText(text) ? `: ${errorText(text)}` : ''}`;
  if (status === 401) {
    return (
      `Partner Center refused the access token to ${what} (${said}). The app registration needs the delegated ` +
      `permission user_impersonation of the Partner Center API (${WEBHOOK_API_RESOURCE}), with consent; ` +
      'then sign in again with npm run partner-center:login.'
    );
  }
  if (status === 403) {
    return (
      `The signed-in user may not ${what} (${said}). Partner Center's webhook API asks for one of the roles ` +
      'Global admin, Admin agent, Billing admin, Sales agent or Helpdesk agent: sign in with ' +
      'npm run partner-center:login as such a user and run this command with that PARTNER_CENTER_REFRESH_TOKEN ' +
      '(the desk may keep its own).'
    );
  }
  if (status === 429) {
    const when = retryAfter ? `in ${retryAfter} s` : 'in a minute';
    return `Partner Center is throttling calls to ${what} (${said}); try again ${when}.`;
  }
  return `Partner Center could not ${what} (${said}).`;
}

/** The partner's webhook registration and test events, through the webhook API at `baseUrl`. */
export class WebhookApi {
  private readonly baseUrl: string;

  constructor(
    baseUrl: string,
    private readonly tokens: AccessTokenProvider,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** The current registration, or undefined when there is none (404, or an answer without a URL). */
  async getRegistration(): Promise<Registration | undefined> {
    const answer = await this.call('GET', '/registration', 'read the webhook registration', [404]);
    return answer.status === 404 ? undefined : readRegistration(answer.json);
  }

  async createRegistration(body: RegistrationBody): Promise<Registration | undefined> {
    return readRegistration((await this.call('POST', '/registration', 'register the webhook', [], body)).json);
  }

  async updateRegistration(body: RegistrationBody): Promise<Registration | undefined> {
    return readRegistration(
      (await this.call('PUT', '/registration', 'change the webhook registration', [], body)).json,
    );
  }

  /** Asks Partner Center to send a `test-created` event to the registered URL; answers its correlation id. */
  async sendTestEvent(): Promise<string> {
    const { json } = await this.call('POST', '/registration/validationEvents', 'send a test event');
    const id = typeof json === 'string' ? json : (json as { correlationId?: unknown } | undefined)?.correlationId;
    if (typeof id !== 'string' || id === '')
      throw new CommandError('Partner Center sent the test event without a correlationId to follow it by.');
    return id;
  }

  async testEventStatus(correlationId: string): Promise<TestEventStatus> {
    const what = 'read how the test event went';
    const { json } = await this.call(
      'GET',
      `/registration/validationEvents/${encodeURIComponent(correlationId)}`,
      what,
    );
    try {
      return readTestEventStatus(json);
    } catch (error) {
      throw new CommandError(
        `Partner Center's answer on the test event was not understood: ${(error as Error).message}.`,
      );
    }
  }

  private async call(method: string, path: string, what: string, alsoFine: number[] = [], body?: RegistrationBody) {
    const url = `${this.baseUrl}${path}`;
    const headers: Record<string, string> = {
      authorization: `Bearer ${await this.tokens.getToken()}`,
      accept: 'application/json',
      'ms-correlationid': randomUUID(),
      'ms-requestid': randomUUID(),
    };
    if (body) headers['content-type'] = 'application/json';
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(url, {
        method,
        headers,
        body: body && JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      text = await response.text();
    } catch (error) {
      const cause = error instanceof Error ? error.message : String(error);
      throw new CommandError(`Partner Center's webhook API could not be reached at ${url}: ${cause}.`);
    }
    if (!response.ok && !alsoFine.includes(response.status)) {
      throw new CommandError(
        refusalMessage(what, response.status, response.statusText, text, response.headers.get('retry-after')),
      );
    }
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, json };
  }
}
