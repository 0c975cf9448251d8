import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startEmbeddedTables } from '../../bot/store/embeddedAzurite';
import { ReferralRepository } from '../../bot/store/referralRepository';
import { tableStorage } from '../../bot/store/tables';
import { pcReferral } from '../support/fixtures';

const BURST = 500;
const KILL_AFTER = 250;
const CONCURRENCY = 10;

/** `npm start`'s bot in a process of its own, on a free port, keeping its tables in `dataDir`. */
async function startBotProcess(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), resolve('bot/index.ts')], {
    cwd: dataDir,
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      DATA_DIR: join(dataDir, 'data'),
      PARTNER_CENTER_SIMULATOR: 'off',
      CARD_RETRY_INTERVAL_SECONDS: '3600',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((done, fail) => {
    let seen = '';
    let address = '';
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      address ||= /listening on (http:\/\/localhost:\d+)/.exec(seen)?.[1] ?? '';
      if (address && seen.includes('] ready')) done(address);
    });
    child.once('exit', (code) => fail(new Error(`the bot exited (${code}) before it was ready: ${seen}`)));
  });
  return { child, url };
}

describe('a crash during a burst of deliveries (kill -9, over HTTP)', function () {
  this.timeout(120_000);
  let dataDir: string;
  let child: ChildProcess | undefined;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'referral-desk-crash-'));
  });
  afterEach(() => {
    child?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no referral it acknowledged with 202', async () => {
    const bot = await startBotProcess(dataDir);
    child = bot.child;
    const exited = new Promise((done) => bot.child.once('exit', done));
    const acknowledged: string[] = [];
    const ids = Array.from(
      { length: BURST },
      (_, n) => `crash-${String(n).padStart(4, '0')}-0000-4000-8000-000000000000`,
    );
    let next = 0;
    const sender = async () => {
      while (next < ids.length) {
        const id = ids[next++];
        const answer = await fetch(`${bot.url}/api/referrals`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(pcReferral({ id })),
        }).catch(() => undefined);
        if (answer?.status === 202) acknowledged.push(id);
        if (acknowledged.length >= KILL_AFTER) bot.child.kill('SIGKILL');
        if (!answer) return;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, sender));
    await exited;
    assert.ok(
      acknowledged.length >= KILL_AFTER && acknowledged.length < BURST,
      `killed mid-burst (${acknowledged.length} acknowledged)`,
    );

    const tables = await startEmbeddedTables({ dataDir: join(dataDir, 'data') });
    try {
      const referrals = new ReferralRepository(tableStorage(tables.connectionString).client('referrals'));
      const missing = [];
      for (const id of acknowledged) if (!(await referrals.get(id))) missing.push(id);
      assert.deepEqual(missing, [], `${missing.length} of ${acknowledged.length} acknowledged referrals were lost`);
    } finally {
      await tables.stop();
    }
  });
});
