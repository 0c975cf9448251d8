import type { DateTime, DurationLike } from 'luxon';
import { NOW } from './fixtures';

/** A clock moved by hand, shared by whatever should agree on "now" (e.g. a simulator and a client). */
export class MovableClock {
  constructor(public now: DateTime = NOW) {}
  readonly read = () => this.now;
  advance(duration: DurationLike): void {
    this.now = this.now.plus(duration);
  }
}
