import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasDisplay, startAgentsPlayground } from '../../tools/playground/agentsPlayground';
import { playgroundCurrentUser, playgroundManagerGrant } from '../../tools/playground/playgroundUser';

/** Resolves with the first line written to `file`, once it is complete (the watcher sees each write). */
function firstLine(file: string): Promise<string> {
  return new Promise((resolve) => {
    const check = () => {
      const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
      if (!text.includes('\n')) return false;
      watcher.close();
      resolve(text.split('\n')[0]);
      return true;
    };
    const watcher = watch(join(file, '..'), check);
    check();
  });
}

describe('the Agents Playground launcher', () => {
  it('knows when there is no display to open a browser on', () => {
    if (process.platform !== 'linux') return;
    assert.equal(hasDisplay({}), false);
    assert.equal(hasDisplay({ DISPLAY: ':0' }), true);
    assert.equal(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }), true);
  });

  it('starts on a machine with no display and no xdg-open, and stays up after trying to open a browser', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'playground-'));
    const openerLog = join(dir, 'opened.txt');
    // No DISPLAY, and a PATH on which no xdg-open exists: where the CLI alone would crash.
    const env = { PLAYGROUND_OPENER_LOG: openerLog, PATH: join(dir, 'no-such-bin') };
    const playground = await startAgentsPlayground({
      botEndpoint: 'http://localhost:9/api/messages',
      port: 0,
      openBrowser: true,
      logFile: join(dir, 'playground.log'),
      env,
    });
    try {
      assert.equal(await firstLine(openerLog), playground.url, 'it tried to open its own page');
      const page = await fetch(playground.url);
      assert.equal(page.status, 200, 'and still serves it');
    } finally {
      await playground.stop();
    }
  });

  it("makes you, the config's current user, the manager of EMEA, known by your AAD object id", () => {
    const grant = playgroundManagerGrant('2026-12-04T09:00:00.000Z');
    assert.equal(grant.region, 'emea');
    assert.deepEqual(grant.user, {
      id: '0a6f3b1e-1c2d-4e5f-8a9b-000000000001',
      name: 'EMEA Rep',
      teamsId: '29:emea-rep',
      email: 'emea.rep@partner.example',
    });
    assert.throws(
      () => playgroundCurrentUser('version: 0.1.1\ncurrentUser:\n  name: Nobody\nusers:\n'),
      /currentUser needs an id, a name and an aadObjectId/,
    );
  });
});
