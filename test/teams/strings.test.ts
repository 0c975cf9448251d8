import assert from 'node:assert/strict';
import { CATALOGS } from '../../bot/strings/catalogs';
import { en } from '../../bot/strings/en';

/** Every text of the string table, with functions called on placeholder arguments. */
function texts(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') return [[path, String(value(...Array.from({ length: value.length }, () => 'x')))]];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => texts(inner, `${path}.${key}`));
  return [];
}

/** Where two string tables differ in shape: keys, kinds of value, and the arity of functions. */
function shapeDifferences(a: unknown, b: unknown, path: string): string[] {
  const kind = (value: unknown) => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);
  if (kind(a) !== kind(b)) return [`${path}: ${kind(a)} in one, ${kind(b)} in the other`];
  if (typeof a === 'function' && typeof b === 'function') {
    return a.length === b.length ? [] : [`${path}: ${a.length} parameters in one, ${b.length} in the other`];
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    const onlyA = keysA
      .filter((key) => !Object.prototype.hasOwnProperty.call(b, key))
      .map((key) => `${path}.${key}: only in the first`);
    const onlyB = keysB
      .filter((key) => !Object.prototype.hasOwnProperty.call(a, key))
      .map((key) => `${path}.${key}: only in the second`);
    const inner = keysA
      .filter((key) => Object.prototype.hasOwnProperty.call(b, key))
      .flatMap((key) =>
        shapeDifferences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`),
      );
    return [...onlyA, ...onlyB, ...inner];
  }
  return [];
}

const catalogs = Object.fromEntries(Object.entries(CATALOGS).map(([tag, { strings }]) => [tag, strings]));
const translations = Object.entries(catalogs).filter(([tag]) => tag !== 'en');

/** The functions of a catalog, by their path. */
function functionsOf(value: unknown, path: string[]): [string[], (...args: unknown[]) => unknown][] {
  if (typeof value === 'function') return [[path, value as (...args: unknown[]) => unknown]];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => functionsOf(inner, [...path, key]));
  return [];
}

describe('user-facing strings', () => {
  for (const [language, catalog] of Object.entries(catalogs)) {
    it(`contain no angle-bracket placeholders, which Teams and the Playground swallow as HTML tags (${language})`, () => {
      const all = texts(catalog, language);
      assert.ok(all.length > 50, 'the walk reaches the strings');
      const tagLike = all.filter(([, text]) => /<\/?[a-z][^>]*>/i.test(text));
      assert.deepEqual(tagLike, []);
    });
  }

  for (const [language, catalog] of translations) {
    it(`${language} has no angle brackets at all`, () => {
      assert.deepEqual(
        texts(catalog, language).filter(([, text]) => /[<>]/.test(text)),
        [],
      );
    });

    it(`${language} has exactly the keys of English at every level, and the same functions with the same number of parameters`, () => {
      assert.deepEqual(shapeDifferences(en, catalog, 'strings'), []);
    });

    it(`${language} shows every argument that English shows`, () => {
      const missing = functionsOf(en, []).flatMap(([path, english]) => {
        const translated = path.reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], catalog) as (
          ...args: unknown[]
        ) => unknown;
        const args = Array.from({ length: english.length }, (_, i) => `arg${i}`);
        const shown = (text: unknown) => args.filter((arg) => String(text).toLowerCase().includes(arg));
        return shown(english(...args))
          .filter((arg) => !shown(translated(...args)).includes(arg))
          .map((arg) => `${path.join('.')}: ${arg}`);
      });
      assert.deepEqual(missing, []);
    });
  }

  it('the shape comparison sees a missing key, an extra key and a different arity', () => {
    const base = { a: 'x', b: { c: (x: string) => x, d: ['y'] } };
    assert.deepEqual(shapeDifferences(base, { a: 'x', b: { c: (x: string) => x, d: ['y'] } }, 's'), []);
    assert.equal(shapeDifferences(base, { a: 'x', b: { c: (x: string) => x } }, 's').length, 1);
    assert.equal(shapeDifferences(base, { a: 'x', e: 'z', b: { c: (x: string) => x, d: ['y'] } }, 's').length, 1);
    assert.equal(
      shapeDifferences(base, { a: 'x', b: { c: (x: string, y: string) => x + y, d: ['y'] } }, 's').length,
      1,
    );
    assert.equal(shapeDifferences(base, { a: () => 'x', b: { c: (x: string) => x, d: ['y'] } }, 's').length, 1);
    assert.equal(shapeDifferences(base, { a: 'x', b: { c: (x: string) => x, d: ['y', 'z'] } }, 's').length, 1);
  });
});
