import { odata, type TableClient, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import {
  copyDelta,
  copyFromDelta,
  type CopyDelta,
  type PartnerCenterCopy,
  type PartnerCenterState,
} from '../domain/partnerCenterCopy';
import type { HistoryEvent } from '../domain/history';
import type { DeskState, Referral, ReferralRecord } from '../domain/referral';
import { CHUNK_CHARS, MAX_REFERRAL_JSON_CHARS } from './entityLimits';
import { ConflictError, isStatus } from './errors';
import { HISTORY_ROW_END, HISTORY_ROW_PREFIX, REFERRAL_ROW, historyRowKey } from './tables';

/** Where a referral's card was posted. */
export interface CardLocation {
  conversationId: string;
  /**
   * The card's message; absent when Teams took the card without an id. Such a card counts as
   * posted (it is never posted again) but cannot be updated or replied to.
   */
  activityId?: string;
  /** The referral revision the posted card shows. */
  revision: number;
}

/** A referral as read from the store, with what is needed to write it back safely. */
export interface StoredReferral {
  record: ReferralRecord;
  etag: string;
  card?: CardLocation;
}

/** A change of a referral as it was sent to be stored (`create` or `save`), and the referral it changed (null: it was new). */
export interface ReferralChange {
  record: ReferralRecord;
  event: HistoryEvent | null;
  previous: StoredReferral | null;
}

/** How taking back a change went: taken back; not stored (never made, or taken back before); or changed since, and left as it is. */
export type TakeBackOutcome = 'takenBack' | 'notStored' | 'changedSince';

type ReferralEntity = {
  partitionKey: string;
  rowKey: string;
  revision: number;
  country: string;
  status: string;
  substatus: string;
  updatedDateTime: string;
  /** The desk's state as JSON, or its first part when it is long (see deskChunks). */
  desk: string;
  /** How many parts the desk's JSON has: `desk`, then `desk1`, `desk2`…; absent for one. */
  deskChunks?: number;
  chunks: number;
  cardConversationId?: string;
  cardActivityId?: string;
  cardRevision?: number;
  [chunk: `json${number}`]: string;
  [chunk: `desk${number}`]: string;
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
      await this.table.submitTransaction([
        ['create', toEntity(record)],
        ['create', eventEntity(event)],
      ]);
      return true;
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
  }

  /**
   * Replaces a stored referral with a changed one and adds the change's event, atomically,
   * if nobody changed it since it was read. Throws ConflictError otherwise. A change no
   * one sees in the history (such as Partner Center's new eTag) has no event.
   */
  async save(previous: StoredReferral, record: ReferralRecord, event: HistoryEvent | null): Promise<StoredReferral> {
    const entity = { ...toEntity(record), ...cardFields(previous.card) };
    const actions: TransactionAction[] = [['update', entity, 'Replace', { etag: previous.etag }]];
    if (event) actions.push(['create', eventEntity(event)]);
    try {
      const result = await this.table.submitTransaction(actions);
      const etag = result.subResponses[0]?.etag ?? '';
      return { record, etag, card: previous.card };
    } catch (error) {
      if (isStatus(error, 409, 412)) throw new ConflictError(`Referral ${record.referral.id}`);
      throw error;
    }
  }

  /**
   * Takes back a change sent to be stored, written or perhaps written (its answer was lost),
   * if the stored referral is still exactly that change; a referral someone changed since (an
   * action, its card posted) is left as it is. A changed referral is put back as it was and
   * the change's event removed, in one transaction under the ETag just read. A new one loses
   * its arrival event in a transaction that also checks that ETag, then the referral itself
   * goes under the ETag that leaves (transactions delete without one): cut short in between,
   * a referral without its arrival event remains, never an event that would keep the
   * referral from being delivered again.
   */
  async takeBack(change: ReferralChange): Promise<TakeBackOutcome> {
    const id = change.record.referral.id;
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.get(id);
      if (!current) return change.previous ? 'changedSince' : 'notStored';
      if (!isThatChange(current, change)) return current.etag === change.previous?.etag ? 'notStored' : 'changedSince';
      try {
        await (change.previous
          ? this.putBack(current, change.previous, change.event)
          : this.remove(current, change.event));
        return 'takenBack';
      } catch (error) {
        // Changed between reading and writing: read it again.
        if (!isStatus(error, 412)) throw error;
      }
    }
    throw new ConflictError(`Referral ${id}`);
  }

  private async putBack(current: StoredReferral, previous: StoredReferral, event: HistoryEvent | null): Promise<void> {
    const entity = { ...toEntity(previous.record), ...cardFields(previous.card) };
    const actions: TransactionAction[] = [['update', entity, 'Replace', { etag: current.etag }]];
    if (event)
      actions.push(['delete', { partitionKey: current.record.referral.id, rowKey: historyRowKey(event.revision) }]);
    await this.table.submitTransaction(actions);
  }

  private async remove(current: StoredReferral, event: HistoryEvent | null): Promise<void> {
    const id = current.record.referral.id;
    let etag = current.etag;
    if (event) {
      try {
        const result = await this.table.submitTransaction([
          ['update', { partitionKey: id, rowKey: REFERRAL_ROW }, 'Merge', { etag }],
          ['delete', { partitionKey: id, rowKey: historyRowKey(event.revision) }],
        ]);
        etag = result.subResponses[0]?.etag ?? '';
      } catch (error) {
        // The event is gone already: an earlier try got this far.
        if (!isStatus(error, 404)) throw error;
      }
    }
    try {
      await this.table.deleteEntity(id, REFERRAL_ROW, { etag });
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
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
      queryOptions: {
        filter: odata`PartitionKey eq ${id} and RowKey ge ${HISTORY_ROW_PREFIX} and RowKey lt ${HISTORY_ROW_END}`,
      },
    });
    // Row keys carry the zero-padded revision, so the service returns them oldest first.
    const events: HistoryEvent[] = [];
    for await (const row of rows) events.push(JSON.parse(row.event) as HistoryEvent);
    return events;
  }
}

/** Whether the stored referral is the change as sent: its revision and content, and no card posted since. */
function isThatChange(current: StoredReferral, change: ReferralChange): boolean {
  const card = change.previous?.card;
  return (
    current.record.desk.revision === change.record.desk.revision &&
    JSON.stringify(current.record.referral) === JSON.stringify(change.record.referral) &&
    current.card?.conversationId === card?.conversationId &&
    current.card?.activityId === card?.activityId &&
    current.card?.revision === card?.revision
  );
}

function toEntity(record: ReferralRecord): ReferralEntity {
  const json = JSON.stringify(record.referral);
  if (json.length > MAX_REFERRAL_JSON_CHARS)
    throw new RangeError(`Referral ${record.referral.id} is too large to store`);
  const entity: ReferralEntity = {
    partitionKey: record.referral.id,
    rowKey: REFERRAL_ROW,
    revision: record.desk.revision,
    country: record.referral.customerProfile.address.country,
    status: record.referral.status,
    substatus: record.referral.substatus,
    updatedDateTime: record.referral.updatedDateTime,
    desk: '',
    chunks: Math.max(1, Math.ceil(json.length / CHUNK_CHARS)),
  };
  for (let i = 0; i < entity.chunks; i++) entity[`json${i}`] = json.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS);
  // The desk is short, but a change Partner Center has not had yet keeps its earlier values (long notes) too.
  const desk = JSON.stringify(storedDesk(record));
  const deskChunks = Math.max(1, Math.ceil(desk.length / CHUNK_CHARS));
  if (json.length + desk.length > MAX_REFERRAL_JSON_CHARS)
    throw new RangeError(`Referral ${record.referral.id} is too large to store`);
  entity.desk = desk.slice(0, CHUNK_CHARS);
  for (let i = 1; i < deskChunks; i++) entity[`desk${i}`] = desk.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS);
  if (deskChunks > 1) entity.deskChunks = deskChunks;
  return entity;
}

function fromEntity(entity: TableEntityResult<ReferralEntity>): StoredReferral {
  let json = '';
  for (let i = 0; i < entity.chunks; i++) json += entity[`json${i}`];
  const card: CardLocation | undefined = entity.cardConversationId
    ? {
        conversationId: entity.cardConversationId,
        ...(entity.cardActivityId ? { activityId: entity.cardActivityId } : {}),
        revision: entity.cardRevision ?? 0,
      }
    : undefined;
  const referral = JSON.parse(json) as Referral;
  let desk = entity.desk;
  for (let i = 1; i < (entity.deskChunks ?? 1); i++) desk += entity[`desk${i}`];
  return {
    record: { referral, desk: deskOf(JSON.parse(desk) as StoredDesk, referral) },
    etag: entity.etag,
    card,
  };
}

/** The desk's state as stored: Partner Center's copy only as far as it differs from the referral, so a referral is not stored twice. */
type StoredDesk = Omit<DeskState, 'partnerCenter'> & {
  partnerCenter?: Omit<PartnerCenterState, 'copy'> & { copy: Omit<PartnerCenterCopy, 'fields'> & { delta: CopyDelta } };
};

function storedDesk(record: ReferralRecord): StoredDesk {
  const { partnerCenter, ...desk } = record.desk;
  if (!partnerCenter) return desk;
  const { fields, ...copy } = partnerCenter.copy;
  return { ...desk, partnerCenter: { ...partnerCenter, copy: { ...copy, delta: copyDelta(fields, record.referral) } } };
}

function deskOf(stored: StoredDesk, referral: Referral): DeskState {
  const { partnerCenter, ...desk } = stored;
  if (!partnerCenter) return desk;
  const { delta, ...copy } = partnerCenter.copy;
  return { ...desk, partnerCenter: { ...partnerCenter, copy: { ...copy, fields: copyFromDelta(delta, referral) } } };
}

function cardFields(card: CardLocation | undefined): Partial<ReferralEntity> {
  if (!card) return {};
  return {
    cardConversationId: card.conversationId,
    ...(card.activityId ? { cardActivityId: card.activityId } : {}),
    cardRevision: card.revision,
  };
}

function eventEntity(event: HistoryEvent) {
  return {
    partitionKey: event.referralId,
    rowKey: historyRowKey(event.revision),
    at: event.at,
    action: event.action,
    event: JSON.stringify(event),
  };
}
