import assert from 'node:assert/strict';
import { decide } from '../../bot/domain/lifecycle';
import { isDomainError } from '../../bot/domain/errors';
import { arrival } from '../../bot/domain/incoming';
import type { PartnerCenterState } from '../../bot/domain/partnerCenterCopy';
import type { ReferralRecord } from '../../bot/domain/referral';
import { attemptKey, nextWriteBack } from '../../bot/domain/writeBackPlan';
import { sharedFieldsOf } from '../../bot/domain/partnerCenterCopy';
import { de } from '../../bot/strings/de';
import { en } from '../../bot/strings/en';
import { referralCard } from '../../bot/teams/views/referral/referralCardView';
import { syncStatusText } from '../../bot/teams/views/syncStatusText';
import { validateCard } from '../support/cardSchema';
import { NOW, receivedRecord } from '../support/fixtures';

const ALICE = { id: 'aad-alice', name: 'Alice Adams' };

/** The fixture referral as a connected desk holds it, with its Partner Center state changed by `change`. */
function connected(change: Partial<PartnerCenterState> = {}, accepted = false): ReferralRecord {
  const arrived = arrival(receivedRecord().referral, NOW, 'direct', '"v1"').record;
  const base: ReferralRecord = {
    ...arrived,
    desk: { ...arrived.desk, partnerCenter: { ...arrived.desk.partnerCenter!, writesBack: true } },
  };
  const record = accepted ? acceptedBy(base) : base;
  return { ...record, desk: { ...record.desk, partnerCenter: { ...record.desk.partnerCenter!, ...change } } };
}

function acceptedBy(record: ReferralRecord): ReferralRecord {
  const result = decide(
    record,
    {
      action: 'accept',
      input: { dealName: 'Contoso', dealValue: 40000, currency: 'EUR', closingDate: '2027-01-31', notes: 'Call first' },
    },
    ALICE,
    NOW,
  );
  if (isDomainError(result)) assert.fail(JSON.stringify(result));
  return result.record;
}

describe('cards: the Partner Center sync state', () => {
  it('says nothing on a desk that does not write back', () => {
    assert.equal(syncStatusText(arrival(receivedRecord().referral, NOW, 'direct', 'v1').record, en), undefined);
  });

  it('up to date, being written, to be written again, not written, and changed there too', () => {
    assert.equal(syncStatusText(connected(), en), '✓ Up to date');
    assert.equal(syncStatusText(connected({}, true), en), '⏳ Being written');
    const outage = { reason: 'HTTP 503', at: NOW.toISO()!, permanent: false };
    assert.equal(syncStatusText(connected({ failure: outage }, true), en), '⏳ To be written again (HTTP 503)');
    const pending = connected({}, true);
    const step = nextWriteBack(sharedFieldsOf(pending.referral), pending.desk.partnerCenter!.copy.fields);
    assert.equal(step.kind, 'patch');
    const refused = {
      reason: 'HTTP 403: no Referrals role',
      at: NOW.toISO()!,
      permanent: true,
      attempt: step.kind === 'patch' ? attemptKey(step.operations) : '',
    };
    assert.equal(
      syncStatusText(connected({ failure: refused }, true), en),
      '⚠ Not written: HTTP 403: no Referrals role',
    );
    const conflict = connected({ conflicts: [{ field: 'dealValue', ours: 40000, theirs: 55000 }] }, true);
    assert.equal(syncStatusText(conflict, en), '⚠ Changed in Partner Center too: Value as Partner Center has it');
    assert.equal(syncStatusText(conflict, de), '⚠ Auch im Partner Center geändert: Wert wie im Partner Center');
  });

  it('a refused write is shown as pending again once a new change makes another patch', () => {
    const refused = { reason: 'HTTP 400', at: NOW.toISO()!, permanent: true, attempt: '[]' };
    assert.equal(syncStatusText(connected({ failure: refused }, true), en), '⏳ To be written again (HTTP 400)');
  });

  it('shows on the card as a fact, and the card still validates', () => {
    const card = referralCard(connected({}, true), NOW, en);
    assert.match(JSON.stringify(card), /Partner Center.{0,40}Being written/);
    assert.deepEqual(validateCard(card), []);
  });
});
