import assert from 'node:assert/strict';
import type { DealSummary } from '../../bot/domain/dealSummary';
import { byUrgency, isOverdue } from '../../bot/domain/dealUrgency';
import { expiringSoon, isExpiringSoon } from '../../bot/domain/expiringSoon';
import { pageOf } from '../../bot/domain/paging';
import { NOW } from '../support/fixtures';

/** A summary as the index keeps it; `at` fields are offsets from NOW in days. */
function deal(
  id: string,
  stage: DealSummary['stage'],
  dates: { deadlineIn?: number; closingIn?: number } = {},
): DealSummary {
  const day = (offset: number) => NOW.plus({ days: offset }).toISO()!;
  return {
    referralId: id,
    region: 'emea',
    stage,
    name: `Deal ${id}`,
    customer: 'Contoso GmbH',
    percent: 10,
    ...(dates.deadlineIn !== undefined ? { deadline: day(dates.deadlineIn) } : {}),
    ...(dates.closingIn !== undefined ? { closing: NOW.plus({ days: dates.closingIn }).startOf('day').toISO()! } : {}),
  };
}

const ids = (deals: DealSummary[]) => deals.map((d) => d.referralId);

describe('the urgency of own deals', () => {
  it('puts undecided referrals first by their deadline, then overdue deals, then deals by close date, then closed ones latest first', () => {
    const deals = [
      deal('won-old', 'won', { closingIn: -60 }),
      deal('accepted-later', 'accepted', { closingIn: 90 }),
      deal('new-later', 'received', { deadlineIn: 10 }),
      deal('overdue-recent', 'accepted', { closingIn: -2 }),
      deal('accepted-undated', 'accepted'),
      deal('declined', 'declined'),
      deal('accepted-soon', 'accepted', { closingIn: 5 }),
      deal('overdue-long', 'accepted', { closingIn: -40 }),
      deal('evaluating-soon', 'evaluating', { deadlineIn: 1 }),
      deal('won-recent', 'won', { closingIn: -3 }),
    ];
    assert.deepEqual(ids(byUrgency(deals, NOW)), [
      'evaluating-soon',
      'new-later',
      'overdue-long',
      'overdue-recent',
      'accepted-soon',
      'accepted-later',
      'accepted-undated',
      'won-recent',
      'won-old',
      'declined',
    ]);
  });

  it('orders closed ones by when they were closed, where the summary says', () => {
    const closedLongAfterItsDate = {
      ...deal('won-late', 'won', { closingIn: -60 }),
      decidedAt: NOW.minus({ days: 1 }).toISO()!,
    };
    const closedOnItsDate = {
      ...deal('won-on-time', 'won', { closingIn: -3 }),
      decidedAt: NOW.minus({ days: 3 }).toISO()!,
    };
    assert.deepEqual(ids(byUrgency([closedOnItsDate, closedLongAfterItsDate], NOW)), ['won-late', 'won-on-time']);
  });

  it('keeps its input as it was and orders ties by name, so every page is the same each time', () => {
    const deals = [deal('b', 'accepted', { closingIn: 5 }), deal('a', 'accepted', { closingIn: 5 })];
    assert.deepEqual(ids(byUrgency(deals, NOW)), ['a', 'b']);
    assert.deepEqual(ids(deals), ['b', 'a']);
  });

  it('calls a deal overdue from the day after its close date, and nothing else', () => {
    assert.equal(isOverdue(deal('today', 'accepted', { closingIn: 0 }), NOW), false, 'on the close date itself');
    assert.equal(isOverdue(deal('yesterday', 'accepted', { closingIn: -1 }), NOW), true);
    assert.equal(isOverdue(deal('won', 'won', { closingIn: -10 }), NOW), false, 'a closed deal is done');
    assert.equal(isOverdue(deal('undated', 'accepted'), NOW), false);
  });
});

describe('pages of a list', () => {
  const items = Array.from({ length: 23 }, (_, i) => i + 1);

  it('cuts the list into pages and says where the page lies', () => {
    assert.deepEqual(pageOf(items, 1, 10), { items: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], page: 1, pages: 3, total: 23 });
    assert.deepEqual(pageOf(items, 3, 10), { items: [21, 22, 23], page: 3, pages: 3, total: 23 });
  });

  it('gives the nearest page for one beyond either end, and one empty page for an empty list', () => {
    assert.equal(pageOf(items, 9, 10).page, 3);
    assert.equal(pageOf(items, 0, 10).page, 1);
    assert.equal(pageOf(items, 1.5, 10).page, 1);
    assert.deepEqual(pageOf([], 2, 10), { items: [], page: 1, pages: 1, total: 0 });
  });
});

describe('referrals expiring soon', () => {
  it('takes the undecided ones whose deadline lies within 3 days, soonest first', () => {
    const deals = [
      deal('in-2-days', 'received', { deadlineIn: 2 }),
      deal('in-5-days', 'received', { deadlineIn: 5 }),
      deal('passed', 'received', { deadlineIn: -0.01 }),
      deal('in-hours', 'evaluating', { deadlineIn: 0.2 }),
      deal('exactly-3-days', 'received', { deadlineIn: 3 }),
      deal('accepted', 'accepted', { closingIn: 1 }),
    ];
    assert.deepEqual(ids(expiringSoon(deals, NOW)), ['in-hours', 'in-2-days', 'exactly-3-days']);
    assert.equal(isExpiringSoon(deal('3-days-and-a-minute', 'received', { deadlineIn: 3 + 1 / 1440 }), NOW), false);
  });
});
