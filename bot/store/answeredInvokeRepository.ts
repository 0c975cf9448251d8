import { gunzipSync, gzipSync } from 'node:zlib';
import { odata, type TableClient } from '@azure/data-tables';
import { Duration, type DateTime } from 'luxon';
import { isStatus } from './errors';
import { encodeKey } from './tables';

/** How long an answer is given again to a delivery of the same activity; after that the id counts as new. */
export const ANSWERS_KEPT_FOR = Duration.fromObject({ hours: 24 });

/**
 * How long a claim without an answer holds: longer than any handler runs (Teams itself gives
 * up on an invoke after seconds). A claim older than this belongs to a delivery that died on
 * the way (its process stopped), and the next delivery of the same id takes it over.
 */
export const CLAIMS_LAPSE_AFTER = Duration.fromObject({ minutes: 2 });

/** How often a claim tries again when the row changes under it before it gives up saying "running". */
const MAX_CLAIM_ROUNDS = 5;

/** The most a binary property holds (64 KiB), so the most an answer takes compressed. */
export const MAX_ANSWER_BYTES = 64 * 1024;

/** A delivery's hold on its activity id: it runs the action, then answers or releases. */
export interface InvokeClaim {
  senderId: string;
  activityId: string;
  /** When it was claimed (ISO-8601, UTC). */
  claimedAt: string;
  etag: string;
}

/** What a delivery of an activity id finds. */
export type InvokeLookup =
  /** Nobody answered it within the keep period: the claim is this delivery's, to run the action. */
  | { kind: 'claimed'; claim: InvokeClaim }
  /** It was answered: the answer as it was given (the JSON `answer` recorded). */
  | { kind: 'answered'; answer: unknown }
  /** Another delivery holds it and has not answered yet. */
  | { kind: 'running' };

interface AnsweredInvokeEntity {
  partitionKey: string;
  rowKey: string;
  /** When the delivery holding it claimed it (ISO-8601, UTC). */
  claimedAt: string;
  /** When it was answered (ISO-8601, UTC); absent while the claim runs. */
  answeredAt?: string;
  /** The answer's JSON, gzip-compressed. */
  answer?: Uint8Array;
}

/**
 * Card actions already answered, by activity id and sender: one partition per sender, one
 * row per activity id. A row is inserted (claimed) before the action runs, so of two
 * deliveries of the same id only one runs it; the answer it gave is then kept with it for
 * ANSWERS_KEPT_FOR. Rows past that are ignored and replaced when their id comes again, and a
 * sender's old rows are deleted by `sweep`.
 */
export class AnsweredInvokeRepository {
  constructor(private readonly table: TableClient) {}

  /**
   * Claims the activity id for this delivery, or says who has it: an answer within the keep
   * period is given back; a claim running for less than CLAIMS_LAPSE_AFTER is someone else's.
   * An expired answer or a lapsed claim is taken over (under its ETag, so by one delivery).
   */
  async claim(senderId: string, activityId: string, now: DateTime): Promise<InvokeLookup> {
    const partitionKey = encodeKey(senderId);
    const rowKey = encodeKey(activityId);
    const fresh: AnsweredInvokeEntity = { partitionKey, rowKey, claimedAt: isoOf(now) };
    const claimed = (etag: string | undefined): InvokeLookup => ({
      kind: 'claimed',
      claim: { senderId, activityId, claimedAt: fresh.claimedAt, etag: etag! },
    });
    // A row deleted or taken over between the calls below sends the loop round again; other
    // deliveries changing it that often are still at work on it.
    for (let round = 0; round < MAX_CLAIM_ROUNDS; round++) {
      try {
        return claimed((await this.table.createEntity(fresh)).etag);
      } catch (error) {
        if (!isStatus(error, 409)) throw error;
      }
      let row: AnsweredInvokeEntity & { etag: string };
      try {
        row = await this.table.getEntity<AnsweredInvokeEntity>(partitionKey, rowKey);
      } catch (error) {
        if (isStatus(error, 404)) continue;
        throw error;
      }
      if (row.answeredAt !== undefined && row.answer && !isBefore(row.answeredAt, now.minus(ANSWERS_KEPT_FOR))) {
        return { kind: 'answered', answer: JSON.parse(gunzipSync(row.answer).toString('utf8')) };
      }
      if (row.answeredAt === undefined && !isBefore(row.claimedAt, now.minus(CLAIMS_LAPSE_AFTER)))
        return { kind: 'running' };
      try {
        return claimed((await this.table.updateEntity(fresh, 'Replace', { etag: row.etag })).etag);
      } catch (error) {
        if (!isStatus(error, 404, 409, 412)) throw error;
      }
    }
    return { kind: 'running' };
  }

  /**
   * Keeps the answer a claim's action gave, as JSON (compressed); an answer too large for
   * one property even compressed keeps `instead`, a smaller one to give back in its place.
   * A claim taken over meanwhile (it lapsed) keeps the other delivery's answer.
   */
  async answer(claim: InvokeClaim, answer: unknown, instead: unknown, now: DateTime): Promise<void> {
    let bytes = gzipSync(JSON.stringify(answer));
    if (bytes.byteLength > MAX_ANSWER_BYTES) bytes = gzipSync(JSON.stringify(instead));
    const entity: AnsweredInvokeEntity = {
      partitionKey: encodeKey(claim.senderId),
      rowKey: encodeKey(claim.activityId),
      claimedAt: claim.claimedAt,
      answeredAt: isoOf(now),
      answer: new Uint8Array(bytes),
    };
    try {
      await this.table.updateEntity(entity, 'Replace', { etag: claim.etag });
    } catch (error) {
      if (!isStatus(error, 404, 412)) throw error;
    }
  }

  /** Gives the id up unanswered (the action failed), so the next delivery runs it afresh. */
  async release(claim: InvokeClaim): Promise<void> {
    try {
      await this.table.deleteEntity(encodeKey(claim.senderId), encodeKey(claim.activityId), { etag: claim.etag });
    } catch (error) {
      if (!isStatus(error, 404, 412)) throw error;
    }
  }

  /** Deletes the sender's rows claimed before the keep period: nothing answers from them any more. */
  async sweep(senderId: string, now: DateTime): Promise<number> {
    const cutoff = isoOf(now.minus(ANSWERS_KEPT_FOR));
    const filter = odata`PartitionKey eq ${encodeKey(senderId)} and claimedAt lt ${cutoff}`;
    let deleted = 0;
    for await (const row of this.table.listEntities<AnsweredInvokeEntity>({
      queryOptions: { filter, select: ['PartitionKey', 'RowKey'] },
    })) {
      try {
        // Under the ETag it was listed with: a row taken over meanwhile is a new claim.
        await this.table.deleteEntity(row.partitionKey, row.rowKey, { etag: row.etag });
        deleted++;
      } catch (error) {
        if (!isStatus(error, 404, 412)) throw error;
      }
    }
    return deleted;
  }
}

function isoOf(time: DateTime): string {
  return time.toUTC().toISO()!;
}

/** Whether the stored time lies before `limit` (both UTC ISO-8601 of the same shape, so they compare as text). */
function isBefore(stored: string, limit: DateTime): boolean {
  return stored < isoOf(limit);
}
