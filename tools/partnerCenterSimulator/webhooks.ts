import { sign, type KeyObject } from 'node:crypto';
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { DateTime } from 'luxon';
import type { WebhookEventName } from '../../bot/partnerCenter';
import type { SigningCertificate } from './certificates';

/** The body of a webhook delivery, field for field as Partner Center sends it. */
export interface PartnerCenterEventBody {
  EventName: WebhookEventName;
  ResourceUri: string;
  ResourceName: string;
  AuditUri: string | null;
  ResourceChangeUtcDate: string;
}

/**
 * An event body in Partner Center's shape: `ResourceName` is `referral` (`test` for a test
 * delivery) and the change time is written as Partner Center writes it, in UTC with seven
 * fractional digits and `+00:00` (e.g. `2017-11-16T16:19:06.3520276+00:00`).
 */
export function eventBody(
  eventName: WebhookEventName,
  referralResourceUri: string,
  changedAt: DateTime,
): PartnerCenterEventBody {
  return {
    EventName: eventName,
    ResourceUri: referralResourceUri,
    ResourceName: eventName === 'test-created' ? 'test' : 'referral',
    AuditUri: null,
    ResourceChangeUtcDate: changedAt.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'0000+00:00'"),
  };
}

/** Which header carries the signature: `Authorization` (Partner Center's default) or `x-ms-signature`. */
export type SignatureHeader = 'authorization' | 'x-ms-signature';

/**
 * The headers of a signed delivery of `body`: the base64 RSA-SHA256 signature of its UTF-8
 * bytes as `Authorization: Signature <base64>` (or, for a registration that asked for
 * `SignatureTokenToMsSignatureHeader`, as `x-ms-signature: Signature <base64>`, the form
 * Partner Center's sample receiver reads), the certificate's URL and the algorithm.
 */
export function signDelivery(
  body: string,
  key: KeyObject,
  certificateUrl: string,
  header: SignatureHeader = 'authorization',
): Record<string, string> {
  const token = `Signature ${sign('sha256', Buffer.from(body, 'utf8'), key).toString('base64')}`;
  return {
    'Content-Type': 'application/json',
    [header === 'authorization' ? 'Authorization' : 'x-ms-signature']: token,
    'X-MS-Certificate-Url': certificateUrl,
    'X-MS-Signature-Algorithm': 'rsa-sha256',
  };
}

/** One try at delivering an event: the receiver's status, or why no answer came. */
export interface DeliveryAttempt {
  attempt: number;
  status?: number;
  error?: string;
}

/** How a delivery went: delivered on the last attempt, or given up after all of them. */
export interface DeliveryReport {
  delivered: boolean;
  attempts: DeliveryAttempt[];
}

/** How a {@link WebhookSender} signs and retries. */
export interface WebhookSenderOptions {
  /** The key deliveries are signed with (the leaf's of the published certificate). */
  privateKey: KeyObject;
  /** Sent as `X-MS-Certificate-Url`. */
  certificateUrl: string;
  signatureHeader?: SignatureHeader;
  /** Tries per event; Partner Center documents 10 before it moves an event to an offline queue. */
  attempts?: number;
  /**
   * The wait after failed attempt `n` (1-based). Partner Center does not publish its
   * schedule; the simulator waits 1 s, doubling each time, at most a minute.
   */
  retryDelayMs?: (failedAttempt: number) => number;
  /** How waiting is done; tests pass one that records instead of waiting. */
  sleep?: (ms: number) => Promise<void>;
  /** One attempt, from connecting to the end of the answer; 10 s by default. */
  timeoutMs?: number;
}

/** Partner Center's documented number of delivery attempts. */
export const PARTNER_CENTER_DELIVERY_ATTEMPTS = 10;

const defaultDelay = (failedAttempt: number) => Math.min(60_000, 1_000 * 2 ** (failedAttempt - 1));
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** POSTs `body` and answers the status, or rejects when no answer came. */
function post(url: URL, body: string, headers: Record<string, string>, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const bytes = Buffer.from(body, 'utf8');
    const req = send(
      url,
      { method: 'POST', headers: { ...headers, 'Content-Length': String(bytes.length) } },
      (res: IncomingMessage) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on('error', reject);
    req.on('close', () => clearTimeout(timer));
    req.end(bytes);
  });
}

/**
 * Delivers events to a webhook URL the way Partner Center does: signed, POSTed as JSON, and
 * tried again after a non-2xx answer or a network error, up to 10 attempts in all.
 */
export class WebhookSender {
  private readonly attempts: number;
  private readonly retryDelayMs: (failedAttempt: number) => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly timeoutMs: number;

  constructor(private readonly options: WebhookSenderOptions) {
    this.attempts = options.attempts ?? PARTNER_CENTER_DELIVERY_ATTEMPTS;
    if (!(this.attempts >= 1)) throw new RangeError('WebhookSender needs at least one attempt');
    this.retryDelayMs = options.retryDelayMs ?? defaultDelay;
    this.sleep = options.sleep ?? realSleep;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** Signs and delivers one event (a body, or its exact JSON text) to `url`; `onAttempt` hears of each try. */
  async send(
    url: string,
    event: PartnerCenterEventBody | string,
    onAttempt?: (attempt: DeliveryAttempt) => void,
  ): Promise<DeliveryReport> {
    const body = typeof event === 'string' ? event : JSON.stringify(event);
    const headers = signDelivery(
      body,
      this.options.privateKey,
      this.options.certificateUrl,
      this.options.signatureHeader,
    );
    const target = new URL(url);
    const attempts: DeliveryAttempt[] = [];
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      if (attempt > 1) await this.sleep(this.retryDelayMs(attempt - 1));
      let tried: DeliveryAttempt;
      try {
        tried = { attempt, status: await post(target, body, headers, this.timeoutMs) };
      } catch (error) {
        tried = { attempt, error: (error as Error).message };
      }
      attempts.push(tried);
      onAttempt?.(tried);
      if (tried.status !== undefined && tried.status >= 200 && tried.status < 300) return { delivered: true, attempts };
    }
    return { delivered: false, attempts };
  }
}

/** Which file {@link certificateHandler} serves. */
export type CertificateFormat = 'pem-bundle' | 'der';

/**
 * A request handler for the simulator's HTTP server that publishes the signing certificate
 * at `path`: the PEM bundle of leaf and intermediate (default), or the leaf alone in DER as
 * a `.cer` file would hold it. Answers `GET`/`HEAD` at that path (405 for other methods
 * there) and returns true; returns false, answering nothing, for every other path.
 */
export function certificateHandler(
  certificate: Pick<SigningCertificate, 'bundlePem' | 'leafDer'>,
  path: string,
  format: CertificateFormat = 'pem-bundle',
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const file = format === 'der' ? certificate.leafDer : Buffer.from(certificate.bundlePem, 'utf8');
  const contentType = format === 'der' ? 'application/pkix-cert' : 'application/x-pem-file';
  return (req, res) => {
    if (new URL(req.url ?? '/', 'http://simulator').pathname !== path) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' });
      res.end('Only GET and HEAD are allowed here');
      return true;
    }
    res.writeHead(200, {
      'content-type': contentType,
      'content-length': String(file.length),
      'cache-control': 'max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : file);
    return true;
  };
}
