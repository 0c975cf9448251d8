import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PartnerCenterClient } from '../../bot/partnerCenter/client';
import { PartnerCenterTokens } from '../../bot/partnerCenter/tokens';
import { runLogin } from '../../tools/partnerCenter/login';
import {
  generateReferral,
  type PartnerCenterSimulator,
  type SimulatorOptions,
} from '../../tools/partnerCenterSimulator';
import { DEVICE_LOGIN_PATH } from '../../tools/partnerCenterSimulator/simulator';
import { collectPages } from '../support/simulatedPartnerCenter';
import { NOW } from '../support/fixtures';
import { MovableClock } from '../support/movableClock';
import { startControlledSimulator } from '../support/controlledSimulator';
import { RecordingIo } from '../support/recordingIo';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const REFRESH_LINE = /^PARTNER_CENTER_REFRESH_TOKEN=(\S+)$/m;

describe('npm run partner-center:login: the device-code sign-in (against the simulator)', () => {
  let clock: MovableClock;
  let sim: PartnerCenterSimulator;
  const referral = generateReferral(1, NOW);

  async function start(options: SimulatorOptions = {}): Promise<void> {
    clock = new MovableClock();
    sim = await startControlledSimulator({ clock: clock.read, referrals: [referral], ...options });
  }
  afterEach(async () => sim?.stop());

  function settings(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
    return {
      PARTNER_CENTER_TENANT_ID: sim.credentials.tenantId,
      PARTNER_CENTER_CLIENT_ID: sim.credentials.clientId,
      PARTNER_CENTER_CLIENT_SECRET: sim.credentials.clientSecret,
      PARTNER_CENTER_AUTHORITY_URL: sim.authorityUrl,
      ...overrides,
    };
  }

  /** The user code the command told the person to enter. */
  function userCodeIn(io: RecordingIo): string {
    const match = /enter the code (\w+)/.exec(io.lines.join('\n'));
    assert.ok(match, `no code shown in:\n${io.output}`);
    return match[1];
  }

  const devicePolls = () => sim.tokenRequests.filter((request) => request.grantType === DEVICE_GRANT);

  /** The person signs in at the verification page, over HTTP, as the simulator's control plays it. */
  async function signInAtPage(userCode: string, decision: 'approve' | 'decline'): Promise<number> {
    const answer = await fetch(`${sim.url}${DEVICE_LOGIN_PATH}`, {
      method: 'POST',
      body: JSON.stringify({ userCode, decision }),
    });
    await answer.arrayBuffer();
    return answer.status;
  }

  it('shows where to sign in, polls while pending, prints the refresh token once; the desk then uses it', async () => {
    await start();
    const io: RecordingIo = new RecordingIo(clock, async (wait) => {
      if (wait === 3) assert.equal(await signInAtPage(userCodeIn(io), 'approve'), 200);
    });
    assert.equal(await runLogin([], settings(), io), 0, io.output);

    const code = userCodeIn(io);
    assert.match(io.lines[0], new RegExp(`open the page ${sim.url}${DEVICE_LOGIN_PATH} and enter the code ${code}`));
    assert.match(io.output, /Referrals Admin or Referrals User role/);
    assert.deepEqual(io.waits, [5000, 5000, 5000], 'waited the interval Entra named before each poll');
    assert.deepEqual(
      devicePolls().map((poll) => poll.status),
      [400, 400, 200],
      'pending twice, then signed in',
    );
    assert.ok(devicePolls().every((poll) => poll.clientId === sim.credentials.clientId));

    const token = REFRESH_LINE.exec(io.lines.join('\n'))?.[1];
    assert.ok(token, io.output);
    assert.equal(io.output.split(token).length - 1, 1, 'the token is printed exactly once');
    assert.notEqual(token, sim.credentials.refreshToken);
    assert.match(io.output, /azd env set PARTNER_CENTER_REFRESH_TOKEN "<the token above>"\n\s+azd provision/);
    assert.match(io.output, /\.env/);
    assert.deepEqual(io.errors, []);

    const tokens = new PartnerCenterTokens(
      { ...sim.credentials, refreshToken: token },
      { authorityUrl: sim.authorityUrl, clock: clock.read },
    );
    const client = new PartnerCenterClient({ apiUrl: sim.apiUrl, tokens });
    const pages = await collectPages(client.listReferrals());
    assert.deepEqual(
      pages.flat().map((r) => r.id),
      [referral.id],
      'the desk reads referrals with the new refresh token',
    );
    assert.equal(sim.tokenRequests.at(-1)?.refreshToken, token);
  });

  it('says the sign-in was declined, prints no token, and stops polling', async () => {
    await start();
    const io: RecordingIo = new RecordingIo(clock, async (wait) => {
      if (wait === 2) assert.equal(await signInAtPage(userCodeIn(io), 'decline'), 200);
    });
    assert.equal(await runLogin([], settings(), io), 1);
    assert.match(
      io.errors.join('\n'),
      /^The sign-in was declined \(authorization_declined: .*\)\. Run `npm run partner-center:login` again/,
    );
    assert.doesNotMatch(io.output, REFRESH_LINE);
    assert.equal(devicePolls().length, 2);
    assert.equal(await signInAtPage(userCodeIn(io), 'approve'), 404, 'a declined code cannot be approved afterwards');
  });

  it('says when Entra answers that the code expired', async () => {
    await start();
    const io: RecordingIo = new RecordingIo(clock, (wait) => {
      if (wait === 2) sim.expireSignIn(userCodeIn(io));
    });
    assert.equal(await runLogin([], settings(), io), 1);
    assert.match(
      io.errors.join('\n'),
      /The code \w+ expired before the sign-in finished \(expired_token: AADSTS70020: .*\)\. Run/,
    );
    assert.doesNotMatch(io.output, REFRESH_LINE);
  });

  it('stops by itself once the code’s expires_in has passed, without polling Entra with a dead code', async () => {
    await start({ deviceCodeLifetimeSeconds: 60 });
    const io = new RecordingIo(clock);
    assert.equal(await runLogin([], settings(), io), 1);
    assert.match(io.lines.join('\n'), /The code works for 1 minute/);
    assert.match(
      io.errors.join('\n'),
      /^The code \w+ expired after 1 minute without a sign-in\. Run `npm run partner-center:login` again/,
    );
    assert.equal(devicePolls().length, 11, 'polled at 5, 10, … 55 s, not at 60 s');
    assert.ok(devicePolls().every((poll) => poll.status === 400));
  });

  it('adds 5 seconds to its interval after each slow_down, and keeps the longer interval', async () => {
    await start();
    const io: RecordingIo = new RecordingIo(clock, async (wait) => {
      if (wait === 1) sim.slowDownSignIn(userCodeIn(io));
      if (wait === 3) sim.answerSignIn(userCodeIn(io), 'approve');
    });
    assert.equal(await runLogin([], settings(), io), 0, io.output);
    assert.deepEqual(io.waits, [5000, 10000, 10000]);
    assert.deepEqual(
      devicePolls().map((poll) => poll.status),
      [400, 400, 200],
    );
    assert.match(io.output, REFRESH_LINE);
  });

  it('names every missing setting before calling Entra, and a malformed authority URL', async () => {
    await start();
    const io = new RecordingIo(clock);
    assert.equal(
      await runLogin([], { PARTNER_CENTER_CLIENT_ID: sim.credentials.clientId, PARTNER_CENTER_TENANT_ID: ' ' }, io),
      1,
    );
    const said = io.errors.join('\n');
    assert.match(said, /^Missing settings \(set in the environment or in \.env, see env\.sample\):/);
    assert.match(said, /PARTNER_CENTER_TENANT_ID: the directory \(tenant\) id/);
    assert.match(said, /PARTNER_CENTER_CLIENT_SECRET: the value \(not the id\) of a client secret/);
    assert.doesNotMatch(said, /PARTNER_CENTER_CLIENT_ID:/);
    assert.doesNotMatch(said, /PARTNER_CENTER_REFRESH_TOKEN/, 'signing in does not need a refresh token');

    const badUrl = new RecordingIo(clock);
    assert.equal(await runLogin([], settings({ PARTNER_CENTER_AUTHORITY_URL: 'http://login.example.com' }), badUrl), 1);
    assert.match(badUrl.errors.join('\n'), /^PARTNER_CENTER_AUTHORITY_URL: must be an https URL/);
    assert.deepEqual(sim.requests, [], 'Entra was not called');
  });

  it('names the setting Entra refuses: an unknown tenant at once, a wrong secret at the first poll', async () => {
    await start();
    const tenant = new RecordingIo(clock);
    assert.equal(await runLogin([], settings({ PARTNER_CENTER_TENANT_ID: 'another-tenant' }), tenant), 1);
    assert.match(
      tenant.errors.join('\n'),
      /^PARTNER_CENTER_TENANT_ID "another-tenant" was not found \(invalid_request: AADSTS90002/,
    );
    assert.deepEqual(tenant.waits, []);

    const secret = new RecordingIo(clock);
    assert.equal(
      await runLogin([], settings({ PARTNER_CENTER_CLIENT_SECRET: 'the-secret-id-not-its-value' }), secret),
      1,
    );
    assert.match(
      secret.errors.join('\n'),
      /^PARTNER_CENTER_CLIENT_SECRET was refused for app .* \(invalid_client: AADSTS7000215/,
    );
    assert.equal(secret.waits.length, 1);
  });

  it('answers --help with its usage, and an unknown flag with the usage and exit code 2', async () => {
    await start();
    const help = new RecordingIo(clock);
    assert.equal(await runLogin(['--help'], {}, help), 0);
    assert.match(help.lines.join('\n'), /^Usage: npm run partner-center:login/);
    const wrong = new RecordingIo(clock);
    assert.equal(await runLogin(['--tenant', 'x'], settings(), wrong), 2);
    assert.match(wrong.errors.join('\n'), /Unknown option '--tenant'[\s\S]*Usage: npm run partner-center:login/);
  });

  it('runs as the README says: npm run partner-center:login, approved at the simulator’s page', async function () {
    this.timeout(60_000);
    await start({ clock: undefined, deviceCodeIntervalSeconds: 1 });
    const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'partner-center:login'], {
      cwd: join(__dirname, '..', '..'),
      env: { ...process.env, ...settings() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let approved: Promise<number> | undefined;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const code = /enter the code (\w+)/.exec(stdout)?.[1];
      if (code && !approved) approved = signInAtPage(code, 'approve');
    });
    const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(exitCode, 0, `${stdout}\n${stderr}`);
    assert.equal(await approved, 200);
    const token = REFRESH_LINE.exec(stdout)?.[1];
    assert.ok(token, stdout);
    assert.equal(stdout.split(token).length - 1, 1);
    assert.equal(
      (
        await new PartnerCenterTokens(
          { ...sim.credentials, refreshToken: token },
          { authorityUrl: sim.authorityUrl },
        ).getToken()
      ).length > 0,
      true,
    );
  });
});
