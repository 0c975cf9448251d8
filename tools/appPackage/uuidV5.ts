import { createHash } from 'node:crypto';

/** A GUID in its usual text form, in either case. */
export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A name-based UUID (version 5, RFC 9562): the same name in the same namespace always gives
 * the same UUID, and different names give different ones.
 *
 * @param name - The name, hashed as UTF-8.
 * @param namespace - The namespace UUID, in text form.
 * @returns The UUID in lower case.
 * @throws Error if `namespace` is not a GUID.
 */
export function uuidV5(name: string, namespace: string): string {
  if (!GUID_PATTERN.test(namespace)) throw new Error(`Not a UUID namespace: ${namespace}`);
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
