import type { DateTime } from 'luxon';
import { BackgroundDrain } from '../jobs/backgroundDrain';
import type { Logger } from '../log';
import type { DeliveryUndo, ReferralWrites } from '../referrals';
import type { OutboxRepository, ReferralRepository } from '../store';

/** What taking deliveries back needs: the repositories a delivery writes to before it stands, the clock and the log. */
export interface UnfinishedDeliveriesDeps {
  referrals: ReferralRepository;
  outbox: OutboxRepository;
  clock: () => DateTime;
  log: Logger;
}

/**
 * Takes back what a delivery wrote when it could not be stored whole, so that none stays
 * half stored. A delivery writes only two things before it stands: each referral's row with
 * its history event (one transaction) and the referral's card task, held so that no worker
 * acts on it yet; its plan, index rows and write-back come only once every referral is stored.
 * So taking a delivery back means, for each referral, latest first: the referral put back as
 * it was, or removed if it was new, unless someone changed it since (see
 * ReferralRepository.takeBack); then the held task removed if the delivery made it, or
 * released if it was there before.
 *
 * Storage that fails the delivery often fails the taking back too: what is left is kept here
 * and taken back by later passes (on a timer, and before any delivery is stored, so a delivery
 * sent again never meets half of the one before); meanwhile the held tasks keep workers away.
 * What is kept here is lost with the process: after a crash, the referrals stored so far stay,
 * their tasks fall due when their hold runs out, and the sender's next delivery completes them.
 */
export class UnfinishedDeliveries extends BackgroundDrain implements DeliveryUndo {
  private pending: (readonly ReferralWrites[])[] = [];
  /** Why the last try failed: what `settle` throws while something is left. */
  private lastFailure: unknown;

  constructor(private readonly deps: UnfinishedDeliveriesDeps) {
    super(deps.log, 'taking back unfinished deliveries');
  }

  /** Takes back what a delivery wrote, now; what storage does not let it take back yet is kept for later passes. Never throws. */
  async takeBack(writes: readonly ReferralWrites[]): Promise<void> {
    try {
      await this.undo(writes);
    } catch (error) {
      this.lastFailure = error;
      this.pending.push(writes);
      const left = writes.filter(isLeft).map((write) => write.referralId);
      this.deps.log.error(
        `an unfinished delivery is taken back once storage answers (referrals ${left.join(', ')})`,
        error,
      );
    }
  }

  /** Takes back what is still kept, before anything else is stored; throws storage's error when some of it cannot be taken back yet. */
  async settle(): Promise<void> {
    if (this.pending.length === 0) return;
    this.kick();
    await this.whenIdle();
    if (this.pending.length > 0) throw this.lastFailure;
  }

  protected async drainOnce(): Promise<void> {
    for (const writes of [...this.pending]) {
      try {
        await this.undo(writes);
      } catch (error) {
        this.lastFailure = error;
        throw error;
      }
      this.pending = this.pending.filter((kept) => kept !== writes);
      this.deps.log.info(
        `took back an unfinished delivery (referrals ${writes.map((write) => write.referralId).join(', ')})`,
      );
    }
  }

  /** Takes back each referral's writes, latest first; what is done is forgotten, so a failed try goes on where it stopped. */
  private async undo(writes: readonly ReferralWrites[]): Promise<void> {
    for (const write of [...writes].reverse()) {
      if (write.change) {
        const outcome = await this.deps.referrals.takeBack(write.change);
        if (outcome === 'changedSince') {
          this.deps.log.info(
            `referral ${write.referralId} changed after a delivery that was not stored; kept as it is now`,
          );
        }
        write.change = undefined;
      }
      if (write.task) {
        if (write.task.created) await this.deps.outbox.dropHeld(write.task);
        else await this.deps.outbox.enqueue(write.referralId, this.deps.clock().toUTC().toISO()!);
        write.task = undefined;
      }
    }
  }
}

function isLeft(write: ReferralWrites): boolean {
  return write.change !== undefined || write.task !== undefined;
}
