import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectorStandIn } from '../support/connectorStandIn';
import { ensureBuilt, PRODUCTION, startRecordingDesk, type DeskProcess } from '../support/deskProcess';
import { botAddedToTeam, TEAM } from '../support/teamsActivities';

const ROOT = join(__dirname, '..', '..');

/**
 * What a start leaves for the first request that needs it: the Teams adapter and the bot (botbuilder, the
 * Bot Framework's connector and @azure/identity beneath them), the routes beyond /healthz (restify), the card
 * templating, and the hooks Application Insights would put into every `require` (it comes with Azurite).
 */
const ON_DEMAND = [
  'botbuilder',
  'botframework-connector',
  '@azure/identity',
  'restify',
  'adaptivecards-templating',
  'diagnostic-channel-publishers',
];

/** The packages among `names` some loaded module belongs to. */
function loadedPackages(modulesFile: string, names: string[]): string[] {
  const modules = readFileSync(modulesFile, 'utf8').split('\n').filter(Boolean);
  return names.filter((name) => modules.some((file) => file.includes(`/node_modules/${name}/`)));
}

/** `npm start` in a process of its own, with the modules it loaded recorded when it exits. */
describe('npm start loads what its first requests do not need only once used (in a process of its own)', function () {
  // A start takes one to three seconds; a minute leaves room for a machine busy with other work.
  this.timeout(60_000);
  let work: string;
  let desk: DeskProcess | undefined;
  let modulesFile: string;

  before(async function () {
    // tsc takes 10 to 20 s on a quiet machine of two cores, and several times that beside other work.
    this.timeout(240_000);
    await ensureBuilt(ROOT);
  });
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'referral-desk-start-on-demand-'));
    modulesFile = join(work, 'modules.txt');
  });
  afterEach(() => {
    desk?.kill();
    desk = undefined;
    rmSync(work, { recursive: true, force: true });
  });

  /** Starts the desk with `env`, recording the modules it loads, and waits until it is ready; its URL. */
  async function start(env: Record<string, string>): Promise<string> {
    const started = await startRecordingDesk(ROOT, work, env, modulesFile);
    desk = started.desk;
    return started.url;
  }

  const starts = [
    { name: 'the production start', env: PRODUCTION },
    { name: 'the development start', env: { PORT: '0', PARTNER_CENTER_SIMULATOR_PORT: '0' } },
  ];
  for (const { name, env } of starts) {
    it(`${name} says ok on /healthz having loaded none of it, up to its stop`, async () => {
      const url = await start(env);
      const health = await fetch(`${url}/healthz`);
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), { status: 'ok', storage: 'embedded' });
      assert.equal(await desk!.stop(), 0, desk!.output);

      assert.deepEqual(loadedPackages(modulesFile, ['azurite', '@azure/data-tables']), [
        'azurite',
        '@azure/data-tables',
      ]);
      assert.deepEqual(loadedPackages(modulesFile, ON_DEMAND), [], 'loaded before any request needed them');
    });
  }

  it('answers the first Teams activity after the start, building the adapter and the bot for it', async () => {
    const connector = new ConnectorStandIn();
    await connector.start();
    try {
      // Without an app id, activities are anonymous: the desk listens on this machine only and answers any.
      const url = await start({ NODE_ENV: 'production', PORT: '0' });
      const answer = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(botAddedToTeam(connector.url)),
      });
      assert.equal(answer.status, 200, desk!.output);
      const welcomes = connector.calls.filter((call) => call.conversationId === TEAM.id);
      assert.equal(welcomes.length, 1, 'the install is answered with one welcome card in the team');
      assert.match(JSON.stringify(welcomes[0].body), /link emea/);
      assert.equal(await desk!.stop(), 0, desk!.output);

      const used = ['botbuilder', 'restify', 'adaptivecards-templating'];
      assert.deepEqual(loadedPackages(modulesFile, used), used, 'the first Teams activity loads what it needs');
    } finally {
      await connector.stop();
    }
  });
});
