import { createServer as createHttpServer, type Server, type ServerResponse } from 'node:http';
import type * as Restify from 'restify';
import type { IngestDeps } from '../referrals';
import type { Services } from '../services';
import type { StorageAccessProblem, TableStorage } from '../store';
import type { ReferralDeskBot, TeamsAdapter } from '../teams';
import type { Logger } from '../log';
import { OnFirstUse } from '../onFirstUse';
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

/** What the routes are given besides the state. */
export interface ServerOptions {
  webhookSecret?: string;
  /** Checks Partner Center's webhooks: asked at each event, since a local Partner Center's comes with it. */
  verifier: () => WebhookVerifier;
  log: Logger;
}

/**
 * The bot's HTTP surface: Teams' /api/messages, referral deliveries, Partner Center's webhook, and a health check.
 * `adapter` gives the adapter to Teams, built at the first Teams request (see teamsOnDemand.ts). `GET /healthz`
 * is answered here; every other request goes to restify's routes, built at the first such request: restify takes
 * about a fifth of a second to load, and what a starting desk is asked first is whether it is healthy.
 */
export function createServer(adapter: () => TeamsAdapter, state: ServerState, options: ServerOptions): Server {
  const routes = new OnFirstUse(() => restifyRoutes(adapter, state, options));
  return createHttpServer((req, res) => {
    if (req.method === 'GET' && new URL(req.url ?? '/', 'http://desk').pathname === '/healthz') {
      answerHealth(state, res).catch((error: unknown) => {
        options.log.error('GET /healthz failed', error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
      return;
    }
    // restify's own server never listens: each request is handed to it as that server would hand it on.
    routes.get().server.emit('request', req, res);
  });
}

/** `GET /healthz`: how the desk stands (see healthOf), as JSON. */
async function answerHealth(state: ServerState, res: ServerResponse): Promise<void> {
  const ready = state.ready;
  const signInNeeded = ready?.services.partnerCenter?.client.signInNeeded;
  const sources = ready && {
    storage: ready.storage,
    storageKind: ready.storageKind,
    partnerCenterSignInNeeded: signInNeeded,
  };
  const { code, health } = await healthOf(sources, state.storageProblem);
  const body = JSON.stringify(health);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** Every route but `GET /healthz`, on a restify server of their own. */
function restifyRoutes(adapter: () => TeamsAdapter, state: ServerState, options: ServerOptions): Restify.Server {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded at the first request it serves, see above
  const restify = require('restify') as typeof Restify;
  const server = restify.createServer({ name: 'referral-desk', handleUncaughtExceptions: false });

  // Answered before restify (see createServer); routed here too, so another method is refused as before (405).
  server.get('/healthz', async (_req, res) => answerHealth(state, res));

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

  server.on('restifyError', (req: Restify.Request, _res: Restify.Response, error: Error, callback: () => void) => {
    options.log.error(`${req.method} ${req.url} failed`, error);
    return callback();
  });
  return server;
}
