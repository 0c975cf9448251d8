import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The launcher is plain JavaScript, so that it runs without TypeScript.
const { buildIsCurrent, STAMP } = require('../../tools/start.js') as { buildIsCurrent(root: string): boolean; STAMP: string };

describe('npm start: compile only when a source changed', () => {
  let root: string;
  const at = (path: string, seconds: number) => utimesSync(join(root, path), seconds, seconds);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'referral-desk-start-'));
    for (const folder of ['bot/domain', 'cards', 'dist/bot']) mkdirSync(join(root, folder), { recursive: true });
    for (const file of ['bot/domain/referral.ts', 'cards/render.ts', 'tsconfig.json', 'dist/bot/index.js']) writeFileSync(join(root, file), '');
    for (const path of ['bot/domain/referral.ts', 'bot/domain', 'bot', 'cards/render.ts', 'cards', 'tsconfig.json']) at(path, 1_000);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('builds when nothing was built yet', () => {
    assert.equal(buildIsCurrent(root), false);
  });

  it('starts the last build while no source is newer than it', () => {
    writeFileSync(join(root, STAMP), '');
    at(STAMP, 2_000);
    assert.equal(buildIsCurrent(root), true);
  });

  it('builds again once a source deep in a folder, or a setting, is newer than the build', () => {
    writeFileSync(join(root, STAMP), '');
    at(STAMP, 2_000);
    at('bot/domain/referral.ts', 3_000);
    assert.equal(buildIsCurrent(root), false);
    at('bot/domain/referral.ts', 1_000);
    at('tsconfig.json', 3_000);
    assert.equal(buildIsCurrent(root), false);
  });
});
