import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { HistoryEvent } from '../domain/history';
import type { ReferralRecord } from '../domain/referral';
import { ConflictError, isStatus } from './errors';
import {
  cardFields,
  clickFields,
  eventEntity,
  fromEntity,
  toEntity,
  type CardLocation,
  type ReferralEntity,
  type StoredReferral,
} from './referralEntity';
import { HISTORY_ROW_END, HISTORY_ROW_PREFIX, REFERRAL_ROW, historyRowKey } from './tables';

export type { CardLocation, StoredReferral } from './referralEntity';

/** A click on a card, as Teams names it: who clicked, and the id Teams gave its invoke (its repeats carry the same). */
export interface ClickId {
  actorId: string;
  activityId: string;
}

/**
 * How many of the clicks that changed a referral its row keeps. Teams repeats an invoke within
 * seconds of the first; a referral changed eight times meanwhile would be the first to forget one.
 */
export const CLICKS_KEPT = 8;

const clickKey = (click: ClickId) => JSON.stringify([click.actorId, click.activityId]);

/** A change of a referral as it was sent to be stored (`create` or `save`), and the referral it changed (null: it was new). */
export interface ReferralChange {
  record: ReferralRecord;
  event: HistoryEvent | null;
  previous: StoredReferral | null;
}

/** How taking back a change went: taken back; not stored (never made, or taken back before); or changed since, and left as it is. */
export type TakeBackOutcome = 'takenBack' | 'notStored' | 'changedSince';

/**
 * Referrals and their history. A referral's partition holds its record and one row per
 * history event, so a change and its event are written in one transaction.
 */
export class ReferralRepository {
  constructor(private readonly table: TableClient) {}

  /** The referral, and whether the click `click` names (if any) changed it before (see save). */
  async getWithClick(id: string, click?: ClickId): Promise<{ stored: StoredReferral | null; clicked: boolean }> {
    const stored = await this.get(id);
    return { stored, clicked: click !== undefined && (stored?.clicks?.includes(clickKey(click)) ?? false) };
  }

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
   * one sees in the history (such as Partner Center's new eTag) has no event. A change a
   * click made keeps the click in the row (the last CLICKS_KEPT): a repeat of the click
   * finds it there (getWithClick).
   */
  async save(
    previous: StoredReferral,
    record: ReferralRecord,
    event: HistoryEvent | null,
    click?: ClickId,
  ): Promise<StoredReferral> {
    const clicks = click ? [...(previous.clicks ?? []), clickKey(click)].slice(-CLICKS_KEPT) : previous.clicks;
    const entity = { ...toEntity(record), ...cardFields(previous.card), ...clickFields(clicks) };
    const actions: TransactionAction[] = [['update', entity, 'Replace', { etag: previous.etag }]];
    if (event) actions.push(['create', eventEntity(event)]);
    try {
      const result = await this.table.submitTransaction(actions);
      const etag = result.subResponses[0]?.etag ?? '';
      return { record, etag, card: previous.card, ...(clicks ? { clicks } : {}) };
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
    const entity = { ...toEntity(previous.record), ...cardFields(previous.card), ...clickFields(previous.clicks) };
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

  /**
   * The events of revisions `after`+1 to `through`, oldest first (a revision without an event
   * has none). A few are read by their keys: a query, which names no row, costs the embedded
   * table server a pass over every row of the table.
   */
  async events(id: string, after: number, through: number): Promise<HistoryEvent[]> {
    if (through - after > EVENTS_READ_BY_KEY) {
      return (await this.history(id)).filter((event) => event.revision > after && event.revision <= through);
    }
    const revisions = Array.from({ length: Math.max(0, through - after) }, (_, index) => after + 1 + index);
    const rows = await Promise.all(revisions.map((revision) => this.eventRow(id, revision)));
    return rows
      .filter((row): row is { event: string } => row !== null)
      .map((row) => JSON.parse(row.event) as HistoryEvent);
  }

  private async eventRow(id: string, revision: number): Promise<{ event: string } | null> {
    try {
      return await this.table.getEntity<{ event: string }>(id, historyRowKey(revision));
    } catch (error) {
      if (isStatus(error, 404)) return null;
      throw error;
    }
  }
}

/** Up to this many events are read one by one (see events); more, with one query. */
const EVENTS_READ_BY_KEY = 4;

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
