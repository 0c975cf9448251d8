import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** What a reader can take in at once: no source file (code, test or benchmark) is longer. */
const MAX_LINES = 300;

/** The files git tracks, relative to the root. */
const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);

/** The folders holding tracked files, each with its parents. */
const folders = new Set(
  tracked.flatMap((path) => {
    const parts = path.split('/').slice(0, -1);
    return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  }),
);

/** The paths at the start of the lines of the README's layout map (the code block under "How it is built"). */
function layoutMap(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## How it is built'));
  const block = /```\n([\s\S]*?)```/.exec(section);
  assert.ok(block, 'the README has a layout map under "How it is built"');
  return block[1]
    .split('\n')
    .map((line) => /^([\w.-]+(?:\/[\w.-]+)*\/?)\s/.exec(line)?.[1])
    .filter((path): path is string => path !== undefined)
    .map((path) => path.replace(/\/$/, ''));
}

describe('source layout', () => {
  it(`no source file is longer than ${MAX_LINES} lines`, () => {
    const long = tracked
      .filter((path) => /\.(ts|js|mjs)$/.test(path))
      .map((path) => ({ path, lines: readFileSync(join(ROOT, path), 'utf8').split('\n').length - 1 }))
      .filter((file) => file.lines > MAX_LINES)
      .map((file) => `${file.path} (${file.lines})`);
    assert.deepEqual(long, []);
  });

  it("the README's layout map names every folder of the code, and only paths that exist", () => {
    const named = layoutMap();
    const code = [...folders].filter(
      (folder) =>
        !folder.startsWith('.') &&
        (!folder.includes('/') || /^(bot|tools)\/[^/]+$/.test(folder) || /^bot\/teams\/[^/]+$/.test(folder)),
    );
    // A top-level folder is named by its own line or by the lines of its folders (bot/domain/, …).
    const isNamed = (folder: string) =>
      named.includes(folder) || (!folder.includes('/') && named.some((path) => path.startsWith(`${folder}/`)));
    assert.deepEqual(
      code.filter((folder) => !isNamed(folder)),
      [],
      'folders missing from the map',
    );
    assert.deepEqual(
      named.filter((path) => !folders.has(path) && !tracked.includes(path)),
      [],
      'paths in the map that are not in the repository',
    );
  });
});
