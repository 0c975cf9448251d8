/**
 * The device authorization grant (RFC 8628) as Entra ID runs it: a client asks for a device
 * code, shows the user a short user code to enter at the verification page, and polls the
 * token endpoint until the user has signed in there (or declined, or the code expired).
 * Here the user's side is played by the simulator's controls (approve, decline).
 */
import { randomBytes } from 'node:crypto';

/** The `grant_type` of a token request that redeems a device code. */
export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** How long a code is good for and how often it may be polled, unless told otherwise (Entra's values). */
export const DEVICE_CODE_LIFETIME_SECONDS = 900;
export const DEVICE_CODE_INTERVAL_SECONDS = 5;

/** What RFC 8628 adds to the interval each time a client polls too soon. */
const SLOW_DOWN_SECONDS = 5;

/** One device code, as issued, and where the user's sign-in stands. */
export interface DeviceCode {
  deviceCode: string;
  /** What the user types at the verification page. */
  userCode: string;
  clientId: string;
  /** The scope asked for; the tokens are issued for it. */
  scope: string;
  expiresAt: number;
  /** Seconds the client must wait between two polls (grows with each slow_down). */
  intervalSeconds: number;
  state: 'pending' | 'approved' | 'declined' | 'redeemed';
  lastPollAt?: number;
  /** The next poll is answered slow_down, as when the service is under load. */
  slowDownNext: boolean;
}

/** How a poll with a device code is answered. */
export type DevicePoll =
  | { kind: 'approved'; code: DeviceCode }
  | { kind: 'pending' | 'slowDown' | 'declined' | 'expired' | 'redeemed' | 'unknown' };

/** Entra's user codes: letters and digits that are hard to confuse when read aloud. */
const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ23456789';

function userCode(): string {
  return [...randomBytes(9)].map((byte) => USER_CODE_ALPHABET[byte % USER_CODE_ALPHABET.length]).join('');
}

/** The device codes given out, and the user's answer to each. */
export class DeviceCodes {
  private readonly byDeviceCode = new Map<string, DeviceCode>();

  constructor(
    private readonly lifetimeSeconds = DEVICE_CODE_LIFETIME_SECONDS,
    private readonly intervalSeconds = DEVICE_CODE_INTERVAL_SECONDS,
  ) {}

  issue(clientId: string, scope: string, now: number): DeviceCode {
    const code: DeviceCode = {
      deviceCode: `pc-device.${randomBytes(24).toString('base64url')}`,
      userCode: userCode(),
      clientId,
      scope,
      expiresAt: now + this.lifetimeSeconds * 1000,
      intervalSeconds: this.intervalSeconds,
      state: 'pending',
      slowDownNext: false,
    };
    this.byDeviceCode.set(code.deviceCode, code);
    return code;
  }

  /** The code the user would enter, or undefined. */
  byUserCode(userCode: string): DeviceCode | undefined {
    const wanted = userCode.trim().toUpperCase();
    return [...this.byDeviceCode.values()].find((code) => code.userCode === wanted);
  }

  /** Every code issued so far, oldest first. */
  all(): DeviceCode[] {
    return [...this.byDeviceCode.values()];
  }

  /** The user's answer at the verification page; false when the code is unknown or already answered. */
  answer(userCode: string, decision: 'approve' | 'decline', now: number): boolean {
    const code = this.byUserCode(userCode);
    if (!code || code.state !== 'pending' || now >= code.expiresAt) return false;
    code.state = decision === 'approve' ? 'approved' : 'declined';
    return true;
  }

  /**
   * One poll of the token endpoint with `deviceCode` by `clientId`. While the user has not
   * answered, a poll sooner than the interval after the last one is answered slow_down and
   * the interval grows by 5 seconds (RFC 8628 §3.5); an approved code is redeemed once.
   */
  poll(deviceCode: string, clientId: string, now: number): DevicePoll {
    const code = this.byDeviceCode.get(deviceCode);
    if (!code || code.clientId !== clientId) return { kind: 'unknown' };
    if (code.state === 'redeemed') return { kind: 'redeemed' };
    if (now >= code.expiresAt) return { kind: 'expired' };
    if (code.state === 'declined') return { kind: 'declined' };
    const last = code.lastPollAt;
    code.lastPollAt = now;
    if (code.state === 'pending') {
      if (code.slowDownNext || (last !== undefined && now - last < code.intervalSeconds * 1000)) {
        code.slowDownNext = false;
        code.intervalSeconds += SLOW_DOWN_SECONDS;
        return { kind: 'slowDown' };
      }
      return { kind: 'pending' };
    }
    code.state = 'redeemed';
    return { kind: 'approved', code };
  }
}
