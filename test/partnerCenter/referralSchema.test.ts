import assert from 'node:assert/strict';
import type { IncomingReferral } from '../../bot/domain/incoming';
import { MAX_JSON_DEPTH, MAX_REFERRAL_CHARS } from '../../bot/partnerCenter/jsonLimits';
import { parseReferrals, type ItemProblem } from '../../bot/partnerCenter/referralSchema';
import { pcReferral } from '../support/fixtures';
import type { WireObject } from '../support/wireJson';

function referralsOf(body: unknown): IncomingReferral[] {
  const result = parseReferrals(body);
  if ('problems' in result) assert.fail(`expected referrals, got problems ${JSON.stringify(result.problems)}`);
  return result.referrals;
}

function problemsOf(body: unknown): ItemProblem[] {
  const result = parseReferrals(body);
  if (!('problems' in result)) assert.fail(`expected problems, got ${result.referrals.length} referral(s)`);
  assert.equal('referrals' in result, false, 'a delivery with problems returns no referrals');
  return result.problems;
}

/** The fields named for the single bad item of a one-referral delivery. */
function fieldsOf(body: unknown): string[] {
  const problems = problemsOf(body);
  assert.equal(problems.length, 1);
  assert.equal(problems[0].index, 0);
  return problems[0].problems.map((p) => p.field);
}

/** An array nested `levels` deep: `[[…]]`. */
function nested(levels: number): unknown {
  let value: unknown = [];
  for (let level = 1; level < levels; level++) value = [value];
  return value;
}

const withoutKey = (object: Record<string, unknown>, key: string) => {
  const copy = { ...object };
  delete copy[key];
  return copy;
};

describe('partnerCenter: parseReferrals', () => {
  it("refuses an id of the kind the partner's own deals have, so a delivery cannot reach one", () => {
    const parsed = parseReferrals(pcReferral({ id: 'deal-0f6c1d9e-5b7a-4c61-9a57-2b8e3f4d5a10' }));
    assert.ok('problems' in parsed);
    assert.equal(parsed.problems[0].problems[0].field, 'id');
    assert.match(parsed.problems[0].problems[0].message, /must not start with "deal-"/);
  });

  describe('good deliveries', () => {
    it('reads a single referral object', () => {
      const [referral] = referralsOf(pcReferral());
      assert.equal(referral.id, 'a1b2c3d4-0000-4000-8000-000000000001');
      assert.equal(referral.name, 'Contoso cloud migration');
      assert.equal(referral.status, 'New');
      assert.equal(referral.substatus, 'Received');
      assert.equal(referral.customerProfile.address.country, 'DE');
      assert.equal(referral.details.dealValue, 25000);
    });

    it('reads a field Partner Center sends as null as absent, at any depth; array items stay', () => {
      const base = pcReferral();
      const [referral] = referralsOf({
        ...base,
        name: null,
        externalReferenceId: null,
        statusReason: null,
        closedDateTime: null,
        details: { ...(base.details as object), notes: null, dealValue: null, closingDateTime: null },
        customerProfile: {
          ...(base.customerProfile as object),
          size: null,
          team: [{ firstName: 'Anna', email: null }],
        },
      });
      assert.equal(referral.name, 'Contoso GmbH', 'no name: named after its customer');
      for (const field of ['externalReferenceId', 'statusReason', 'closedDateTime'])
        assert.equal(field in referral, false, field);
      for (const field of ['notes', 'dealValue', 'closingDateTime'])
        assert.equal(field in referral.details, false, field);
      assert.equal('size' in referral.customerProfile, false);
      assert.deepEqual(referral.customerProfile.team, [{ firstName: 'Anna' }]);
      assert.equal(JSON.stringify(referral).includes('null'), false);
    });

    it('reads an array of referrals, in order', () => {
      const referrals = referralsOf([pcReferral({ id: 'r-1' }), pcReferral({ id: 'r-2' }), pcReferral({ id: 'r-3' })]);
      assert.deepEqual(
        referrals.map((r) => r.id),
        ['r-1', 'r-2', 'r-3'],
      );
    });

    it('writes every timestamp as a UTC ISO instant', () => {
      const [referral] = referralsOf(
        pcReferral({
          createdDateTime: '2026-11-23T10:00:00+02:00',
          updatedDateTime: '2026-11-23T08:30:00Z',
          expirationDateTime: '2026-12-07T09:00:00+01:00',
          acceptedDateTime: '2026-11-23T08:45:00.5Z',
          details: { closingDateTime: '2027-01-31T00:00:00-05:00' },
        }),
      );
      assert.equal(referral.createdDateTime, '2026-11-23T08:00:00.000Z');
      assert.equal(referral.updatedDateTime, '2026-11-23T08:30:00.000Z');
      assert.equal(referral.expirationDateTime, '2026-12-07T08:00:00.000Z');
      assert.equal(referral.acceptedDateTime, '2026-11-23T08:45:00.500Z');
      assert.equal(referral.details.closingDateTime, '2027-01-31T05:00:00.000Z');
    });

    it('defaults status and substatus to New/Received', () => {
      const [referral] = referralsOf(withoutKey(withoutKey(pcReferral(), 'status'), 'substatus'));
      assert.equal(referral.status, 'New');
      assert.equal(referral.substatus, 'Received');
    });

    it('keeps a status and substatus that were sent', () => {
      const [referral] = referralsOf(pcReferral({ status: 'Active', substatus: 'Accepted' }));
      assert.equal(`${referral.status}/${referral.substatus}`, 'Active/Accepted');
    });

    it('defaults type and qualification', () => {
      const [referral] = referralsOf(withoutKey(withoutKey(pcReferral(), 'type'), 'qualification'));
      assert.equal(referral.type, 'Independent');
      assert.equal(referral.qualification, 'None');
    });

    it('leaves missing timestamps for the ingest to fill in', () => {
      const bare = withoutKey(
        withoutKey(withoutKey(pcReferral(), 'createdDateTime'), 'updatedDateTime'),
        'expirationDateTime',
      );
      const [referral] = referralsOf(bare);
      assert.equal(referral.createdDateTime, undefined);
      assert.equal(referral.updatedDateTime, undefined);
      assert.equal(referral.expirationDateTime, undefined);
    });

    it('names the referral after the customer when it has no name', () => {
      assert.equal(referralsOf(withoutKey(pcReferral(), 'name'))[0].name, 'Contoso GmbH');
      assert.equal(referralsOf(pcReferral({ name: '   ' }))[0].name, 'Contoso GmbH');
      assert.equal(referralsOf(pcReferral({ name: '' }))[0].name, 'Contoso GmbH');
    });

    it('normalises the country code to upper case', () => {
      for (const country of ['de', 'De', ' de ']) {
        const profile = { name: 'Contoso GmbH', address: { city: 'Berlin', country } };
        assert.equal(
          referralsOf(pcReferral({ customerProfile: profile }))[0].customerProfile.address.country,
          'DE',
          JSON.stringify(country),
        );
      }
    });

    it('normalises the currency to upper case', () => {
      assert.equal(referralsOf(pcReferral({ details: { currency: 'usd' } }))[0].details.currency, 'USD');
    });

    it('accepts a referral without details', () => {
      const [referral] = referralsOf(withoutKey(pcReferral(), 'details'));
      assert.deepEqual(referral.details, {});
    });

    it('keeps unknown fields, at the top and nested', () => {
      const body = pcReferral({
        favorite: true,
        tags: [{ tag: 'priority' }],
        salesStage: 'Qualify',
        links: { self: { uri: 'https://api.partner.microsoft.com/v1.0/engagements/referrals/x', method: 'GET' } },
        customerProfile: {
          name: 'Contoso GmbH',
          size: '100to499employees',
          ids: [{ profileType: 'Duns', id: '123456789' }],
          address: { city: 'Berlin', country: 'DE', region: 'Berlin' },
          team: [{ firstName: 'Anna', contactPreference: { locale: 'de-DE', disableNotifications: false } }],
        },
        details: { dealValue: 1, customerAction: 'Contact', requirements: { industries: [{ id: 'manufacturing' }] } },
        inviteContext: {
          invitedBy: { organizationId: 'o-1', organizationName: 'Microsoft' },
          assistanceRequestCode: 'TechnicalAssistance',
        },
      });
      const [referral] = referralsOf(body);
      const kept = referral as unknown as WireObject;
      assert.equal(kept.favorite, true);
      assert.deepEqual(kept.tags, [{ tag: 'priority' }]);
      assert.equal(kept.salesStage, 'Qualify');
      assert.deepEqual(kept.links, body.links);
      assert.deepEqual(kept.consent, { consentToToShareInfoWithOthers: true, consentToContact: true });
      assert.deepEqual(kept.target, [{ id: 'loc-emea-1', type: 'BusinessProfileLocation' }]);
      assert.equal(kept.engagementId, 'e1b2c3d4-0000-4000-8000-000000000001');
      assert.equal(kept.direction, 'Incoming');
      assert.equal(kept.customerProfile.size, '100to499employees');
      assert.deepEqual(kept.customerProfile.ids, [{ profileType: 'Duns', id: '123456789' }]);
      assert.equal(kept.customerProfile.address.region, 'Berlin');
      assert.deepEqual(kept.customerProfile.team[0].contactPreference, {
        locale: 'de-DE',
        disableNotifications: false,
      });
      assert.equal(kept.details.customerAction, 'Contact');
      assert.deepEqual(kept.details.requirements, { industries: [{ id: 'manufacturing' }] });
      assert.equal(kept.inviteContext.assistanceRequestCode, 'TechnicalAssistance');
    });

    it('does not modify the body it was given', () => {
      const body = [pcReferral({ customerProfile: { name: 'Contoso GmbH', address: { country: 'de' } } })];
      const copy = structuredClone(body);
      referralsOf(body);
      assert.deepEqual(body, copy);
    });
  });

  describe('problems', () => {
    it('names a missing id', () => {
      const problems = problemsOf(withoutKey(pcReferral(), 'id'));
      assert.deepEqual(
        problems.map((p) => [p.index, p.id]),
        [[0, undefined]],
      );
      assert.deepEqual(
        problems[0].problems.map((p) => p.field),
        ['id'],
      );
    });

    for (const id of ['a/b', 'a b', 'a#1', '-leading-dash', '', 'x'.repeat(129)]) {
      it(`names an id with bad characters or length: ${JSON.stringify(id.length > 20 ? `${id.slice(0, 5)}…(${id.length})` : id)}`, () => {
        const problems = problemsOf(pcReferral({ id }));
        assert.equal(problems[0].id, id);
        assert.deepEqual(
          problems[0].problems.map((p) => p.field),
          ['id'],
        );
      });
    }

    it('names a missing customer name', () => {
      assert.deepEqual(fieldsOf(pcReferral({ customerProfile: { address: { country: 'DE' } } })), [
        'customerProfile.name',
      ]);
      assert.deepEqual(fieldsOf(pcReferral({ customerProfile: { name: '  ', address: { country: 'DE' } } })), [
        'customerProfile.name',
      ]);
    });

    it('names a missing customer profile', () => {
      assert.deepEqual(fieldsOf(withoutKey(pcReferral(), 'customerProfile')), ['customerProfile']);
    });

    it('names a missing address', () => {
      assert.deepEqual(fieldsOf(pcReferral({ customerProfile: { name: 'Contoso GmbH' } })), [
        'customerProfile.address',
      ]);
    });

    it('names a missing country', () => {
      assert.deepEqual(
        fieldsOf(pcReferral({ customerProfile: { name: 'Contoso GmbH', address: { city: 'Berlin' } } })),
        ['customerProfile.address.country'],
      );
    });

    for (const country of ['Germany', 'DEU', 'XK', 'UK', '']) {
      it(`names country ${JSON.stringify(country)}, which is no ISO-3166 alpha-2 code`, () => {
        const problems = problemsOf(pcReferral({ customerProfile: { name: 'Contoso GmbH', address: { country } } }));
        assert.deepEqual(
          problems[0].problems.map((p) => p.field),
          ['customerProfile.address.country'],
        );
        assert.match(problems[0].problems[0].message, /ISO-3166/);
      });
    }

    it('names a negative deal value', () => {
      assert.deepEqual(fieldsOf(pcReferral({ details: { dealValue: -1 } })), ['details.dealValue']);
    });

    it('names a deal value that is not a number', () => {
      assert.deepEqual(fieldsOf(pcReferral({ details: { dealValue: '25000' } })), ['details.dealValue']);
    });

    it('names a bad currency', () => {
      assert.deepEqual(fieldsOf(pcReferral({ details: { currency: 'euro' } })), ['details.currency']);
    });

    for (const field of [
      'createdDateTime',
      'updatedDateTime',
      'expirationDateTime',
      'acceptedDateTime',
      'closedDateTime',
    ]) {
      it(`names a bad date in ${field}`, () => {
        assert.deepEqual(fieldsOf(pcReferral({ [field]: 'not-a-date' })), [field]);
      });
    }

    it('names a bad closing date in the details', () => {
      assert.deepEqual(fieldsOf(pcReferral({ details: { closingDateTime: '31.01.2027' } })), [
        'details.closingDateTime',
      ]);
    });

    it('names an unknown status', () => {
      assert.deepEqual(fieldsOf(pcReferral({ status: 'Open' })), ['status']);
    });

    it('names every problem of one item', () => {
      const fields = fieldsOf(
        pcReferral({
          id: 'bad id',
          customerProfile: { address: { country: 'Germany' } },
          details: { dealValue: -5 },
          createdDateTime: 'yesterday',
        }),
      ).sort();
      assert.deepEqual(fields, [
        'createdDateTime',
        'customerProfile.address.country',
        'customerProfile.name',
        'details.dealValue',
        'id',
      ]);
    });

    it('rejects an item that is not an object', () => {
      for (const body of [null, 42, 'referral', [pcReferral(), null]]) {
        const problems = problemsOf(body);
        assert.equal(problems.length, 1, JSON.stringify(body));
        assert.equal(problems[0].index, Array.isArray(body) ? 1 : 0);
      }
    });

    it('rejects an empty array', () => {
      assert.deepEqual(
        problemsOf([]).map((p) => p.problems.map((q) => q.field)),
        [['(body)']],
      );
    });

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
