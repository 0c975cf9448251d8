import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The launcher is plain JavaScript, so that it runs without TypeScript.
const launcher = require('../../tools/start.js') as {
  buildIsCurrent: (root: string, entry: string) => boolean;
  entryFor: (env: Record<string, string | undefined>) => string;
  SOURCES: string[];
  STAMP: string;
  PRODUCTION_ENTRY: string;
  DEVELOPMENT_ENTRY: string;
};
const { buildIsCurrent, entryFor, SOURCES, STAMP, PRODUCTION_ENTRY, DEVELOPMENT_ENTRY } = launcher;

describe('npm start: compile only when a source changed', () => {
  let root: string;
  const at = (path: string, seconds: number) => utimesSync(join(root, path), seconds, seconds);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'referral-desk-start-'));
    for (const folder of ['bot/domain', 'cards', 'dist/bot']) mkdirSync(join(root, folder), { recursive: true });
    for (const file of ['bot/domain/referral.ts', 'cards/render.ts', 'tsconfig.json', 'dist/bot/index.js'])
      writeFileSync(join(root, file), '');
    for (const path of ['bot/domain/referral.ts', 'bot/domain', 'bot', 'cards/render.ts', 'cards', 'tsconfig.json'])
      at(path, 1_000);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('builds when nothing was built yet', () => {
    assert.equal(buildIsCurrent(root, PRODUCTION_ENTRY), false);
  });

  it('starts the last build while no source is newer than it', () => {
    writeFileSync(join(root, STAMP), '');
    at(STAMP, 2_000);
    assert.equal(buildIsCurrent(root, PRODUCTION_ENTRY), true);
  });

  it('builds again once a source deep in a folder, or a setting, is newer than the build', () => {
    writeFileSync(join(root, STAMP), '');
    at(STAMP, 2_000);
    at('bot/domain/referral.ts', 3_000);
    assert.equal(buildIsCurrent(root, PRODUCTION_ENTRY), false);
    at('bot/domain/referral.ts', 1_000);
    at('tsconfig.json', 3_000);
    assert.equal(buildIsCurrent(root, PRODUCTION_ENTRY), false);
  });

  it('builds again when the entry of this kind of start is missing, though the other one is there', () => {
    writeFileSync(join(root, STAMP), '');
    at(STAMP, 2_000);
    assert.equal(buildIsCurrent(root, PRODUCTION_ENTRY), true);
    assert.equal(buildIsCurrent(root, DEVELOPMENT_ENTRY), false);
  });
});

describe('npm start: which start it runs', () => {
  it('runs the bot alone with NODE_ENV=production, else the development start with its local Partner Center', () => {
    assert.equal(entryFor({ NODE_ENV: 'production' }), join('dist', 'bot', 'index.js'));
    assert.equal(entryFor({}), join('dist', 'tools', 'devServer.js'));
    assert.equal(entryFor({ NODE_ENV: 'development' }), join('dist', 'tools', 'devServer.js'));
  });

  it('watches everything the build compiles, so a change to any of it builds again', () => {
    const { include } = JSON.parse(readFileSync('tsconfig.build.json', 'utf8')) as { include: string[] };
    const watched = (path: string) => SOURCES.some((source) => path === source || path.startsWith(`${source}/`));
    const unwatched = include.filter((path) => !watched(path));
    assert.deepEqual(unwatched, [], 'compiled by tsconfig.build.json, not among the sources tools/start.js compares');
  });
});
