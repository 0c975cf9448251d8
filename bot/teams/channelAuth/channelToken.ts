import { verify as verifySignature } from 'node:crypto';
import type { SigningKeys } from './signingKeys';

/** Why a request's token was refused; each comes with a sentence for the 401 and a precise one for the log. */
export type TokenRefusalReason =
  'missing-token' | 'malformed-token' | 'untrusted-signature' | 'expired-token' | 'wrong-issuer' | 'wrong-audience';

/** What a refused request is told: the kind of problem, never which check exactly failed. */
export const TOKEN_REFUSALS: Record<TokenRefusalReason, string> = {
  'missing-token': 'The request carries no Bearer token in its Authorization header',
  'malformed-token': 'The Bearer token is not a well-formed JSON Web Token',
  'untrusted-signature': 'The token is not signed by a key the Bot Framework publishes',
  'expired-token': 'The token has expired or is not valid yet',
  'wrong-issuer': 'The token was not issued by the Bot Framework',
  'wrong-audience': 'The token was issued for another bot or service URL',
};

/** A request whose token does not prove it comes from the Bot Framework for this bot. */
export class TokenRefusedError extends Error {
  constructor(
    readonly reason: TokenRefusalReason,
    /** Which check failed, for the log. */
    readonly detail: string,
  ) {
    super(`${TOKEN_REFUSALS[reason]}: ${detail}`);
    this.name = 'TokenRefusedError';
  }
}

/** Whom tokens must come from and be for. */
export interface ChannelTokenOptions {
  /** This bot's app id: the audience every token must name. */
  appId: string;
  /** The `iss` every token must carry (the Bot Framework's, `https://api.botframework.com`). */
  issuer: string;
  keys: SigningKeys;
  /** The current time in milliseconds (the desk's clock). */
  now: () => number;
  /** How far clocks may disagree; 5 minutes by default, as the Bot Framework allows. */
  clockToleranceSeconds?: number;
}

/** The part of an activity a token is checked against. */
export interface TokenSubject {
  channelId?: string;
  serviceUrl?: string;
}

/** The signing algorithms the Bot Framework uses, with their hashes; anything else (HS256, none) is refused. */
const ALGORITHMS: Record<string, string> = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' };

/** A Bearer token of three base64url parts; the signature may be empty (`alg: none`), which the algorithm check refuses. */
const BEARER_JWT = /^bearer +([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/i;

/**
 * Checks the Bot Framework's token on a request to /api/messages: an RS256/384/512 JSON Web
 * Token signed by a key the Bot Framework publishes for the activity's channel, from its
 * issuer, for this bot's app id and the activity's service URL, and valid now. Answers the
 * token's claims, or throws TokenRefusedError (or SigningKeysUnavailableError when the keys
 * cannot be fetched).
 */
export class ChannelTokenVerifier {
  private readonly toleranceSeconds: number;

  constructor(private readonly options: ChannelTokenOptions) {
    this.toleranceSeconds = options.clockToleranceSeconds ?? 5 * 60;
  }

  async verify(authorization: string | undefined, subject: TokenSubject): Promise<Record<string, unknown>> {
    const header = authorization?.trim() ?? '';
    if (!/^bearer\s/i.test(header)) {
      throw new TokenRefusedError(
        'missing-token',
        header ? 'the Authorization header is not a Bearer token' : 'no Authorization header',
      );
    }
    const parts = BEARER_JWT.exec(header);
    if (!parts) throw new TokenRefusedError('malformed-token', 'the token is not three base64url parts');
    const [, encodedHeader, encodedPayload, encodedSignature] = parts;
    const jose = jsonPart(encodedHeader, 'header');
    const claims = jsonPart(encodedPayload, 'payload');
    if (typeof jose.alg !== 'string') throw new TokenRefusedError('malformed-token', 'the header names no algorithm');
    const hash = Object.prototype.hasOwnProperty.call(ALGORITHMS, jose.alg) ? ALGORITHMS[jose.alg] : undefined;
    if (!hash) throw new TokenRefusedError('untrusted-signature', `the algorithm ${quoted(jose.alg)} is not allowed`);
    if (claims.iss !== this.options.issuer)
      throw new TokenRefusedError('wrong-issuer', `the issuer ${quoted(claims.iss)} is not trusted`);
    if (typeof jose.kid !== 'string')
      throw new TokenRefusedError('untrusted-signature', 'the header names no signing key');

    const key = await this.options.keys.find(jose.kid);
    if (!key)
      throw new TokenRefusedError('untrusted-signature', `no published signing key is named ${quoted(jose.kid)}`);
    const signed = Buffer.from(`${encodedHeader}.${encodedPayload}`);
    if (!verifySignature(hash, signed, key.key, Buffer.from(encodedSignature, 'base64url'))) {
      throw new TokenRefusedError('untrusted-signature', `the signature does not match signing key ${quoted(key.kid)}`);
    }
    if (key.endorsements?.length && !key.endorsements.includes(subject.channelId ?? '')) {
      const channel = quoted(subject.channelId);
      throw new TokenRefusedError(
        'untrusted-signature',
        `signing key ${quoted(key.kid)} is not endorsed for channel ${channel}`,
      );
    }

    const now = this.options.now() / 1000;
    if (typeof claims.exp !== 'number') throw new TokenRefusedError('expired-token', 'the token has no expiry');
    if (now > claims.exp + this.toleranceSeconds) {
      throw new TokenRefusedError('expired-token', `the token expired at ${instant(claims.exp)}`);
    }
    if (typeof claims.nbf === 'number' && now + this.toleranceSeconds < claims.nbf) {
      throw new TokenRefusedError('expired-token', `the token is valid only from ${instant(claims.nbf)}`);
    }
    if (claims.aud !== this.options.appId) {
      throw new TokenRefusedError('wrong-audience', `the audience ${quoted(claims.aud)} is not this bot's app id`);
    }
    if (claims.serviceurl !== subject.serviceUrl) {
      const serviceUrls = `${quoted(claims.serviceurl)} is not the activity's ${quoted(subject.serviceUrl)}`;
      throw new TokenRefusedError('wrong-audience', `the token's service URL ${serviceUrls}`);
    }
    return claims;
  }
}

/** A decoded header or payload; anything but a JSON object is a malformed token. */
function jsonPart(encoded: string, what: string): Record<string, unknown> {
  try {
    const json: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    if (json && typeof json === 'object' && !Array.isArray(json)) return json as Record<string, unknown>;
  } catch {
    // refused below
  }
  throw new TokenRefusedError('malformed-token', `the ${what} is not a JSON object`);
}

/** A value from the token, short and on one line, for the log. */
function quoted(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function instant(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? String(seconds) : date.toISOString();
}
