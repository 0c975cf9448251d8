import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../bot/config/config';

const ACCOUNT_URL = 'https://contoso.table.core.windows.net';
const ACCOUNT_KEY = 'c2VjcmV0LWtleQ==';
const CONNECTION_STRING = `DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=${ACCOUNT_KEY};EndpointSuffix=core.windows.net`;
const LOCAL_ACCOUNT_URL = 'https://127.0.0.1:10002/devstoreaccount1';

/** The message of the ConfigError that `env` raises. */
function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `a ConfigError, not ${String(error)}`);
    return error.message;
  }
  assert.fail('the settings were accepted');
}

const accountUrlRefusal = (url: string) => refusal({ TABLES_ACCOUNT_URL: url });

describe('configuration: where the tables are', () => {
  it('reaches an account by connection string', () => {
    assert.deepEqual(loadConfig({ TABLES_CONNECTION_STRING: CONNECTION_STRING }).tables, {
      kind: 'connectionString',
      connectionString: CONNECTION_STRING,
    });
  });

  it('reaches an account by its Table endpoint as the host identity, or as the one of AZURE_CLIENT_ID', () => {
    assert.deepEqual(loadConfig({ TABLES_ACCOUNT_URL: `${ACCOUNT_URL}/` }).tables, {
      kind: 'accountUrl',
      url: ACCOUNT_URL,
      managedIdentityClientId: undefined,
    });
    const clientId = '6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b';
    assert.deepEqual(loadConfig({ TABLES_ACCOUNT_URL: ACCOUNT_URL, AZURE_CLIENT_ID: clientId }).tables, {
      kind: 'accountUrl',
      url: ACCOUNT_URL,
      managedIdentityClientId: clientId,
    });
  });

  it('keeps the tables in the embedded server when neither is set, in DATA_DIR', () => {
    const { tables } = loadConfig({ DATA_DIR: '/var/desk', AZURE_CLIENT_ID: '' });
    assert.deepEqual(tables, { kind: 'embedded', dataDir: '/var/desk' });
  });

  it('refuses both a connection string and an account URL, naming both', () => {
    const message = refusal({ TABLES_CONNECTION_STRING: CONNECTION_STRING, TABLES_ACCOUNT_URL: ACCOUNT_URL });
    assert.match(message, /TABLES_CONNECTION_STRING, TABLES_ACCOUNT_URL: set one of them, not both/);
    assert.ok(!message.includes(ACCOUNT_KEY), 'the account key is not repeated');
  });

  it('refuses an http account URL, for another machine and for this one (tokens go over https only)', () => {
    const remote = accountUrlRefusal('http://contoso.table.core.windows.net');
    assert.match(remote, /TABLES_ACCOUNT_URL: must be an https URL \(.* token over https only; got http\)/);
    const local = accountUrlRefusal('http://127.0.0.1:10002/devstoreaccount1');
    assert.match(local, /TABLES_ACCOUNT_URL: must be an https URL/);
  });

  it('names a malformed account URL without repeating it', () => {
    const message = accountUrlRefusal(CONNECTION_STRING);
    assert.match(message, /TABLES_ACCOUNT_URL: must be a URL such as https:\/\/<account>\.table\.core\.windows\.net/);
    assert.ok(!message.includes(ACCOUNT_KEY), 'a connection string pasted by mistake is not echoed');
  });

  it('refuses a path, query or user in the account URL, except the account path of a server on this machine', () => {
    assert.match(
      accountUrlRefusal(`${ACCOUNT_URL}/referrals`),
      /TABLES_ACCOUNT_URL: .* without a path \(got \/referrals\)/,
    );
    const withQuery = accountUrlRefusal(`${ACCOUNT_URL}/?sv=2024&sig=abc`);
    assert.match(withQuery, /TABLES_ACCOUNT_URL: .* without user, query or fragment/);
    assert.match(accountUrlRefusal(`https://desk@contoso.table.core.windows.net`), /without user, query or fragment/);
    assert.match(accountUrlRefusal(`${LOCAL_ACCOUNT_URL}/extra`), /without a path/);
    const local = loadConfig({ TABLES_ACCOUNT_URL: LOCAL_ACCOUNT_URL }).tables;
    assert.deepEqual(local, { kind: 'accountUrl', url: LOCAL_ACCOUNT_URL, managedIdentityClientId: undefined });
  });

  it('refuses an AZURE_CLIENT_ID that is not a client id', () => {
    const message = refusal({ TABLES_ACCOUNT_URL: ACCOUNT_URL, AZURE_CLIENT_ID: 'desk-identity' });
    assert.match(message, /AZURE_CLIENT_ID: must be the client id of a user-assigned managed identity, a GUID/);
  });
});
