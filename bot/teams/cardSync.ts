import { resolveChannel, type ChannelLink } from '../domain/routing';
import { retryTime, type OutboxTask } from '../store';
import { BackgroundDrain } from '../jobs/backgroundDrain';
import { workOnClaimed } from '../jobs/claimedTask';
import type { CardSyncDeps } from './cardSyncDeps';
import { Lanes } from './lanes';
import { DeliveryError } from './messenger';
import { ReferralCards } from './referralCards';

/** How many due tasks are looked at together to find the conversation of their card. */
const LOOKAHEAD = 16;

/** A due task queued in the lane of its card's conversation. */
interface QueuedTask {
  /** As last listed: a later pass brings it up to date while it waits. */
  task: OutboxTask;
  started: boolean;
  /** Listed again while being worked on: it changed meanwhile, so another pass looks at it after. */
  seenAgain: boolean;
}

/**
 * Keeps each referral's channel card in step with the stored referral: posts it once a
 * channel is linked for its country, updates it after every change, and retries failed
 * calls from the durable outbox (on a timer and at start-up). A card Teams took without an
 * activity id counts as posted but is not updated: later changes post nothing to its
 * channel (the card shows what it showed when posted), and their tasks are done at once.
 * The referral's cards in people's 1:1 chats follow along. It also makes sure what follows
 * each change (its plan, its index rows) was stored.
 *
 * Due tasks are worked in one lane per conversation of their card, in the order they fell
 * due: cards reach each channel in order, and all channels at once, each as fast as Teams'
 * limits let it (the Messenger paces them). A pass lists what is due and queues what is new;
 * the lanes outlive it. Each task is claimed only when its turn comes.
 */
export class CardSync extends BackgroundDrain {
  /** Referrals whose change is stored, their held tasks to fall due at the next pass. */
  private readonly released = new Set<string>();
  private readonly cards: ReferralCards;
  private readonly queued = new Map<string, QueuedTask>();
  private readonly lanes = new Lanes<QueuedTask>((queued) => this.work(queued));
  /** The channel links, read once per pass (a new link asks for a pass). */
  private links: Promise<ChannelLink[]> | undefined;
  private stopping = false;

  constructor(private readonly deps: CardSyncDeps) {
    super(deps.log, 'card sync');
    this.cards = new ReferralCards(deps);
  }

  /** The referral's change is stored: its held card task falls due, and a pass runs it now (see holdCardTask). */
  release(referralId: string): void {
    this.released.add(referralId);
    this.kick();
  }

  /** Records that the referral's card must be updated even though the referral did not change (time moved on), then starts on it. */
  async refresh(referralId: string): Promise<void> {
    await this.deps.outbox.enqueue(referralId, this.nowIso(), { refresh: true });
    this.kick();
  }

  /**
   * Asks for the referrals waiting for a channel link to be queued again, and says how many
   * are waiting. The request is stored before this returns, and done in the background (also
   * after a crash), so whoever asked is answered at once however many are waiting.
   */
  async releaseUnrouted(): Promise<number> {
    const waiting = await this.deps.outbox.releases.request(this.nowIso());
    this.kick();
    return waiting;
  }

  /** Resolves once no pass runs and every queued card is done. */
  override async whenIdle(): Promise<void> {
    for (;;) {
      await super.whenIdle();
      if (!this.lanes.busy) return;
      await this.lanes.whenIdle();
    }
  }

  /** Finishes the cards being sent; those queued behind them stay in the outbox for the next start. */
  override async stop(): Promise<void> {
    this.stopping = true;
    for (const dropped of this.lanes.clear()) this.queued.delete(dropped.task.referralId);
    await super.stop();
  }

  protected async drainOnce(): Promise<void> {
    if (this.stopping) return;
    this.links = undefined;
    await this.releaseWaiting();
    await this.dueReleased();
    const fresh: OutboxTask[] = [];
    for (const task of await this.deps.outbox.due(this.nowIso())) {
      const queued = this.queued.get(task.referralId);
      if (!queued) fresh.push(task);
      else if (queued.started) queued.seenAgain = true;
      else queued.task = task;
    }
    for (let i = 0; i < fresh.length; i += LOOKAHEAD) {
      const tasks = fresh.slice(i, i + LOOKAHEAD);
      const conversations = await Promise.all(tasks.map((task) => this.conversationOf(task)));
      if (this.stopping) return;
      tasks.forEach((task, n) => {
        const queued = { task, started: false, seenAgain: false };
        this.queued.set(task.referralId, queued);
        this.lanes.add(conversations[n], queued);
      });
    }
  }

  /** Makes the released tasks due; one storage does not take now falls due when its hold runs out. */
  private async dueReleased(): Promise<void> {
    const ids = [...this.released];
    this.released.clear();
    const now = this.nowIso();
    await Promise.all(
      ids.map((id) =>
        this.deps.outbox
          .enqueue(id, now)
          .catch((error: unknown) =>
            this.deps.log.error(`card task of referral ${id} falls due when its hold runs out`, error),
          ),
      ),
    );
  }

  /** Queues the tasks waiting for a channel link again, when a release was asked for. */
  private async releaseWaiting(): Promise<void> {
    const { releases } = this.deps.outbox;
    try {
      const request = await releases.pending();
      if (!request) return;
      await releases.requeueWaiting(this.nowIso());
      await releases.done(request);
    } catch (error) {
      // The request stays stored: the next pass does the release.
      this.deps.log.error('referrals waiting for a channel link not queued again yet', error);
    }
  }

  /**
   * The conversation the task's card goes to, as far as can be told before the task is
   * claimed ('' for none): it only picks the task's lane. The work reads everything again.
   */
  private async conversationOf(task: OutboxTask): Promise<string> {
    // A read that fails fails again in the work, which reports it.
    const stored = await this.deps.referrals.get(task.referralId).catch(() => null);
    if (!stored) return '';
    if (stored.card) return stored.card.conversationId;
    const links = await this.currentLinks().catch(() => []);
    const link = resolveChannel(stored.record.referral.customerProfile.address.country, links, this.deps.regions);
    return link?.channel.conversationId ?? '';
  }

  private currentLinks(): Promise<ChannelLink[]> {
    if (this.links) return this.links;
    const read = this.deps.links.list();
    this.links = read;
    read.catch(() => {
      if (this.links === read) this.links = undefined;
    });
    return read;
  }

  /** Claims the task and syncs its card; a failed sync is retried later from the outbox. */
  private async work(queued: QueuedTask): Promise<void> {
    queued.started = true;
    const { task } = queued;
    const claim = { clock: this.deps.clock, claimMs: this.deps.leaseMs, repeat: this.deps.repeat };
    try {
      await workOnClaimed(this.deps.outbox, task, claim, (claimed) =>
        this.cards
          .sync(claimed, () => this.currentLinks())
          .catch(async (error: unknown) => {
            this.deps.log.error(`card of referral ${task.referralId} not synced`, error);
            const reason = String((error as Error)?.message ?? error);
            // Teams refused for good (bot removed, conversation gone): retrying cannot help, so the
            // card waits like an unrouted one, until a channel is linked again.
            if (error instanceof DeliveryError && error.permanent) await this.deps.outbox.park(claimed, reason);
            else await this.deps.outbox.retryLater(claimed, this.retryAt(claimed), reason);
          }),
      );
    } catch (error) {
      this.deps.log.error(`card task of referral ${task.referralId} failed; it stays in the outbox`, error);
    } finally {
      this.queued.delete(task.referralId);
      if (queued.seenAgain) this.kick();
    }
  }

  private retryAt(task: OutboxTask): string {
    return retryTime(
      this.deps.clock(),
      task.attempts,
      this.deps.retryDelayMs ?? 15_000,
      this.deps.maxRetryDelayMs ?? 15 * 60_000,
    );
  }

  private nowIso(): string {
    return this.deps.clock().toUTC().toISO()!;
  }
}
