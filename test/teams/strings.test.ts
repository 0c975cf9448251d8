import assert from 'node:assert/strict';
import { en } from '../../bot/strings/en';

/** Every text of the string table, with functions called on placeholder arguments. */
function texts(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') return [[path, String(value(...Array.from({ length: value.length }, () => 'x')))]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => texts(inner, `${path}.${key}`));
  return [];
}

describe('user-facing strings', () => {
  it('contain no angle-bracket placeholders, which Teams and the Playground swallow as HTML tags', () => {
    const all = texts(en, 'en');
    assert.ok(all.length > 50, 'the walk reaches the strings');
    const tagLike = all.filter(([, text]) => /<\/?[a-z][^>]*>/i.test(text));
    assert.deepEqual(tagLike, []);
  });
});
