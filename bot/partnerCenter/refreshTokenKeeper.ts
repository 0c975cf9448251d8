import type { DateTime } from 'luxon';
import type { Logger } from '../log';
import type { PartnerCenterGrantRepository } from '../store';
import { fingerprintOf, type TokenKey } from './tokenSealing';

/** What the keeper needs: where the token is kept, the key that seals it, and the configured token. */
export interface RefreshTokenKeeperDeps {
  grants: Pick<PartnerCenterGrantRepository, 'get' | 'keep'>;
  key: TokenKey;
  /** PARTNER_CENTER_REFRESH_TOKEN: a kept token is used only while it descends from this one. */
  configured: string;
  clock: () => DateTime;
  log: Logger;
}

/**
 * Keeps the newest refresh token Entra hands out in table storage, sealed (see tokenSealing),
 * so that a restart goes on from it rather than from the configured token, which Entra may no
 * longer take. Beside it, the fingerprint of the configured token it descends from: when the
 * admin sets a new PARTNER_CENTER_REFRESH_TOKEN (after a refusal, or a new sign-in), the
 * configured one wins, and its first renewal replaces the kept one. A kept token that cannot
 * be opened (the key changed, or the row was altered) is reported and the configured one used.
 * The token itself is never logged, nor put in an error.
 */
export class RefreshTokenKeeper {
  private readonly origin: string;

  constructor(private readonly deps: RefreshTokenKeeperDeps) {
    this.origin = fingerprintOf(deps.configured);
  }

  /** The kept token to start from, or undefined for the configured one; the log says which, and why. */
  async load(): Promise<string | undefined> {
    const { grants, key, log } = this.deps;
    const kept = await grants.get();
    const from = 'starting from PARTNER_CENTER_REFRESH_TOKEN';
    if (!kept) {
      log.info(`Partner Center: no renewed refresh token is kept yet; ${from}`);
      return undefined;
    }
    if (kept.origin !== this.origin) {
      log.info(
        'Partner Center: PARTNER_CENTER_REFRESH_TOKEN was changed since the kept token was renewed ' +
          `(${kept.renewedAt}); ` +
          `${from}, whose renewal replaces the kept one`,
      );
      return undefined;
    }
    const opened = key.open(kept.sealed, sealingContext(kept.origin));
    if ('failure' in opened) {
      const why =
        opened.failure === 'otherKey'
          ? `it was sealed with another PARTNER_CENTER_TOKEN_KEY (key ${kept.sealed.keyId}; ` +
            `the key set now is ${key.id})`
          : 'it was altered or damaged in table storage (it does not pass its authentication tag)';
      log.error(
        `Partner Center: the renewed refresh token kept in table storage (${kept.renewedAt}) cannot be decrypted: ` +
          `${why}. The desk is ${from}; should Entra refuse that one, sign in again and set the new refresh token`,
      );
      return undefined;
    }
    const renewed = `the refresh token renewed ${kept.renewedAt}, kept in table storage (key ${key.id})`;
    log.info(`Partner Center: starting from ${renewed}`);
    return opened.token;
  }

  /** Keeps `token`, handed out now, unless another instance kept a newer one meanwhile. */
  async keep(token: string): Promise<void> {
    const { grants, key, clock } = this.deps;
    const sealed = key.seal(token, sealingContext(this.origin));
    await grants.keep({ origin: this.origin, sealed, renewedAt: clock().toUTC().toISO()! });
  }
}

/** What a token is sealed with besides its key: its purpose and origin, so neither can be swapped unnoticed. */
function sealingContext(origin: string): string {
  return `referral-desk/partner-center-refresh-token/v1/${origin}`;
}
