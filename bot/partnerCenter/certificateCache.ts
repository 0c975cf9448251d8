/** One cached value and when it was stored (milliseconds of the caller's clock). */
export interface CacheEntry<V> {
  value: V;
  storedAt: number;
}

/**
 * A small map whose entries expire `ttlMs` after they were stored and which holds at most
 * `maxEntries` (storing one more drops the oldest). Time is passed in, so that callers with
 * an injected clock get deterministic expiry.
 */
export class ExpiringCache<V> {
  private readonly entries = new Map<string, CacheEntry<V>>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
  ) {
    if (!(maxEntries >= 1) || !(ttlMs >= 0)) throw new RangeError('ExpiringCache needs maxEntries >= 1 and ttlMs >= 0');
  }

  /** The live entry for `key`, if any; an expired one is dropped. */
  get(key: string, now: number): CacheEntry<V> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now - entry.storedAt >= this.ttlMs || now < entry.storedAt) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, value: V, now: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, storedAt: now });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Drops `key`, but only while it still holds `value` (a newer value stays). */
  deleteIf(key: string, value: V): void {
    if (this.entries.get(key)?.value === value) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
