import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { invitingPartner, isInvitedByMicrosoft, leadKindOf, type LeadKind } from '../../bot/domain/leadKind';
import type { Referral } from '../../bot/domain/referral';
import {
  expiryOf,
  isContactRequestFresh,
  isExpiredAt,
  parseInstant,
  responseTargetOf,
} from '../../bot/domain/timeLimits';
import { NOW, receivedRecord } from '../support/fixtures';

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const HOUR_MS = 3_600_000;

describe('timeLimits', () => {
  describe('expiryOf', () => {
    it('is the expirationDateTime Partner Center sent', () => {
      const expiry = expiryOf({ createdDateTime: '2026-11-23T08:00:00Z', expirationDateTime: '2026-11-30T17:45:00Z' });
      assert.equal(expiry.toISO(), '2026-11-30T17:45:00.000Z');
    });

    it('reads an expirationDateTime with an offset as the same instant, in UTC', () => {
      const expiry = expiryOf({
        createdDateTime: '2026-11-23T08:00:00Z',
        expirationDateTime: '2026-11-30T18:45:00+01:00',
      });
      assert.equal(expiry.toISO(), '2026-11-30T17:45:00.000Z');
    });

    it('is created + 14 days without an expirationDateTime', () => {
      assert.equal(expiryOf({ createdDateTime: '2026-11-23T08:00:00Z' }).toISO(), '2026-12-07T08:00:00.000Z');
      assert.equal(
        expiryOf({ createdDateTime: '2026-11-23T08:00:00Z', expirationDateTime: '' }).toISO(),
        '2026-12-07T08:00:00.000Z',
      );
    });

    it('is exactly 14 × 24 h after a creation in Europe/Berlin across the end of summer time', () => {
      // 20 October 2026, 10:00 in Berlin is still CEST (+02:00); Berlin falls back to CET on 25 October.
      const created = DateTime.fromObject({ year: 2026, month: 10, day: 20, hour: 10 }, { zone: 'Europe/Berlin' });
      assert.equal(created.offset, 120);
      const createdIso = created.toISO()!;
      assert.equal(createdIso, '2026-10-20T10:00:00.000+02:00');

      const expiry = expiryOf({ createdDateTime: createdIso });

      assert.equal(expiry.toMillis() - created.toMillis(), 14 * 24 * HOUR_MS);
      assert.equal(expiry.toUTC().toISO(), '2026-11-03T08:00:00.000Z');
      // On Berlin's wall clock that is 09:00, not 10:00: the window is counted in elapsed hours.
      assert.equal(expiry.setZone('Europe/Berlin').hour, 9);
    });

    it('is exactly 14 × 24 h after a creation in America/New_York across the start of summer time', () => {
      const created = DateTime.fromObject(
        { year: 2027, month: 3, day: 5, hour: 23, minute: 30 },
        { zone: 'America/New_York' },
      );
      const expiry = expiryOf({ createdDateTime: created.toISO()! });
      assert.equal(expiry.toMillis() - created.toMillis(), 14 * 24 * HOUR_MS);
      assert.equal(expiry.toISO(), '2027-03-20T04:30:00.000Z');
    });
  });

  describe('isExpiredAt', () => {
    const referral = { createdDateTime: '2026-11-23T08:00:00Z', expirationDateTime: '2026-12-07T08:00:00Z' };

    it('is false before the expiry and true at and after it', () => {
      assert.equal(isExpiredAt(referral, utc('2026-12-07T07:59:59.999Z')), false);
      assert.equal(isExpiredAt(referral, utc('2026-12-07T08:00:00.000Z')), true);
      assert.equal(isExpiredAt(referral, utc('2026-12-08T00:00:00.000Z')), true);
    });

    it('compares instants, whatever zone the clock is in', () => {
      assert.equal(isExpiredAt(referral, utc('2026-12-07T08:30:00Z').setZone('America/Los_Angeles')), true);
      assert.equal(isExpiredAt(referral, utc('2026-12-07T07:30:00Z').setZone('Asia/Tokyo')), false);
    });
  });

  describe('responseTargetOf', () => {
    it('is created + 24 h', () => {
      assert.equal(responseTargetOf({ createdDateTime: '2026-11-23T08:00:00Z' }).toISO(), '2026-11-24T08:00:00.000Z');
    });

    it('is 24 elapsed hours across a DST change', () => {
      const created = DateTime.fromObject({ year: 2026, month: 10, day: 24, hour: 12 }, { zone: 'Europe/Berlin' });
      const target = responseTargetOf({ createdDateTime: created.toISO()! });
      assert.equal(target.toMillis() - created.toMillis(), 24 * HOUR_MS);
    });
  });

  describe('isContactRequestFresh', () => {
    const created = '2026-11-23T08:00:00Z';
    const asked = { createdDateTime: created, details: { customerRequestedContact: true } };

    it('is fresh for 72 hours after creation, then not', () => {
      assert.equal(isContactRequestFresh(asked, utc(created)), true);
      assert.equal(isContactRequestFresh(asked, NOW), true);
      assert.equal(isContactRequestFresh(asked, utc('2026-11-26T07:59:59.999Z')), true);
      assert.equal(isContactRequestFresh(asked, utc('2026-11-26T08:00:00.000Z')), false);
      assert.equal(isContactRequestFresh(asked, utc('2026-12-20T08:00:00.000Z')), false);
    });

    it('is never fresh when the customer did not ask to be contacted', () => {
      assert.equal(
        isContactRequestFresh({ createdDateTime: created, details: { customerRequestedContact: false } }, NOW),
        false,
      );
      assert.equal(isContactRequestFresh({ createdDateTime: created, details: {} }, NOW), false);
    });
  });

  describe('parseInstant', () => {
    it('reads ISO-8601 instants into UTC', () => {
      const parsed = parseInstant('2026-11-23T10:00:00+02:00');
      assert.equal(parsed.zoneName, 'UTC');
      assert.equal(parsed.toISO(), '2026-11-23T08:00:00.000Z');
      assert.equal(parseInstant('nonsense').isValid, false);
    });
  });
});

describe('leadKind', () => {
  type LeadFields = Pick<Referral, 'type' | 'qualification' | 'inviteContext'>;
  const microsoft = { invitedBy: { organizationId: 'ms-1', organizationName: 'Microsoft Corporation' } };
  const fabrikam = { invitedBy: { organizationId: 'p-9', organizationName: 'Fabrikam Consulting' } };

  const cases: { title: string; fields: LeadFields; kind: LeadKind }[] = [
    {
      title: 'Independent + Direct, nobody invited',
      fields: { type: 'Independent', qualification: 'Direct' },
      kind: 'customerInquiry',
    },
    {
      title: 'Independent + Direct, invited by Microsoft',
      fields: { type: 'Independent', qualification: 'Direct', inviteContext: microsoft },
      kind: 'customerInquiry',
    },
    {
      title: 'Independent + MarketingQualified',
      fields: { type: 'Independent', qualification: 'MarketingQualified', inviteContext: microsoft },
      kind: 'marketingQualified',
    },
    {
      title: 'Independent + SalesQualified',
      fields: { type: 'Independent', qualification: 'SalesQualified', inviteContext: microsoft },
      kind: 'salesQualified',
    },
    {
      title: 'Shared (Microsoft co-sell)',
      fields: { type: 'Shared', qualification: 'SalesQualified', inviteContext: microsoft },
      kind: 'coSellFromMicrosoft',
    },
    {
      title: 'Shared without an invite context',
      fields: { type: 'Shared', qualification: 'None' },
      kind: 'coSellFromMicrosoft',
    },
    {
      title: 'invited by a partner organisation',
      fields: { type: 'Independent', qualification: 'Direct', inviteContext: fabrikam },
      kind: 'coSellFromPartner',
    },
    {
      title: 'Shared and invited by a partner organisation',
      fields: { type: 'Shared', qualification: 'None', inviteContext: fabrikam },
      kind: 'coSellFromPartner',
    },
  ];

  for (const c of cases) {
    it(`${c.title} → ${c.kind}`, () => {
      assert.equal(leadKindOf(c.fields), c.kind);
    });
  }

  it('covers all five kinds', () => {
    assert.deepEqual([...new Set(cases.map((c) => leadKindOf(c.fields)))].sort(), [
      'coSellFromMicrosoft',
      'coSellFromPartner',
      'customerInquiry',
      'marketingQualified',
      'salesQualified',
    ]);
  });

  it('classifies the fixture referral as a customer inquiry', () => {
    assert.equal(leadKindOf(receivedRecord().referral), 'customerInquiry');
  });

  it('names the inviting partner, never Microsoft', () => {
    assert.equal(invitingPartner({ inviteContext: fabrikam }), 'Fabrikam Consulting');
    assert.equal(
      invitingPartner({ inviteContext: { invitedBy: { organizationName: '  Fabrikam Consulting  ' } } }),
      'Fabrikam Consulting',
    );
    assert.equal(invitingPartner({ inviteContext: microsoft }), undefined);
    assert.equal(invitingPartner({ inviteContext: { invitedBy: { organizationName: 'microsoft' } } }), undefined);
    assert.equal(invitingPartner({ inviteContext: { invitedBy: { organizationName: '   ' } } }), undefined);
    assert.equal(invitingPartner({}), undefined);
  });

  it('recognises Microsoft by name, case-insensitively and as a whole word', () => {
    assert.equal(isInvitedByMicrosoft({ inviteContext: microsoft }), true);
    assert.equal(isInvitedByMicrosoft({ inviteContext: { invitedBy: { organizationName: 'MICROSOFT' } } }), true);
    assert.equal(
      isInvitedByMicrosoft({ inviteContext: { invitedBy: { organizationName: 'Microsoftish Partners Ltd' } } }),
      false,
    );
    assert.equal(isInvitedByMicrosoft({ inviteContext: fabrikam }), false);
    assert.equal(isInvitedByMicrosoft({}), false);
  });
});
