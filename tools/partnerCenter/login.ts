/**
 * `npm run partner-center:login`: signs in to Partner Center once with a device code and
 * prints the refresh token the desk starts from (PARTNER_CENTER_REFRESH_TOKEN), once, with
 * where to put it. Settings: PARTNER_CENTER_TENANT_ID, PARTNER_CENTER_CLIENT_ID,
 * PARTNER_CENTER_CLIENT_SECRET and PARTNER_CENTER_AUTHORITY_URL, from the environment or `.env`.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CommandError, processIo, reportFailures, type CommandIo } from './commandIo';
import { signInWithDeviceCode } from './deviceCodeLogin';
import { partnerCenterAppFrom, type Environment } from './settings';

export const LOGIN_USAGE = `Usage: npm run partner-center:login

Signs in to Partner Center with a device code (open the page it names on any device and
enter the code there), as a user with the Referrals Admin or Referrals User role, and prints
the refresh token for PARTNER_CENTER_REFRESH_TOKEN once.

Reads PARTNER_CENTER_TENANT_ID, PARTNER_CENTER_CLIENT_ID, PARTNER_CENTER_CLIENT_SECRET and
PARTNER_CENTER_AUTHORITY_URL (default https://login.microsoftonline.com) from the environment
or .env.`;

/** Where the refresh token goes, said once after it. */
function whereItGoes(): string[] {
  return [
    '',
    'Keep it secret, like a password. It is shown this once:',
    '  - local run: put the line above in .env (or the environment), then npm start;',
    '  - Azure deployment (kept as a Key Vault secret):',
    '      azd env set PARTNER_CENTER_REFRESH_TOKEN "<the token above>"',
    '      azd provision',
    'Then register the desk for Partner Center’s webhooks: npm run partner-center:webhooks',
  ];
}

/** Runs the command with `args` (after `--`) and settings from `env`; answers the exit code. */
export async function runLogin(args: string[], env: Environment, io: CommandIo): Promise<number> {
  return reportFailures(io, async () => {
    let help: boolean | undefined;
    try {
      ({ help } = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } } }).values);
    } catch (error) {
      throw new CommandError(`${(error as Error).message}\n\n${LOGIN_USAGE}`, 2);
    }
    if (help) {
      io.print(LOGIN_USAGE);
      return 0;
    }
    const signedIn = await signInWithDeviceCode(partnerCenterAppFrom(env), io);
    io.print('');
    io.print('Signed in. The desk’s refresh token:');
    io.print('');
    io.print(`PARTNER_CENTER_REFRESH_TOKEN=${signedIn.refreshToken}`);
    for (const line of whereItGoes()) io.print(line);
    return 0;
  });
}

if (require.main === module) {
  if (existsSync('.env')) process.loadEnvFile('.env');
  void runLogin(process.argv.slice(2), process.env, processIo).then((code) => {
    process.exitCode = code;
  });
}
