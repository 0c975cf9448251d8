import assert from 'node:assert/strict';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { CERTIFICATE_PATH } from '../../tools/partnerCenterSimulator/webhookSubscription';
import { ensureBuilt, PRODUCTION, startRecordingDesk, type DeskProcess } from '../support/deskProcess';

// The launcher is plain JavaScript, so that it runs without TypeScript.
const { PRODUCTION_ENTRY, DEVELOPMENT_ENTRY, STAMP } = require('../../tools/start.js') as {
  PRODUCTION_ENTRY: string;
  DEVELOPMENT_ENTRY: string;
  STAMP: string;
};

const ROOT = join(__dirname, '..', '..');

/** The files of the CommonJS modules a process loaded, as the recorder wrote them at its exit. */
const loadedModules = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean);

/** `npm start` as a host runs it: in its own process, answering /healthz, stopped by SIGTERM. */
describe('npm start in a process of its own (over HTTP)', function () {
  // A start takes one to three seconds; a minute leaves room for a machine busy with other work.
  this.timeout(60_000);
  let work: string;
  let desk: DeskProcess | undefined;

  before(async function () {
    // tsc takes 10 to 20 s on a quiet machine of two cores, and several times that beside other work.
    this.timeout(240_000);
    await ensureBuilt(ROOT);
  });
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'referral-desk-start-process-'));
  });
  afterEach(() => {
    desk?.kill();
    desk = undefined;
    rmSync(work, { recursive: true, force: true });
  });

  /** Starts `root`'s tools/start.js with `env`, recording the modules it loads, and waits until it is ready. */
  async function start(root: string, env: Record<string, string>): Promise<{ url: string; modulesFile: string }> {
    const modulesFile = join(work, 'modules.txt');
    const started = await startRecordingDesk(root, work, env, modulesFile);
    desk = started.desk;
    return { url: started.url, modulesFile };
  }

  async function assertHealthy(url: string): Promise<void> {
    const health = await fetch(`${url}/healthz`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok', storage: 'embedded' });
  }

  it('with NODE_ENV=production runs the bot alone, nothing under tools/ but the launcher; /healthz is ok', async () => {
    const { url, modulesFile } = await start(ROOT, PRODUCTION);
    await assertHealthy(url);
    assert.match(desk!.output, /Partner Center is not connected: set the four PARTNER_CENTER_\* credentials/);
    assert.doesNotMatch(desk!.output, /simulator on/);
    assert.equal(await desk!.stop(), 0, desk!.output);

    const modules = loadedModules(modulesFile);
    assert.ok(modules.includes(join(ROOT, PRODUCTION_ENTRY)), 'the recorder saw the production entry');
    const under = (file: string, ...folders: string[]) =>
      folders.some((folder) => file.startsWith(join(ROOT, folder) + sep));
    const underTools = (file: string) => under(file, 'tools', join('dist', 'tools'));
    const tools = modules.filter((file) => underTools(file) && file !== join(ROOT, 'tools', 'start.js'));
    assert.deepEqual(tools, [], 'modules under tools/ in a production start');
    const dist = modules.filter((file) => under(file, 'dist'));
    const outside = dist.filter((file) => !under(file, join('dist', 'bot'), join('dist', 'cards')));
    assert.deepEqual(outside, [], 'modules of dist/ beyond dist/bot and dist/cards');
  });

  it('with NODE_ENV=production needs only dist/bot, dist/cards, the stamp and the launcher (the image)', async () => {
    const image = join(work, 'app');
    for (const folder of ['bot', 'cards']) {
      cpSync(join(ROOT, 'dist', folder), join(image, 'dist', folder), { recursive: true });
    }
    copyFileSync(join(ROOT, STAMP), join(image, STAMP));
    mkdirSync(join(image, 'tools'));
    copyFileSync(join(ROOT, 'tools', 'start.js'), join(image, 'tools', 'start.js'));
    symlinkSync(join(ROOT, 'node_modules'), join(image, 'node_modules'), 'dir');

    const { url } = await start(image, PRODUCTION);
    await assertHealthy(url);
    assert.equal(await desk!.stop(), 0, desk!.output);
  });

  it('without NODE_ENV=production starts the development start, with the local Partner Center simulator', async () => {
    const { url, modulesFile } = await start(ROOT, { PORT: '0', PARTNER_CENTER_SIMULATOR_PORT: '0' });
    await assertHealthy(url);
    const [, simulatorUrl] = /local Partner Center simulator on (http:\/\/[^\s)]+)/.exec(desk!.output) ?? [];
    assert.ok(simulatorUrl, `the start names its simulator:\n${desk!.output}`);
    const certificate = await fetch(`${simulatorUrl}${CERTIFICATE_PATH}`);
    assert.equal(certificate.status, 200, 'the simulator serves its webhook certificate');
    assert.match(await certificate.text(), /BEGIN CERTIFICATE/);
    assert.equal(await desk!.stop(), 0, desk!.output);

    const modules = loadedModules(modulesFile);
    assert.ok(modules.includes(join(ROOT, DEVELOPMENT_ENTRY)));
    assert.ok(modules.includes(join(ROOT, 'dist', 'tools', 'partnerCenterSimulator', 'simulator.js')));
  });
});
