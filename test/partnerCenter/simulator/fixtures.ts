import assert from 'node:assert/strict';
import { PartnerCenterSimulator, type SimulatorOptions } from '../../../tools/partnerCenterSimulator';
import { MovableClock } from '../../support/movableClock';
import type { WireObject } from '../../support/wireJson';

const SCOPE = 'https://api.partner.microsoft.com/.default offline_access';

/** A started simulator holding `referrals`, on a clock the test moves. */
async function startSimulator(
  referrals: readonly Record<string, unknown>[],
): Promise<{ clock: MovableClock; sim: PartnerCenterSimulator }> {
  const clock = new MovableClock();
  const sim = new PartnerCenterSimulator({ clock: clock.read, referrals });
  await sim.start();
  return { clock, sim };
}

/** A simulator suite's running simulator and clock, from `useSimulator`. */
export interface SimulatorBench {
  /** The running test's simulator. */
  simulator: () => PartnerCenterSimulator;
  /** The running test's clock, which the simulator reads. */
  simulatorClock: () => MovableClock;
  /** Stops the running simulator and starts one set up otherwise on the same clock; the hooks stop it after the test. */
  restartWith: (options: Omit<SimulatorOptions, 'clock'>) => Promise<PartnerCenterSimulator>;
}

/** Registers the hooks that start a simulator holding `referrals` before each test, on a fresh clock, and stop it. */
export function useSimulator(referrals: readonly Record<string, unknown>[]): SimulatorBench {
  let started: { clock: MovableClock; sim: PartnerCenterSimulator } | undefined;
  beforeEach(async () => {
    started = undefined;
    started = await startSimulator(referrals);
  });
  afterEach(async () => started?.sim.stop());
  const current = () => {
    assert.ok(started, 'the simulator is only there while a test runs');
    return started;
  };
  return {
    simulator: () => current().sim,
    simulatorClock: () => current().clock,
    restartWith: async (options) => {
      const { clock, sim } = current();
      await sim.stop();
      started = { clock, sim: new PartnerCenterSimulator({ clock: clock.read, ...options }) };
      await started.sim.start();
      return started.sim;
    },
  };
}

/**
 * Calls to the simulator over HTTP: its token endpoint, and its Referrals API with a token from it. They read the
 * simulator through `current`, since a test may replace it with one set up otherwise.
 */
export function simulatorCalls(current: () => PartnerCenterSimulator) {
  const tokenUrl = (tenant = current().credentials.tenantId) => `${current().authorityUrl}/${tenant}/oauth2/v2.0/token`;

  async function redeem(fields: Record<string, string>, tenant?: string, headers: Record<string, string> = {}) {
    const response = await fetch(tokenUrl(tenant), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: response.status, body: (await response.json()) as WireObject };
  }

  const grant = (overrides: Record<string, string> = {}) => ({
    grant_type: 'refresh_token',
    client_id: current().credentials.clientId,
    client_secret: current().credentials.clientSecret,
    refresh_token: current().credentials.refreshToken,
    scope: SCOPE,
    ...overrides,
  });

  async function accessToken(): Promise<string> {
    const { status, body } = await redeem(grant());
    assert.equal(status, 200);
    return body.access_token;
  }

  async function api(path: string, init: RequestInit & { token?: string | null } = {}) {
    const token = init.token === undefined ? await accessToken() : init.token;
    const headers = new Headers(init.headers);
    if (token !== null) headers.set('authorization', `Bearer ${token}`);
    const response = await fetch(`${current().apiUrl}${path}`, { ...init, headers });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? (JSON.parse(text) as WireObject) : undefined,
    };
  }

  return { tokenUrl, redeem, grant, accessToken, api };
}
