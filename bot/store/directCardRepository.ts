import { odata, type TableClient } from '@azure/data-tables';
import type { Actor } from '../domain/referral';
import { encodeKey, deleteIfPresent } from './tables';

/** A referral's card the bot sent (or answered with) in someone's 1:1 chat, kept in step with the referral. */
export interface DirectCard {
  referralId: string;
  chatId: string;
  activityId: string;
  /** Whose card it is: it shows what they may do. */
  viewer: Actor;
  /** The message's text, kept when the card is replaced. */
  text: string;
  /** Sent as a reminder: it keeps offering Snooze while there is something to snooze. */
  reminder: boolean;
  /** The referral revision it shows. */
  revision: number;
}

interface DirectCardEntity {
  partitionKey: string;
  rowKey: string;
  chatId: string;
  activityId: string;
  viewer: string;
  text: string;
  reminder: boolean;
  revision: number;
}

/** The direct cards of each referral: one partition per referral, one row per message. */
export class DirectCardRepository {
  constructor(private readonly table: TableClient) {}

  /**
   * Records a card shown in a chat; a card already recorded keeps its text unless a new one is
   * given. A card Teams took without an activity id cannot be updated, so nothing is recorded:
   * it stays as sent.
   */
  async track(card: Omit<DirectCard, 'activityId'> & { activityId: string | undefined }): Promise<void> {
    const { activityId } = card;
    if (!activityId) return;
    const { text, ...rest } = toEntity({ ...card, activityId });
    await this.table.upsertEntity(text ? { ...rest, text } : rest, 'Merge');
  }

  /** The referral's direct cards (a few per person it reminded or told: nothing grows without bound). */
  async list(referralId: string): Promise<DirectCard[]> {
    const cards: DirectCard[] = [];
    for await (const row of this.table.listEntities<DirectCardEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${encodeKey(referralId)}` },
    })) {
      cards.push({
        referralId,
        chatId: row.chatId,
        activityId: row.activityId,
        viewer: JSON.parse(row.viewer) as Actor,
        text: row.text ?? '',
        reminder: row.reminder === true,
        revision: row.revision,
      });
    }
    return cards;
  }

  /** Records that the card now shows `revision`. */
  async shown(card: DirectCard, revision: number): Promise<void> {
    await this.table.upsertEntity(
      { partitionKey: encodeKey(card.referralId), rowKey: rowKey(card), revision },
      'Merge',
    );
  }

  /** Stops keeping a card in step (the message is gone, or the bot may no longer write there). */
  async forget(card: DirectCard): Promise<void> {
    await deleteIfPresent(this.table, encodeKey(card.referralId), rowKey(card));
  }
}

function rowKey(card: Pick<DirectCard, 'chatId' | 'activityId'>): string {
  return encodeKey(`${card.chatId}|${card.activityId}`);
}

function toEntity(card: DirectCard): DirectCardEntity {
  return {
    partitionKey: encodeKey(card.referralId),
    rowKey: rowKey(card),
    chatId: card.chatId,
    activityId: card.activityId,
    viewer: JSON.stringify(card.viewer),
    text: card.text,
    reminder: card.reminder,
    revision: card.revision,
  };
}
