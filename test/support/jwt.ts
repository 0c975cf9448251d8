import { createHmac, sign, type KeyObject } from 'node:crypto';

const part = (json: object) => Buffer.from(JSON.stringify(json)).toString('base64url');

/** A JSON Web Token signed with RS256 by `privateKey`. */
export function rs256Token(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  privateKey: KeyObject,
): string {
  const input = `${part({ typ: 'JWT', ...header, alg: 'RS256' })}.${part(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

/** A JSON Web Token signed with HS256 keyed by `secret` (what a forger holding the app password could make). */
export function hs256Token(header: Record<string, unknown>, claims: Record<string, unknown>, secret: string): string {
  const input = `${part({ typ: 'JWT', ...header, alg: 'HS256' })}.${part(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}
