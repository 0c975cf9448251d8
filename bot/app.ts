import type { TokenCredential } from '@azure/identity';
import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { UNAUTHENTICATED_ANY_HOST_SETTING, type Config, loadExchangeRates, loadRegions, loadSolutions } from './config';
import { createServer, type ServerState } from './http';
import type { Logger } from './log';
import type { OnFirstUse } from './onFirstUse';
import type { Services } from './services';
import {
  repositoriesOf,
  type TableRetryOptions,
  type TableTlsOptions,
  storageAccessProblem,
  storageFailureText,
  openStorage,
} from './store';
import { Scheduler, runScheduledWork } from './jobs';
import { followUp, planAllDigests, type FollowUpDeps } from './referrals';
import {
  personalCard,
  CardSync,
  teamsNotifier,
  Messenger,
  type MessengerOptions,
  AccessGate,
  serviceUrlTrust,
  TeamMembership,
  teamsAdapterOnDemand,
  deskBotOnDemand,
  type ReferralDeskBot,
  TeamsRateLimits,
  type TeamsLimits,
  type TeamsTokens,
} from './teams';
import { CATALOGS } from './strings/catalogs';
import { servicesFor } from './languages';
import {
  type PartnerCenterClientFactoryOptions,
  connectPartnerCenter,
  type PartnerCenterConnection,
  UnfinishedDeliveries,
  WebhookVerifier,
  webhookVerifierFrom,
  type WebhookVerifierRuntimeOptions,
  startLocalPartnerCenter,
  type StartLocalPartnerCenter,
  type LocalPartnerCenter,
} from './partnerCenter';

export interface AppOptions {
  config: Config;
  log: Logger;
  clock?: () => DateTime;
  /** Retry timing of calls to Teams (tests shorten it). */
  messenger?: Partial<Omit<MessengerOptions, 'appId' | 'limits'>>;
  /** The rate limits of Teams the desk keeps to (tests scale them down); Teams' own by default. */
  teamsLimits?: TeamsLimits;
  /** Retry timing of calls to Partner Center (tests record the waits instead). */
  partnerCenter?: PartnerCenterClientFactoryOptions;
  /** How webhook signatures are checked beyond the configuration (tests serve certificates over http). */
  webhooks?: WebhookVerifierRuntimeOptions;
  /** Who issues Teams' tokens and where their signing keys are published (tests serve their own); the Bot Framework's by default. */
  teamsTokens?: Partial<TeamsTokens>;
  /** Retries of table calls (tests make them quick); the data-tables client's defaults otherwise. */
  tableRetries?: TableRetryOptions;
  /** Who the desk signs in as for TABLES_ACCOUNT_URL (tests bring their own); DefaultAzureCredential otherwise. */
  tableCredential?: TokenCredential;
  /** Whom the desk trusts for https to TABLES_ACCOUNT_URL (tests: their own server); Node's roots otherwise. */
  tableTls?: TableTlsOptions;
  /**
   * Starts the local Partner Center a run without credentials asks for (PARTNER_CENTER_SIMULATOR);
   * a development start passes the simulator, the production start nothing (the desk then runs unconnected).
   */
  localPartnerCenter?: StartLocalPartnerCenter;
}

export interface RunningApp {
  url: string;
  port: number;
  /** The address the server listens on (`127.0.0.1` while authentication is off, by default). */
  address: string;
  /** Resolves once storage is reachable and the bot answers. */
  ready: Promise<Services>;
  /** The local Partner Center simulator's address, once the desk is ready, when it runs one. */
  readonly simulatorUrl?: string;
  /** Resolves once the answers of card actions given so far are kept (they are kept after they are given). */
  answersKept(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the bot: the HTTP server first (so /healthz can say "starting"), then storage
 * (embedded Azurite unless an account is set) and, beside it, the local Partner Center of a
 * development start, then the card retry loop. The adapter to Teams and the bot are built at
 * their first use (a Teams request, a card sent): the desk is healthy without botbuilder.
 */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  const { config, log } = options;
  const clock = options.clock ?? (() => DateTime.utc());
  const regions = loadRegions(config.regionsFile);
  const solutions = loadSolutions(config.solutionsFile);
  const exchangeRates = loadExchangeRates(config.digestCurrency, config.exchangeRatesFile);
  const { strings } = CATALOGS[config.language];
  const teamsLimits = new TeamsRateLimits(options.teamsLimits);
  const now = () => clock().toMillis();
  const adapter = teamsAdapterOnDemand({ config, log, strings, tokens: options.teamsTokens, now, limits: teamsLimits });
  const teamsAdapter = () => adapter.get();
  const state: ServerState = {};
  let url = '';
  const webhookUrl = () => `${url}/api/partner-center/events`;
  // Webhooks are checked against Partner Center's certificates, or the local Partner Center's own once it runs.
  let verifier = webhookVerifierFrom(config, { clock, ...options.webhooks });
  const webhookSecret = config.webhookSecret || undefined;
  const server = createServer(teamsAdapter, state, { webhookSecret, verifier: () => verifier, log });
  await new Promise<void>((resolve) => {
    if (config.host) server.listen(config.port, config.host, resolve);
    else server.listen(config.port, resolve);
  });
  const { port, address } = server.address() as AddressInfo;
  url = `http://localhost:${port}`;
  log.info(
    `listening on ${url} (Teams: ${url}/api/messages, referrals: ${url}/api/referrals, Partner Center: ${url}/api/partner-center/events)`,
  );
  log.info(exposureNotice(config));

  let stopStorage: () => Promise<void> = async () => undefined;
  let cardSync: CardSync | undefined;
  let scheduler: Scheduler | undefined;
  let partnerCenter: PartnerCenterConnection | undefined;
  let unfinishedDeliveries: UnfinishedDeliveries | undefined;
  let bot: OnFirstUse<ReferralDeskBot> | undefined;
  let local: LocalPartnerCenter | undefined;
  let localStarted: Promise<LocalPartnerCenter | undefined> | undefined;
  const ready = (async () => {
    // The local Partner Center starts first: it makes its keys off the main thread while storage opens.
    localStarted = startLocalPartnerCenter(config, options.localPartnerCenter, webhookUrl, clock, log);
    const access = { retries: options.tableRetries, credential: options.tableCredential, tlsOptions: options.tableTls };
    const { storage, kind: storageKind, stop } = await openStorage(config.tables, config.tablePrefix, access, log);
    stopStorage = stop;
    await storage.ensureTables();
    local = await localStarted;
    if (local) verifier = new WebhookVerifier({ ...local.webhooks, clock });
    const messenger = new Messenger(teamsAdapter, {
      appId: config.appId,
      maxAttempts: 4,
      baseDelayMs: 500,
      maxDelayMs: 30_000,
      log,
      ...options.messenger,
      limits: teamsLimits,
    });
    const repositories = repositoriesOf(storage);
    const { referrals, links, conversations, outbox, favorites, users, schedule, indexes, roles, directCards } =
      repositories;
    const { channelLanguages } = repositories;
    const { reminderPolicy, defaultHours, admins, language } = config;
    const followUps: FollowUpDeps = {
      referrals,
      indexes,
      users,
      schedule,
      roles,
      regions,
      reminderPolicy,
      defaultHours,
      log,
    };
    // What a person's own card and direct messages are drawn with, in their language.
    const personal = { users, language, strings, regions, roles, admins, favorites, solutions, clock };
    const notifier = teamsNotifier({ ...personal, indexes, referrals, directCards, conversations, messenger, log });
    cardSync = new CardSync({
      referrals,
      outbox,
      links,
      channelLanguages,
      conversations,
      messenger,
      regions,
      solutions,
      strings,
      clock,
      log,
      followUp: (record) => followUp(followUps, record, { tell: notifier }),
      directCards,
      directCardOf: async (record, card) =>
        personalCard(await servicesFor(personal, card.viewer.id), record, card.viewer, { reminder: card.reminder }),
    });
    unfinishedDeliveries = new UnfinishedDeliveries({ referrals, outbox, clock, log });
    const receive = { referrals, outbox, cards: cardSync, unfinishedDeliveries, regions, clock, log };
    partnerCenter = connectPartnerCenter(local ? { partnerCenter: local.settings } : config, {
      storage,
      receive,
      clock,
      log,
      retryIntervalMs: config.cardRetryIntervalMs,
      client: options.partnerCenter,
    });
    // The one real cycle: the card sync follows each change up, a follow-up queues the change's write-back to
    // Partner Center, and what Partner Center answers is stored and published through the card sync. The
    // connection is built with the card sync, and its write-back joins the follow-ups now, before anything starts.
    followUps.writeBack = partnerCenter?.writeBack;
    const desk: Omit<Services, 'scheduler'> = {
      referrals,
      links,
      channelLanguages,
      conversations,
      outbox,
      favorites,
      users,
      indexes,
      directCards,
      schedule,
      reminderPolicy,
      defaultHours,
      cards: cardSync,
      messenger,
      regions,
      solutions,
      exchangeRates,
      admins,
      linkEditors: config.linkEditors,
      roles,
      answeredInvokes: repositories.answeredInvokes,
      strings,
      language,
      unfinishedDeliveries,
      partnerCenter,
      writeBack: partnerCenter?.writeBack,
      clock,
      log,
    };
    scheduler = new Scheduler({ schedule, clock, log, run: (work, now) => runScheduledWork(desk, work, now) });
    const services: Services = { ...desk, scheduler };
    await scheduler.initialize();
    await planAllDigests(services);
    const membership = new TeamMembership({ conversations, messenger, clock });
    const gate = new AccessGate(services, membership, {
      tenants: config.allowedTenants,
      authenticated: Boolean(config.appId),
      trustsServiceUrl: serviceUrlTrust(Boolean(config.appId), config.host),
    });
    const deskBot = deskBotOnDemand(services, gate, membership);
    bot = deskBot;
    state.ready = { services, bot: () => deskBot.get(), storage, storageKind };
    cardSync.start(config.cardRetryIntervalMs);
    unfinishedDeliveries.start(config.cardRetryIntervalMs);
    partnerCenter?.start();
    scheduler.start(config.schedulerIntervalMs);
    log.info('ready');
    return services;
  })();
  ready.catch((error: unknown) => {
    // Signing in and the account's roles are fixed outside the desk; /healthz says which until a restart.
    state.storageProblem = storageAccessProblem(error);
    if (state.storageProblem) log.error(`could not start: ${storageFailureText(error)}; fix it and restart the desk`);
    else log.error('could not start storage', error);
  });

  return {
    url,
    port,
    address,
    ready,
    get simulatorUrl() {
      return local?.url;
    },
    answersKept: async () => bot?.built?.whenIdle(),
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      await ready.catch(() => undefined);
      await bot?.built?.whenIdle();
      await scheduler?.stop();
      await partnerCenter?.stop();
      await cardSync?.stop();
      await unfinishedDeliveries?.stop();
      await (await localStarted)?.stop();
      await stopStorage();
    },
  };
}

/** What the start-up log says about who can reach the desk, loudly when nobody is authenticated. */
function exposureNotice(config: Config): string {
  if (config.appId) return 'Teams authentication is on (MicrosoftAppId is set); listening on every interface';
  if (config.host)
    return `authentication is off (MicrosoftAppId is empty): listening on ${config.host} only, for this machine`;
  return `WARNING: authentication is off and ${UNAUTHENTICATED_ANY_HOST_SETTING}=true: anyone who reaches this machine can act as any Teams user`;
}
