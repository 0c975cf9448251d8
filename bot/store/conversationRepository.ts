import { odata, type TableClient } from '@azure/data-tables';
import type { ConversationReference } from 'botbuilder';
import { isStatus } from './errors';
import { decodeKey, encodeKey, deleteIfPresent } from './tables';

/** A team the bot is installed in, a channel it posts to, or a user's personal chat. */
export type ConversationKind = 'team' | 'channel' | 'personal';

interface ConversationEntity {
  partitionKey: ConversationKind;
  rowKey: string;
  reference: string;
  serviceUrl: string;
  /** Who installed the desk in a team (actor id), for `team` rows. */
  installedBy?: string;
}

/** A team the desk is installed in. */
export interface InstalledTeam {
  teamId: string;
  reference: Partial<ConversationReference>;
  /** The actor id of whoever installed the desk there, when known. */
  installedBy?: string;
}

/**
 * Conversation references, so proactive messages survive restarts. Keyed by kind and
 * conversation id; the service URL is refreshed whenever an activity brings a new one.
 */
export class ConversationRepository {
  constructor(private readonly table: TableClient) {}

  async get(kind: ConversationKind, conversationId: string): Promise<Partial<ConversationReference> | null> {
    try {
      return referenceOf(await this.table.getEntity<ConversationEntity>(kind, encodeKey(conversationId)));
    } catch (error) {
      if (isStatus(error, 404)) return null;
      throw error;
    }
  }

  /** Stores a reference the first time; `false` when it was already known (then nothing is written). */
  async addIfNew(
    kind: ConversationKind,
    conversationId: string,
    reference: Partial<ConversationReference>,
    installedBy?: string,
  ): Promise<boolean> {
    try {
      await this.table.createEntity({
        ...toEntity(kind, conversationId, reference),
        ...(installedBy ? { installedBy } : {}),
      });
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

  /** The team, when the desk is installed in it. */
  async team(teamId: string): Promise<InstalledTeam | null> {
    try {
      return installedTeam(await this.table.getEntity<ConversationEntity>('team', encodeKey(teamId)));
    } catch (error) {
      if (isStatus(error, 404)) return null;
      throw error;
    }
  }

  /** Every team the desk is installed in. */
  async teams(): Promise<InstalledTeam[]> {
    const teams: InstalledTeam[] = [];
    for await (const entity of this.table.listEntities<ConversationEntity>({
      queryOptions: { filter: odata`PartitionKey eq 'team'` },
    })) {
      teams.push(installedTeam(entity));
    }
    return teams;
  }

  /** Forgets a reference (a team that removed the desk); nothing happens when it is not stored. */
  async remove(kind: ConversationKind, conversationId: string): Promise<void> {
    await deleteIfPresent(this.table, kind, encodeKey(conversationId));
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

function referenceOf(entity: ConversationEntity): Partial<ConversationReference> {
  return { ...(JSON.parse(entity.reference) as Partial<ConversationReference>), serviceUrl: entity.serviceUrl };
}

function installedTeam(entity: ConversationEntity): InstalledTeam {
  return {
    teamId: decodeKey(entity.rowKey),
    reference: referenceOf(entity),
    installedBy: entity.installedBy || undefined,
  };
}

function toEntity(
  kind: ConversationKind,
  conversationId: string,
  reference: Partial<ConversationReference>,
): ConversationEntity {
  return {
    partitionKey: kind,
    rowKey: encodeKey(conversationId),
    reference: JSON.stringify(reference),
    serviceUrl: reference.serviceUrl ?? '',
  };
}
