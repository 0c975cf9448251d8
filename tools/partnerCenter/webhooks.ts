/**
 * `npm run partner-center:webhooks`: registers the desk for Partner Center's webhooks (its
 * four referral events and the test event, at `https://<BOT_DOMAIN>/api/partner-center/events`
 * or `--url`), then has Partner Center send a test event and reports whether it reached the
 * desk. `--show` only shows the registration. Settings: the four PARTNER_CENTER_* credentials,
 * PARTNER_CENTER_AUTHORITY_URL and BOT_DOMAIN, from the environment or `.env`.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PartnerCenterTokens, TokenRequestError } from '../../bot/partnerCenter';
import { CommandError, processIo, reportFailures, type CommandIo } from './commandIo';
import { signedInAppFrom, type Environment } from './settings';
import { DEFAULT_WEBHOOK_API_URL, WEBHOOK_API_SCOPE, WebhookApi } from './webhookApiClient';
import { deliveryOutcome, failureHint, planRegistration, type Registration, type TestEventStatus } from './webhookPlan';
import { apiUrlFrom, EVENTS_PATH, webhookUrlFrom } from './webhookUrl';

export const WEBHOOKS_USAGE = `Usage: npm run partner-center:webhooks [-- --url <https url>] [--show] [--api <url>]

Registers the desk for Partner Center's webhooks: referral-created, referral-updated,
related-referral-created, related-referral-updated and test-created, delivered to
https://<BOT_DOMAIN>${EVENTS_PATH}. Creates the registration, or changes its URL and
adds missing events (keeping any other events registered), or leaves it as it is. Then
has Partner Center send a test event there and reports whether the desk took it.

  --url <url>   where the desk receives events, instead of the one from BOT_DOMAIN
                (https; http only for this machine)
  --show        only show the current registration; change nothing, send no test
  --api <url>   the webhook API (default ${DEFAULT_WEBHOOK_API_URL})
  -h, --help    this text

Reads PARTNER_CENTER_TENANT_ID, PARTNER_CENTER_CLIENT_ID, PARTNER_CENTER_CLIENT_SECRET,
PARTNER_CENTER_REFRESH_TOKEN, PARTNER_CENTER_AUTHORITY_URL and BOT_DOMAIN from the
environment or .env.`;

/** How many times, and how often, the test event's delivery is looked at. */
export const TEST_CHECKS = 6;
export const TEST_CHECK_INTERVAL_MS = 5_000;

interface WebhookOptions {
  url?: string;
  api: string;
  show: boolean;
  help: boolean;
}

function readOptions(args: string[]): WebhookOptions {
  try {
    const { values } = parseArgs({
      args,
      options: {
        url: { type: 'string' },
        api: { type: 'string' },
        show: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    return {
      url: values.url,
      api: values.api === undefined ? DEFAULT_WEBHOOK_API_URL : apiUrlFrom(values.api),
      show: values.show,
      help: values.help,
    };
  } catch (error) {
    if (error instanceof CommandError) throw error;
    throw new CommandError(`${(error as Error).message}\n\n${WEBHOOKS_USAGE}`, 2);
  }
}

function describeRegistration(registration: Registration | undefined): string[] {
  if (!registration) return ['  none'];
  return [`  URL:    ${registration.url}`, `  events: ${registration.events.join(', ') || '(none)'}`];
}

/** Looks at the test event until it is delivered or given up, at most TEST_CHECKS times; answers the last state. */
async function followTestEvent(api: WebhookApi, correlationId: string, io: CommandIo): Promise<TestEventStatus> {
  let status: TestEventStatus | undefined;
  for (let check = 1; check <= TEST_CHECKS; check++) {
    await io.wait(TEST_CHECK_INTERVAL_MS);
    status = await api.testEventStatus(correlationId);
    if (deliveryOutcome(status) !== 'pending') break;
  }
  return status!;
}

/** Prints how the test event went; answers whether it reached the desk. */
function reportTestEvent(status: TestEventStatus, url: string, io: CommandIo): boolean {
  io.print(`Test event ${status.correlationId}: ${status.status}`);
  for (const result of status.results) {
    const answer = result.systemError ? 'no answer' : result.responseCode || '(no code)';
    io.print(`  ${result.dateTimeUtc} ${answer}${result.responseMessage ? `: ${result.responseMessage}` : ''}`);
  }
  const outcome = deliveryOutcome(status);
  if (outcome === 'delivered') {
    io.print(`The test event reached the desk at ${url}.`);
    return true;
  }
  const waited = `${(TEST_CHECKS * TEST_CHECK_INTERVAL_MS) / 1000} s`;
  const line =
    outcome === 'pending'
      ? `Partner Center has not delivered the test event within ${waited}; run the command again later to send another.`
      : `The test event did not reach the desk at ${url}.`;
  io.printError(line);
  const hint = failureHint(status.results.at(-1), url);
  if (hint) io.printError(hint);
  return false;
}

/** Runs the command with `args` (after `--`) and settings from `env`; answers the exit code. */
export async function runWebhooks(args: string[], env: Environment, io: CommandIo): Promise<number> {
  return reportFailures(io, async () => {
    const options = readOptions(args);
    if (options.help) {
      io.print(WEBHOOKS_USAGE);
      return 0;
    }
    const url = options.show ? undefined : webhookUrlFrom(options.url, env.BOT_DOMAIN);
    const app = signedInAppFrom(env);
    const tokens = new PartnerCenterTokens(app, {
      authorityUrl: app.authorityUrl,
      scope: WEBHOOK_API_SCOPE,
      clock: io.clock,
      fetch: io.fetch,
    });
    const api = new WebhookApi(options.api, tokens, io.fetch);
    try {
      const current = await api.getRegistration();
      io.print(`Partner Center's webhook registration (${options.api}):`);
      for (const line of describeRegistration(current)) io.print(line);
      if (!url) return 0;
      const plan = planRegistration(current, url);
      if (plan.action === 'create') {
        await api.createRegistration(plan.body);
        io.print(`Registered ${url} for ${plan.body.WebhookEvents.join(', ')}.`);
      } else if (plan.action === 'update') {
        await api.updateRegistration(plan.body);
        io.print(`Changed the registration: ${plan.changes.join('; ')}.`);
      } else {
        io.print('The desk is registered already; nothing to change.');
      }
      if (plan.action !== 'create' && plan.others.length > 0) {
        io.print(`Also registered, and delivered to the same URL: ${plan.others.join(', ')} (the desk ignores them).`);
      }
      let correlationId: string;
      try {
        correlationId = await api.sendTestEvent();
      } catch (error) {
        if (!(error instanceof CommandError)) throw error;
        throw new CommandError(`The registration is in place, but no test event was sent: ${error.message}`);
      }
      io.print(`Asked Partner Center for a test event (${correlationId}); waiting for its delivery…`);
      return reportTestEvent(await followTestEvent(api, correlationId, io), url, io) ? 0 : 1;
    } catch (error) {
      if (!(error instanceof TokenRequestError)) throw error;
      if (error.retryable) {
        throw new CommandError(
          `Entra ID did not answer the token request (${error.status ?? 'no answer'}); try again in a few minutes.`,
        );
      }
      throw new CommandError(`No token for Partner Center's webhook API: ${error.message}.`);
    }
  });
}

if (require.main === module) {
  if (existsSync('.env')) process.loadEnvFile('.env');
  void runWebhooks(process.argv.slice(2), process.env, processIo).then((code) => {
    process.exitCode = code;
  });
}
