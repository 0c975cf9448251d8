import { createPublicKey, type KeyObject } from 'node:crypto';

/** One RSA key the Bot Framework signs its tokens with, as its key set publishes it. */
export interface SigningKey {
  kid: string;
  key: KeyObject;
  /** The channels the key may sign for (`msteams`, …); absent when the key set names none. */
  endorsements?: string[];
}

/** The signing keys could not be fetched (unreachable, an error status, or not a key set), and no cached key fits. */
export class SigningKeysUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningKeysUnavailableError';
  }
}

/** Where the keys come from and how long they are trusted; everything but the two below has a default. */
export interface SigningKeysOptions {
  /** The OpenID metadata document whose `jwks_uri` names the key set. */
  openIdMetadataUrl: string;
  /** The current time in milliseconds (the desk's clock). */
  now: () => number;
  /** Each of the two downloads; 10 s by default. */
  fetchTimeoutMs?: number;
  /** How long a fetched key set is used before it is fetched again; 24 hours by default. */
  maxAgeMs?: number;
  /**
   * A token naming a key the set does not hold fetches the set again, but at most this often
   * (5 minutes by default), so forged tokens cannot make the desk download at will.
   */
  minRefreshIntervalMs?: number;
  /** After a failed fetch, requests are answered "unavailable" without trying again for this long; 10 s by default. */
  retryAfterFailureMs?: number;
}

/** A metadata document or key set larger than this is not one. */
const MAX_DOCUMENT_CHARS = 1024 * 1024;

/**
 * The Bot Framework's published signing keys: fetched from its OpenID metadata on first use,
 * kept for a day, fetched again early when a token names a key not seen yet. When a refresh
 * fails, a key already known is still used; a key not known makes the caller wait.
 */
export class SigningKeys {
  private keys = new Map<string, SigningKey>();
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private failure: { at: number; message: string } | undefined;
  private refreshing: Promise<void> | undefined;
  private readonly fetchTimeoutMs: number;
  private readonly maxAgeMs: number;
  private readonly minRefreshIntervalMs: number;
  private readonly retryAfterFailureMs: number;

  constructor(private readonly options: SigningKeysOptions) {
    this.fetchTimeoutMs = options.fetchTimeoutMs ?? 10_000;
    this.maxAgeMs = options.maxAgeMs ?? 24 * 60 * 60 * 1000;
    this.minRefreshIntervalMs = options.minRefreshIntervalMs ?? 5 * 60 * 1000;
    this.retryAfterFailureMs = options.retryAfterFailureMs ?? 10_000;
  }

  /** The key `kid` names, or undefined when the published set holds no such key; throws SigningKeysUnavailableError. */
  async find(kid: string): Promise<SigningKey | undefined> {
    const age = this.options.now() - this.fetchedAt;
    if (age >= this.maxAgeMs || (!this.keys.has(kid) && age >= this.minRefreshIntervalMs)) {
      try {
        await this.refresh();
      } catch (error) {
        if (!this.keys.has(kid)) throw error;
      }
    }
    return this.keys.get(kid);
  }

  /** One fetch at a time; a recent failure is repeated rather than tried again. */
  private refresh(): Promise<void> {
    const failure = this.failure;
    if (failure && this.options.now() - failure.at < this.retryAfterFailureMs) {
      return Promise.reject(new SigningKeysUnavailableError(failure.message));
    }
    this.refreshing ??= this.fetchKeys()
      .then(
        (keys) => {
          this.keys = keys;
          this.fetchedAt = this.options.now();
          this.failure = undefined;
        },
        (error: unknown) => {
          const message =
            error instanceof SigningKeysUnavailableError
              ? error.message
              : `the signing keys could not be fetched: ${(error as Error).message}`;
          this.failure = { at: this.options.now(), message };
          throw new SigningKeysUnavailableError(message);
        },
      )
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }

  private async fetchKeys(): Promise<Map<string, SigningKey>> {
    const metadataUrl = new URL(this.options.openIdMetadataUrl);
    const metadata = await this.getJson(metadataUrl, 'the OpenID metadata');
    const jwksUri = typeof metadata.jwks_uri === 'string' ? URL.parse(metadata.jwks_uri) : null;
    if (!jwksUri || !['https:', metadataUrl.protocol].includes(jwksUri.protocol)) {
      throw new SigningKeysUnavailableError('the OpenID metadata names no usable jwks_uri');
    }
    const keySet = await this.getJson(jwksUri, 'the signing key set');
    if (!Array.isArray(keySet.keys)) throw new SigningKeysUnavailableError('the signing key set has no keys list');
    const keys = new Map<string, SigningKey>();
    for (const entry of keySet.keys) {
      const key = signingKeyOf(entry);
      if (key) keys.set(key.kid, key);
    }
    if (keys.size === 0) throw new SigningKeysUnavailableError('the signing key set holds no RSA signing key');
    return keys;
  }

  private async getJson(url: URL, what: string): Promise<Record<string, unknown>> {
    let text: string;
    try {
      const response = await fetch(url, {
        signal: AbortSignal.timeout(this.fetchTimeoutMs),
        headers: { accept: 'application/json' },
      });
      text = await response.text();
      if (!response.ok) throw new SigningKeysUnavailableError(`${what} answered ${response.status}`);
    } catch (error) {
      if (error instanceof SigningKeysUnavailableError) throw error;
      throw new SigningKeysUnavailableError(`${what} could not be fetched: ${causeOf(error)}`);
    }
    if (text.length > MAX_DOCUMENT_CHARS)
      throw new SigningKeysUnavailableError(`${what} is larger than ${MAX_DOCUMENT_CHARS} characters`);
    try {
      const json: unknown = JSON.parse(text);
      if (json && typeof json === 'object' && !Array.isArray(json)) return json as Record<string, unknown>;
    } catch {
      // answered below
    }
    throw new SigningKeysUnavailableError(`${what} is not a JSON object`);
  }
}

/** An RSA signing key of a JSON Web Key Set, or undefined for any other entry. */
function signingKeyOf(entry: unknown): SigningKey | undefined {
  const jwk = entry as {
    kty?: unknown;
    kid?: unknown;
    n?: unknown;
    e?: unknown;
    use?: unknown;
    endorsements?: unknown;
  } | null;
  if (
    !jwk ||
    jwk.kty !== 'RSA' ||
    typeof jwk.kid !== 'string' ||
    typeof jwk.n !== 'string' ||
    typeof jwk.e !== 'string'
  )
    return undefined;
  if (jwk.use !== undefined && jwk.use !== 'sig') return undefined;
  try {
    const key = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' });
    const endorsements = Array.isArray(jwk.endorsements)
      ? jwk.endorsements.filter((e): e is string => typeof e === 'string')
      : undefined;
    return { kid: jwk.kid, key, endorsements };
  } catch {
    return undefined;
  }
}

/** What fetch's "fetch failed" hides: the network error underneath (ECONNREFUSED, a timeout). */
function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return cause.message;
  return (error as Error).message;
}
