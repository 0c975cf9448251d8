import type { DateTime } from 'luxon';
import type { Config } from '../config/config';
import type { Logger } from '../log';
import type { Services } from '../services';
import { OutboxRepository } from '../store/outboxRepository';
import { PollCursorRepository } from '../store/pollCursorRepository';
import type { TableStorage } from '../store/tables';
import type { PartnerCenterClient } from './client';
import { partnerCenterClientFrom, type PartnerCenterClientFactoryOptions } from './clientFromConfig';
import { ReferralPoller } from './polling';
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
  services: () => Services;
  clock: () => DateTime;
  log: Logger;
  /** How often failed writes are tried again. */
  retryIntervalMs: number;
  client?: PartnerCenterClientFactoryOptions;
}

/** The connection the configuration describes; undefined without Partner Center credentials. */
export function connectPartnerCenter(config: Pick<Config, 'partnerCenter'>, deps: ConnectionDeps): PartnerCenterConnection | undefined {
  const client = partnerCenterClientFrom(config, { clock: deps.clock, logger: deps.log, ...deps.client });
  const settings = config.partnerCenter;
  if (!client || !settings) return undefined;
  const { storage, services, clock, log } = deps;
  const writeBack = new WriteBack({ api: client, outbox: new OutboxRepository(storage.client('writeBack'), 'writeBack'), services, clock, log });
  const poller = new ReferralPoller({ api: client, cursor: new PollCursorRepository(storage.client('partnerCenter')), services, clock, log });
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
