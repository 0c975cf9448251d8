import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { LokiCollection, LokiDb } from './embeddedLoki';

/** How long writing a snapshot keeps the event loop at a stretch before it lets requests in. */
const SLICE_MS = 8;
/** How much of the file is gathered before it is handed to the disk. */
const CHUNK_CHARS = 2 ** 20;

/**
 * Writes the whole database to `path` as Loki's own file (what Loki's load and loadSnapshot
 * read), without holding the event loop: a document at a time, yielding every SLICE_MS, to a
 * temporary file made durable and then renamed over `path` (a crash leaves the old file or
 * the new one, whole). Loki's own save builds the whole file as one string first, which held
 * the desk's process for a second at 10,000 referrals.
 *
 * The store keeps changing meanwhile: each document is written as it is when its turn comes,
 * documents removed by then are left out, and documents and collections added since the start
 * are not in it. The journal started when this began holds all of that (see replayJournals).
 * Sorted indexes are written as to be rebuilt, since the positions they hold move meanwhile.
 * `signal` stops it (the store is closing): the temporary file is removed and `path` stays.
 * Resolves with the file's size in bytes.
 */
export async function writeSnapshot(db: LokiDb, path: string, signal?: AbortSignal): Promise<number> {
  const temporary = `${path}~`;
  const out = new ChunkedFile(await open(temporary, 'w'));
  try {
    const collections = [...db.collections];
    const ids = collections.map((collection) => {
      collection.ensureId();
      return [...collection.idIndex!];
    });
    const slice = new Slice(signal);
    out.add('{"collections":[');
    for (let i = 0; i < collections.length; i++) {
      const collection = collections[i];
      out.add(`${i > 0 ? ',' : ''}{"data":[`);
      let first = true;
      for (const id of ids[i]) {
        const row = collection.get(id);
        if (!row) continue;
        out.add(first ? JSON.stringify(row) : `,${JSON.stringify(row)}`);
        first = false;
        if (out.full()) await out.write();
        await slice.maybeYield();
      }
      out.add(`],${withoutBrace(JSON.stringify(collectionFields(collection), db.serializeReplacer))}`);
    }
    const { collections: _, ...fields } = db as unknown as Record<string, unknown>;
    out.add(`],${withoutBrace(JSON.stringify(fields, db.serializeReplacer))}`);
    await out.write();
    await out.file.sync();
    await out.file.close();
  } catch (error) {
    await out.file.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
  await rename(temporary, path);
  await syncDirectory(dirname(path));
  return out.bytes;
}

/**
 * Makes a file's creation, rename or removal in `dir` survive a power cut. Windows cannot open
 * a folder as a file, and keeps such changes by itself.
 */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A collection's fields beside its documents, as Loki writes them, with its indexes to be rebuilt on load. */
function collectionFields(collection: LokiCollection): Record<string, unknown> {
  const { data: _data, idIndex: _idIndex, ...fields } = collection as unknown as Record<string, unknown>;
  const binaryIndices = Object.fromEntries(
    Object.keys(collection.binaryIndices).map((name) => [name, { name, dirty: true, values: [] }]),
  );
  // Loki's changes API is the journal's business, not the file's: off, as Azurite made the collection.
  return { ...fields, binaryIndices, changes: [], dirtyIds: [], disableChangesApi: true, disableDeltaChangesApi: true };
}

/** `{"a":1}` as `"a":1}`, to follow fields written before it. */
function withoutBrace(json: string): string {
  return json.slice(1);
}

/** Lets other work run every SLICE_MS, and stops when `signal` says so. */
class Slice {
  private started = performance.now();

  constructor(private readonly signal?: AbortSignal) {}

  async maybeYield(): Promise<void> {
    if (performance.now() - this.started < SLICE_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    this.signal?.throwIfAborted();
    this.started = performance.now();
  }
}

/** Text gathered in memory and written to the file a chunk at a time. */
class ChunkedFile {
  bytes = 0;
  private parts: string[] = [];
  private chars = 0;

  constructor(readonly file: FileHandle) {}

  add(text: string): void {
    this.parts.push(text);
    this.chars += text.length;
  }

  full(): boolean {
    return this.chars >= CHUNK_CHARS;
  }

  async write(): Promise<void> {
    const text = this.parts.join('');
    this.parts = [];
    this.chars = 0;
    const buffer = Buffer.from(text, 'utf8');
    await this.file.writeFile(buffer);
    this.bytes += buffer.length;
  }
}
