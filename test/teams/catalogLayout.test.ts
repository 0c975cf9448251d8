import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGS } from '../../bot/strings/catalogs';

const STRINGS = join(__dirname, '..', '..', 'bot', 'strings');

describe('string catalog layout', () => {
  it('gives every written language a folder with the same area files as English', () => {
    const english = readdirSync(join(STRINGS, 'en')).sort();
    assert.ok(english.includes('index.ts') && english.length > 5, 'English is split into area files');
    const written = Object.keys(CATALOGS).filter((code) => !CATALOGS[code].hidden);
    assert.ok(written.length >= 6, 'the real languages');
    for (const code of written) {
      assert.deepEqual(readdirSync(join(STRINGS, code)).sort(), english, `bot/strings/${code}/`);
    }
  });

  it('has no folder for the pseudo-locale, which is derived from English rather than written', () => {
    const folders = readdirSync(STRINGS, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    assert.deepEqual(
      Object.keys(CATALOGS).filter((code) => CATALOGS[code].hidden),
      ['qps-ploc'],
    );
    assert.ok(!folders.some((folder) => folder.name === 'qps-ploc'));
  });
});
