/**
 * Reads of one row shared by whoever asks for it while it is on its way, and for `keepMs`
 * after: a click's first steps that each need the same row (the user's language, what their
 * activity teaches), and the clicks that follow, cost one storage call, not one each. A write
 * to the row through this process forgets the copy, as the write starts and as it ends, so no
 * caller that comes after a write is answered gets a copy read before it; one through another
 * instance of the desk shows within `keepMs`. A failed read is not kept.
 */
export class KeptReads<V> {
  private readonly kept = new Map<string, { value: Promise<V>; until: number }>();
  /** The last write begun of each key (by its number), so a write knows whether another began after it. */
  private readonly lastWrite = new Map<string, number>();
  private writesBegun = 0;

  /** `now` counts milliseconds for how long a copy is kept (a monotonic clock by default). */
  constructor(
    private readonly keepMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  read(key: string, load: () => Promise<V>): Promise<V> {
    const now = this.now();
    const copy = this.kept.get(key);
    if (copy && now < copy.until) return copy.value;
    const value = load();
    this.keep(key, value, now + this.keepMs);
    if (this.kept.size > MAX_KEPT) this.sweep(now);
    return value;
  }

  /** Keeps `value` for `key` until `until`; should it fail, it is not kept. */
  private keep(key: string, value: Promise<V>, until: number): void {
    const entry = { value, until };
    this.kept.set(key, entry);
    value.catch(() => {
      if (this.kept.get(key) === entry) this.kept.delete(key);
    });
  }

  /**
   * Runs a write of the row under `key`, forgetting any copy of it before and after. With
   * `applied` (what the write does to a row), a copy kept before it is kept on as written,
   * unless another write of the row began meanwhile: the next read needs no storage call.
   */
  async writing<T>(key: string, write: () => Promise<T>, applied?: (row: V) => V): Promise<T> {
    const before = this.kept.get(key);
    const started = ++this.writesBegun;
    this.lastWrite.set(key, started);
    this.kept.delete(key);
    let written = false;
    try {
      const result = await write();
      written = true;
      return result;
    } finally {
      this.kept.delete(key);
      if (this.lastWrite.get(key) === started) {
        this.lastWrite.delete(key);
        if (written && applied && before) this.keep(key, before.value.then(applied), before.until);
      }
    }
  }

  /** Forgets the copies whose time is up, so rows read once are not held for ever. */
  private sweep(now: number): void {
    for (const [key, copy] of this.kept) if (now >= copy.until) this.kept.delete(key);
  }
}

/** Past this many copies, those whose time is up are swept out as the next is read. */
const MAX_KEPT = 1_000;
