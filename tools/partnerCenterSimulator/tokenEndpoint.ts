/**
 * Entra ID's token and device-code endpoints over HTTP (`POST /{tenant}/oauth2/v2.0/token`
 * and `/devicecode`): reads the form and the client's Basic credentials, answers token
 * outages queued by tests, and hands the rest to the token issuer.
 */
import type { IncomingMessage } from 'node:http';
import { readRawBody } from '../../bot/http';
import type { Answer } from './answers';
import type { FaultQueue } from './faults';
import type { TokenIssuer } from './tokenIssuer';

/** The token and device-code endpoints of a tenant: the tenant, and which of the two. */
export const TOKEN_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/(token|devicecode)$/;

/** Where the user "signs in" with a device code: the verification page the sign-in names (see signInControl). */
export const DEVICE_LOGIN_PATH = '/simulator/device-login';

const BODY_LIMIT = 1024 * 1024;

/** What the token endpoint reads of the simulator. */
export interface TokenEndpointContext {
  tokens: TokenIssuer;
  /** Token request failures queued by tests, as in an Entra ID outage. */
  faults: FaultQueue;
  /** The simulator's own URL: the device-code sign-in page lies under it. */
  url: string;
}

/** The answer to a request to `tenant`'s token endpoint, or to its device-code endpoint when `deviceCode`. */
export async function tokenEndpointAnswer(
  context: TokenEndpointContext,
  req: IncomingMessage,
  tenant: string,
  deviceCode: boolean,
): Promise<Answer> {
  if (req.method !== 'POST') {
    const description = `The ${deviceCode ? 'device code' : 'token'} endpoint only accepts POST`;
    const body = { error: 'invalid_request', error_description: description };
    return { status: 405, headers: { allow: 'POST' }, body };
  }
  const fault = context.faults.take();
  if (fault) {
    req.resume();
    return {
      status: fault.status,
      body: {
        error: 'temporarily_unavailable',
        error_description: 'AADSTS90033: A transient error has occurred. Please try again.',
        error_codes: [90033],
      },
    };
  }
  const raw = (await readRawBody(req, BODY_LIMIT)).toString('utf8');
  const isForm = /^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '');
  const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  let credentials: { clientId: string; clientSecret: string } | undefined;
  if (basic) {
    // RFC 6749 §2.3.1: each part is form-encoded, then joined by the first ":".
    const pair = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = pair.indexOf(':');
    const part = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));
    credentials =
      colon < 0
        ? { clientId: part(pair), clientSecret: '' }
        : { clientId: part(pair.slice(0, colon)), clientSecret: part(pair.slice(colon + 1)) };
  }
  const form = new URLSearchParams(isForm ? raw : '');
  const answer = deviceCode
    ? context.tokens.requestDeviceCode(tenant, form, `${context.url}${DEVICE_LOGIN_PATH}`)
    : context.tokens.redeem(tenant, form, credentials);
  return { status: answer.status, headers: { 'cache-control': 'no-store' }, body: answer.body };
}
