import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importCycles } from '../support/importGraph';

const ROOT = join(__dirname, '..', '..');
const SOURCES = ['bot', 'cards', 'tools'];

/**
 * The import cycles the tree is allowed, type-only imports included: none. Each would be a group of files
 * that reach one another. Types count because a cycle of types couples the files as much as one of values
 * (neither can move or be read alone); the second test keeps values alone free of cycles too.
 * The list stays empty: a new cycle is broken (a shared type moved to a file of its own), not listed.
 */
const KNOWN_CYCLES: string[][] = [];

/** The cycles of `found` that are not one of `known` nor inside one of them, as `a → b → a` lines. */
function newCycles(found: string[][], known: string[][]): string[] {
  const within = (group: string[]) => known.some((old) => group.every((file) => old.includes(file)));
  return found.filter((group) => !within(group)).map((group) => [...group, group[0]].join(' → '));
}

describe('import cycles among bot/, cards/ and tools/', () => {
  it('has no cycle but the known ones (type-only imports included)', () => {
    const found = importCycles(ROOT, SOURCES, { typeOnly: true });
    assert.deepEqual(newCycles(found, KNOWN_CYCLES), [], 'a new import cycle: break it rather than list it');
  });

  it('has no cycle of imports that load code at run time', () => {
    assert.deepEqual(importCycles(ROOT, SOURCES), []);
  });

  describe('on a tree with cycles', () => {
    let root: string;
    const write = (path: string, text: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };

    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'referral-desk-cycles-'));
      write('bot/a.ts', "import { b } from './b';\nexport const a = b;\n");
      write('bot/b.ts', "import type { C } from '../cards/c';\nexport const b = 1;\nexport type B = C;\n");
      write('cards/c.ts', "import { a } from '../bot/a';\nexport type C = typeof a;\n");
      write('cards/self.ts', "export * from './self';\n");
      write('tools/alone.ts', "import { a } from '../bot/a';\nexport const alone = a;\n");
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('names every file of each cycle, a file that imports itself too', () => {
      assert.deepEqual(importCycles(root, SOURCES, { typeOnly: true }), [
        ['bot/a.ts', 'bot/b.ts', 'cards/c.ts'],
        ['cards/self.ts'],
      ]);
    });

    it('leaves out cycles closed only by a type-only import when asked for run-time ones', () => {
      assert.deepEqual(importCycles(root, SOURCES), [['cards/self.ts']]);
    });

    it('reports a cycle that is new, not one inside a known group', () => {
      const found = importCycles(root, SOURCES, { typeOnly: true });
      assert.deepEqual(newCycles(found, [['bot/a.ts', 'bot/b.ts', 'cards/c.ts', 'tools/alone.ts']]), [
        'cards/self.ts → cards/self.ts',
      ]);
    });
  });
});
