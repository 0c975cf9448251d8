import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { CATALOGS, OFFERED_LANGUAGES } from '../../bot/strings/catalogs';
import { en } from '../../bot/strings/en';
import { MACHINE_READABLE, PSEUDO_CLOSE, PSEUDO_OPEN } from '../../bot/strings/pseudo/pseudoText';
import { localDateTime, plainDate } from '../../bot/teams/views/format';
import { settingsCard } from '../../bot/teams/views/settingsCardView';
import { NOW } from '../support/fixtures';

const pseudo = CATALOGS['qps-ploc'].strings;

/** Every text of a catalog by its path, functions called with `args(arity)`. */
function texts(value: unknown, path: string, args: (arity: number) => unknown[]): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') return [[path, String(value(...args(value.length)))]];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => texts(inner, `${path}.${key}`, args));
  return [];
}

/** An argument with no ASCII letter, so whatever letter is left is the catalog's own. */
const DATA = 'Ω∆';
const withData = (arity: number) => Array.from({ length: arity }, () => DATA);
const { format: pseudoFormat, ...pseudoWords } = pseudo;
const { format: englishFormat, ...englishWords } = en;

describe('the pseudo-locale qps-ploc', () => {
  it('leaves no ASCII letter in any text of its own, outside what software reads', () => {
    const all = texts(pseudoWords, 'qps-ploc', withData);
    assert.ok(all.length > 400, 'the walk reaches the catalog');
    const plain = all.filter(([, text]) => /[A-Za-z]/.test(text.replace(MACHINE_READABLE, '')));
    assert.deepEqual(plain, []);
  });

  it('brackets and lengthens every text that has words of its own', () => {
    const english = new Map(texts(englishWords, 'en', withData).map(([path, text]) => [path.slice(2), text]));
    let lengthened = 0;
    let total = 0;
    for (const [path, text] of texts(pseudoWords, 'qps-ploc', withData)) {
      const before = english.get(path.slice('qps-ploc'.length))!;
      if (!/[A-Za-z]/.test(before.replace(MACHINE_READABLE, '').replaceAll(DATA, ''))) {
        assert.equal(text, before, `${path}: no words of its own, so it stays as it is`);
        continue;
      }
      assert.ok(text.startsWith(PSEUDO_OPEN) && text.endsWith(PSEUDO_CLOSE), `${path}: ${text}`);
      lengthened += text.length;
      total += before.length;
    }
    const growth = lengthened / total;
    assert.ok(growth > 1.3 && growth < 1.45, `about a third longer, found ${growth}`);
  });

  it("passes data through unchanged, in the catalog's own case handling, and keeps numbers for plurals", () => {
    assert.match(
      pseudo.notices.nowOwner('Bob Rep', 'Contoso *wave* 1', 'Contoso GmbH'),
      /^⟦Bob Rep .+ Contoso \*wave\* 1 \(Contoso GmbH\)/,
    );
    assert.match(pseudo.actions.alreadyDecided('Accepted', 'Alice'), /^⟦Alice .* accepted /);
    assert.notEqual(pseudo.commands.postingWaiting(1).length, pseudo.commands.postingWaiting(2).length);
    assert.equal(pseudo.card.memberLine('Ann', 'ann@x.example', true), 'Ann · ann@x.example');
    assert.equal(pseudo.dealList.line('a', '', 'b'), 'a · b', 'a joiner has no words of its own');
    assert.equal(pseudo.actions.notPermitted(''), pseudo.actions.notPermitted(undefined), 'an empty text stays falsy');
    assert.notEqual(pseudo.actions.notPermitted('Ann'), pseudo.actions.notPermitted(undefined));
    assert.equal(pseudo.card.solutions.length, en.card.solutions.length);
  });

  it('keeps commands, code spans, links and e-mail addresses as software reads them', () => {
    assert.match(pseudo.commands.help, /`link emea`/);
    assert.match(pseudo.digest.usage, /"digest now emea"/);
    assert.match(pseudo.managers.usage, /"managers add name@example\.com emea"/);
    assert.match(pseudo.managers.adminsOnly, /\(DESK_ADMINS\)/);
    assert.equal(pseudo.welcome.example, en.welcome.example, 'what a user types after mentioning the app');
    assert.match(pseudo.problems.unknownTimeZone('x'), /Europe\/Berlin/);
    assert.doesNotMatch(pseudo.card.star, /Add/);
  });

  it('formats dates with English patterns whose own words are accented', () => {
    const instant = DateTime.fromISO('2026-12-04T12:05:00Z', { zone: 'utc' });
    assert.equal(pseudoFormat.locale, englishFormat.locale);
    assert.equal(plainDate(instant, pseudoFormat), plainDate(instant, englishFormat));
    assert.equal(localDateTime(instant, 'Europe/Berlin', pseudoFormat), 'Fri 4 Dec ȧŧ 13:05 (Europe/Berlin)');
    assert.match(pseudoFormat.days(3), /^⟦3 ḓȧȧẏş⟧$/);
  });

  it('is never offered as a choice, but stays listed for whoever reads in it, so Save keeps it', () => {
    assert.ok(!OFFERED_LANGUAGES.includes('qps-ploc'));
    assert.deepEqual(OFFERED_LANGUAGES, ['en', 'de', 'ko', 'zh-Hant', 'ru', 'ja']);
    const hours = { timeZone: 'UTC', start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] };
    const choicesOf = (language: string | undefined, desk: string) =>
      JSON.stringify(settingsCard('aad-alice', { id: 'aad-alice', language }, hours, NOW, en, { deskLanguage: desk }));
    assert.doesNotMatch(choicesOf(undefined, 'en'), /qps-ploc/);
    assert.doesNotMatch(choicesOf('de', 'en'), /qps-ploc/);
    assert.match(choicesOf('qps-ploc', 'en'), /"value":"qps-ploc"/);
    assert.match(choicesOf(undefined, 'qps-ploc'), /"title":"⟦Ŀȧȧƞɠŭŭȧȧɠḗḗ⟧","value":"qps-ploc"/);
  });
});
