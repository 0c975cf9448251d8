/**
 * Runs the Partner Center simulator on its own, for trying the desk without Partner Center:
 *   npx tsx tools/partnerCenterSimulator/main.ts [--port 4010] [--referrals 20] [--every 300]
 * It starts with `--referrals` generated referrals (the last created now, each an hour
 * before the next), adds a new one every `--every` seconds (0: none), and prints the
 * PARTNER_CENTER_… settings that point the desk at it. Its controls answer on the same port:
 * `POST /simulator/referrals` adds referrals, and `POST /simulator/device-login` plays the
 * user of `npm run partner-center:login` (PARTNER_CENTER_AUTHORITY_URL pointed here). It sends
 * no webhooks: it has no certificate a desk started on its own would trust. Ctrl+C stops it.
 */
import { parseArgs } from 'node:util';
import { DateTime, Duration } from 'luxon';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { controlRoutes } from './controlRoutes';
import { generateReferral, generateReferrals } from './referralGenerator';
import { PartnerCenterSimulator } from './simulator';

function wholeNumber(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`--${name} must be a whole number of 0 or more, not "${text}"`);
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      referrals: { type: 'string', default: '20' },
      every: { type: 'string', default: '300' },
    },
  });
  const port = wholeNumber('port', values.port);
  const count = wholeNumber('referrals', values.referrals);
  const everySeconds = wholeNumber('every', values.every);
  const now = DateTime.utc();
  let control: ((req: IncomingMessage, res: ServerResponse) => Promise<boolean>) | undefined;
  const simulator = new PartnerCenterSimulator({
    port,
    referrals: generateReferrals(count, {
      seed: 1,
      from: now.minus({ hours: Math.max(0, count - 1) }),
      every: Duration.fromObject({ hours: 1 }),
    }),
    extraRoutes: async (req, res) => (await control?.(req, res)) ?? false,
  });
  control = controlRoutes(simulator, count + 1_000);
  await simulator.start();
  const { tenantId, clientId, clientSecret, refreshToken } = simulator.credentials;
  console.log(`Partner Center simulator on ${simulator.url} with ${count} referrals. Point the desk at it with:\n`);
  console.log(
    [
      `PARTNER_CENTER_TENANT_ID=${tenantId}`,
      `PARTNER_CENTER_CLIENT_ID=${clientId}`,
      `PARTNER_CENTER_CLIENT_SECRET=${clientSecret}`,
      `PARTNER_CENTER_REFRESH_TOKEN=${refreshToken}`,
      `PARTNER_CENTER_API_URL=${simulator.apiUrl}`,
      `PARTNER_CENTER_AUTHORITY_URL=${simulator.authorityUrl}`,
      // It sends no webhooks on its own: the desk finds its referrals by polling.
      'PARTNER_CENTER_POLL_MINUTES=1',
    ].join('\n'),
  );
  simulator.onChange(({ kind, referral }) =>
    console.log(
      `${DateTime.utc().toISOTime()} ${kind} ${referral.id} ${String(referral.status)}/${String(referral.substatus)}`,
    ),
  );
  let seed = count + 1;
  const timer =
    everySeconds > 0
      ? setInterval(() => simulator.add(generateReferral(seed++, DateTime.utc())), everySeconds * 1000)
      : undefined;
  process.once('SIGINT', () => {
    clearInterval(timer);
    void simulator.stop().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
