import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGS } from '../../bot/strings/catalogs';

const STRINGS = join(__dirname, '..', '..', 'bot', 'strings');

describe('string catalog layout', () => {
  it('gives every language a folder with the same area files as English', () => {
    const english = readdirSync(join(STRINGS, 'en')).sort();
    assert.ok(english.includes('index.ts') && english.length > 5, 'English is split into area files');
    for (const code of Object.keys(CATALOGS)) {
      assert.deepEqual(readdirSync(join(STRINGS, code)).sort(), english, `bot/strings/${code}/`);
    }
  });
});
