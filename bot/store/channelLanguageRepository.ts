import { odata, type TableClient } from '@azure/data-tables';
import { KeptReads } from './keptReads';
import { decodeKey, deleteIfPresent, encodeKey } from './tables';

/** Beside the links, in their table: one row per channel that chose its own language. */
const PARTITION = 'language';

interface LanguageEntity {
  partitionKey: string;
  rowKey: string;
  language: string;
  teamId?: string;
}

/** A channel's own language: its BCP 47 tag, and the team the channel is in (forgotten with the team). */
export interface ChannelLanguage {
  channelId: string;
  language: string;
  teamId?: string;
}

/**
 * How long a process keeps the channels' languages it read. Every card posted or updated in a
 * channel asks, and they change seldom: a change made here counts at once, one made through
 * another instance of the desk within this time.
 */
export const CHANNEL_LANGUAGES_KEPT_MS = 15_000;

/**
 * The language each channel reads the desk in, when it chose one (`language ko`); a channel
 * without a row reads the desk's. All rows sit in one partition, read whole (there are few).
 */
export class ChannelLanguageRepository {
  private readonly reads: KeptReads<ChannelLanguage[]>;

  /** `now` counts milliseconds for how long the rows are kept (a monotonic clock by default). */
  constructor(
    private readonly table: TableClient,
    now?: () => number,
  ) {
    this.reads = new KeptReads(CHANNEL_LANGUAGES_KEPT_MS, now);
  }

  /** Every channel's own language (as read at most CHANNEL_LANGUAGES_KEPT_MS ago, see there). */
  list(): Promise<ChannelLanguage[]> {
    return this.reads.read(PARTITION, () => this.readAll());
  }

  /** The channel's own language, or undefined when it reads the desk's. */
  async of(channelId: string): Promise<string | undefined> {
    return (await this.list()).find((row) => row.channelId === channelId)?.language;
  }

  /** The channel reads the desk in `language` from now on. */
  choose(choice: ChannelLanguage): Promise<void> {
    const entity: LanguageEntity = {
      partitionKey: PARTITION,
      rowKey: encodeKey(choice.channelId),
      language: choice.language,
      ...(choice.teamId ? { teamId: choice.teamId } : {}),
    };
    return this.reads.writing(PARTITION, async () => void (await this.table.upsertEntity(entity, 'Replace')));
  }

  /** The channel reads the desk's language again; `false` when it had none of its own. */
  forget(channelId: string): Promise<boolean> {
    return this.reads.writing(PARTITION, () => deleteIfPresent(this.table, PARTITION, encodeKey(channelId)));
  }

  private async readAll(): Promise<ChannelLanguage[]> {
    const rows: ChannelLanguage[] = [];
    for await (const row of this.table.listEntities<LanguageEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${PARTITION}` },
    })) {
      rows.push({
        channelId: decodeKey(row.rowKey),
        language: row.language,
        ...(row.teamId ? { teamId: row.teamId } : {}),
      });
    }
    return rows;
  }
}
