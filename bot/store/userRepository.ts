import { odata, type TableClient } from '@azure/data-tables';
import type { DigestTime } from '../domain/digestSchedule';
import type { DirectMessageKind } from '../domain/messagePreferences';
import { ConflictError, isStatus } from './errors';
import { KeptReads } from './keptReads';
import { decodeKey, encodeKey } from './tables';

/** A user's chosen working hours: local times and ISO weekdays (1 = Monday … 7 = Sunday). */
export interface ChosenHours {
  start: string;
  end: string;
  days: number[];
}

/** What the desk knows of a Teams user: how to reach them, and when. */
export interface UserProfile {
  /** The actor id: AAD object id when Teams sends one, else the Teams user id. */
  id: string;
  /** The Teams user id (`29:…`). */
  teamsId?: string;
  name?: string;
  tenantId?: string;
  serviceUrl?: string;
  /** The user's 1:1 chat with the bot, once Teams told it or the bot opened it. */
  chatId?: string;
  /** IANA zone: learned from Teams unless `timeZoneChosen`. */
  timeZone?: string;
  timeZoneChosen?: boolean;
  /** Unset: the desk's default working hours, in the user's zone. */
  hours?: ChosenHours;
  /** The direct messages the user turned off. */
  messagesOff?: DirectMessageKind[];
  /** When the user got the welcome card in their personal chat (ISO); unset until then. */
  welcomedAt?: string;
  /** True once the user said `digest off`: no weekly digest for them (`digest now` still answers). */
  digestOff?: boolean;
  /** When the weekly digest comes, in the user's zone; unset: Monday 09:00. */
  digestTime?: DigestTime;
  /** The locale the user's Teams client reports (e.g. de-DE). */
  locale?: string;
  /** The language the user chose (ISO 639-1); unset: their client's, when the bot speaks it. */
  language?: string;
}

/** The fields a user's activities teach the desk (never the ones the user chose). */
export type LearnedFields = Partial<
  Pick<UserProfile, 'teamsId' | 'name' | 'tenantId' | 'serviceUrl' | 'chatId' | 'timeZone' | 'locale'>
>;

const PARTITION = 'user';
/** Writers racing to welcome the same user settle within a few rounds. */
const WELCOME_ATTEMPTS = 5;

type UserEntity = Omit<UserProfile, 'id' | 'hours' | 'messagesOff' | 'digestTime'> & {
  partitionKey: string;
  rowKey: string;
  /** JSON of ChosenHours. */
  hours?: string;
  /** JSON of the kinds turned off. */
  messagesOff?: string;
  /** JSON of DigestTime. */
  digestTime?: string;
};

/**
 * How long a process keeps a user's profile it read. Every click reads its user's language,
 * and a profile changes seldom: a change made here counts at once, one made by another
 * instance of the desk within this time.
 */
export const PROFILE_KEPT_MS = 60_000;

/** One row per user, keyed by the actor id. A row read is kept a while (see KeptReads, PROFILE_KEPT_MS). */
export class UserRepository {
  private readonly reads: KeptReads<UserProfile | null>;

  /** `now` counts milliseconds for how long a profile is kept (a monotonic clock by default). */
  constructor(
    private readonly table: TableClient,
    now?: () => number,
  ) {
    this.reads = new KeptReads(PROFILE_KEPT_MS, now);
  }

  get(id: string): Promise<UserProfile | null> {
    return this.reads.read(encodeKey(id), async () => {
      const entity = await this.entity(encodeKey(id));
      return entity ? fromEntity(entity) : null;
    });
  }

  /**
   * The user a configured id names: by actor id, or by Teams id (`29:…`) for a user whose
   * actor id is their AAD object id.
   */
  async find(id: string): Promise<UserProfile | null> {
    const byId = await this.get(id);
    if (byId || !id.startsWith('29:')) return byId;
    for await (const entity of this.table.listEntities<UserEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${PARTITION} and teamsId eq ${id}` },
    })) {
      return fromEntity(entity);
    }
    return null;
  }

  /** Records what the user's activities (or a lookup) taught; other fields stay as they are. */
  async learn(id: string, fields: LearnedFields): Promise<void> {
    const learned = definedOnly(fields);
    await this.merge(id, learned, (profile) => ({ ...(profile ?? { id }), ...learned }));
  }

  /** The direct messages the user turned off (all others come). */
  async turnOff(id: string, messagesOff: readonly DirectMessageKind[]): Promise<void> {
    await this.merge(id, { messagesOff: JSON.stringify(messagesOff) });
  }

  /** The user's own choice of time zone and working hours, kept over what Teams reports. */
  async choose(id: string, choice: { timeZone: string; hours: ChosenHours }): Promise<void> {
    await this.merge(id, { timeZone: choice.timeZone, timeZoneChosen: true, hours: JSON.stringify(choice.hours) });
  }

  /**
   * Notes that the user got the welcome card, at `at` (ISO). True only for the call that
   * noted it first: Teams may announce a personal install twice, and a first message may
   * arrive at the same time, so the row is created or updated under its ETag.
   */
  async markWelcomed(id: string, at: string): Promise<boolean> {
    const rowKey = encodeKey(id);
    return this.reads.writing(rowKey, () => this.welcome(id, rowKey, at));
  }

  private async welcome(id: string, rowKey: string, at: string): Promise<boolean> {
    for (let attempt = 0; attempt < WELCOME_ATTEMPTS; attempt++) {
      const current = await this.entity(rowKey);
      try {
        if (!current) await this.table.createEntity({ partitionKey: PARTITION, rowKey, welcomedAt: at });
        else if (current.welcomedAt) return false;
        else
          await this.table.updateEntity({ partitionKey: PARTITION, rowKey, welcomedAt: at }, 'Merge', {
            etag: current.etag,
          });
        return true;
      } catch (error) {
        if (!isStatus(error, 409, 412)) throw error;
      }
    }
    throw new ConflictError(`User ${id}`);
  }

  private async entity(rowKey: string): Promise<(UserEntity & { etag: string }) | null> {
    try {
      return await this.table.getEntity<UserEntity>(PARTITION, rowKey);
    } catch (error) {
      if (isStatus(error, 404)) return null;
      throw error;
    }
  }

  /** The language the user chose. */
  async chooseLanguage(id: string, language: string): Promise<void> {
    await this.merge(id, { language });
  }

  /** When the user's weekly digest comes. */
  async chooseDigestTime(id: string, time: DigestTime): Promise<void> {
    await this.merge(id, { digestTime: JSON.stringify(time) });
  }

  /** Whether the user gets the weekly digest (`digest on` / `digest off`); other fields stay as they are. */
  async chooseDigest(id: string, on: boolean): Promise<void> {
    await this.merge(id, { digestOff: !on });
  }

  /** Sets the given fields of the user's row (creating it if need be); other fields stay as they are. */
  private async merge(
    id: string,
    fields: Partial<Omit<UserEntity, 'partitionKey' | 'rowKey'>>,
    applied?: (profile: UserProfile | null) => UserProfile,
  ): Promise<void> {
    const rowKey = encodeKey(id);
    await this.reads.writing(
      rowKey,
      () => this.table.upsertEntity({ partitionKey: PARTITION, rowKey, ...fields }, 'Merge'),
      applied,
    );
  }
}

function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function fromEntity(entity: UserEntity): UserProfile {
  return {
    id: decodeKey(entity.rowKey),
    ...definedOnly({
      teamsId: entity.teamsId,
      name: entity.name,
      tenantId: entity.tenantId,
      serviceUrl: entity.serviceUrl,
      chatId: entity.chatId,
      timeZone: entity.timeZone,
      timeZoneChosen: entity.timeZoneChosen,
      hours: entity.hours ? (JSON.parse(entity.hours) as ChosenHours) : undefined,
      messagesOff: entity.messagesOff ? (JSON.parse(entity.messagesOff) as DirectMessageKind[]) : undefined,
      welcomedAt: entity.welcomedAt,
      digestOff: entity.digestOff,
      digestTime: entity.digestTime ? (JSON.parse(entity.digestTime) as DigestTime) : undefined,
      locale: entity.locale,
      language: entity.language,
    }),
  };
}
