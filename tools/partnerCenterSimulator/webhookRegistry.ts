/**
 * What Partner Center keeps of a partner's webhooks: one registration (a URL and the events
 * sent to it) and the test events asked for, with every attempt to deliver each. Deliveries
 * themselves are made by whoever listens (see WebhookSubscription), which holds the key
 * they are signed with.
 */
import { randomUUID } from 'node:crypto';
import type { DateTime } from 'luxon';

/** A partner's registration: where its events go, and which events. */
export interface WebhookRegistration {
  subscriberId: string;
  /** Read at each delivery, so a receiver registered by a test or the embedded desk may move. */
  url: () => string;
  events: string[];
}

/** One attempt to deliver a test event, in the fields of Partner Center's `WebhookResponse`. */
export interface ValidationResult {
  /** The receiver's answer by name, as .NET writes an HTTP status (`OK`, `Unauthorized`, …), or its number. */
  responseCode: string;
  responseMessage: string;
  /** True when no answer came (the receiver could not be reached). */
  systemError: boolean;
  dateTimeUtc: string;
}

/** A test event and how its delivery went, as `GET /registration/validationEvents/{id}` serves it. */
export interface ValidationEvent {
  correlationId: string;
  partnerId: string;
  /** `pending` while it is being delivered; `completed` once delivered, `failed` once given up. */
  status: 'pending' | 'completed' | 'failed';
  callbackUrl: string;
  results: ValidationResult[];
}

/** Why a test event could not be asked for now, with the status the API answers. */
export type ValidationRefusal = { status: 404 | 400 | 429 | 503; message: string; retryAfterSeconds?: number };

/** Partner Center allows two test events a minute. */
const TESTS_PER_MINUTE = 2;

const STATUS_NAMES: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'NoContent',
  301: 'MovedPermanently',
  302: 'Redirect',
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  413: 'RequestEntityTooLarge',
  415: 'UnsupportedMediaType',
  422: 'UnprocessableEntity',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

/** An HTTP status as .NET's HttpStatusCode names it (Partner Center's `responseCode`), else its number. */
export function httpStatusName(status: number): string {
  return STATUS_NAMES[status] ?? String(status);
}

/** The registration and test events of the one partner the simulator serves. */
export class WebhookRegistry {
  private current: WebhookRegistration | undefined;
  private readonly validations = new Map<string, ValidationEvent>();
  private readonly testsAskedAt: number[] = [];
  private readonly listeners = new Set<(event: ValidationEvent) => void>();

  constructor(
    private readonly partnerId: string,
    private readonly clock: () => DateTime,
  ) {}

  get registration(): WebhookRegistration | undefined {
    return this.current;
  }

  /** Registers `url` for `events`, replacing any registration (the API's POST and PUT both end here). */
  register(url: string | (() => string), events: readonly string[]): WebhookRegistration {
    this.current = {
      subscriberId: this.current?.subscriberId ?? randomUUID(),
      url: typeof url === 'string' ? () => url : url,
      events: [...events],
    };
    return this.current;
  }

  unregister(): void {
    this.current = undefined;
  }

  /** Calls `listener` with every test event asked for; returns a function that stops it. */
  onValidation(listener: (event: ValidationEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * A test event for the registration: refused without a registration, when `test-created` is
   * not among its events (Partner Center asks for it), past two a minute, or when nobody here
   * can deliver it; else recorded as pending and handed to the listeners.
   */
  requestValidation(): ValidationEvent | ValidationRefusal {
    const registration = this.current;
    if (!registration) return { status: 404, message: 'There is no webhook registration; register one first' };
    if (!registration.events.includes('test-created')) {
      return { status: 400, message: 'Register the test-created event before asking for a test event' };
    }
    const now = this.clock().toMillis();
    const recent = this.testsAskedAt.filter((at) => now - at < 60_000);
    if (recent.length >= TESTS_PER_MINUTE) {
      const retryAfterSeconds = Math.max(1, Math.ceil((recent[0] + 60_000 - now) / 1000));
      return { status: 429, message: `At most ${TESTS_PER_MINUTE} test events a minute`, retryAfterSeconds };
    }
    if (this.listeners.size === 0) {
      return {
        status: 503,
        message: 'This simulator sends no webhooks (it was started without a signing certificate)',
      };
    }
    this.testsAskedAt.push(now);
    const event: ValidationEvent = {
      correlationId: randomUUID(),
      partnerId: this.partnerId,
      status: 'pending',
      callbackUrl: registration.url(),
      results: [],
    };
    this.validations.set(event.correlationId, event);
    for (const listener of this.listeners) listener(event);
    return event;
  }

  validation(correlationId: string): ValidationEvent | undefined {
    const event = this.validations.get(correlationId);
    return event && structuredClone(event);
  }

  /** Records one attempt to deliver a test event: the receiver's status, or why none came. */
  recordAttempt(correlationId: string, attempt: { status?: number; error?: string }): void {
    const event = this.validations.get(correlationId);
    if (!event) return;
    // Partner Center writes the time without an offset and with seven fractional digits.
    const dateTimeUtc = this.clock().toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'0000'");
    event.results.push(
      attempt.status === undefined
        ? { responseCode: '', responseMessage: attempt.error ?? 'no answer', systemError: true, dateTimeUtc }
        : { responseCode: httpStatusName(attempt.status), responseMessage: '', systemError: false, dateTimeUtc },
    );
  }

  finish(correlationId: string, delivered: boolean): void {
    const event = this.validations.get(correlationId);
    if (event) event.status = delivered ? 'completed' : 'failed';
  }
}
