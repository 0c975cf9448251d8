import type { TableClient } from '@azure/data-tables';
import type { ConversationReference } from 'botbuilder';
import { isStatus } from './errors';
import { encodeKey } from './tables';

/** A team the bot is installed in, a channel it posts to, or a user's personal chat. */
export type ConversationKind = 'team' | 'channel' | 'personal';

interface ConversationEntity {
  partitionKey: ConversationKind;
  rowKey: string;
  reference: string;
  serviceUrl: string;
}

/**
 * Conversation references, so proactive messages survive restarts. Keyed by kind and
 * conversation id; the service URL is refreshed whenever an activity brings a new one.
 */
export class ConversationRepository {
  constructor(private readonly table: TableClient) {}

  async get(kind: ConversationKind, conversationId: string): Promise<Partial<ConversationReference> | null> {
    try {
      const entity = await this.table.getEntity<ConversationEntity>(kind, encodeKey(conversationId));
      return { ...(JSON.parse(entity.reference) as Partial<ConversationReference>), serviceUrl: entity.serviceUrl };
    } catch (error) {
      if (isStatus(error, 404)) return null;
      throw error;
    }
  }

  /** Stores a reference the first time; `false` when it was already known (then nothing is written). */
  async addIfNew(kind: ConversationKind, conversationId: string, reference: Partial<ConversationReference>): Promise<boolean> {
    try {
      await this.table.createEntity(toEntity(kind, conversationId, reference));
      return true;
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
  }

  /** Stores or replaces a reference. */
  async put(kind: ConversationKind, conversationId: string, reference: Partial<ConversationReference>): Promise<void> {
    await this.table.upsertEntity(toEntity(kind, conversationId, reference), 'Replace');
  }

  /** Updates the service URL of a stored reference; does nothing when it is not stored. */
  async refreshServiceUrl(kind: ConversationKind, conversationId: string, serviceUrl: string): Promise<void> {
    try {
      await this.table.updateEntity({ partitionKey: kind, rowKey: encodeKey(conversationId), serviceUrl }, 'Merge');
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }
}

function toEntity(kind: ConversationKind, conversationId: string, reference: Partial<ConversationReference>): ConversationEntity {
  return {
    partitionKey: kind,
    rowKey: encodeKey(conversationId),
    reference: JSON.stringify(reference),
    serviceUrl: reference.serviceUrl ?? '',
  };
}
