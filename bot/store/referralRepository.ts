import { odata, type TableClient, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import type { HistoryEvent } from '../domain/history';
import type { DeskState, Referral, ReferralRecord } from '../domain/referral';
import { ConflictError, isStatus } from './errors';
import { HISTORY_ROW_END, HISTORY_ROW_PREFIX, REFERRAL_ROW, historyRowKey } from './tables';

/** Where a referral's card was posted. */
export interface CardLocation {
  conversationId: string;
  activityId: string;
  /** The referral revision the posted card shows. */
  revision: number;
}

/** A referral as read from the store, with what is needed to write it back safely. */
export interface StoredReferral {
  record: ReferralRecord;
  etag: string;
  card?: CardLocation;
}

/** A property holds at most 64 KiB (32 Ki UTF-16 characters): long JSON is split. */
const CHUNK_CHARS = 30_000;
const MAX_CHUNKS = 15;
/** The largest referral JSON an entity can hold. */
export const MAX_REFERRAL_JSON_CHARS = CHUNK_CHARS * MAX_CHUNKS;

type ReferralEntity = {
  partitionKey: string;
  rowKey: string;
  revision: number;
  country: string;
  status: string;
  substatus: string;
  updatedDateTime: string;
  desk: string;
  chunks: number;
  cardConversationId?: string;
  cardActivityId?: string;
  cardRevision?: number;
  [chunk: `json${number}`]: string;
};

/**
 * Referrals and their history. A referral's partition holds its record and one row per
 * history event, so a change and its event are written in one transaction.
 */
export class ReferralRepository {
  constructor(private readonly table: TableClient) {}

  async get(id: string): Promise<StoredReferral | null> {
    try {
      const entity = await this.table.getEntity<ReferralEntity>(id, REFERRAL_ROW);
      return fromEntity(entity);
    } catch (error) {
      if (isStatus(error, 404)) return null;
      throw error;
    }
  }

  /** Stores a new referral with its arrival event; `false` when the id is already stored. */
  async create(record: ReferralRecord, event: HistoryEvent): Promise<boolean> {
    try {
      await this.table.submitTransaction([['create', toEntity(record)], ['create', eventEntity(event)]]);
      return true;
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
  }

  /**
   * Replaces a stored referral with a changed one and adds the change's event, atomically,
   * if nobody changed it since it was read. Throws ConflictError otherwise.
   */
  async save(previous: StoredReferral, record: ReferralRecord, event: HistoryEvent): Promise<StoredReferral> {
    const entity = { ...toEntity(record), ...cardFields(previous.card) };
    const actions: TransactionAction[] = [
      ['update', entity, 'Replace', { etag: previous.etag }],
      ['create', eventEntity(event)],
    ];
    try {
      const result = await this.table.submitTransaction(actions);
      const etag = result.subResponses[0]?.etag ?? '';
      return { record, etag, card: previous.card };
    } catch (error) {
      if (isStatus(error, 409, 412)) throw new ConflictError(`Referral ${record.referral.id}`);
      throw error;
    }
  }

  /** Records where the referral's card is and which revision it shows. */
  async saveCard(previous: StoredReferral, card: CardLocation): Promise<StoredReferral> {
    const id = previous.record.referral.id;
    try {
      const result = await this.table.updateEntity(
        { partitionKey: id, rowKey: REFERRAL_ROW, ...cardFields(card) },
        'Merge',
        { etag: previous.etag },
      );
      return { ...previous, etag: result.etag ?? '', card };
    } catch (error) {
      if (isStatus(error, 412)) throw new ConflictError(`Referral ${id}`);
      throw error;
    }
  }

  /** The referral's history, oldest first. */
  async history(id: string): Promise<HistoryEvent[]> {
    const rows = this.table.listEntities<{ event: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${id} and RowKey ge ${HISTORY_ROW_PREFIX} and RowKey lt ${HISTORY_ROW_END}` },
    });
    // Row keys carry the zero-padded revision, so the service returns them oldest first.
    const events: HistoryEvent[] = [];
    for await (const row of rows) events.push(JSON.parse(row.event) as HistoryEvent);
    return events;
  }
}

function toEntity(record: ReferralRecord): ReferralEntity {
  const json = JSON.stringify(record.referral);
  if (json.length > MAX_REFERRAL_JSON_CHARS) throw new RangeError(`Referral ${record.referral.id} is too large to store`);
  const entity: ReferralEntity = {
    partitionKey: record.referral.id,
    rowKey: REFERRAL_ROW,
    revision: record.desk.revision,
    country: record.referral.customerProfile.address.country,
    status: record.referral.status,
    substatus: record.referral.substatus,
    updatedDateTime: record.referral.updatedDateTime,
    desk: JSON.stringify(record.desk),
    chunks: Math.max(1, Math.ceil(json.length / CHUNK_CHARS)),
  };
  for (let i = 0; i < entity.chunks; i++) entity[`json${i}`] = json.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS);
  return entity;
}

function fromEntity(entity: TableEntityResult<ReferralEntity>): StoredReferral {
  let json = '';
  for (let i = 0; i < entity.chunks; i++) json += entity[`json${i}`];
  const card =
    entity.cardActivityId && entity.cardConversationId
      ? { conversationId: entity.cardConversationId, activityId: entity.cardActivityId, revision: entity.cardRevision ?? 0 }
      : undefined;
  return {
    record: { referral: JSON.parse(json) as Referral, desk: JSON.parse(entity.desk) as DeskState },
    etag: entity.etag,
    card,
  };
}

function cardFields(card: CardLocation | undefined): Partial<ReferralEntity> {
  if (!card) return {};
  return { cardConversationId: card.conversationId, cardActivityId: card.activityId, cardRevision: card.revision };
}

function eventEntity(event: HistoryEvent) {
  return { partitionKey: event.referralId, rowKey: historyRowKey(event.revision), at: event.at, action: event.action, event: JSON.stringify(event) };
}
