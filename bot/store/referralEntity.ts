import type { TableEntityResult } from '@azure/data-tables';
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
import { REFERRAL_ROW, historyRowKey } from './tables';

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
  /** The last clicks that changed it (see ReferralRepository.save), newest last. */
  clicks?: readonly string[];
}

/** How a referral is laid out in its row: the referral's JSON in chunks, the desk's state beside it, and where its card is. */
export type ReferralEntity = {
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
  /** JSON of StoredReferral.clicks. */
  clicks?: string;
  cardConversationId?: string;
  cardActivityId?: string;
  cardRevision?: number;
  [chunk: `json${number}`]: string;
  [chunk: `desk${number}`]: string;
};

export function toEntity(record: ReferralRecord): ReferralEntity {
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

export function fromEntity(entity: TableEntityResult<ReferralEntity>): StoredReferral {
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
    ...(entity.clicks ? { clicks: JSON.parse(entity.clicks) as string[] } : {}),
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

export function cardFields(card: CardLocation | undefined): Partial<ReferralEntity> {
  if (!card) return {};
  return {
    cardConversationId: card.conversationId,
    ...(card.activityId ? { cardActivityId: card.activityId } : {}),
    cardRevision: card.revision,
  };
}

export function eventEntity(event: HistoryEvent) {
  return {
    partitionKey: event.referralId,
    rowKey: historyRowKey(event.revision),
    at: event.at,
    action: event.action,
    event: JSON.stringify(event),
  };
}

/** The clicks a row keeps, as stored: none when there are none. */
export function clickFields(clicks: readonly string[] | undefined): Partial<ReferralEntity> {
  return clicks?.length ? { clicks: JSON.stringify(clicks) } : {};
}
