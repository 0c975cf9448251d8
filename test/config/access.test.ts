import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../bot/config/config';

const REGISTERED = { MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', REFERRALS_WEBHOOK_SECRET: 's' };

function problemOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.message;
  }
  assert.fail('the configuration was accepted');
}

describe('configuration of who may reach the desk', () => {
  it('without authentication listens on loopback alone and serves any tenant', () => {
    const config = loadConfig({});
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.allowedTenants, 'any');
    assert.equal(config.linkEditors, 'owners');
  });

  it('listens everywhere without authentication only when told so loudly, and never in production', () => {
    assert.equal(loadConfig({ INSECURE_LISTEN_WITHOUT_AUTHENTICATION: 'true' }).host, undefined);
    assert.match(
      problemOf({ INSECURE_LISTEN_WITHOUT_AUTHENTICATION: 'true', NODE_ENV: 'production' }),
      /INSECURE_LISTEN_WITHOUT_AUTHENTICATION: refused with NODE_ENV=production/,
    );
    assert.match(
      problemOf({ INSECURE_LISTEN_WITHOUT_AUTHENTICATION: 'yes' }),
      /INSECURE_LISTEN_WITHOUT_AUTHENTICATION/,
    );
  });

  it('with authentication listens on every interface', () => {
    assert.equal(loadConfig({ ...REGISTERED, ALLOWED_TENANTS: 't1' }).host, undefined);
  });

  it('refuses a multi-tenant app without a list of tenants', () => {
    assert.match(problemOf(REGISTERED), /ALLOWED_TENANTS: must list the tenant ids/);
  });

  it("serves a single-tenant app's own tenant unless a list says otherwise, comparing ids without case", () => {
    const single = { ...REGISTERED, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 'ABC-Tenant' };
    assert.deepEqual(loadConfig(single).allowedTenants, ['abc-tenant']);
    assert.deepEqual(loadConfig({ ...single, ALLOWED_TENANTS: ' T1, t2 ,' }).allowedTenants, ['t1', 't2']);
  });

  it('takes LINK_EDITORS of owners, admins or members, naming anything else', () => {
    assert.equal(loadConfig({ LINK_EDITORS: 'admins' }).linkEditors, 'admins');
    assert.match(problemOf({ LINK_EDITORS: 'everyone' }), /LINK_EDITORS/);
  });
});
