import type { DateTime } from 'luxon';
import { cardAttachment } from '../../cards/render';
import { resolveChannel, type ChannelLink, type Region } from '../domain/routing';
import {
  retryTime,
  type OutboxRepository,
  type OutboxTask,
  type ChannelLinkRepository,
  type ConversationRepository,
  ConflictError,
  type ReferralRepository,
  type StoredReferral,
  type DirectCard,
  type DirectCardRepository,
} from '../store';
import type { CatalogSolution } from '../domain/solutions';
import type { Strings } from '../strings/en';
import type { Logger } from '../log';
import type { ReferralRecord } from '../domain/referral';
import type { AdaptiveCard } from '../../cards/render';
import { BackgroundDrain } from '../jobs/backgroundDrain';
import { workOnClaimed } from '../jobs/claimedTask';
import type { Repeat } from '../jobs/heartbeat';
import { DeliveryError, type Messenger } from './messenger';
import { referralCard } from './views/referral/referralCardView';

export interface CardSyncDeps {
  referrals: ReferralRepository;
  outbox: OutboxRepository;
  links: ChannelLinkRepository;
  conversations: ConversationRepository;
  messenger: Messenger;
  regions: readonly Region[];
  solutions: readonly CatalogSolution[];
  strings: Strings;
  clock: () => DateTime;
  log: Logger;
  /**
   * Stores what follows a change of the referral (its plan of due work, its index rows).
   * Every change is followed by a task here, so doing it again here completes a change whose
   * own follow-up a crash cut short.
   */
  followUp: (record: ReferralRecord) => Promise<void>;
  directCards: DirectCardRepository;
  /** A referral's card as the viewer of a card in their 1:1 chat sees it. */
  directCardOf: (record: ReferralRecord, card: DirectCard) => Promise<AdaptiveCard>;
  /** How long a claimed task is reserved for one worker without renewal (OUTBOX_CLAIM_MS); renewed while it works. */
  leaseMs?: number;
  /** The timer renewing claims (defaults to a real interval). */
  repeat?: Repeat;
  /** Wait before retrying a failed post: grows with the attempts, up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
}

/** A task whose referral is not stored yet is given this long before it is dropped. */
const ORPHAN_GRACE_MS = 10 * 60_000;

/**
 * Keeps each referral's channel card in step with the stored referral: posts it once a
 * channel is linked for its country, updates it after every change, and retries failed
 * calls from the durable outbox (on a timer and at start-up). A card Teams took without an
 * activity id counts as posted but is not updated: later changes post nothing to its
 * channel (the card shows what it showed when posted), and their tasks are done at once.
 * The referral's cards in people's 1:1 chats follow along. It also makes sure what follows
 * each change (its plan, its index rows) was stored.
 */
export class CardSync extends BackgroundDrain {
  /** Referrals whose change is stored, their held tasks to fall due at the next pass. */
  private readonly released = new Set<string>();

  constructor(private readonly deps: CardSyncDeps) {
    super(deps.log, 'card sync');
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

  /** Re-queues the referrals that were waiting for a channel link. */
  async releaseUnrouted(): Promise<number> {
    const parked = await this.deps.outbox.unrouted();
    for (const task of parked) await this.deps.outbox.enqueue(task.referralId, this.nowIso());
    if (parked.length > 0) this.kick();
    return parked.length;
  }

  protected async drainOnce(): Promise<void> {
    await this.dueReleased();
    // Read once per pass, not once per card: a batch of referrals posts many cards at a time.
    let links: Promise<ChannelLink[]> | undefined;
    const currentLinks = () => (links ??= this.deps.links.list());
    const claim = { clock: this.deps.clock, claimMs: this.deps.leaseMs, repeat: this.deps.repeat };
    for (const task of await this.deps.outbox.due(this.nowIso())) {
      await workOnClaimed(this.deps.outbox, task, claim, (claimed) =>
        this.sync(claimed, currentLinks).catch(async (error: unknown) => {
          this.deps.log.error(`card of referral ${task.referralId} not synced`, error);
          const reason = String((error as Error)?.message ?? error);
          // Teams refused for good (bot removed, conversation gone): retrying cannot help, so the
          // card waits like an unrouted one, until a channel is linked again.
          if (error instanceof DeliveryError && error.permanent) await this.deps.outbox.park(claimed, reason);
          else await this.deps.outbox.retryLater(claimed, this.retryAt(claimed), reason);
        }),
      );
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

  private async sync(task: OutboxTask, links: () => Promise<ChannelLink[]>): Promise<void> {
    const stored = await this.deps.referrals.get(task.referralId);
    if (!stored) {
      const age = this.deps.clock().toMillis() - Date.parse(task.enqueuedAt);
      if (age > ORPHAN_GRACE_MS) await this.deps.outbox.complete(task);
      else
        await this.deps.outbox.retryLater(
          task,
          this.deps.clock().plus({ seconds: 5 }).toUTC().toISO()!,
          'referral not stored yet',
        );
      return;
    }
    await this.deps.followUp(stored.record);
    await this.updateDirectCards(stored, task.refresh);
    if (stored.card) {
      // A card Teams took without an id cannot be updated: it stays as posted, and nothing else
      // is posted in its place, so no channel ever shows a referral twice.
      const { activityId } = stored.card;
      if (activityId && (task.refresh || stored.card.revision !== stored.record.desk.revision))
        await this.updateCard(stored, activityId);
      await this.deps.outbox.complete(task);
      return;
    }
    const link = resolveChannel(
      stored.record.referral.customerProfile.address.country,
      await links(),
      this.deps.regions,
    );
    const reference = link && (await this.deps.conversations.get('channel', link.channel.conversationId));
    if (!reference) {
      await this.deps.outbox.park(task);
      return;
    }
    // Taken without an id, the card is recorded all the same: posted, never posted again, not updated.
    const activityId = await this.deps.messenger.send(reference, this.cardActivity(stored));
    await this.recordCard(stored, {
      conversationId: link.channel.conversationId,
      ...(activityId ? { activityId } : {}),
      revision: stored.record.desk.revision,
    });
    await this.deps.outbox.complete(task);
  }

  /**
   * Brings the referral's cards in people's 1:1 chats up to date, each as its viewer sees it.
   * One Teams will not update any more (message or chat gone) is no longer kept in step.
   */
  private async updateDirectCards(stored: StoredReferral, refresh: boolean): Promise<void> {
    const { revision } = stored.record.desk;
    for (const card of await this.deps.directCards.list(stored.record.referral.id)) {
      if (!refresh && card.revision === revision) continue;
      const reference = await this.deps.conversations.get('personal', card.chatId);
      try {
        if (!reference) throw new DeliveryError(`no conversation reference for ${card.chatId}`, undefined, true);
        const content = await this.deps.directCardOf(stored.record, card);
        await this.deps.messenger.update(reference, card.activityId, {
          type: 'message',
          text: card.text,
          attachments: [cardAttachment(content)],
        });
        await this.deps.directCards.shown(card, revision);
      } catch (error) {
        if (!(error instanceof DeliveryError && error.permanent)) throw error;
        this.deps.log.error(
          `card of referral ${card.referralId} in chat ${card.chatId} is no longer kept in step`,
          error,
        );
        await this.deps.directCards.forget(card);
      }
    }
  }

  private async updateCard(stored: StoredReferral, activityId: string): Promise<void> {
    const card = stored.card!;
    const reference = await this.deps.conversations.get('channel', card.conversationId);
    if (!reference) throw new DeliveryError(`no conversation reference for ${card.conversationId}`, undefined, true);
    await this.deps.messenger.update(reference, activityId, this.cardActivity(stored));
    await this.recordCard(stored, { ...card, revision: stored.record.desk.revision });
  }

  /** Saves where the card is; a concurrent change re-reads and saves again (the change re-queued the task). */
  private async recordCard(stored: StoredReferral, card: NonNullable<StoredReferral['card']>): Promise<void> {
    let current: StoredReferral | null = stored;
    for (let attempt = 0; attempt < 5 && current; attempt++) {
      try {
        await this.deps.referrals.saveCard(current, {
          ...card,
          revision: Math.min(card.revision, current.record.desk.revision),
        });
        return;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        current = await this.deps.referrals.get(stored.record.referral.id);
      }
    }
    throw new ConflictError(`Card of referral ${stored.record.referral.id}`);
  }

  private cardActivity(stored: StoredReferral) {
    const card = referralCard(stored.record, this.deps.clock(), this.deps.strings, { solutions: this.deps.solutions });
    return { type: 'message', attachments: [cardAttachment(card)] };
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
