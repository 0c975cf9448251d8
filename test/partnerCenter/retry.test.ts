import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { backoffDelay, isRetryableStatus, parseRetryAfter, type RetryPolicy } from '../../bot/partnerCenter/retry';
import { describeTokenRefusal } from '../../bot/partnerCenter/tokenRefusal';

const NOW = DateTime.fromISO('2026-11-25T09:00:00Z', { zone: 'utc' });

describe('partnerCenter: retry timing', () => {
  describe('Retry-After', () => {
    const cases: [string | null | undefined, number | undefined][] = [
      ['2', 2000],
      ['0', 0],
      [' 120 ', 120_000],
      ['Wed, 25 Nov 2026 09:00:05 GMT', 5000],
      ['Wednesday, 25-Nov-26 09:01:00 GMT', 60_000],
      ['Wed Nov 25 09:00:30 2026', 30_000],
      ['Wed, 25 Nov 2026 08:59:00 GMT', 0],
      ['-1', undefined],
      ['1.5', undefined],
      ['soon', undefined],
      ['', undefined],
      [null, undefined],
      [undefined, undefined],
    ];
    for (const [header, expected] of cases) {
      it(`${JSON.stringify(header)} → ${expected === undefined ? 'unreadable' : `${expected} ms`}`, () => {
        assert.equal(parseRetryAfter(header, NOW), expected);
      });
    }
  });

  describe('backoff with full jitter', () => {
    const policy: RetryPolicy = { maxAttempts: 6, baseDelayMs: 1000, maxDelayMs: 8000 };

    it('doubles its ceiling with every retry up to the cap', () => {
      const half = () => 0.5;
      assert.deepEqual(
        [1, 2, 3, 4, 5, 6].map((retry) => backoffDelay(retry, policy, half)),
        [500, 1000, 2000, 4000, 4000, 4000],
      );
    });

    it('waits anything from nothing to just under the ceiling', () => {
      assert.equal(
        backoffDelay(1, policy, () => 0),
        0,
      );
      assert.equal(
        backoffDelay(1, policy, () => 0.9999),
        999,
      );
      assert.equal(
        backoffDelay(3, policy, () => 0.9999),
        3999,
      );
      assert.equal(
        backoffDelay(10, policy, () => 0.9999),
        7999,
      );
    });

    it('never exceeds the cap, however many retries', () => {
      assert.equal(
        backoffDelay(60, { ...policy, maxDelayMs: 30_000 }, () => 0.99),
        29_700,
      );
    });
  });

  it('retries throttling and server errors, not client errors or "not implemented"', () => {
    assert.deepEqual([429, 500, 502, 503, 504, 599].map(isRetryableStatus), [true, true, true, true, true, true]);
    assert.deepEqual([200, 400, 401, 403, 404, 409, 412, 501, 505].map(isRetryableStatus), [
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  describe('token refusals name the setting to fix', () => {
    const refusal = (status: number, error: string, code: number, description = 'Something.') => ({
      status,
      body: {
        error,
        error_description: `AADSTS${code}: ${description}\r\nTrace ID: t\r\nCorrelation ID: c\r\nTimestamp: 2026-11-25 09:00:00Z`,
        error_codes: [code],
      },
      tokenUrl: 'https://login.example/tenant-1/oauth2/v2.0/token',
      tenantId: 'tenant-1',
      clientId: 'app-1',
    });
    const cases: [ReturnType<typeof refusal>, RegExp][] = [
      [
        refusal(400, 'invalid_grant', 9002313, 'Invalid request.'),
        /^PARTNER_CENTER_REFRESH_TOKEN was refused \(invalid_grant: AADSTS9002313: Invalid request\.\); sign in again/,
      ],
      [
        refusal(401, 'invalid_client', 7000215, 'Invalid client secret provided.'),
        /^PARTNER_CENTER_CLIENT_SECRET was refused for app app-1 \(invalid_client: AADSTS7000215: Invalid client secret provided\.\)/,
      ],
      [
        refusal(400, 'unauthorized_client', 700016),
        /^PARTNER_CENTER_CLIENT_ID "app-1" is not an app of tenant tenant-1/,
      ],
      [refusal(400, 'invalid_request', 90002), /^PARTNER_CENTER_TENANT_ID "tenant-1" was not found/],
      [refusal(400, 'invalid_scope', 70011), /Partner Center API permission/],
      [refusal(503, 'temporarily_unavailable', 90033), /is not answering \(503\)/],
      [
        refusal(400, 'invalid_request', 900144),
        /refused to renew the Partner Center access token \(400, invalid_request: AADSTS900144/,
      ],
    ];
    for (const [answer, message] of cases) {
      it(`${answer.status} ${answer.body.error}`, () => {
        const text = describeTokenRefusal(answer);
        assert.match(text, message);
        assert.doesNotMatch(text, /Trace ID/, 'only the first line of Entra’s description');
      });
    }

    it('says what came when the body is no Entra error', () => {
      assert.match(
        describeTokenRefusal({ status: 400, body: undefined, tokenUrl: 'u', tenantId: 't', clientId: 'c' }),
        /HTTP 400 without an error/,
      );
    });
  });
});
