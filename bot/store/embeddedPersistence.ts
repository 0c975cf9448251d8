import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { captureChanges } from './embeddedChanges';
import { EmbeddedJournal, journalFiles, removeJournals } from './embeddedJournal';
import type { LokiDb } from './embeddedLoki';
import { loadSnapshot, replayJournals } from './embeddedReplay';
import { writeSnapshot } from './embeddedSnapshot';

/** What of Azurite's table store (LokiTableMetadataStore) the journal takes over: its database, its load and save. */
export interface AzuriteTableStore {
  db: LokiDb;
  loadDB(): Promise<void>;
  saveDBState(): Promise<void>;
}

/** How the journal is kept; each has a default. */
export interface JournalOptions {
  /**
   * Journal bytes past which a snapshot takes over while the store runs: at least this
   * (64 MiB by default), else the size of the last snapshot, so that writing snapshots costs
   * at most as much as the journal written.
   */
  compactAtBytes?: number;
  /** Told when such a snapshot failed: nothing is lost (the journal keeps it all), and it is tried again later. */
  onSnapshotError?: (error: unknown) => void;
}

/** The embedded store's data kept as a snapshot and a journal (see journalAzurite). */
export interface JournaledStore {
  /** Resolves once every write answered so far is on disk. */
  flush(): Promise<void>;
  /** Writes a snapshot and drops the journal it holds, without holding the event loop. */
  compact(): Promise<void>;
  /** Writes what is waiting, durably; a snapshot being written is given up. */
  close(): Promise<void>;
}

const COMPACT_AT_BYTES = 64 * 2 ** 20;

/**
 * Keeps the data of Azurite's table store in `dataDir` as a snapshot (`tables.json`, Loki's
 * own file, which earlier versions wrote alone) and a journal of every change since
 * (`tables.journal.<n>`), instead of Loki's save of the whole database every five seconds
 * and at every flush: that save built the whole file as one string (125 MB at 10,000
 * referrals) and held the desk's process for about a second each time.
 *
 * Start-up (Azurite's `loadDB`, before the server listens) loads the snapshot, replays the
 * journal, and when it had changes writes a new snapshot and drops the journal. Running, each
 * change is appended to the journal (EmbeddedJournal); `flush` (Azurite's `saveDBState`)
 * makes it durable. Once the journal outgrows the snapshot, a new snapshot is written a slice
 * at a time beside the running store (writeSnapshot), and the journal before it dropped.
 */
export function journalAzurite(
  store: AzuriteTableStore,
  dataDir: string,
  options: JournalOptions = {},
): JournaledStore {
  store.db.autosaveDisable();
  store.db.autosave = false;
  const persistence = new EmbeddedPersistence(store.db, dataDir, options);
  store.loadDB = () => persistence.open();
  store.saveDBState = () => persistence.flush();
  return persistence;
}

class EmbeddedPersistence implements JournaledStore {
  private journal: EmbeddedJournal | undefined;
  private compacting: Promise<void> | undefined;
  private compactAt: number;
  private readonly minimum: number;
  private readonly closing = new AbortController();
  private readonly snapshotPath: string;

  constructor(
    private readonly db: LokiDb,
    private readonly dir: string,
    private readonly options: JournalOptions,
  ) {
    this.snapshotPath = join(dir, 'tables.json');
    this.minimum = options.compactAtBytes ?? COMPACT_AT_BYTES;
    this.compactAt = this.minimum;
  }

  async open(): Promise<void> {
    loadSnapshot(this.db, this.snapshotPath);
    const files = journalFiles(this.dir);
    const last = files.at(-1)?.generation ?? 0;
    if (files.length > 0) {
      if (
        replayJournals(
          this.db,
          files.map((file) => file.path),
        ) > 0
      )
        await writeSnapshot(this.db, this.snapshotPath);
      await removeJournals(this.dir, last);
    }
    const snapshotBytes = existsSync(this.snapshotPath) ? statSync(this.snapshotPath).size : 0;
    this.compactAt = Math.max(this.minimum, snapshotBytes);
    const journal = new EmbeddedJournal(this.dir, last + 1, () => this.compactIfDue(journal));
    this.journal = journal;
    captureChanges(this.db, journal.record);
  }

  async flush(): Promise<void> {
    await this.journal?.flush();
  }

  compact(): Promise<void> {
    this.compacting ??= this.snapshot().finally(() => {
      this.compacting = undefined;
    });
    return this.compacting;
  }

  async close(): Promise<void> {
    this.closing.abort();
    await this.compacting?.catch(() => undefined);
    await this.journal?.close();
  }

  /** A snapshot taken while the store runs: the journal before it is dropped once it is on disk. */
  private async snapshot(): Promise<void> {
    const journal = this.journal;
    if (!journal) return;
    const before = await journal.rotate();
    const bytes = await writeSnapshot(this.db, this.snapshotPath, this.closing.signal);
    await removeJournals(this.dir, before);
    this.compactAt = Math.max(this.minimum, bytes);
  }

  /** After a failed snapshot the journal starts again from empty (rotate): the next try waits for it to grow again. */
  private compactIfDue(journal: EmbeddedJournal): void {
    if (this.compacting || this.closing.signal.aborted || journal.bytes < this.compactAt) return;
    this.compact().catch((error: unknown) => {
      if (!this.closing.signal.aborted) this.options.onSnapshotError?.(error);
    });
  }
}
