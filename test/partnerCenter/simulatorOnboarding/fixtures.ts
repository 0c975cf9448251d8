import assert from 'node:assert/strict';
import type { PartnerCenterSimulator } from '../../../tools/partnerCenterSimulator';
import { startControlledSimulator } from '../../support/controlledSimulator';
import { MovableClock } from '../../support/movableClock';
import type { WireObject } from '../../support/wireJson';

export const REFERRALS_SCOPE = 'https://api.partner.microsoft.com/.default offline_access';
export const WEBHOOK_SCOPE = 'https://api.partnercenter.microsoft.com/user_impersonation';
const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** An onboarding suite's running simulator and clock, from `useOnboardingSimulator`. */
export interface OnboardingBench {
  /** The running test's simulator. */
  simulator: () => PartnerCenterSimulator;
  /** The running test's clock, which the simulator reads. */
  simulatorClock: () => MovableClock;
}

/** Registers the hooks that start a simulator holding `referrals` before each test, on a fresh clock, and stop it. */
export function useOnboardingSimulator(referrals: Record<string, unknown>[]): OnboardingBench {
  let started: { clock: MovableClock; sim: PartnerCenterSimulator } | undefined;
  beforeEach(async () => {
    started = undefined;
    const clock = new MovableClock();
    started = { clock, sim: await startControlledSimulator({ clock: clock.read, referrals }) };
  });
  afterEach(async () => started?.sim.stop());
  const current = () => {
    assert.ok(started, 'the simulator is only there while a test runs');
    return started;
  };
  return { simulator: () => current().sim, simulatorClock: () => current().clock };
}

/**
 * Calls to the simulator over HTTP as onboarding makes them: device codes and tokens from its stand-in for Entra ID,
 * and its APIs with a bearer token. They read the simulator through `current`, started anew for each test.
 */
export function onboardingCalls(current: () => PartnerCenterSimulator) {
  async function form(path: string, fields: Record<string, string>) {
    const response = await fetch(`${current().url}/${current().credentials.tenantId}/oauth2/v2.0/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: response.status, body: (await response.json()) as WireObject };
  }

  const askDeviceCode = (scope = REFERRALS_SCOPE, clientId = current().credentials.clientId) =>
    form('devicecode', { client_id: clientId, scope });
  const poll = (deviceCode: string, overrides: Record<string, string> = {}) =>
    form('token', {
      grant_type: DEVICE_GRANT,
      client_id: current().credentials.clientId,
      client_secret: current().credentials.clientSecret,
      device_code: deviceCode,
      ...overrides,
    });
  const redeem = (refreshToken: string, scope: string) =>
    form('token', {
      grant_type: 'refresh_token',
      client_id: current().credentials.clientId,
      client_secret: current().credentials.clientSecret,
      refresh_token: refreshToken,
      scope,
    });

  async function call(path: string, token: string, init: RequestInit = {}) {
    const response = await fetch(`${current().url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }

  return { askDeviceCode, poll, redeem, call };
}
