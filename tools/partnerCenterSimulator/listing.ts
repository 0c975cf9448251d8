/**
 * `GET /referrals` as pure functions: reading its query options, and cutting one page
 * out of the referrals in their order (updatedDateTime, then id, ascending unless
 * `$orderby=updatedDateTime desc`).
 */
import { DateTime } from 'luxon';
import { matchesFilter } from './filterMatch';
import { FilterSyntaxError, parseFilter, type FilterExpression } from './odataFilter';
import { decodeSkipToken, encodeSkipToken, type ListCursor } from './skipToken';

/** What a list request asks for, checked. */
export interface ListQuery {
  filter?: FilterExpression;
  descending: boolean;
  /** Page size. */
  top: number;
  /** Where the previous page stopped. */
  after?: ListCursor;
}

/** A query option that is wrong: `target` names it (e.g. `$filter`), as OData errors do. */
export interface QueryProblem {
  target: string;
  message: string;
}

/** The query options the simulator understands; others are refused rather than ignored. */
export const LIST_OPTIONS = ['$filter', '$orderby', '$top', '$skiptoken'] as const;

/** Reads a list request's query; `maxPageSize` is both the default and the largest `$top`. */
export function parseListQuery(
  params: URLSearchParams,
  maxPageSize: number,
): { query: ListQuery } | { problem: QueryProblem } {
  for (const name of new Set(params.keys())) {
    if (params.getAll(name).length > 1)
      return { problem: { target: name, message: `${name} is given more than once` } };
    if (name.startsWith('$') && !(LIST_OPTIONS as readonly string[]).includes(name)) {
      return {
        problem: {
          target: name,
          message: `the query option ${name} is not supported here; supported are ${LIST_OPTIONS.join(', ')}`,
        },
      };
    }
  }
  const query: ListQuery = { descending: false, top: maxPageSize };
  const filter = params.get('$filter');
  if (filter !== null) {
    try {
      query.filter = parseFilter(filter);
    } catch (error) {
      if (!(error instanceof FilterSyntaxError)) throw error;
      return { problem: { target: '$filter', message: `Invalid $filter: ${error.message}` } };
    }
  }
  const orderBy = params.get('$orderby');
  if (orderBy !== null) {
    const match = /^\s*updatedDateTime(?:\s+(asc|desc))?\s*$/.exec(orderBy);
    if (!match)
      return {
        problem: {
          target: '$orderby',
          message: `Invalid $orderby "${orderBy}": referrals can be ordered by updatedDateTime (asc or desc) only`,
        },
      };
    query.descending = match[1] === 'desc';
  }
  const top = params.get('$top');
  if (top !== null) {
    const value = /^\d{1,6}$/.test(top.trim()) ? Number(top) : NaN;
    if (!(value >= 1 && value <= maxPageSize)) {
      return {
        problem: {
          target: '$top',
          message: `Invalid $top "${top}": it must be a whole number from 1 to ${maxPageSize}`,
        },
      };
    }
    query.top = value;
  }
  const skipToken = params.get('$skiptoken');
  if (skipToken !== null) {
    const after = decodeSkipToken(skipToken);
    if (!after)
      return {
        problem: {
          target: '$skiptoken',
          message: 'Invalid $skiptoken: it was not issued by this service; follow @odata.nextLink as given',
        },
      };
    query.after = after;
  }
  return { query };
}

function keyOf(referral: Record<string, unknown>): ListCursor {
  return {
    updated: DateTime.fromISO(String(referral.updatedDateTime), { zone: 'utc' }).toMillis(),
    id: String(referral.id),
  };
}

function compareKeys(a: ListCursor, b: ListCursor): number {
  return a.updated - b.updated || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** One page of the referrals that pass the query, and the cursor of the next page when there is more. */
export function listPage<T extends Record<string, unknown>>(
  referrals: readonly T[],
  query: ListQuery,
): { value: T[]; next?: ListCursor } {
  const sign = query.descending ? -1 : 1;
  const keyed = referrals.map((referral) => ({ referral, key: keyOf(referral) }));
  const remaining = keyed
    .filter(
      ({ referral, key }) =>
        (!query.after || sign * compareKeys(key, query.after) > 0) &&
        (!query.filter || matchesFilter(query.filter, referral)),
    )
    .sort((a, b) => sign * compareKeys(a.key, b.key));
  const page = remaining.slice(0, query.top);
  return {
    value: page.map(({ referral }) => referral),
    next: remaining.length > query.top ? page[page.length - 1].key : undefined,
  };
}

/** The query string of the next page: the same options, with the cursor as `$skiptoken`. */
export function nextPageQuery(params: URLSearchParams, next: ListCursor): string {
  const options = new URLSearchParams(params);
  options.set('$skiptoken', encodeSkipToken(next));
  return [...options]
    .map(([name, value]) => `${encodeURIComponent(name).replace(/^%24/, '$')}=${encodeURIComponent(value)}`)
    .join('&');
}
