import assert from 'node:assert/strict';
import { parseWebhookEvent, type EventProblem, type PartnerCenterEvent } from '../../bot/partnerCenter/webhookEvents';

const REFERRALS = 'https://api.partner.microsoft.com/v1.0/engagements/referrals';

const delivery = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  EventName: 'referral-created',
  ResourceUri: `${REFERRALS}/7e2b0c8a-5f0e-4c9e-9d1f-2f3b6a1c0d42`,
  ResourceName: 'referral',
  AuditUri: null,
  ResourceChangeUtcDate: '2026-03-02T09:15:30.1234567+00:00',
  ...overrides,
});

function eventOf(body: unknown): PartnerCenterEvent {
  const result = parseWebhookEvent(body);
  if (result.kind !== 'event') assert.fail(`expected an event, got ${JSON.stringify(result)}`);
  return result.event;
}

function problemsOf(body: unknown): EventProblem[] {
  const result = parseWebhookEvent(body);
  if (result.kind !== 'invalid') assert.fail(`expected problems, got ${JSON.stringify(result)}`);
  return result.problems;
}

describe('Partner Center webhook events', () => {
  it('reads a referral event: its kind, the referral id at the end of ResourceUri, and when it changed (UTC, to the millisecond)', () => {
    const event = eventOf(delivery());
    assert.equal(event.event, 'referral-created');
    assert.equal(event.referralId, '7e2b0c8a-5f0e-4c9e-9d1f-2f3b6a1c0d42');
    assert.equal(event.changedAt.toISO(), '2026-03-02T09:15:30.123Z');
  });

  it('knows all four referral events', () => {
    for (const name of ['referral-updated', 'related-referral-created', 'related-referral-updated']) {
      assert.equal(eventOf(delivery({ EventName: name })).event, name);
    }
  });

  it('converts an offset to UTC and reads a date without offset as UTC', () => {
    assert.equal(
      eventOf(delivery({ ResourceChangeUtcDate: '2026-03-02T11:15:30+02:00' })).changedAt.toISO(),
      '2026-03-02T09:15:30.000Z',
    );
    assert.equal(
      eventOf(delivery({ ResourceChangeUtcDate: '2026-03-02T09:15:30.2386997' })).changedAt.toISO(),
      '2026-03-02T09:15:30.238Z',
    );
  });

  it('ignores a query after the referral id, and accepts an audit URI', () => {
    const event = eventOf(
      delivery({
        ResourceUri: `${REFERRALS}/ref-42?expand=team`,
        AuditUri: 'https://api.partnercenter.microsoft.com/auditactivity/v1/auditrecords/a1',
      }),
    );
    assert.equal(event.referralId, 'ref-42');
  });

  it('reads a test delivery, whose ResourceUri names the validation event and no referral', () => {
    const event = eventOf({
      EventName: 'test-created',
      ResourceUri:
        'https://api.partnercenter.microsoft.com/webhooks/v1/registration/validationEvents/c0bfd694-3075-4ec5-9a3c-733d3a890a1f',
      ResourceName: 'test',
      AuditUri: null,
      ResourceChangeUtcDate: '2017-11-16T16:19:06.3520276+00:00',
    });
    assert.equal(event.event, 'test-created');
    assert.equal(event.referralId, undefined);
    assert.equal(event.changedAt.toISO(), '2017-11-16T16:19:06.352Z');
  });

  it('ignores an event of another kind, whatever else its body holds (other events name other resources)', () => {
    for (const body of [
      delivery({
        EventName: 'azure-fraud-event-detected',
        ResourceUri: 'https://api.partnercenter.microsoft.com/v1/f/1',
      }),
      { EventName: 'dap-admin-relationship-approved' },
    ]) {
      assert.deepEqual(parseWebhookEvent(body), { kind: 'ignored', eventName: body.EventName });
    }
  });

  it('refuses an event without a name, naming the field', () => {
    for (const name of [undefined, '', '  ', 7, null]) {
      const problems = problemsOf(delivery({ EventName: name }));
      assert.deepEqual(problems, [{ field: 'EventName', message: 'is required (a string)' }], String(name));
    }
  });

  it('refuses a ResourceUri that does not end in /referrals/{id} (also once "%2E%2E" is read as "..")', () => {
    for (const uri of [
      `${REFERRALS}`,
      `${REFERRALS}/`,
      'https://api.partner.microsoft.com/v1.0/engagements/leads/abc',
      `${REFERRALS}/abc/team`,
      `${REFERRALS}/%2E%2E`,
    ]) {
      assert.deepEqual(
        problemsOf(delivery({ ResourceUri: uri })),
        [{ field: 'ResourceUri', message: `"${uri}" does not end in /referrals/{id}` }],
        uri,
      );
    }
  });

  it('refuses a ResourceUri that is not an absolute URI', () => {
    assert.deepEqual(problemsOf(delivery({ ResourceUri: '/referrals/abc' })), [
      { field: 'ResourceUri', message: '"/referrals/abc" is not an absolute URI' },
    ]);
  });

  it('refuses a referral id that is not safe as a key', () => {
    for (const id of ['a*b', '-leading-dash', 'x'.repeat(129), 'a%20b']) {
      const problems = problemsOf(delivery({ ResourceUri: `${REFERRALS}/${id}` }));
      assert.equal(problems.length, 1, id);
      assert.equal(problems[0].field, 'ResourceUri');
      assert.match(problems[0].message, /the referral id ".*" must be 1-128 letters/);
    }
  });

  it('refuses a date that is missing or not a date and time', () => {
    for (const value of [undefined, 'yesterday', '2026-03-02', '2026-13-02T09:15:30Z', 1772442930000]) {
      const problems = problemsOf(delivery({ ResourceChangeUtcDate: value }));
      assert.deepEqual(
        problems.map((p) => p.field),
        ['ResourceChangeUtcDate'],
        String(value),
      );
    }
  });

  it('names every bad field at once', () => {
    const problems = problemsOf({
      EventName: 42,
      ResourceUri: 7,
      ResourceName: ['referral'],
      AuditUri: 1,
      ResourceChangeUtcDate: 'later',
    });
    assert.deepEqual(
      problems.map((p) => p.field),
      ['EventName', 'ResourceUri', 'ResourceName', 'AuditUri', 'ResourceChangeUtcDate'],
    );
  });

  it('matches field names exactly, as Partner Center sends them', () => {
    const problems = problemsOf({
      eventName: 'referral-created',
      resourceUri: `${REFERRALS}/abc`,
      resourceChangeUtcDate: '2026-03-02T09:15:30Z',
    });
    assert.deepEqual(
      problems.map((p) => p.field),
      ['EventName', 'ResourceUri', 'ResourceChangeUtcDate'],
    );
  });

  it('refuses a body that is not an object', () => {
    for (const body of [null, 'referral-created', [delivery()], 3]) {
      assert.deepEqual(problemsOf(body), [{ field: '(body)', message: 'must be a JSON object' }]);
    }
  });

  it('refuses an event nested deeper than 32 levels, naming where', () => {
    let deep: unknown = {};
    for (let level = 0; level < 40; level++) deep = { inner: deep };
    const [problem, ...more] = problemsOf(delivery({ Extra: deep }));
    assert.deepEqual(more, []);
    assert.equal(problem.field, ['Extra', ...Array(31).fill('inner')].join('.'));
    assert.equal(problem.message, 'nests deeper than 32 levels');
  });
});
