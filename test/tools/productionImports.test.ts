import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importsInto, runtimeGraph } from '../support/importGraph';

const ROOT = join(__dirname, '..', '..');

/** The packages `entry` loads that package.json lists only among the development dependencies, or not at all. */
function missingDependencies(root: string, entry: string): string[] {
  const text = readFileSync(join(root, 'package.json'), 'utf8');
  const manifest = JSON.parse(text) as { dependencies?: Record<string, string> };
  const dependencies = manifest.dependencies ?? {};
  const { packages } = runtimeGraph(join(root, entry), root);
  return [...packages]
    .filter(([name]) => !(name in dependencies))
    .map(([name, importer]) => `${name} (imported by ${importer})`);
}

/**
 * The production start (bot/index.ts) is the bot and its cards alone: the development parts
 * under tools/ (the Partner Center simulator, the Playground) stay out of it, and everything
 * it loads installs with `npm ci --omit=dev`.
 */
describe('what the production start loads (its import graph)', () => {
  it('nothing under bot/ or cards/ imports anything under tools/', () => {
    assert.deepEqual(importsInto(ROOT, ['bot', 'cards'], 'tools'), []);
  });

  it('every package the bot loads is a production dependency in package.json', () => {
    const graph = runtimeGraph(join(ROOT, 'bot', 'index.ts'), ROOT);
    assert.deepEqual(graph.unresolved, [], 'every relative import names a file');
    assert.ok(graph.files.includes(join('cards', 'render.ts')), 'the graph reaches the cards');
    assert.ok(graph.packages.has('botbuilder') && graph.packages.has('azurite'), 'the graph reaches the packages');
    assert.deepEqual(missingDependencies(ROOT, join('bot', 'index.ts')), []);
  });

  describe('on a tree that breaks the rules', () => {
    let root: string;
    const write = (path: string, text: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };

    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'referral-desk-imports-'));
      const manifest = { dependencies: { luxon: '1' }, devDependencies: { 'adm-zip': '1', '@types/node': '1' } };
      write('package.json', JSON.stringify(manifest));
      write('tools/simulator.ts', 'export const port = 4010;\n');
      write('tools/kinds.ts', 'export type Kind = string;\n');
      write('cards/template.json', '{}\n');
      write(
        'bot/index.ts',
        [
          "import { DateTime } from 'luxon';",
          "import { readFileSync } from 'node:fs';",
          "import type { Kind } from '../tools/kinds';",
          "import template from '../cards/template.json';",
          "export { render } from './render';",
          'export const loaded = [DateTime, readFileSync, template];',
          'export type Seen = Kind;',
        ].join('\n'),
      );
      write(
        'bot/render.ts',
        [
          "import type { IZipEntry } from 'adm-zip';",
          "export const render = (entry: IZipEntry) => import('../tools/simulator').then(() => entry);",
          "export const zip = require('adm-zip/util');",
        ].join('\n'),
      );
      write('cards/card.ts', "import { port } from '../tools/simulator';\nexport const card = port;\n");
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('names each import of tools/, type-only and dynamic ones too', () => {
      assert.deepEqual(importsInto(root, ['bot', 'cards'], 'tools').sort(), [
        "bot/index.ts imports '../tools/kinds'",
        "bot/render.ts imports '../tools/simulator'",
        "cards/card.ts imports '../tools/simulator'",
      ]);
    });

    it('names a development-only package the start loads, but not one it imports only for types', () => {
      assert.deepEqual(missingDependencies(root, join('bot', 'index.ts')), ['adm-zip (imported by bot/render.ts)']);
      const graph = runtimeGraph(join(root, 'bot', 'index.ts'), root);
      const loaded = ['bot/index.ts', 'bot/render.ts', 'cards/template.json', 'tools/simulator.ts'];
      assert.deepEqual(graph.files.sort(), loaded);
    });
  });
});
