/**
 * Sealing the renewed Partner Center refresh token for table storage: AES-256-GCM under
 * PARTNER_CENTER_TOKEN_KEY, a fresh random IV for every seal, and the key's fingerprint beside
 * the ciphertext so a token sealed under another key is recognised as such rather than
 * mistaken for a tampered one. `context` is authenticated with the ciphertext (GCM's additional
 * data): a sealed token opens only with the context it was sealed with, so it cannot be moved
 * to another row or paired with another origin unnoticed.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** What the setting must hold: 32 bytes (256 bits), base64. */
export const TOKEN_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A token as kept: every part base64, and the fingerprint of the key that sealed it. */
export interface SealedToken {
  keyId: string;
  iv: string;
  ciphertext: string;
  tag: string;
}

/** Why a sealed token did not open: sealed under another key, or changed since it was sealed. */
export type OpenFailure = 'otherKey' | 'tampered';

/** SHA-256 of `text`, hex: names a secret without revealing it. */
export function fingerprintOf(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The key that seals refresh tokens. The key bytes are a private field: printing, logging or
 * serialising the object shows its fingerprint only.
 */
export class TokenKey {
  /** The key's fingerprint (16 hex digits of a SHA-256 of it), stored beside what it sealed. */
  readonly id: string;
  readonly #bytes: Buffer;

  constructor(bytes: Buffer) {
    if (bytes.length !== TOKEN_KEY_BYTES) {
      throw new Error(`A token key is ${TOKEN_KEY_BYTES} bytes, not ${bytes.length}`);
    }
    this.#bytes = Buffer.from(bytes);
    const label = Buffer.from('referral-desk token key\n');
    this.id = fingerprintOf(Buffer.concat([label, this.#bytes])).slice(0, 16);
  }

  /** `token` encrypted and authenticated together with `context`; `iv` is random unless a test fixes it. */
  seal(token: string, context: string, iv: Buffer = randomBytes(IV_BYTES)): SealedToken {
    const cipher = createCipheriv('aes-256-gcm', this.#bytes, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
    return {
      keyId: this.id,
      iv: iv.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    };
  }

  /** The token `sealed` holds, when this key sealed it with `context` and nothing of it changed since. */
  open(sealed: SealedToken, context: string): { token: string } | { failure: OpenFailure } {
    if (sealed.keyId !== this.id) return { failure: 'otherKey' };
    const iv = Buffer.from(sealed.iv, 'base64');
    const tag = Buffer.from(sealed.tag, 'base64');
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return { failure: 'tampered' };
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#bytes, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tag);
      const plain = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
      return { token: plain.toString('utf8') };
    } catch {
      // GCM refuses a ciphertext, IV, tag or context that is not what was sealed.
      return { failure: 'tampered' };
    }
  }

  toJSON(): { id: string } {
    return { id: this.id };
  }
}

/**
 * Reads PARTNER_CENTER_TOKEN_KEY: 32 bytes in base64 (standard or URL-safe alphabet, padding
 * optional). The problem never quotes the value: it is a secret.
 */
export function tokenKeyFrom(text: string): TokenKey | { problem: string } {
  const value = text.trim();
  const how = `must be ${TOKEN_KEY_BYTES} random bytes in base64 (44 characters)`;
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
    return { problem: `${how}; it is not base64 (letters, digits, + and /, with = only at the end)` };
  }
  const standard = value.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Buffer.from(standard, 'base64');
  // Node skips what it cannot decode: re-encoding tells a truncated or padded value from a whole one.
  if (bytes.toString('base64').replace(/=+$/, '') !== standard.replace(/=+$/, '')) {
    return { problem: `${how}; it is not well-formed base64` };
  }
  if (bytes.length !== TOKEN_KEY_BYTES) return { problem: `${how}; it decodes to ${bytes.length} bytes` };
  return new TokenKey(bytes);
}
