import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { TableClient, TableServiceClient } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import { startApp, type RunningApp } from '../../bot/app';
import { loadConfig } from '../../bot/config/config';
import { ReferralRepository } from '../../bot/store/referralRepository';
import { TABLES, type TableTlsOptions } from '../../bot/store/tables';
import { BotHarness } from '../support/botHarness';
import { pcReferral } from '../support/fixtures';
import { RecordingLogger } from '../support/recordingLogger';
import { RoleMissingTableService, startSecureTables, type SecureTables } from '../support/secureTables';
import { STORAGE_TOKEN_CLAIMS, StorageTokenCredential } from '../support/storageTokens';
import { channelMessage, CHANNELS } from '../support/teamsActivities';

/** What DefaultAzureCredential says on a host without any Azure identity (shortened, its line breaks kept). */
const NO_IDENTITY =
  'DefaultAzureCredential failed to retrieve a token from the included credentials.\n' +
  ' ManagedIdentityCredential: no endpoint';

const prefix = () => `t${randomBytes(5).toString('hex')}`;

async function health(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/healthz`);
  return { status: response.status, body: await response.json() };
}

/** The desk on TABLES_ACCOUNT_URL signing in with `credential` and trusting `tls`, not yet ready. */
async function startDesk(
  accountUrl: string,
  credential: TokenCredential,
  tls: TableTlsOptions,
  log: RecordingLogger,
): Promise<RunningApp> {
  const env = { PORT: '0', TABLES_ACCOUNT_URL: accountUrl, TABLE_PREFIX: prefix(), PARTNER_CENTER_SIMULATOR: 'off' };
  const config = loadConfig(env);
  return startApp({ config, log, tableCredential: credential, tableTls: tls, tableRetries: { maxRetries: 0 } });
}

/** The lines the desk logged as errors. */
const errorsIn = (log: RecordingLogger) => log.lines.filter((line) => line.startsWith('error: '));

describe('table storage reached with the host identity (over https, Azurite checking tokens)', () => {
  let tables: SecureTables;
  before(async () => {
    tables = await startSecureTables();
  });
  after(async () => tables?.stop());

  it('starts with a token, creates its tables, and keeps a delivered referral the account key reads', async () => {
    const credential = new StorageTokenCredential();
    const tablePrefix = prefix();
    const env = { TABLES_ACCOUNT_URL: tables.accountUrl, TABLE_PREFIX: tablePrefix };
    const h = await new BotHarness(env, { tableCredential: credential, tableTls: tables.tls }, false).start();
    try {
      const startLine = `table storage: ${tables.accountUrl}, signed in as the identity of StorageTokenCredential`;
      assert.ok(h.logLines.includes(startLine), h.logLines.join('\n'));
      assert.ok(credential.requestedScopes.length > 0);
      const scopes = new Set(credential.requestedScopes.map((asked) => asked.join(' ')));
      assert.deepEqual([...scopes], ['https://storage.azure.com/.default'], 'tokens for Azure Storage');

      const service = TableServiceClient.fromConnectionString(tables.connectionString, { tlsOptions: tables.tls });
      const created: string[] = [];
      for await (const table of service.listTables()) if (table.name?.startsWith(tablePrefix)) created.push(table.name);
      assert.deepEqual(
        created.sort(),
        Object.values(TABLES)
          .map((name) => `${tablePrefix}${name}`)
          .sort(),
      );

      const delivery = await h.deliver(pcReferral());
      assert.equal(delivery.status, 202);
      assert.deepEqual(delivery.body, { received: [pcReferral().id], duplicates: [] });
      const referralsTable = TableClient.fromConnectionString(tables.connectionString, `${tablePrefix}referrals`, {
        tlsOptions: tables.tls,
      });
      const stored = await new ReferralRepository(referralsTable).get(pcReferral().id as string);
      assert.equal(stored?.record.referral.customerProfile.name, 'Contoso GmbH');
      assert.deepEqual(await health(h.app.url), { status: 200, body: { status: 'ok', storage: 'azure' } });
    } finally {
      await h.stop();
    }
  });

  it('does not trust the server without its certificate: the check of https stays on', async () => {
    const app = await startDesk(tables.accountUrl, new StorageTokenCredential(), {}, new RecordingLogger());
    try {
      await assert.rejects(app.ready, { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    } finally {
      await app.stop();
    }
  });

  it('says "sign-in failed" on /healthz, and the credential and its words in the log, without a token', async () => {
    const credential = new StorageTokenCredential();
    credential.failure = NO_IDENTITY;
    const log = new RecordingLogger();
    const app = await startDesk(tables.accountUrl, credential, tables.tls, log);
    try {
      await assert.rejects(app.ready);
      assert.deepEqual(await health(app.url), { status: 503, body: { status: 'degraded', storage: 'sign-in failed' } });
      assert.deepEqual(errorsIn(log), [
        'error: could not start: storage: sign-in failed (StorageTokenCredential: DefaultAzureCredential failed to ' +
          'retrieve a token from the included credentials. ManagedIdentityCredential: no endpoint); ' +
          'fix it and restart the desk',
      ]);
      assert.equal(credential.requestedScopes.length, 1, 'a failed sign-in is not tried again and again');
    } finally {
      await app.stop();
    }
  });

  it('says "access denied" when the service refuses the token (another audience), and why in the log', async () => {
    const credential = new StorageTokenCredential({ ...STORAGE_TOKEN_CLAIMS, aud: 'https://vault.azure.net' });
    const log = new RecordingLogger();
    const app = await startDesk(tables.accountUrl, credential, tables.tls, log);
    try {
      await assert.rejects(app.ready);
      assert.deepEqual(await health(app.url), { status: 503, body: { status: 'degraded', storage: 'access denied' } });
      assert.deepEqual(errorsIn(log), [
        'error: could not start: storage: access denied (403 AuthenticationFailed: Invalid token audience.); ' +
          'fix it and restart the desk',
      ]);
    } finally {
      await app.stop();
    }
  });

  it('names the role an identity lacks (403 AuthorizationPermissionMismatch), and does not ask again', async () => {
    const service = await new RoleMissingTableService().start();
    const log = new RecordingLogger();
    const app = await startDesk(service.url, new StorageTokenCredential(), service.tls, log);
    try {
      await assert.rejects(app.ready);
      assert.deepEqual(await health(app.url), { status: 503, body: { status: 'degraded', storage: 'access denied' } });
      assert.deepEqual(errorsIn(log), [
        'error: could not start: storage: access denied (403 AuthorizationPermissionMismatch; ' +
          'the identity needs the role Storage Table Data Contributor on the account); fix it and restart the desk',
      ]);
      assert.equal(service.requests.length, 1, 'a refusal for want of a role is not tried again');
      assert.match(String(service.requests[0].headers.authorization), /^Bearer ey/);
    } finally {
      await app.stop();
      await service.stop();
    }
  });

  it('running, says "sign-in failed" on /healthz and asks senders to deliver again while no token comes', async () => {
    const credential = new StorageTokenCredential(STORAGE_TOKEN_CLAIMS, { askEveryTime: true });
    const options = { tableCredential: credential, tableTls: tables.tls, tableRetries: { maxRetries: 0 } };
    const h = await new BotHarness({ TABLES_ACCOUNT_URL: tables.accountUrl }, options, false).start();
    try {
      assert.deepEqual(await health(h.app.url), { status: 200, body: { status: 'ok', storage: 'azure' } });
      credential.failure = 'ManagedIdentityCredential: the identity endpoint did not answer';
      const signInFailed = { status: 503, body: { status: 'degraded', storage: 'sign-in failed' } };
      assert.deepEqual(await health(h.app.url), signInFailed);
      const delivery = await h.deliver(pcReferral());
      assert.equal(delivery.status, 503);
      assert.equal(delivery.body.error, 'storage_unavailable');
      const line =
        'delivery of 1 referral(s) to /api/referrals not stored: storage: sign-in failed (StorageTokenCredential: ' +
        'ManagedIdentityCredential: the identity endpoint did not answer); asked to deliver again';
      assert.ok(h.logLines.includes(line), h.logLines.join('\n'));
      const message = await h.activity(channelMessage(h.serviceUrl, CHANNELS.emea, 'my deals'));
      assert.equal(message.status, 503, 'Teams delivers the activity again');
      const refused = 'Teams request refused (503): message activity not handled: storage: sign-in failed (';
      assert.ok(
        h.logLines.some((logged) => logged.startsWith(refused)),
        h.logLines.join('\n'),
      );
      credential.failure = undefined;
      assert.equal((await h.deliver(pcReferral())).status, 202, 'delivered again once tokens come back');
    } finally {
      await h.stop();
    }
  });
});
