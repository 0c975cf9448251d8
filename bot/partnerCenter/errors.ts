/** What went wrong in a call to Partner Center, as far as the service said. */
export interface PartnerCenterFailure {
  method: string;
  url: string;
  /** The HTTP status; undefined when no answer came (network error, timeout). */
  status?: number;
  /** The service's error code (OData `error.code`). */
  code?: string;
  /** The service's own words (OData `error.message`). */
  serviceMessage?: string;
  /** What the error is about (OData `error.target`), e.g. `$filter` or a patch path. */
  target?: string;
  /** How long the service asked to wait before trying again, when it said. */
  retryAfterMs?: number;
  /** Sent as `MS-CorrelationId` with every attempt of the call: what Partner Center support asks for. */
  correlationId: string;
  attempts: number;
}

/** A call to Partner Center's Referrals API failed; the message says how, with the service's words. */
export class PartnerCenterError extends Error {
  readonly method: string;
  readonly url: string;
  readonly status?: number;
  readonly code?: string;
  readonly serviceMessage?: string;
  readonly target?: string;
  readonly retryAfterMs?: number;
  readonly correlationId: string;
  readonly attempts: number;

  constructor(message: string, failure: PartnerCenterFailure) {
    super(message);
    this.name = 'PartnerCenterError';
    this.method = failure.method;
    this.url = failure.url;
    this.status = failure.status;
    this.code = failure.code;
    this.serviceMessage = failure.serviceMessage;
    this.target = failure.target;
    this.retryAfterMs = failure.retryAfterMs;
    this.correlationId = failure.correlationId;
    this.attempts = failure.attempts;
  }
}

/**
 * The referral changed in Partner Center since its eTag was read (HTTP 412). It carries
 * no copy of the referral or eTag: read the referral again and decide anew.
 */
export class PreconditionFailedError extends PartnerCenterError {
  constructor(
    readonly referralId: string,
    failure: PartnerCenterFailure,
  ) {
    super(
      `Referral ${referralId} was changed in Partner Center since it was read (412); read it again before writing`,
      failure,
    );
    this.name = 'PreconditionFailedError';
  }
}

/**
 * A listing's `@odata.nextLink` the client will not follow (another origin, a page already
 * read, no URL at all). The pages before it were handed out; `refusal` says what is wrong
 * with the link, the same on every listing that meets it.
 */
export class NextLinkRefusedError extends PartnerCenterError {
  constructor(
    message: string,
    readonly refusal: string,
    failure: PartnerCenterFailure,
  ) {
    super(message, failure);
    this.name = 'NextLinkRefusedError';
  }
}

/** The code, message and target of an error body: OData's `{ error: { … } }`, or the flat `{ code, message | description }` other Partner Center APIs send. */
export function serviceErrorOf(body: unknown): { code?: string; message?: string; target?: string } {
  if (typeof body !== 'object' || body === null)
    return typeof body === 'string' && body.trim() ? { message: body.trim().slice(0, 500) } : {};
  const record = body as Record<string, unknown>;
  const inner =
    typeof record.error === 'object' && record.error !== null ? (record.error as Record<string, unknown>) : record;
  const text = (value: unknown) =>
    typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : undefined;
  return {
    code: text(inner.code),
    message: text(inner.message) ?? text(inner.description),
    target: text(inner.target),
  };
}
