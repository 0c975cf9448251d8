import assert from 'node:assert/strict';
import { listPage, nextPageQuery, parseListQuery, type ListQuery } from '../../tools/partnerCenterSimulator/listing';
import { decodeSkipToken, encodeSkipToken } from '../../tools/partnerCenterSimulator/skipToken';

/** Referrals r1…r6, updated an hour apart from 01:00; r3b shares r3's time (ties go by id). */
const referrals = [
  { id: 'r4', status: 'Active', updatedDateTime: '2026-11-23T04:00:00Z' },
  { id: 'r1', status: 'New', updatedDateTime: '2026-11-23T01:00:00Z' },
  { id: 'r3b', status: 'New', updatedDateTime: '2026-11-23T03:00:00Z' },
  { id: 'r6', status: 'Closed', updatedDateTime: '2026-11-23T06:00:00Z' },
  { id: 'r3', status: 'New', updatedDateTime: '2026-11-23T03:00:00Z' },
  { id: 'r2', status: 'New', updatedDateTime: '2026-11-23T02:00:00Z' },
  { id: 'r5', status: 'New', updatedDateTime: '2026-11-23T06:00:00+01:00' },
];

function queryOf(search: string, maxPageSize = 100): ListQuery {
  const parsed = parseListQuery(new URLSearchParams(search), maxPageSize);
  if ('problem' in parsed) assert.fail(`expected a query, got ${parsed.problem.message}`);
  return parsed.query;
}

function problemOf(search: string, maxPageSize = 100) {
  const parsed = parseListQuery(new URLSearchParams(search), maxPageSize);
  if (!('problem' in parsed)) assert.fail(`expected ${search} to be refused`);
  return parsed.problem;
}

/** Every page's ids, following the cursor as a client follows nextLink. */
function allPages(items: typeof referrals, query: ListQuery): string[][] {
  const pages: string[][] = [];
  let after = query.after;
  for (;;) {
    const page = listPage(items, { ...query, after });
    pages.push(page.value.map((r) => r.id));
    if (!page.next) return pages;
    after = page.next;
  }
}

describe('simulator: listing referrals', () => {
  describe('query options', () => {
    it('defaults to all referrals, oldest change first, pages of the largest size', () => {
      assert.deepEqual(queryOf(''), { descending: false, top: 100 });
    });

    it('reads $orderby, $top and $filter', () => {
      const query = queryOf("$orderby=updatedDateTime desc&$top=25&$filter=status eq 'New'");
      assert.equal(query.descending, true);
      assert.equal(query.top, 25);
      assert.equal(query.filter?.kind, 'compare');
      assert.equal(queryOf('$orderby=updatedDateTime asc').descending, false);
      assert.equal(queryOf('$orderby=updatedDateTime').descending, false);
    });

    const refused: [string, string, RegExp][] = [
      ['$top=0', '$top', /whole number from 1 to 100/],
      ['$top=101', '$top', /whole number from 1 to 100/],
      ['$top=ten', '$top', /Invalid \$top "ten"/],
      ['$top=1.5', '$top', /whole number/],
      ['$top=-3', '$top', /whole number/],
      ['$top=', '$top', /whole number/],
      ['$top=5&$top=6', '$top', /given more than once/],
      ['$orderby=createdDateTime', '$orderby', /updatedDateTime \(asc or desc\) only/],
      ['$orderby=updatedDateTime sideways', '$orderby', /Invalid \$orderby/],
      ['$skip=10', '$skip', /\$skip is not supported here; supported are \$filter, \$orderby, \$top, \$skiptoken/],
      ['$count=true', '$count', /not supported/],
      ["$filter=status eq 'Open'", '$filter', /^Invalid \$filter: status is never 'Open'/],
      ['$skiptoken=abc', '$skiptoken', /not issued by this service/],
      ['$skiptoken=not base64!', '$skiptoken', /not issued by this service/],
    ];
    for (const [search, target, message] of refused) {
      it(`refuses ${search}, naming ${target}`, () => {
        const problem = problemOf(search);
        assert.equal(problem.target, target);
        assert.match(problem.message, message);
      });
    }

    it('takes a smaller largest page size when the simulator has one', () => {
      assert.equal(queryOf('', 10).top, 10);
      assert.match(problemOf('$top=11', 10).message, /from 1 to 10/);
    });
  });

  describe('skip tokens', () => {
    it('carry the last sort key and nothing else', () => {
      const token = encodeSkipToken({ updated: Date.UTC(2026, 10, 23, 3), id: 'r3' });
      assert.match(token, /^[A-Za-z0-9_-]+$/);
      assert.deepEqual(decodeSkipToken(token), { updated: Date.UTC(2026, 10, 23, 3), id: 'r3' });
    });

    it('are refused when they are not the service’s own', () => {
      for (const token of [
        '',
        'abc',
        Buffer.from('{"u":1}').toString('base64url'),
        Buffer.from('[1.5,"x"]').toString('base64url'),
        Buffer.from('[1,2]').toString('base64url'),
      ]) {
        assert.equal(decodeSkipToken(token), undefined, token);
      }
    });
  });

  describe('pages', () => {
    it('orders by updatedDateTime (as instants), then by id', () => {
      assert.deepEqual(
        listPage(referrals, queryOf('')).value.map((r) => r.id),
        ['r1', 'r2', 'r3', 'r3b', 'r4', 'r5', 'r6'],
      );
      assert.deepEqual(
        listPage(referrals, queryOf('$orderby=updatedDateTime desc')).value.map((r) => r.id),
        ['r6', 'r5', 'r4', 'r3b', 'r3', 'r2', 'r1'],
      );
    });

    it('cuts pages of $top, the last without a cursor', () => {
      assert.deepEqual(allPages(referrals, queryOf('$top=3')), [['r1', 'r2', 'r3'], ['r3b', 'r4', 'r5'], ['r6']]);
      assert.deepEqual(allPages(referrals, queryOf('$top=7')), [['r1', 'r2', 'r3', 'r3b', 'r4', 'r5', 'r6']]);
      assert.deepEqual(allPages(referrals, queryOf('$top=2&$orderby=updatedDateTime desc')), [
        ['r6', 'r5'],
        ['r4', 'r3b'],
        ['r3', 'r2'],
        ['r1'],
      ]);
    });

    it('gives no cursor when the page ends exactly with the last referral', () => {
      const page = listPage(referrals, queryOf('$top=7'));
      assert.equal(page.next, undefined);
      assert.deepEqual(listPage(referrals, queryOf('$top=6')).next, { updated: Date.UTC(2026, 10, 23, 5), id: 'r5' });
    });

    it('filters before paging', () => {
      assert.deepEqual(
        allPages(referrals, queryOf("$top=2&$filter=status eq 'New' and updatedDateTime gt 2026-11-23T01:00:00Z")),
        [
          ['r2', 'r3'],
          ['r3b', 'r5'],
        ],
      );
    });

    it('goes on after the last key seen, so a change while paging neither skips nor repeats a referral', () => {
      const query = queryOf('$top=3');
      const first = listPage(referrals, query);
      assert.deepEqual(
        first.value.map((r) => r.id),
        ['r1', 'r2', 'r3'],
      );
      // r4 is changed (moves to the end) and r2, already read, too: offsets would now skip r3b.
      const changed = referrals.map((r) =>
        r.id === 'r4' || r.id === 'r2' ? { ...r, updatedDateTime: '2026-11-23T07:00:00Z' } : r,
      );
      const rest = allPages(changed, { ...query, after: first.next });
      assert.deepEqual(rest, [
        ['r3b', 'r5', 'r6'],
        ['r2', 'r4'],
      ]);
    });

    it('builds the next page’s query from the same options and the cursor', () => {
      const params = new URLSearchParams("$filter=status eq 'New'&$top=2");
      const query = nextPageQuery(params, { updated: Date.UTC(2026, 10, 23, 2), id: 'r2' });
      assert.equal(
        query,
        `$filter=status%20eq%20'New'&$top=2&$skiptoken=${encodeSkipToken({ updated: Date.UTC(2026, 10, 23, 2), id: 'r2' })}`,
      );
      const again = queryOf(query);
      assert.deepEqual(again.after, { updated: Date.UTC(2026, 10, 23, 2), id: 'r2' });
      assert.equal(again.top, 2);
    });
  });
});
