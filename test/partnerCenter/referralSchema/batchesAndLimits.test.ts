import assert from 'node:assert/strict';
import { MAX_JSON_DEPTH, MAX_REFERRAL_CHARS } from '../../../bot/partnerCenter/jsonLimits';
import { parseReferrals, type ItemProblem } from '../../../bot/partnerCenter/referralSchema';
import { pcReferral } from '../../support/fixtures';
import { nested, problemsOf, referralsOf, withoutKey } from './fixtures';

describe('partnerCenter: parseReferrals', () => {
  describe('problems', () => {
    it('names a duplicate id within one batch, at the second occurrence', () => {
      const problems = problemsOf([pcReferral({ id: 'r-1' }), pcReferral({ id: 'r-2' }), pcReferral({ id: 'r-1' })]);
      assert.deepEqual(problems, [
        { index: 2, id: 'r-1', problems: [{ field: 'id', message: 'appears twice in this delivery' }] },
      ]);
    });

    it('names a duplicate at its own index when an earlier item is bad', () => {
      const problems = problemsOf([
        pcReferral({ id: 'bad', customerProfile: {} }),
        pcReferral({ id: 'r-1' }),
        pcReferral({ id: 'r-1' }),
      ]);
      assert.deepEqual(
        problems.map((p) => [p.index, p.id]),
        [
          [0, 'bad'],
          [2, 'r-1'],
        ],
      );
    });

    it('returns only problems when one item of a batch is bad', () => {
      const result = parseReferrals([
        pcReferral({ id: 'r-1' }),
        pcReferral({ id: 'r-2', details: { dealValue: -1 } }),
        pcReferral({ id: 'r-3' }),
      ]);
      assert.deepEqual(Object.keys(result), ['problems']);
      const { problems } = result as { problems: ItemProblem[] };
      assert.deepEqual(
        problems.map((p) => [p.index, p.id]),
        [[1, 'r-2']],
      );
      assert.deepEqual(
        problems[0].problems.map((p) => p.field),
        ['details.dealValue'],
      );
    });

    it('names the path where an item nests deeper than 32 levels, at any depth, and reads none of it', () => {
      for (const depth of [MAX_JSON_DEPTH, 5_000, 200_000]) {
        const problems = problemsOf([
          pcReferral({ id: 'r-1' }),
          pcReferral({ id: 'r-2', status: 'Bogus', extra: nested(depth) }),
        ]);
        assert.deepEqual(
          problems.map((p) => [p.index, p.id]),
          [[1, 'r-2']],
        );
        const field = ['extra', ...Array(MAX_JSON_DEPTH - 1).fill(0)].join('.');
        assert.deepEqual(problems[0].problems, [{ field, message: 'nests deeper than 32 levels' }]);
      }
    });

    it('takes a referral nested exactly 32 levels deep', () => {
      const [referral] = referralsOf(pcReferral({ extra: nested(MAX_JSON_DEPTH - 1) }));
      assert.deepEqual((referral as unknown as { extra: unknown }).extra, nested(MAX_JSON_DEPTH - 1));
    });

    it('names the field that makes a referral too large to store, and takes one just within the limit', () => {
      const base = JSON.stringify(referralsOf(pcReferral())[0]).length;
      const filler = MAX_REFERRAL_CHARS - base - ',"attachment":""'.length;
      const [fits] = referralsOf(pcReferral({ attachment: 'x'.repeat(filler) }));
      assert.equal(JSON.stringify(fits).length, MAX_REFERRAL_CHARS);

      const [tooLarge] = problemsOf(pcReferral({ attachment: 'x'.repeat(filler + 1) })).map((item) => item.problems);
      assert.deepEqual(
        tooLarge.map((p) => p.field),
        ['attachment'],
      );
      const problem = problemsOf(pcReferral({ details: { notes: 'short', extra: { file: 'y'.repeat(600_000) } } }))[0]
        .problems[0];
      assert.equal(problem.field, 'details.extra.file');
      assert.match(
        problem.message,
        /^is 600,002 characters and makes the referral 60\d,\d{3} characters as JSON; .* at most 200,000$/,
      );
    });

    it('names the whole referral when no one field makes it too large', () => {
      const fields = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`part${i}`, 'z'.repeat(25_000)]));
      const [item] = problemsOf(pcReferral(fields));
      assert.deepEqual(
        item.problems.map((p) => p.field),
        ['(referral)'],
      );
      assert.match(item.problems[0].message, /^is 25\d,\d{3} characters as JSON; a referral may have at most 200,000$/);
    });

    it('names every bad item of a batch by its index', () => {
      const problems = problemsOf([
        pcReferral({ id: 'r-1', customerProfile: { name: 'A', address: { country: 'Germany' } } }),
        pcReferral({ id: 'r-2' }),
        withoutKey(pcReferral(), 'id'),
      ]);
      assert.deepEqual(
        problems.map((p) => [p.index, p.id, p.problems.map((q) => q.field)]),
        [
          [0, 'r-1', ['customerProfile.address.country']],
          [2, undefined, ['id']],
        ],
      );
    });
  });
});
