import { cardAttachment } from '../../cards/render';
import { resolveChannel, type ChannelLink } from '../domain/routing';
import { ConflictError, type OutboxTask, type StoredReferral } from '../store';
import type { CardSyncDeps } from './cardSyncDeps';
import { DeliveryError } from './messenger';
import { referralCard } from './views/referral/referralCardView';
import { servicesInChannel } from '../languages';

/** A task whose referral is not stored yet is given this long before it is dropped. */
const ORPHAN_GRACE_MS = 10 * 60_000;

/**
 * The work of one card task: the referral's follow-up made sure of, its channel card posted
 * (or parked until a channel is linked) or updated, its cards in 1:1 chats brought along.
 */
export class ReferralCards {
  constructor(private readonly deps: CardSyncDeps) {}

  /** Syncs the cards of the task's referral (claimed by the caller), and completes or parks the task. */
  async sync(task: OutboxTask, links: () => Promise<ChannelLink[]>): Promise<void> {
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
    const activityId = await this.deps.messenger.send(
      reference,
      await this.cardActivity(stored, link.channel.conversationId),
    );
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
    await this.deps.messenger.update(reference, activityId, await this.cardActivity(stored, card.conversationId));
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

  /** The referral's card as the channel reads it: in the channel's own language, else the desk's. */
  private async cardActivity(stored: StoredReferral, channelId: string) {
    const { strings } = await servicesInChannel(this.deps, channelId);
    const card = referralCard(stored.record, this.deps.clock(), strings, { solutions: this.deps.solutions });
    return { type: 'message', attachments: [cardAttachment(card)] };
  }
}
