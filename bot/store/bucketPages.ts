/**
 * The pages of the minutes' buckets of due work, and how work is added to them without
 * reading them first. Each page is a row holding a JSON list of work; a minute's pages are
 * numbered from 0, and a page is only ever created once the one before it exists, so reading
 * them in order until one is missing finds them all.
 */
import type { TableClient } from '@azure/data-tables';
import { ConflictError, isStatus } from './errors';
import { bucketPartition, getOrNull, pageRow, pause, type BucketItem } from './scheduleKeys';

/** The last page of a minute as this process last wrote or read it. */
interface LastPage {
  index: number;
  /** The page's JSON list of work. */
  text: string;
  etag: string;
}

/** Work waiting to be written to a minute, and the write that will take it. */
interface Batch {
  items: BucketItem[];
  written: Promise<void>;
}

const MAX_ATTEMPTS = 20;
/** Minutes whose last page is remembered: those written to lately (at most a page each). */
const REMEMBERED_MINUTES = 128;

/**
 * Reads and appends to the minutes' buckets. The process remembers the last page it wrote of
 * the minutes it wrote to lately (its text and ETag), so adding work to such a minute is one
 * write under that ETag, with no read; only when another instance wrote to the minute
 * meanwhile (the ETag no longer matches) are its pages read again. The first work a process
 * adds to a minute opens its page 0 unread, as most minutes have no work yet, and the minute
 * is marked (`markMinute`) where the scheduler looks for minutes with work. Work added to a
 * minute while a write to it is on its way goes in one write after it: writes to a minute
 * never race each other within the process.
 */
export class BucketPages {
  private readonly last = new Map<string, LastPage>();
  private readonly waiting = new Map<string, Batch>();
  private readonly writing = new Map<string, Promise<void>>();

  /** `pageChars`: the most characters a page holds (one piece of work longer than that has a page of its own). */
  constructor(
    private readonly table: TableClient,
    private readonly pageChars: number,
    private readonly markMinute: (minute: string) => Promise<void>,
  ) {}

  /** The work listed in a minute's bucket, page after page. */
  async read(minute: string): Promise<BucketItem[]> {
    const items: BucketItem[] = [];
    for (let index = 0; ; index++) {
      const entity = await getOrNull<{ items: string }>(this.table, bucketPartition(minute), pageRow(index));
      if (!entity) return items;
      items.push(...(JSON.parse(entity.items) as BucketItem[]));
    }
  }

  /** Adds the work to the minute's bucket; resolves once it is stored. */
  append(minute: string, item: BucketItem): Promise<void> {
    const waiting = this.waiting.get(minute);
    if (waiting) {
      waiting.items.push(item);
      return waiting.written;
    }
    const items = [item];
    const before = this.writing.get(minute) ?? Promise.resolve();
    const written = before.then(() => {
      this.waiting.delete(minute);
      return this.write(minute, items);
    });
    this.waiting.set(minute, { items, written });
    const done = written.then(
      () => undefined,
      () => undefined,
    );
    this.writing.set(minute, done);
    void done.then(() => {
      if (this.writing.get(minute) === done) this.writing.delete(minute);
    });
    return written;
  }

  private async write(minute: string, items: BucketItem[]): Promise<void> {
    const last = this.recall(minute);
    if (last) return this.writePages(minute, last, items);
    const [marked, written] = await Promise.allSettled([this.markMinute(minute), this.writePages(minute, null, items)]);
    // A minute is remembered only once it is marked: the next write marks it again otherwise.
    if (marked.status === 'rejected') {
      this.last.delete(minute);
      throw marked.reason;
    }
    if (written.status === 'rejected') throw written.reason;
  }

  /** Writes the items after `last` (none known: as page 0), reading the pages again when another writer came first. */
  private async writePages(minute: string, last: LastPage | null, items: BucketItem[]): Promise<void> {
    let page = last;
    let rest = items;
    for (let attempt = 0; rest.length > 0;) {
      try {
        [page, rest] = await this.writeOne(minute, page, rest);
        this.remember(minute, page);
      } catch (error) {
        this.last.delete(minute);
        if (!isStatus(error, 409, 412)) throw error;
        if (++attempt >= MAX_ATTEMPTS) throw new ConflictError(`Schedule bucket ${minute}`);
        await pause(attempt);
        page = await this.lastPage(minute);
      }
    }
  }

  /**
   * Writes one page: as many of the items as fit appended to `page`, else a new page after it
   * (with at least one). Returns the page as written and the items left over.
   */
  private async writeOne(
    minute: string,
    page: LastPage | null,
    items: BucketItem[],
  ): Promise<[LastPage, BucketItem[]]> {
    const partitionKey = bucketPartition(minute);
    if (page) {
      const [text, taken] = this.fill(page.text, items);
      if (taken > 0) {
        const rowKey = pageRow(page.index);
        const result = await this.table.updateEntity({ partitionKey, rowKey, items: text }, 'Replace', {
          etag: page.etag,
        });
        return [{ index: page.index, text, etag: result.etag ?? '' }, items.slice(taken)];
      }
    }
    const index = page ? page.index + 1 : 0;
    const [text, taken] = this.fill(JSON.stringify([items[0]]), items.slice(1));
    const result = await this.table.createEntity({ partitionKey, rowKey: pageRow(index), items: text });
    return [{ index, text, etag: result.etag ?? '' }, items.slice(taken + 1)];
  }

  /** The page's text with as many of the items appended as fit, and how many that is. */
  private fill(text: string, items: readonly BucketItem[]): [string, number] {
    let filled = text;
    let taken = 0;
    for (const item of items) {
      const next = filled === '[]' ? `[${JSON.stringify(item)}]` : `${filled.slice(0, -1)},${JSON.stringify(item)}]`;
      if (next.length > this.pageChars) break;
      filled = next;
      taken++;
    }
    return [filled, taken];
  }

  private async lastPage(minute: string): Promise<LastPage | null> {
    let last: LastPage | null = null;
    for (let index = 0; ; index++) {
      const entity = await getOrNull<{ items: string }>(this.table, bucketPartition(minute), pageRow(index));
      if (!entity) return last;
      last = { index, text: entity.items, etag: entity.etag };
    }
  }

  /** The minute's last page as remembered, now the most recently used. */
  private recall(minute: string): LastPage | undefined {
    const page = this.last.get(minute);
    if (page) {
      this.last.delete(minute);
      this.last.set(minute, page);
    }
    return page;
  }

  private remember(minute: string, page: LastPage): void {
    this.last.delete(minute);
    // Without an ETag the page cannot be replaced safely: read again next time.
    if (!page.etag) return;
    this.last.set(minute, page);
    if (this.last.size > REMEMBERED_MINUTES) this.last.delete(this.last.keys().next().value!);
  }
}
