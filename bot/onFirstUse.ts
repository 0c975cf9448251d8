/**
 * A value built at its first use, and kept: what the desk's start leaves out because its first
 * requests do not need it, so that the desk listens and says ok on /healthz sooner. Building it
 * may load modules (`require`).
 */
export class OnFirstUse<T> {
  private value: T | undefined;

  constructor(private readonly build: () => T) {}

  /** The value, built now if nothing used it yet. */
  get(): T {
    this.value ??= this.build();
    return this.value;
  }

  /** The value if something used it already; undefined otherwise (and nothing is built). */
  get built(): T | undefined {
    return this.value;
  }
}
