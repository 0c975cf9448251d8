import restify from 'restify';
import type { IngestDeps } from '../referrals';
import type { Services } from '../services';
import type { StorageAccessProblem, TableStorage } from '../store';
import type { ReferralDeskBot, TeamsAdapter } from '../teams';
import type { Logger } from '../log';
import { healthOf } from './health';
import { referralsEndpoint } from './referralsEndpoint';
import { partnerCenterEventsEndpoint } from './partnerCenterEventsEndpoint';
import { teamsEndpoint } from './teamsEndpoint';
import type { WebhookVerifier } from '../partnerCenter';

/** What the routes use of the services: storing deliveries, and the Partner Center connection (health, webhook). */
export type ServedServices = IngestDeps & Pick<Services, 'partnerCenter'>;

/** What the routes need; filled in once storage is reachable. */
export interface ServerState {
  /** `bot` gives the bot, built at the first call (see teamsOnDemand.ts). */
  ready?: { services: ServedServices; bot: () => ReferralDeskBot; storage: TableStorage; storageKind: string };
  /** Why the desk could not start, when storage turned its identity away. */
  storageProblem?: StorageAccessProblem;
}

/**
 * The bot's HTTP surface: Teams' /api/messages, referral deliveries, Partner Center's webhook, and a health check.
 * `adapter` gives the adapter to Teams, built at the first Teams request (see teamsOnDemand.ts).
 */
export function createServer(
  adapter: () => TeamsAdapter,
  state: ServerState,
  options: { webhookSecret?: string; verifier: WebhookVerifier; log: Logger },
): restify.Server {
  const server = restify.createServer({ name: 'referral-desk', handleUncaughtExceptions: false });

  server.get('/healthz', async (_req, res) => {
    const ready = state.ready;
    const signInNeeded = ready?.services.partnerCenter?.client.signInNeeded;
    const sources = ready && {
      storage: ready.storage,
      storageKind: ready.storageKind,
      partnerCenterSignInNeeded: signInNeeded,
    };
    const { code, health } = await healthOf(sources, state.storageProblem);
    res.send(code, health);
  });

  // Clients such as the Agents Playground probe the endpoint with HEAD before they send.
  server.head('/api/messages', async (_req, res) => void res.send(state.ready ? 200 : 503));

  server.post('/api/messages', teamsEndpoint({ adapter, bot: () => state.ready?.bot(), log: options.log }));

  const durable = async () => state.ready?.storage.flush();
  server.post(
    '/api/referrals',
    referralsEndpoint(() => state.ready?.services, options.webhookSecret, durable),
  );

  server.post(
    '/api/partner-center/events',
    partnerCenterEventsEndpoint({
      ready: () => state.ready && { services: state.ready.services, api: state.ready.services.partnerCenter?.client },
      verifier: options.verifier,
      durable,
    }),
  );

  server.on('restifyError', (req: restify.Request, _res: restify.Response, error: Error, callback: () => void) => {
    options.log.error(`${req.method} ${req.url} failed`, error);
    return callback();
  });
  return server;
}
