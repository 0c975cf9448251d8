import type { PartnerCenterSimulator } from '../../../tools/partnerCenterSimulator';
import type { WireObject } from '../../support/wireJson';

export const REFERRALS_SCOPE = 'https://api.partner.microsoft.com/.default offline_access';
export const WEBHOOK_SCOPE = 'https://api.partnercenter.microsoft.com/user_impersonation';
const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

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
