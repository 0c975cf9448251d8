import type { Config } from '../config';
import { PartnerCenterClient, type PartnerCenterClientOptions } from './client';
import { PartnerCenterTokens, type TokenProviderOptions } from './tokens';

/** What the factory passes on: everything but the URLs and credentials, which come from the config. */
export type PartnerCenterClientFactoryOptions = Omit<PartnerCenterClientOptions, 'apiUrl' | 'tokens'> &
  Pick<TokenProviderOptions, 'clock' | 'onRefreshToken' | 'storedRefreshToken' | 'logger'>;

/**
 * The Referrals API client of the configured Partner Center connection (PARTNER_CENTER_*),
 * with its own token provider; undefined when no credentials are configured. New refresh
 * tokens reach `onRefreshToken`; the first renewal starts from `storedRefreshToken`'s, if any.
 */
export function partnerCenterClientFrom(
  config: Pick<Config, 'partnerCenter'>,
  options: PartnerCenterClientFactoryOptions = {},
): PartnerCenterClient | undefined {
  const settings = config.partnerCenter;
  if (!settings) return undefined;
  const { clock, onRefreshToken, storedRefreshToken, logger, ...clientOptions } = options;
  const tokens = new PartnerCenterTokens(
    {
      tenantId: settings.tenantId,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      refreshToken: settings.refreshToken,
    },
    {
      authorityUrl: settings.authorityUrl,
      clock,
      onRefreshToken,
      storedRefreshToken,
      logger,
      fetch: clientOptions.fetch,
      requestTimeoutMs: clientOptions.requestTimeoutMs,
    },
  );
  return new PartnerCenterClient({ ...clientOptions, apiUrl: settings.apiUrl, tokens });
}
