import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { PartnerCenterTokens, TokenRequestError } from '../../bot/partnerCenter/tokens';
import { fingerprintOf, TokenKey } from '../../bot/partnerCenter/tokenSealing';
import { tableStorage } from '../../bot/store/tables';
import type { SimulatorOptions } from '../../tools/partnerCenterSimulator/simulator';
import { PartnerCenterHarness } from '../support/partnerCenterHarness';
import { embeddedConnectionString } from '../support/rootHooks';

const KEY = Buffer.alloc(32, 11).toString('base64');
const OTHER_KEY = Buffer.alloc(32, 12).toString('base64');
const keyId = (base64: string) => new TokenKey(Buffer.from(base64, 'base64')).id;

/**
 * The refresh token Entra renews is kept in table storage, sealed, and a restarted desk goes on
 * from it; a new configured token wins over it; a kept token the key cannot open is reported
 * and the configured one used. Against the simulator, whose refresh tokens here work once
 * (each redemption revokes the token redeemed), so a desk that went back to a used token fails.
 */
describe('Partner Center: the renewed refresh token survives a restart (over HTTP, against the simulator)', () => {
  let pc: PartnerCenterHarness;
  let prefix: string;

  async function start(env: Record<string, string>, simulator: SimulatorOptions = { singleUseRefreshTokens: true }) {
    prefix = `t${randomBytes(5).toString('hex')}`;
    pc = await new PartnerCenterHarness({ TABLE_PREFIX: prefix, ...env }, {}, simulator).start();
  }
  afterEach(async () => pc.stop());

  /** The kept row, as table storage holds it. */
  async function keptRow(): Promise<Record<string, unknown> | null> {
    const table = tableStorage(embeddedConnectionString(), prefix).client('partnerCenterGrant');
    try {
      return await table.getEntity('grant', 'refreshToken');
    } catch {
      return null;
    }
  }

  /** The refresh token the last request to the token endpoint sent, and whether Entra took it. */
  const lastRedeemed = () => {
    const request = pc.simulator.tokenRequests.at(-1)!;
    return { refreshToken: request.refreshToken, status: request.status };
  };

  /** Whether the simulator still takes `refreshToken` (it does not once it was redeemed). */
  async function stillWorks(refreshToken: string): Promise<boolean> {
    const credentials = { ...pc.simulator.credentials, refreshToken };
    const tokens = new PartnerCenterTokens(credentials, { authorityUrl: pc.simulator.authorityUrl });
    return tokens.getToken().then(
      () => true,
      (error: unknown) => {
        if (error instanceof TokenRequestError && error.error === 'invalid_grant') return false;
        throw error;
      },
    );
  }

  /** Every refresh token seen so far: none may show in the log. */
  function assertNoTokenLogged(): void {
    const sent = pc.simulator.tokenRequests.map((r) => r.refreshToken);
    const tokens = new Set(sent.filter((t): t is string => Boolean(t)));
    assert.ok(tokens.size >= 2, 'tokens were renewed');
    for (const line of pc.bot.logLines) {
      for (const token of tokens) assert.ok(!line.includes(token), `a refresh token is in the log line: ${line}`);
    }
  }

  it('a restarted desk goes on from the kept token, where the configured one alone is refused', async () => {
    await start({ PARTNER_CENTER_TOKEN_KEY: KEY });
    const configured = pc.simulator.credentials.refreshToken;
    await pc.poll();
    assert.deepEqual(lastRedeemed(), { refreshToken: configured, status: 200 });
    assert.equal(await stillWorks(configured), false, 'the configured token is used up');

    const row = (await keptRow())!;
    assert.equal(row.origin, fingerprintOf(configured));
    assert.equal(row.keyId, keyId(KEY));
    assert.equal(row.renewedAt, pc.bot.clock.now.toUTC().toISO());
    assert.ok(!JSON.stringify(row).includes('pc-refresh'), 'only the sealed token is stored');

    pc.bot.clock.advance({ hours: 2 });
    await pc.bot.restart();
    const polled = await pc.poll();
    assert.equal(polled.pages, 1, 'the restarted desk reaches Partner Center');
    const { refreshToken: used, status } = lastRedeemed();
    assert.equal(status, 200);
    assert.notEqual(used, configured, 'it went on from the kept token');
    const started = /starting from the refresh token renewed 2026-11-23T09:00:00\.000Z, kept in table storage/;
    assert.ok(pc.bot.logLines.some((line) => started.test(line)));
    assert.equal((await keptRow())!.renewedAt, pc.bot.clock.now.toUTC().toISO(), 'its renewal is kept in turn');
    assertNoTokenLogged();
  });

  it('a new PARTNER_CENTER_REFRESH_TOKEN wins over the kept one, and its renewal replaces it', async () => {
    await start({ PARTNER_CENTER_TOKEN_KEY: KEY });
    await pc.poll();
    const signedInAgain = pc.simulator.signIn();
    pc.bot.clock.advance({ hours: 1 });
    await pc.bot.restart({ PARTNER_CENTER_REFRESH_TOKEN: signedInAgain });
    await pc.poll();
    assert.deepEqual(lastRedeemed(), { refreshToken: signedInAgain, status: 200 });
    const changed = /PARTNER_CENTER_REFRESH_TOKEN was changed since the kept token was renewed/;
    assert.ok(pc.bot.logLines.some((line) => changed.test(line)));
    assert.equal((await keptRow())!.origin, fingerprintOf(signedInAgain));

    // The next start goes on from the renewal of the new token (which itself is used up now).
    pc.bot.clock.advance({ hours: 1 });
    await pc.bot.restart();
    await pc.poll();
    const { refreshToken, status } = lastRedeemed();
    assert.equal(status, 200);
    assert.notEqual(refreshToken, signedInAgain);
  });

  it('a kept token sealed with another key is reported once, and the configured token used and kept anew', async () => {
    // Refresh tokens that keep working, as in Entra: the configured one still does.
    await start({ PARTNER_CENTER_TOKEN_KEY: KEY }, {});
    const configured = pc.simulator.credentials.refreshToken;
    await pc.poll();
    pc.bot.clock.advance({ hours: 1 });
    await pc.bot.restart({ PARTNER_CENTER_TOKEN_KEY: OTHER_KEY });
    assert.equal((await pc.poll()).pages, 1);
    assert.deepEqual(lastRedeemed(), { refreshToken: configured, status: 200 });
    pc.simulator.expireTokens();
    await pc.poll();
    const reports = pc.bot.logLines.filter((line) => /cannot be decrypted/.test(line));
    assert.equal(reports.length, 1, 'reported once, though the token was renewed again');
    const keys = `\\(key ${keyId(KEY)}; the key set now is ${keyId(OTHER_KEY)}\\)`;
    assert.match(reports[0], new RegExp(`sealed with another PARTNER_CENTER_TOKEN_KEY ${keys}`));
    assert.match(reports[0], /The desk is starting from PARTNER_CENTER_REFRESH_TOKEN/);
    assert.equal((await keptRow())!.keyId, keyId(OTHER_KEY), 'the renewal is kept under the key set now');
    assertNoTokenLogged();
  });

  it('a kept token altered in table storage is refused as such, and the configured token used', async () => {
    await start({ PARTNER_CENTER_TOKEN_KEY: KEY }, {});
    await pc.poll();
    const table = tableStorage(embeddedConnectionString(), prefix).client('partnerCenterGrant');
    const row = (await keptRow())!;
    const ciphertext = Buffer.from(String(row.ciphertext), 'base64');
    ciphertext[0] ^= 1;
    const altered = { partitionKey: 'grant', rowKey: 'refreshToken', ciphertext: ciphertext.toString('base64') };
    await table.updateEntity(altered, 'Merge');
    await pc.bot.restart();
    await pc.poll();
    assert.deepEqual(lastRedeemed(), { refreshToken: pc.simulator.credentials.refreshToken, status: 200 });
    const report = /cannot be decrypted: it was altered or damaged in table storage/;
    assert.ok(pc.bot.logLines.some((line) => report.test(line)));
  });

  it('without PARTNER_CENTER_TOKEN_KEY: the log says a restart loses the renewed token; none is kept', async () => {
    await start({});
    const notice = /PARTNER_CENTER_TOKEN_KEY is not set: .* kept in memory only and will not survive a restart/;
    assert.ok(pc.bot.logLines.some((line) => notice.test(line)));
    await pc.poll();
    assert.equal(pc.simulator.tokenRequests.length, 1);
    assert.equal(await keptRow(), null);
    await pc.bot.restart();
    const { poller } = pc.bot.services.partnerCenter!;
    await assert.rejects(poller.poll(), /PARTNER_CENTER_REFRESH_TOKEN was refused \(invalid_grant/);
    const configured = pc.simulator.credentials.refreshToken;
    assert.deepEqual(lastRedeemed(), { refreshToken: configured, status: 400 }, 'back to the used-up configured token');
  });
});
