import type { Repeat } from '../../bot/jobs/heartbeat';

/** A timer for heartbeats that fires only when the test says so (with the test clock's time). */
export class ManualTimer {
  private readonly actions = new Set<() => Promise<unknown>>();

  readonly repeat: Repeat = (action) => {
    this.actions.add(action);
    return () => this.actions.delete(action);
  };

  /** How many repeating actions are running. */
  get running(): number {
    return this.actions.size;
  }

  /** Fires every running action once, and waits for them. */
  async fire(): Promise<void> {
    await Promise.all([...this.actions].map((action) => action()));
  }
}
