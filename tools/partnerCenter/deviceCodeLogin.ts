/**
 * Signing in to Partner Center once, for the desk's first refresh token: the OAuth 2.0 device
 * authorization grant (RFC 8628) against Entra ID. The app asks for a device code, the person
 * opens the verification page on any device and enters the user code, and the app polls the
 * token endpoint (with its client secret: the desk's app registration is a confidential
 * client) until the sign-in is done, declined, or the code expires.
 */
import {
  PARTNER_CENTER_SCOPE,
  describeTokenRefusal,
  entraError,
  isTransientTokenStatus,
} from '../../bot/partnerCenter';
import { CommandError, type CommandIo } from './commandIo';
import type { PartnerCenterApp } from './settings';

/** The `grant_type` that redeems a device code. */
export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** RFC 8628: the interval when the server names none, and what each slow_down adds. */
const DEFAULT_INTERVAL_SECONDS = 5;
const SLOW_DOWN_SECONDS = 5;
const REQUEST_TIMEOUT_MS = 30_000;

/** What the sign-in gives the desk. */
export interface SignedIn {
  refreshToken: string;
}

/** Entra's answer: its status and JSON (undefined when the body was not JSON). */
interface EntraAnswer {
  status: number;
  body: Record<string, unknown> | undefined;
}

/** Entra's device code answer, as far as the sign-in needs it. */
interface DeviceCodeGrant {
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  message?: string;
  expiresInSeconds: number;
  intervalSeconds: number;
}

async function postForm(io: CommandIo, url: string, form: Record<string, string>): Promise<EntraAnswer> {
  let response: Response;
  let text: string;
  try {
    response = await (io.fetch ?? fetch)(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    text = await response.text();
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new CommandError(
      `Entra ID could not be reached at ${url}: ${cause}. Check PARTNER_CENTER_AUTHORITY_URL and the network.`,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const record =
    typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  return { status: response.status, body: record };
}

/** Entra's error and the first line of its description, for a message. */
function said(answer: EntraAnswer): string {
  const { error, description } = entraError(answer.body);
  return [error, description].filter(Boolean).join(': ') || `HTTP ${answer.status}`;
}

/**
 * The message for a refusal that no waiting mends, naming what to fix: the settings
 * (describeTokenRefusal knows Entra's codes for them), consent, or the app's client type.
 */
function refusal(answer: EntraAnswer, url: string, app: PartnerCenterApp): CommandError {
  const { error, codes } = entraError(answer.body);
  if (codes.includes(700025)) {
    return new CommandError(
      `Entra treats app ${app.clientId} as a public client and refuses its secret (${said(answer)}). ` +
        'The desk redeems its refresh token with PARTNER_CENTER_CLIENT_SECRET, so in the app registration ' +
        '(Authentication, Advanced settings) set "Allow public client flows" to No, then sign in again.',
    );
  }
  if (codes.includes(65001) || error === 'consent_required' || error === 'interaction_required') {
    return new CommandError(
      `Entra needs consent before app ${app.clientId} may call Partner Center (${said(answer)}). ` +
        "Have an administrator grant consent to the app registration's Partner Center API permissions, " +
        'then sign in again.',
    );
  }
  const known = ['invalid_client', 'unauthorized_client', 'invalid_scope'];
  if ((error && known.includes(error)) || codes.some((code) => [90002, 900023, 700016].includes(code))) {
    return new CommandError(
      describeTokenRefusal({
        status: answer.status,
        body: answer.body,
        tokenUrl: url,
        tenantId: app.tenantId,
        clientId: app.clientId,
      }),
    );
  }
  return new CommandError(`Entra ID refused the sign-in at ${url} (${answer.status}, ${said(answer)}).`);
}

function transient(answer: EntraAnswer): CommandError {
  return new CommandError(
    `Entra ID is not answering now (${answer.status}, ${said(answer)}); run the command again in a few minutes.`,
  );
}

function readDeviceCode(answer: EntraAnswer, url: string): DeviceCodeGrant {
  const body = answer.body ?? {};
  const { device_code: deviceCode, user_code: userCode, verification_uri: verificationUri } = body;
  const expiresIn = Number(body.expires_in);
  if (
    typeof deviceCode !== 'string' ||
    typeof userCode !== 'string' ||
    typeof verificationUri !== 'string' ||
    !(expiresIn > 0)
  ) {
    throw new CommandError(
      `Entra ID answered ${url} without a device_code, user_code, verification_uri and expires_in.`,
    );
  }
  const interval = Number(body.interval);
  return {
    deviceCode,
    userCode,
    verificationUri,
    message: typeof body.message === 'string' ? body.message : undefined,
    expiresInSeconds: expiresIn,
    intervalSeconds: interval > 0 ? interval : DEFAULT_INTERVAL_SECONDS,
  };
}

function minutes(seconds: number): string {
  const whole = Math.round(seconds / 60);
  return whole === 1 ? '1 minute' : `${whole} minutes`;
}

/**
 * Signs a person in with a device code: prints Entra's instructions (the page to open and the
 * code to enter), then polls every `interval` seconds (5 more after each slow_down) until the
 * sign-in is done, and answers the refresh token. Throws a CommandError naming what to do when
 * the sign-in is declined, the code expires (by Entra's answer or its `expires_in`), or Entra
 * refuses the app's settings. Waiting and time come from `io`, so tests never sleep.
 */
export async function signInWithDeviceCode(
  app: PartnerCenterApp,
  io: CommandIo,
  scope = PARTNER_CENTER_SCOPE,
): Promise<SignedIn> {
  const base = `${app.authorityUrl}/${encodeURIComponent(app.tenantId)}/oauth2/v2.0`;
  const codeUrl = `${base}/devicecode`;
  const tokenUrl = `${base}/token`;
  const started = io.clock().toMillis();
  const asked = await postForm(io, codeUrl, { client_id: app.clientId, scope });
  if (isTransientTokenStatus(asked.status)) throw transient(asked);
  if (asked.status !== 200) throw refusal(asked, codeUrl, app);
  const grant = readDeviceCode(asked, codeUrl);
  const deadline = started + grant.expiresInSeconds * 1000;
  const again = 'Run `npm run partner-center:login` again';
  io.print(grant.message ?? `To sign in, open ${grant.verificationUri} and enter the code ${grant.userCode}.`);
  io.print(
    `Sign in as a user with the Referrals Admin or Referrals User role in Partner Center. ` +
      `The code works for ${minutes(grant.expiresInSeconds)}; waiting for the sign-in…`,
  );
  let intervalMs = grant.intervalSeconds * 1000;
  for (;;) {
    await io.wait(intervalMs);
    if (io.clock().toMillis() >= deadline) {
      throw new CommandError(
        `The code ${grant.userCode} expired after ${minutes(grant.expiresInSeconds)} without a sign-in. ` +
          `${again} and sign in sooner.`,
      );
    }
    const answer = await postForm(io, tokenUrl, {
      grant_type: DEVICE_CODE_GRANT,
      client_id: app.clientId,
      client_secret: app.clientSecret,
      device_code: grant.deviceCode,
    });
    if (answer.status === 200) {
      const refreshToken = answer.body?.refresh_token;
      if (typeof refreshToken !== 'string' || refreshToken === '') {
        throw new CommandError(
          'Entra signed the user in but handed out no refresh token: the sign-in must ask for offline_access, ' +
            "and the tenant's policies must allow refresh tokens for this app.",
        );
      }
      return { refreshToken };
    }
    if (isTransientTokenStatus(answer.status)) {
      io.print(`Entra ID did not answer (${answer.status}); still waiting for the sign-in…`);
      continue;
    }
    const { error } = entraError(answer.body);
    if (error === 'authorization_pending') continue;
    if (error === 'slow_down') {
      intervalMs += SLOW_DOWN_SECONDS * 1000;
      continue;
    }
    if (error === 'authorization_declined' || error === 'access_denied') {
      throw new CommandError(
        `The sign-in was declined (${said(answer)}). ${again} and approve the request at ${grant.verificationUri}.`,
      );
    }
    if (error === 'expired_token' || error === 'code_expired') {
      throw new CommandError(
        `The code ${grant.userCode} expired before the sign-in finished (${said(answer)}). ` +
          `${again} and sign in sooner.`,
      );
    }
    if (error === 'bad_verification_code') {
      throw new CommandError(`Entra did not recognise the device code (${said(answer)}). ${again}.`);
    }
    throw refusal(answer, tokenUrl, app);
  }
}
