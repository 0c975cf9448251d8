import { X509Certificate, verify as verifySignature } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { DateTime } from 'luxon';
import { type Config, loadTrustAnchors } from '../config';
import { ExpiringCache } from './certificateCache';
import { CertificateFileError, checkSigningChain, readCertificates } from './certificateChain';
import { CertificateDownloadError, downloadCertificateFile } from './certificateDownload';
import { allowedHostProblem, checkCertificateUrl } from './certificateUrl';

/**
 * The headers of a Partner Center webhook delivery. Partner Center signs the raw body with
 * RSA-SHA256 and sends the base64 signature as `Authorization: Signature <base64>`, or, when
 * the registration asked for it (`SignatureTokenToMsSignatureHeader`), in `x-ms-signature`
 * (with or without the `Signature ` scheme); `X-MS-Certificate-Url` names the signing
 * certificate and `X-MS-Signature-Algorithm` is `rsa-sha256`.
 */
export const WEBHOOK_HEADERS = {
  authorization: 'authorization',
  signature: 'x-ms-signature',
  certificateUrl: 'x-ms-certificate-url',
  algorithm: 'x-ms-signature-algorithm',
} as const;

/** The only signature algorithm Partner Center uses. */
export const WEBHOOK_SIGNATURE_ALGORITHM = 'rsa-sha256';

/** Request headers as node:http gives them (names in any case are accepted). */
export type WebhookHeaders = Record<string, string | string[] | undefined>;

/** Why a delivery was refused; each comes with a sentence saying what exactly was wrong. */
export type WebhookRefusalReason =
  | 'missing-signature'
  | 'malformed-signature'
  | 'unsupported-algorithm'
  | 'missing-certificate-url'
  | 'certificate-url-not-allowed'
  | 'download-failed'
  | 'certificate-unreadable'
  | 'chain-not-trusted'
  | 'certificate-expired'
  | 'certificate-not-yet-valid'
  | 'wrong-issuer'
  | 'signature-mismatch';

/** A refused delivery: why, and a sentence saying what exactly was wrong (for the log and the 401). */
export interface WebhookRefusal {
  ok: false;
  reason: WebhookRefusalReason;
  message: string;
}

/** The outcome of checking one delivery. */
export type WebhookVerification = { ok: true } | WebhookRefusal;

/** How a {@link WebhookVerifier} checks deliveries; everything but `allowedHosts` has a default. */
export interface WebhookVerifierOptions {
  /** Hosts the certificate may be downloaded from: exact names, or `*.suffix` for every name under a suffix. */
  allowedHosts: readonly string[];
  /** Where the certificate's chain must end; Node's bundled root certificates by default. */
  trustAnchors?: readonly X509Certificate[];
  /** Must occur in the organisation or common name of the certificate's issuer; `Microsoft` by default. */
  issuerMustContain?: string;
  /** Lets certificate URLs use `http:` (tests with a local certificate server only). */
  allowInsecureHttp?: boolean;
  /** The time certificates must be valid at, and the cache's time. */
  clock?: () => DateTime;
  /** The whole certificate download; 5 s by default. */
  downloadTimeoutMs?: number;
  /** Largest certificate file accepted; 64 KiB by default. */
  maxCertificateBytes?: number;
  /** How long a downloaded certificate file is reused; 10 minutes by default. */
  cacheTtlMs?: number;
  /** How many certificate URLs are cached at once; 8 by default. */
  cacheMaxEntries?: number;
  /**
   * Partner Center renews the certificate behind the same URL. When a signature does not
   * match a cached certificate at least this old (or the cached certificate has expired), the
   * file is downloaded again once, and the delivery checked against the new one; 60 s by
   * default, so forged deliveries cannot make the desk download more often than that.
   */
  refreshOnMismatchAfterMs?: number;
}

/** The signature bytes a delivery carries. */
export interface DeliverySignature {
  bytes: Buffer;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Every value sent under `name`, whatever the case of the header names. */
function headerValues(headers: WebhookHeaders, name: string): string[] {
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name || value === undefined) continue;
    values.push(...(Array.isArray(value) ? value : [value]));
  }
  return values;
}

const refuse = (reason: WebhookRefusalReason, message: string): WebhookRefusal => ({ ok: false, reason, message });
const SIGNATURE_SCHEME = /^signature(?:\s+|$)/i;

/** The signature of a delivery, from `Authorization: Signature …` or else `x-ms-signature`. Pure. */
export function readSignature(headers: WebhookHeaders): DeliverySignature | WebhookRefusal {
  const authorization = headerValues(headers, WEBHOOK_HEADERS.authorization);
  const msSignature = headerValues(headers, WEBHOOK_HEADERS.signature);
  let token: string | undefined;
  let source = '';
  if (authorization.length === 1 && SIGNATURE_SCHEME.test(authorization[0].trim())) {
    token = authorization[0].trim().replace(SIGNATURE_SCHEME, '');
    source = 'Authorization';
  } else if (msSignature.length > 0) {
    if (msSignature.length > 1) return refuse('malformed-signature', 'x-ms-signature was sent more than once');
    token = msSignature[0].trim().replace(SIGNATURE_SCHEME, '');
    source = 'x-ms-signature';
  } else if (authorization.length > 0) {
    return refuse(
      'missing-signature',
      'the Authorization header is not of the Signature scheme, and there is no x-ms-signature header',
    );
  } else {
    return refuse(
      'missing-signature',
      'neither an Authorization: Signature header nor an x-ms-signature header was sent',
    );
  }
  if (token === '') return refuse('missing-signature', `the ${source} header carries no signature`);
  if (!BASE64.test(token) || token.length % 4 !== 0)
    return refuse('malformed-signature', `the signature in ${source} is not base64`);
  return { bytes: Buffer.from(token, 'base64') };
}

/**
 * Checks that a Partner Center webhook delivery is authentic: signed with a certificate that
 * was downloaded from an allowed host, chains to a trust anchor, is valid now and is issued
 * by the expected organisation. Downloads are cached by URL, so a burst of deliveries makes
 * one download (concurrent checks share it).
 */
export class WebhookVerifier {
  private readonly allowedHosts: readonly string[];
  private readonly trustAnchors: readonly X509Certificate[];
  private readonly issuerMustContain: string;
  private readonly allowInsecureHttp: boolean;
  private readonly clock: () => DateTime;
  private readonly limits: { timeoutMs: number; maxBytes: number };
  private readonly refreshAfterMs: number;
  private readonly cache: ExpiringCache<Promise<X509Certificate[]>>;

  /** Throws on unusable options (no hosts, a malformed host, no trust anchors): a programming or configuration error. */
  constructor(options: WebhookVerifierOptions) {
    if (options.allowedHosts.length === 0)
      throw new TypeError('WebhookVerifier needs at least one allowed certificate host');
    for (const host of options.allowedHosts) {
      const problem = allowedHostProblem(host);
      if (problem) throw new TypeError(`WebhookVerifier: ${problem}`);
    }
    this.allowedHosts = [...options.allowedHosts];
    this.trustAnchors = options.trustAnchors
      ? [...options.trustAnchors]
      : rootCertificates.map((pem) => new X509Certificate(pem));
    if (this.trustAnchors.length === 0) throw new TypeError('WebhookVerifier needs at least one trust anchor');
    this.issuerMustContain = options.issuerMustContain ?? 'Microsoft';
    this.allowInsecureHttp = options.allowInsecureHttp ?? false;
    this.clock = options.clock ?? (() => DateTime.utc());
    this.limits = { timeoutMs: options.downloadTimeoutMs ?? 5_000, maxBytes: options.maxCertificateBytes ?? 64 * 1024 };
    this.refreshAfterMs = options.refreshOnMismatchAfterMs ?? 60_000;
    this.cache = new ExpiringCache(options.cacheMaxEntries ?? 8, options.cacheTtlMs ?? 10 * 60_000);
  }

  /** Checks one delivery: its raw body, exactly as received, and its headers. Never throws. */
  async verify(rawBody: Buffer, headers: WebhookHeaders): Promise<WebhookVerification> {
    const signature = readSignature(headers);
    if ('ok' in signature) return signature;
    const algorithms = headerValues(headers, WEBHOOK_HEADERS.algorithm);
    // Partner Center always sends rsa-sha256; a delivery without the header is read as that.
    if (
      algorithms.length > 1 ||
      (algorithms.length === 1 && algorithms[0].trim().toLowerCase() !== WEBHOOK_SIGNATURE_ALGORITHM)
    ) {
      return refuse(
        'unsupported-algorithm',
        `the signature algorithm "${algorithms.join(', ')}" is not ${WEBHOOK_SIGNATURE_ALGORITHM}`,
      );
    }
    const urls = headerValues(headers, WEBHOOK_HEADERS.certificateUrl);
    if (urls.length === 0 || urls[0].trim() === '')
      return refuse('missing-certificate-url', 'the X-MS-Certificate-Url header is missing');
    if (urls.length > 1) return refuse('certificate-url-not-allowed', 'X-MS-Certificate-Url was sent more than once');
    const checked = checkCertificateUrl(urls[0].trim(), this.allowedHosts, this.allowInsecureHttp);
    if ('refusal' in checked) return refuse('certificate-url-not-allowed', checked.refusal);

    const first = await this.check(rawBody, signature.bytes, checked.url);
    if (!first.stale) return first.result;
    return (await this.check(rawBody, signature.bytes, checked.url, first.stale)).result;
  }

  /**
   * Checks against the cached certificate file, downloading it when none is cached or when
   * the cached one is `replacing` (a stale file, dropped once: concurrent checks that saw the
   * same stale file share the one new download). `stale` is set when the refusal may be down
   * to a certificate renewed behind the same URL since it was cached: its signature no longer
   * matches, or it has expired.
   */
  private async check(
    rawBody: Buffer,
    signature: Buffer,
    url: URL,
    replacing?: Promise<X509Certificate[]>,
  ): Promise<{ result: WebhookVerification; stale?: Promise<X509Certificate[]> }> {
    const key = url.href;
    const now = this.clock();
    let cached = this.cache.get(key, now.toMillis());
    if (replacing && cached?.value === replacing) {
      this.cache.deleteIf(key, replacing);
      cached = undefined;
    }
    const pending = cached?.value ?? this.download(key, url, now.toMillis());
    let certificates: X509Certificate[];
    try {
      certificates = await pending;
    } catch (error) {
      if (error instanceof CertificateFileError)
        return {
          result: refuse('certificate-unreadable', `the certificate at ${key} is unreadable: ${error.message}`),
        };
      const message = error instanceof CertificateDownloadError ? error.message : String(error);
      return { result: refuse('download-failed', `the certificate could not be downloaded from ${key}: ${message}`) };
    }
    const result = this.checkWith(certificates, rawBody, signature, now);
    const renewable = !result.ok && (result.reason === 'signature-mismatch' || result.reason === 'certificate-expired');
    const stale =
      renewable && !replacing && cached !== undefined && now.toMillis() - cached.storedAt >= this.refreshAfterMs;
    return { result, stale: stale ? cached!.value : undefined };
  }

  private checkWith(
    certificates: X509Certificate[],
    rawBody: Buffer,
    signature: Buffer,
    now: DateTime,
  ): WebhookVerification {
    const chainRefusal = checkSigningChain(certificates, {
      trustAnchors: this.trustAnchors,
      issuerMustContain: this.issuerMustContain,
      now,
    });
    if (chainRefusal) return refuse(chainRefusal.reason, chainRefusal.message);
    const leaf = certificates[0];
    if (leaf.publicKey.asymmetricKeyType !== 'rsa') {
      return refuse(
        'unsupported-algorithm',
        `the signing certificate holds a ${leaf.publicKey.asymmetricKeyType ?? 'non-RSA'} key, not RSA`,
      );
    }
    let matches = false;
    try {
      matches = verifySignature('sha256', rawBody, leaf.publicKey, signature);
    } catch {
      matches = false;
    }
    return matches
      ? { ok: true }
      : refuse('signature-mismatch', 'the signature does not match the body under the signing certificate');
  }

  private download(key: string, url: URL, now: number): Promise<X509Certificate[]> {
    const pending = downloadCertificateFile(url, this.limits).then(readCertificates);
    this.cache.set(key, pending, now);
    // A failed download is not remembered: the next delivery tries again.
    pending.catch(() => this.cache.deleteIf(key, pending));
    return pending;
  }
}

/** Runtime options of {@link webhookVerifierFrom}: what the configuration does not decide. */
export type WebhookVerifierRuntimeOptions = Omit<
  WebhookVerifierOptions,
  'allowedHosts' | 'trustAnchors' | 'issuerMustContain'
>;

/**
 * The verifier the settings describe: `PARTNER_CENTER_CERTIFICATE_HOSTS`,
 * `PARTNER_CENTER_TRUST_ANCHORS` (read here; a bad file throws ConfigError naming it) and
 * `PARTNER_CENTER_CERTIFICATE_ISSUER`.
 */
export function webhookVerifierFrom(
  config: Pick<Config, 'partnerCenterWebhooks'>,
  options: WebhookVerifierRuntimeOptions = {},
): WebhookVerifier {
  const settings = config.partnerCenterWebhooks;
  return new WebhookVerifier({
    ...options,
    allowedHosts: settings.certificateHosts,
    trustAnchors: loadTrustAnchors(settings.trustAnchorsFile),
    issuerMustContain: settings.certificateIssuer,
  });
}
