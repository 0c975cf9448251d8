/**
 * Where a listing stopped: the last referral of a page by its sort key (updatedDateTime,
 * then id). The next page starts after that key, not after a count, so referrals changed
 * or added while a client pages are neither skipped nor shown twice at their old place:
 * in ascending order a changed referral moves behind the cursor and comes again, newer, on
 * a later page. (In descending order it moves to the front, which that listing has passed.)
 */
export interface ListCursor {
  /** The last referral's updatedDateTime, in epoch milliseconds. */
  updated: number;
  id: string;
}

/** The `$skiptoken` of a cursor: opaque to clients, URL-safe. */
export function encodeSkipToken(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.updated, cursor.id]), 'utf8').toString('base64url');
}

/** The cursor of a `$skiptoken` this service issued, or undefined for any other text. */
export function decodeSkipToken(token: string): ListCursor | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && Number.isSafeInteger(value[0]) && typeof value[1] === 'string') {
      return { updated: value[0] as number, id: value[1] };
    }
  } catch {
    // Not JSON: not a token of ours, said below.
  }
  return undefined;
}
