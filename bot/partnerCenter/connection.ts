import type { DateTime } from 'luxon';
import type { Config } from '../config';
import type { Logger } from '../log';
import type { IngestDeps } from '../referrals';
import { OutboxRepository, PartnerCenterGrantRepository, PollCursorRepository, type TableStorage } from '../store';
import type { PartnerCenterClient } from './client';
import { partnerCenterClientFrom, type PartnerCenterClientFactoryOptions } from './clientFromConfig';
import { ReferralPoller } from './polling';
import { RefreshTokenKeeper } from './refreshTokenKeeper';
import { WriteBack } from './writeBack';

/** The desk's live link to Partner Center: its API client, the write-back and the poll. */
export interface PartnerCenterConnection {
  client: PartnerCenterClient;
  writeBack: WriteBack;
  poller: ReferralPoller;
  start(): void;
  stop(): Promise<void>;
}

export interface ConnectionDeps {
  storage: TableStorage;
  /** What deliveries (polled pages, Partner Center's answers to writes) are stored with; the write-back fills in itself. */
  receive: Omit<IngestDeps, 'writeBack'>;
  clock: () => DateTime;
  log: Logger;
  /** How often failed writes are tried again. */
  retryIntervalMs: number;
  client?: PartnerCenterClientFactoryOptions;
}

/**
 * The connection the configuration describes; undefined without Partner Center credentials.
 * With PARTNER_CENTER_TOKEN_KEY, the renewed refresh token is kept in table storage and a
 * restart goes on from it; without, the start log says a restart goes back to the configured one.
 */
export function connectPartnerCenter(
  config: Pick<Config, 'partnerCenter'>,
  deps: ConnectionDeps,
): PartnerCenterConnection | undefined {
  const settings = config.partnerCenter;
  if (!settings) return undefined;
  const { storage, receive, clock, log } = deps;
  const client = partnerCenterClientFrom(config, { clock, logger: log, ...deps.client, ...keeping(settings, deps) });
  if (!client) return undefined;
  const writeBack = new WriteBack({
    api: client,
    outbox: new OutboxRepository(storage.client('writeBack'), 'writeBack'),
    receive,
    clock,
    log,
  });
  const poller = new ReferralPoller({
    api: client,
    cursor: new PollCursorRepository(storage.client('partnerCenter')),
    receive: { ...receive, writeBack },
    clock,
    log,
  });
  return {
    client,
    writeBack,
    poller,
    start() {
      writeBack.start(deps.retryIntervalMs);
      if (settings.pollIntervalMs > 0) poller.start(settings.pollIntervalMs);
    },
    async stop() {
      await poller.stop();
      await writeBack.stop();
    },
  };
}

/** The token provider's hooks that keep the renewed refresh token, when a key to seal it is set. */
function keeping(
  settings: NonNullable<Config['partnerCenter']>,
  deps: ConnectionDeps,
): Pick<PartnerCenterClientFactoryOptions, 'onRefreshToken' | 'storedRefreshToken'> {
  if (!settings.tokenKey) {
    deps.log.info(
      'PARTNER_CENTER_TOKEN_KEY is not set: the refresh token Partner Center renews is kept in memory only ' +
        'and will not survive a restart, which starts from PARTNER_CENTER_REFRESH_TOKEN again',
    );
    return {};
  }
  const keeper = new RefreshTokenKeeper({
    grants: new PartnerCenterGrantRepository(deps.storage.client('partnerCenterGrant')),
    key: settings.tokenKey,
    configured: settings.refreshToken,
    clock: deps.clock,
    log: deps.log,
  });
  const also = deps.client?.onRefreshToken;
  return {
    storedRefreshToken: () => keeper.load(),
    async onRefreshToken(token) {
      await keeper.keep(token);
      await also?.(token);
    },
  };
}
