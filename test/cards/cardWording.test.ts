import assert from 'node:assert/strict';
import { DateTime, type DurationLikeObject } from 'luxon';
import { countryName } from '../../bot/domain/countries';
import { NO_THANKS_REASON } from '../../bot/domain/lifecycle';
import { closeReasonText } from '../../bot/domain/reasons';
import { companySize, localDateTime, money, plainDate, reasonText, timeLeft } from '../../bot/teams/views/format';
import { referralCard } from '../../bot/teams/views/referral/referralCardView';
import { decided } from '../support/cardVariants';
import { NOW } from '../support/fixtures';
import { de } from '../../bot/strings/de';
import { en } from '../../bot/strings/en';
import { ja } from '../../bot/strings/ja';
import { ko } from '../../bot/strings/ko';
import { zhHant } from '../../bot/strings/zh-Hant';

describe('card wording', () => {
  it("writes lists, days and country names as the reader's language does", () => {
    assert.equal(en.format.list('Azure', 'Dynamics 365'), 'Azure, Dynamics 365');
    assert.equal(ja.format.list('Azure', 'Dynamics 365'), 'Azure、Dynamics 365');
    assert.equal(
      en.format.clauses('Name is required', 'Value must be a number'),
      'Name is required; Value must be a number',
    );
    assert.equal(zhHant.format.clauses('甲', '乙'), '甲；乙');
    const instant = DateTime.fromISO('2026-12-04T13:05:00Z', { zone: 'utc' });
    assert.equal(instant.setLocale(ko.format.locale).toFormat(ko.format.shortDateTime), '12월 4일 13:05');
    assert.equal(instant.setLocale(de.format.locale).toFormat(de.format.shortDate), '4. Dez');
    assert.equal(countryName('DE', ja.format.locale), 'ドイツ');
  });

  it('writes company sizes as people do', () => {
    assert.equal(companySize('100to499employees', en.format), '100–499 employees');
    assert.equal(companySize('10000plusemployees', en.format), '10000+ employees');
    assert.equal(companySize('Small business', en.format), 'Small business');
    assert.equal(companySize('100to499employees', ja.format), '従業員 100–499 人');
    assert.equal(companySize('10000plusemployees', ko.format), '직원 10000+명');
  });

  it("rounds the time left to the unit that reads best, in the reader's language", () => {
    const until = DateTime.fromISO('2026-12-07T08:00:00Z', { zone: 'utc' });
    const left = (before: DurationLikeObject, f = en.format) => timeLeft(until, until.minus(before), f);
    assert.equal(left({ days: 13, hours: 23 }), '13 days');
    assert.equal(left({ hours: 47 }), '47 hours');
    assert.equal(left({ minutes: 61 }), '61 minutes');
    assert.equal(left({ seconds: 20 }), '1 minute');
    assert.equal(left({ days: 3 }, de.format), '3 Tage');
    assert.equal(left({ hours: 1, minutes: 54 }, de.format), '114 Minuten');
    assert.equal(left({ hours: 25 }, de.format), '25 Stunden');
  });

  it('reads a few minutes short of a whole hour or day as it, and no more than that', () => {
    const until = DateTime.fromISO('2026-12-07T08:00:00Z', { zone: 'utc' });
    const left = (before: DurationLikeObject) => timeLeft(until, until.minus(before), en.format);
    assert.equal(left({ hours: 3, minutes: 58 }), '4 hours');
    assert.equal(left({ hours: 3, minutes: 54 }), '3 hours');
    assert.equal(left({ days: 2, hours: 23, minutes: 56 }), '3 days');
    assert.equal(left({ days: 2, hours: 23, minutes: 50 }), '2 days');
    assert.equal(left({ hours: 1, minutes: 56 }), '2 hours');
    assert.equal(left({ minutes: 59 }), '59 minutes', 'minutes are counted as they are');
  });

  it("shows money in its currency, and a malformed code next to the number, as the reader's language writes it", () => {
    assert.equal(money(25000, 'EUR', en.format), '€25,000');
    assert.match(money(1200.5, 'XQQ', en.format), /^XQQ\s1,200\.50$/);
    assert.equal(money(1200.5, 'EU', en.format), '1,200.5 EU');
    assert.match(money(25000, 'EUR', de.format), /^25\.000\s€$/);
  });

  it('shows whole amounts without cents, and cents only when there are any', () => {
    assert.equal(money(120000, 'EUR', en.format), '€120,000');
    assert.equal(money(120000.5, 'EUR', en.format), '€120,000.50');
    assert.equal(money(99.999, 'USD', en.format), '$100', 'rounded to cents first: no ".00"');
    assert.equal(money(1234.56, 'USD', en.format), '$1,234.56');
    assert.match(money(120000, 'JPY', ja.format), /^[￥¥]120,000$/);
  });

  it("writes dates and times as the reader's language does", () => {
    const instant = DateTime.fromISO('2026-12-04T12:05:00Z', { zone: 'utc' });
    assert.equal(plainDate(instant, en.format), '4 Dec 2026');
    assert.equal(
      plainDate(instant, de.format),
      '4\\. Dez 2026',
      'escaped: opening a fact, "4." would start a numbered list',
    );
    assert.equal(localDateTime(instant, 'Europe/Berlin', en.format), 'Fri 4 Dec at 13:05 (Europe/Berlin)');
    assert.equal(localDateTime(instant, 'Europe/Berlin', de.format), 'Fr 4. Dez um 13:05 (Europe/Berlin)');
  });

  it("says a referral's reason in the reader's words, the notes after it as typed, and other text as typed", () => {
    assert.equal(reasonText(closeReasonText('notACustomer'), de), de.closeReason.notACustomer);
    assert.equal(
      reasonText(closeReasonText('customerChoseAnotherVendor', 'went with Fabrikam'), ko),
      `${ko.closeReason.customerChoseAnotherVendor}: went with Fabrikam`,
    );
    assert.equal(reasonText(NO_THANKS_REASON, ja), ja.card.noThanks);
    assert.equal(reasonText('Closed by Microsoft', de), 'Closed by Microsoft');
    const lost = JSON.stringify(referralCard(decided('lost'), NOW, de));
    assert.ok(lost.includes(`"value":"${de.closeReason.notACustomer}"`), 'the lost card gives its reason in German');
    assert.ok(!lost.includes('Not a customer'));
  });
});
