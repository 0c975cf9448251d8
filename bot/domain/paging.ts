/** One page of a list, and where it lies in the whole. */
export interface Page<T> {
  items: T[];
  /** 1-based, within 1..pages. */
  page: number;
  /** At least 1, even for an empty list. */
  pages: number;
  total: number;
}

/**
 * Page `page` (1-based) of `items`, `size` per page. A page beyond either end gives the
 * nearest one, so a button on an old card whose list has shrunk still shows something.
 */
export function pageOf<T>(items: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Number.isInteger(page) ? Math.min(Math.max(page, 1), pages) : 1;
  return { items: items.slice((current - 1) * size, current * size), page: current, pages, total: items.length };
}
