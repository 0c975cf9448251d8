import type { Logger } from '../log';

/**
 * What clicks leave to do once they are answered: card tasks to let go, what an activity
 * taught about its sender. Each runs from the next turn of the event loop, once the answer
 * is on its way, so the answer waits for none of its storage calls; a failure is logged.
 */
export class AfterAnswers {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly log: Pick<Logger, 'error'>) {}

  /** Runs `work` after the answer; `failure` says what a failure leaves, in the log. */
  run(work: () => Promise<void>, failure: string): void {
    const done = nextTurn()
      .then(work)
      .catch((error: unknown) => this.log.error(failure, error));
    this.running.add(done);
    void done.finally(() => this.running.delete(done));
  }

  /** Resolves once everything left to do so far is done (for shutdown and tests). */
  async whenIdle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}

/** Resolves on the next turn of the event loop: once an answer being sent now is on its way. */
export function nextTurn(): Promise<void> {
  return new Promise((next) => setImmediate(next));
}
