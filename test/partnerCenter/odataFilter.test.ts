import assert from 'node:assert/strict';
import { matchesFilter } from '../../tools/partnerCenterSimulator/filterMatch';
import { FilterSyntaxError, parseFilter, type FilterExpression } from '../../tools/partnerCenterSimulator/odataFilter';

/** The filter's problem, as the service would say it. */
function problemOf(filter: string): FilterSyntaxError {
  try {
    parseFilter(filter);
  } catch (error) {
    assert.ok(error instanceof FilterSyntaxError, `expected a FilterSyntaxError, got ${String(error)}`);
    return error;
  }
  assert.fail(`expected ${JSON.stringify(filter)} to be refused`);
}

const matches = (filter: string, referral: Record<string, unknown>) => matchesFilter(parseFilter(filter), referral);

describe('simulator: OData $filter', () => {
  describe('parsing', () => {
    it('reads one comparison of a field with a string', () => {
      assert.deepEqual(parseFilter("status eq 'New'"), {
        kind: 'compare',
        field: 'status',
        operator: 'eq',
        literal: { type: 'string', value: 'New' },
      });
    });

    it('reads every comparison operator', () => {
      for (const operator of ['eq', 'ne', 'gt', 'ge', 'lt', 'le']) {
        const parsed = parseFilter(`id ${operator} 'a'`) as Extract<FilterExpression, { kind: 'compare' }>;
        assert.equal(parsed.operator, operator);
      }
    });

    it('binds and tighter than or', () => {
      const parsed = parseFilter("status eq 'New' or status eq 'Active' and type eq 'Shared'");
      assert.equal(parsed.kind, 'or');
      const or = parsed;
      assert.equal(or.left.kind, 'compare');
      assert.equal(or.right.kind, 'and');
    });

    it('groups with parentheses', () => {
      const parsed = parseFilter("(status eq 'New' or status eq 'Active') and type eq 'Shared'");
      assert.equal(parsed.kind, 'and');
      assert.equal(parsed.left.kind, 'or');
    });

    it("reads '' inside a string as one quote", () => {
      const parsed = parseFilter("id eq 'O''Brien''s'") as Extract<FilterExpression, { kind: 'compare' }>;
      assert.deepEqual(parsed.literal, { type: 'string', value: "O'Brien's" });
    });

    it('reads dates and times bare or quoted, in any offset, as the same instant', () => {
      const bare = parseFilter('updatedDateTime gt 2026-11-23T09:00:00Z') as Extract<
        FilterExpression,
        { kind: 'compare' }
      >;
      const quoted = parseFilter("updatedDateTime gt '2026-11-23T10:00:00+01:00'") as Extract<
        FilterExpression,
        { kind: 'compare' }
      >;
      const noSeconds = parseFilter('createdDateTime ge 2026-11-23T09:00Z') as Extract<
        FilterExpression,
        { kind: 'compare' }
      >;
      assert.deepEqual(bare.literal, { type: 'datetime', value: Date.UTC(2026, 10, 23, 9, 0, 0) });
      assert.deepEqual(quoted.literal, bare.literal);
      assert.deepEqual(noSeconds.literal, bare.literal);
    });

    it('reads fractions of a second, and a time without an offset as UTC', () => {
      const fraction = parseFilter('updatedDateTime gt 2026-11-23T09:00:00.250Z') as Extract<
        FilterExpression,
        { kind: 'compare' }
      >;
      const zoneless = parseFilter('updatedDateTime gt 2026-11-23T09:00:00') as Extract<
        FilterExpression,
        { kind: 'compare' }
      >;
      assert.equal(fraction.literal.value, Date.UTC(2026, 10, 23, 9, 0, 0, 250));
      assert.equal(zoneless.literal.value, Date.UTC(2026, 10, 23, 9, 0, 0));
    });

    it('ignores spaces around and between terms', () => {
      assert.deepEqual(parseFilter("  ( status   eq 'New' )  "), parseFilter("status eq 'New'"));
    });
  });

  describe('refusals name the problem and where it is', () => {
    const cases: [string, RegExp, number][] = [
      ['', /the filter is empty/, 1],
      ['   ', /the filter is empty/, 1],
      ["Status eq 'New'", /unknown field "Status" at position 1; the filterable fields are status, substatus/, 1],
      ["name eq 'Contoso'", /unknown field "name"/, 1],
      [
        "status equals 'New'",
        /expected a comparison \(eq, ne, gt, ge, lt, le\) after status, found "equals" at position 8/,
        8,
      ],
      ["status EQ 'New'", /found "EQ" at position 8/, 8],
      ['status eq', /status must be compared with a string in single quotes, found the end of the filter/, 10],
      ["status eq 'New", /the string starting at position 11 has no closing quote/, 11],
      ["(status eq 'New'", /expected "\)" to close the "\(" at position 1, found the end of the filter/, 17],
      ["status eq 'New')", /expected "and", "or" or the end of the filter, found "\)" at position 16/, 16],
      ["status eq 'New' type eq 'Shared'", /found "type" at position 17/, 17],
      ["status eq 'New' and", /expected a field name, found the end of the filter/, 20],
      ["status eq 'New' and or type eq 'Shared'", /unknown field "or" at position 21/, 21],
      [
        "updatedDateTime gt 'yesterday'",
        /updatedDateTime must be compared with a date and time such as 2026-11-23T09:00:00Z, found "yesterday"/,
        20,
      ],
      ['updatedDateTime gt 2026-13-01T00:00:00Z', /found "2026-13-01T00:00:00Z"/, 20],
      ['updatedDateTime gt 2026-11-23', /"2026-11-23" at position 20 is no literal this filter knows/, 20],
      [
        'status eq 2026-11-23T09:00:00Z',
        /status must be compared with a string in single quotes, found 2026-11-23T09:00:00Z at position 11/,
        11,
      ],
      ['status eq 5', /"5" at position 11 is no literal this filter knows/, 11],
      ["status eq 'Open'", /status is never 'Open' \(position 11\); it is one of None, New, Active, Closed/, 11],
      ["direction eq 'incoming'", /direction is never 'incoming'.*Incoming, Outgoing/, 14],
      ["not status eq 'New'", /"not" \(position 1\) is not supported; use ne/, 1],
      ['status eq "New"', /unexpected """ at position 11/, 11],
      ["substatus eq 'Won' && status eq 'Closed'", /unexpected "&" at position 20/, 20],
    ];
    for (const [filter, message, position] of cases) {
      it(JSON.stringify(filter), () => {
        const problem = problemOf(filter);
        assert.match(problem.message, message);
        assert.equal(problem.position, position);
      });
    }
  });

  describe('matching referrals', () => {
    const referral = {
      id: 'b-2',
      status: 'New',
      substatus: 'Received',
      type: 'Shared',
      qualification: 'SalesQualified',
      direction: 'Incoming',
      createdDateTime: '2026-11-20T08:00:00Z',
      updatedDateTime: '2026-11-23T10:00:00+01:00',
    };

    it('compares strings exactly', () => {
      assert.equal(matches("status eq 'New'", referral), true);
      assert.equal(matches("status eq 'Active'", referral), false);
      assert.equal(matches("status ne 'Active'", referral), true);
      assert.equal(matches("id eq 'B-2'", referral), false);
    });

    it('orders strings ordinally', () => {
      assert.equal(matches("id gt 'b-1'", referral), true);
      assert.equal(matches("id ge 'b-2'", referral), true);
      assert.equal(matches("id lt 'b-2'", referral), false);
      assert.equal(matches("id le 'b-2'", referral), true);
    });

    it('compares instants, not their spelling', () => {
      // updatedDateTime is 09:00 UTC, written with a +01:00 offset.
      assert.equal(matches('updatedDateTime eq 2026-11-23T09:00:00Z', referral), true);
      assert.equal(matches('updatedDateTime gt 2026-11-23T08:59:59.999Z', referral), true);
      assert.equal(matches('updatedDateTime gt 2026-11-23T09:00:00Z', referral), false);
      assert.equal(matches('updatedDateTime ge 2026-11-23T09:00:00Z', referral), true);
      assert.equal(matches('updatedDateTime lt 2026-11-23T09:00:00.001Z', referral), true);
      assert.equal(matches('createdDateTime le 2026-11-19T23:59:59Z', referral), false);
    });

    it('applies and, or and parentheses', () => {
      assert.equal(
        matches("status eq 'Active' or type eq 'Shared' and qualification eq 'SalesQualified'", referral),
        true,
      );
      assert.equal(matches("(status eq 'Active' or type eq 'Shared') and qualification eq 'Direct'", referral), false);
      assert.equal(matches("status eq 'Active' or (type eq 'Shared' and direction eq 'Outgoing')", referral), false);
    });

    it('treats a missing field as null: equal to nothing, unequal to everything, never greater or less', () => {
      const bare = { id: 'x', updatedDateTime: '2026-11-23T09:00:00Z' };
      assert.equal(matches("type eq 'Shared'", bare), false);
      assert.equal(matches("type ne 'Shared'", bare), true);
      assert.equal(matches('createdDateTime gt 2000-01-01T00:00:00Z', bare), false);
      assert.equal(matches('createdDateTime lt 2100-01-01T00:00:00Z', bare), false);
      assert.equal(matches('createdDateTime ne 2026-11-23T09:00:00Z', bare), true);
    });

    it('reads the filters the desk polls with', () => {
      const filter =
        "direction eq 'Incoming' and updatedDateTime gt 2026-11-23T08:30:00Z and (status eq 'New' or status eq 'Active')";
      assert.equal(matches(filter, referral), true);
      assert.equal(matches(filter, { ...referral, status: 'Closed' }), false);
      assert.equal(matches(filter, { ...referral, updatedDateTime: '2026-11-23T08:30:00Z' }), false);
    });
  });

  it('places a missing term just past the end of the filter', () => {
    assert.equal(problemOf("status eq 'New' or").position, "status eq 'New' or".length + 1);
  });
});
