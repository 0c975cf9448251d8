import assert from 'node:assert/strict';
import { languageOf, spokenLanguage } from '../../bot/strings/catalogs';

describe('the language a code or a locale picks (BCP 47)', () => {
  it("matches a catalog's tag whatever its case, and a locale of its language", () => {
    const picks = {
      de: 'de',
      DE: 'de',
      'de-AT': 'de',
      de_CH: 'de',
      'en-GB': 'en',
      'ko-KR': 'ko',
      'ru-RU': 'ru',
      'ru-UA': 'ru',
      'ja-JP': 'ja',
      ' ja ': 'ja',
    };
    for (const [asked, picked] of Object.entries(picks)) assert.equal(spokenLanguage(asked), picked, asked);
  });

  it('gives Traditional Chinese to Taiwan, Hong Kong, Macao and the Hant script, and never to Simplified', () => {
    for (const asked of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'ZH-HANT', 'zh-Hant-TW', 'zh_TW'])
      assert.equal(spokenLanguage(asked), 'zh-Hant', asked);
    for (const asked of ['zh-CN', 'zh-SG', 'zh-Hans', 'zh-Hans-HK', 'zh'])
      assert.equal(spokenLanguage(asked), undefined, `${asked} is Simplified, which has no catalog`);
  });

  it('finds none for a language without a catalog, or for what is not a tag', () => {
    for (const asked of ['pt-BR', 'pt-PT', 'fr', 'es-419', '', '   ', 'not a tag', '12', undefined])
      assert.equal(spokenLanguage(asked), undefined, String(asked));
  });

  it('picks the pseudo-locale by its exact tag only, never from a locale that merely resembles it', () => {
    assert.equal(spokenLanguage('qps-ploc'), 'qps-ploc');
    assert.equal(spokenLanguage('QPS-PLOC'), 'qps-ploc', 'tags match whatever their case');
    for (const asked of ['qps', 'qps-plocm', 'qps-ploca', 'qps-ploc-x', 'qps_plocm', 'en-US', 'en'])
      assert.notEqual(spokenLanguage(asked), 'qps-ploc', asked);
    assert.equal(languageOf({ locale: 'qps-ploc' }, 'en'), 'qps-ploc');
    assert.equal(languageOf({ locale: 'qps-plocm' }, 'de'), 'de');
  });

  it("speaks the user's choice, else their Teams client's language, else the desk's", () => {
    assert.equal(languageOf({ language: 'ja', locale: 'ko-KR' }, 'en'), 'ja');
    assert.equal(languageOf({ locale: 'zh-TW' }, 'en'), 'zh-Hant');
    assert.equal(languageOf({ locale: 'zh-CN' }, 'de'), 'de', 'Simplified Chinese gets the desk language');
    assert.equal(languageOf({ locale: 'pt-BR' }, 'ru'), 'ru');
    assert.equal(languageOf(null, 'ko'), 'ko');
  });
});
