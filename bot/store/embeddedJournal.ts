import { readdirSync } from 'node:fs';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { syncDirectory } from './embeddedSnapshot';

/** How long a change waits in memory before it is written to the journal (a flush writes it at once). */
const WRITE_AFTER_MS = 100;

const JOURNAL_FILE = /^tables\.journal\.(\d+)$/;

/** The journal file of a generation in `dir`. */
export function journalPath(dir: string, generation: number): string {
  return join(dir, `tables.journal.${generation}`);
}

/** The journal files in `dir`, oldest first. */
export function journalFiles(dir: string): { generation: number; path: string }[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const match = JOURNAL_FILE.exec(name);
      return match ? [{ generation: Number(match[1]), path: join(dir, name) }] : [];
    })
    .sort((a, b) => a.generation - b.generation);
}

/** Removes the journal files in `dir` up to generation `upTo`. */
export async function removeJournals(dir: string, upTo: number): Promise<void> {
  for (const file of journalFiles(dir)) if (file.generation <= upTo) await rm(file.path, { force: true });
}

/**
 * The embedded store's journal: the changes of its database, a line each, appended to a file.
 * A change is kept in memory when made and written WRITE_AFTER_MS later with the others made
 * meanwhile; `flush` writes what is waiting and makes the file durable (fsync), so the write
 * it follows survives a crash. Writing takes a few milliseconds off the event loop, however
 * big the database, where Loki's save wrote all of it every five seconds.
 *
 * Files are numbered by generation: `rotate` starts the next, so that a snapshot can take over
 * the ones before (see EmbeddedPersistence). A write that fails leaves its file (its last line
 * perhaps cut short, which replay leaves out) and is tried again in the next generation.
 */
export class EmbeddedJournal {
  /** Bytes written to the current file (none once it is closed: the next generation starts empty). */
  bytes = 0;
  /** Resolves once every change made before it was called is in the file and on disk. */
  readonly flush: () => Promise<void>;
  private pending: string[] = [];
  private file: FileHandle | undefined;
  private unsynced = false;
  private timer: NodeJS.Timeout | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  /** `written`: called after each write, with the journal as it then is. */
  constructor(
    private readonly dir: string,
    private generation: number,
    private readonly written: () => void = () => undefined,
  ) {
    this.flush = coalesced(() => this.enqueue(() => this.drain(true)));
  }

  /** Keeps a change (a line, without its newline) to be written. */
  readonly record = (line: string): void => {
    this.pending.push(`${line}\n`);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.enqueue(() => this.drain(false)).catch(() => undefined);
    }, WRITE_AFTER_MS).unref();
  };

  /**
   * Writes what is waiting, then starts the next generation's file: changes from now on go
   * there. Resolves with the generation of the last file written before.
   */
  rotate(): Promise<number> {
    return this.enqueue(async () => {
      await this.drain(false);
      await this.closeFile();
      return this.generation++;
    });
  }

  /** Writes what is waiting, durably, and closes the file. */
  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.enqueue(async () => {
      await this.drain(true);
      await this.closeFile();
    });
  }

  /** Runs `job` after every job before it: writes go to the file in the order they were made. */
  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const done = this.queue.then(job);
    this.queue = done.catch(() => undefined);
    return done;
  }

  private async drain(sync: boolean): Promise<void> {
    const text = this.pending.join('');
    this.pending = [];
    if (text) {
      try {
        this.file ??= await this.openFile();
        await this.file.appendFile(text);
      } catch (error) {
        this.pending.unshift(text);
        await this.closeFile().catch(() => undefined);
        this.generation++;
        throw error;
      }
      this.bytes += Buffer.byteLength(text);
      this.unsynced = true;
    }
    if (sync && this.unsynced && this.file) {
      await this.file.datasync();
      this.unsynced = false;
    }
    this.written();
  }

  private async openFile(): Promise<FileHandle> {
    const file = await open(journalPath(this.dir, this.generation), 'a');
    // The file's name must survive a power cut too, or the first flush in it would not.
    await syncDirectory(this.dir);
    return file;
  }

  private async closeFile(): Promise<void> {
    const file = this.file;
    const unsynced = this.unsynced;
    this.file = undefined;
    this.unsynced = false;
    this.bytes = 0;
    if (!file) return;
    try {
      if (unsynced) await file.datasync();
    } finally {
      await file.close();
    }
  }
}

/**
 * One flush for many callers: a caller arriving while a flush runs waits for the next one,
 * which starts when the running one ends and covers every change made before it began.
 * Fifty deliveries at once cost two writes and fsyncs, not fifty.
 */
function coalesced(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const start = (): Promise<void> => {
    running = run().finally(() => {
      running = undefined;
    });
    return running;
  };
  return () => {
    if (!running) return start();
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = undefined;
        return start();
      });
    return next;
  };
}
