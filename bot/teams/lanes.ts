/**
 * Work queued in lanes, one per key (a conversation): the items of a lane are worked one
 * after another, in the order they were added; lanes are worked side by side, so one waiting
 * (for its conversation's rate limit) holds up no other. `work` must not throw: it reports
 * its own failures.
 */
export class Lanes<T> {
  private readonly lanes = new Map<string, { items: T[]; running: Promise<void> }>();

  constructor(private readonly work: (item: T) => Promise<void>) {}

  /** Queues `item` at the end of the lane of `key`, starting the lane when it was empty. */
  add(key: string, item: T): void {
    const lane = this.lanes.get(key);
    if (lane) return void lane.items.push(item);
    const started = { items: [item], running: Promise.resolve() };
    this.lanes.set(key, started);
    started.running = this.run(key, started.items);
  }

  /** Whether any lane has work queued or running. */
  get busy(): boolean {
    return this.lanes.size > 0;
  }

  /** Takes the items not started yet out of every lane (the running ones finish); returns them. */
  clear(): T[] {
    return [...this.lanes.values()].flatMap((lane) => lane.items.splice(0));
  }

  /** Resolves once every lane is empty, including lanes started meanwhile. */
  async whenIdle(): Promise<void> {
    while (this.lanes.size > 0) await Promise.all([...this.lanes.values()].map((lane) => lane.running));
  }

  private async run(key: string, items: T[]): Promise<void> {
    for (let item = items.shift(); item !== undefined; item = items.shift()) await this.work(item);
    this.lanes.delete(key);
  }
}
