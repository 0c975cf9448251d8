import assert from 'node:assert/strict';
import { runWebhooks } from '../../../tools/partnerCenter/webhooks';
import { MovableClock } from '../../support/movableClock';
import { PartnerCenterHarness } from '../../support/partnerCenterHarness';
import { RecordingIo } from '../../support/recordingIo';

const REFERRAL_EVENTS = [
  'referral-created',
  'referral-updated',
  'related-referral-created',
  'related-referral-updated',
];

/** The events the command registers the desk for. */
export const DESK_EVENTS = [...REFERRAL_EVENTS, 'test-created'];

/** A test's desk, not yet registered for Partner Center's webhooks, from `useUnregisteredDesk`. */
export interface UnregisteredDesk {
  /** Starts the test's desk with these settings, which the hooks stop after the test. */
  startDesk: (env?: Record<string, string>) => Promise<PartnerCenterHarness>;
  /** The desk the running test started. */
  desk: () => PartnerCenterHarness;
}

/** Registers the hook that stops the desk a test started; the test starts it, with the settings it needs. */
export function useUnregisteredDesk(): UnregisteredDesk {
  let pc: PartnerCenterHarness | undefined;
  afterEach(async () => {
    await pc?.stop();
    pc = undefined;
  });
  return {
    startDesk: async (env = {}) => {
      pc = await new PartnerCenterHarness(env, { registered: false }).start();
      return pc;
    },
    desk: () => {
      assert.ok(pc, 'the test has not started its desk');
      return pc;
    },
  };
}

/** The command run against the simulator's webhook API, and what it called; `current` gives the test's desk. */
export function webhooksCommand(current: () => PartnerCenterHarness) {
  function settings(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
    const { credentials } = current().simulator;
    return {
      PARTNER_CENTER_TENANT_ID: credentials.tenantId,
      PARTNER_CENTER_CLIENT_ID: credentials.clientId,
      PARTNER_CENTER_CLIENT_SECRET: credentials.clientSecret,
      PARTNER_CENTER_REFRESH_TOKEN: credentials.refreshToken,
      PARTNER_CENTER_AUTHORITY_URL: current().simulator.authorityUrl,
      ...overrides,
    };
  }

  /** Runs the command against the simulator's API; each wait lets Partner Center's deliveries so far end. */
  async function run(args: string[], env = settings()): Promise<{ code: number; io: RecordingIo }> {
    const pc = current();
    const io = new RecordingIo(new MovableClock(pc.bot.clock.now), async () => void (await pc.webhooks.settled()));
    const code = await runWebhooks(['--api', pc.simulator.webhookApiUrl, ...args], env, io);
    return { code, io };
  }

  /** The calls the command made to the webhook API, as `METHOD /path`. */
  const webhookCalls = () =>
    current()
      .simulator.requests.filter((r) => r.path.startsWith('/webhooks/v1'))
      .map((r) => `${r.method} ${r.path.replace(/\/[0-9a-f-]{36}$/, '/{id}')}`);

  return { settings, run, webhookCalls };
}
