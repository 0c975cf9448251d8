import type { DateTime } from 'luxon';
import type { Region } from './domain/routing';
import type { ExchangeRates } from './domain/exchangeRates';
import type { CatalogSolution } from './domain/solutions';
import type { Logger } from './log';
import type {
  OutboxRepository,
  ChannelLanguageRepository,
  ChannelLinkRepository,
  ConversationRepository,
  FavoriteRepository,
  ScheduleRepository,
  ReferralRepository,
  UserRepository,
  ReferralIndexRepository,
  DirectCardRepository,
  RoleRepository,
  AnsweredInvokeRepository,
} from './store';
import type { Scheduler } from './jobs/scheduler';
import type { ReminderPolicy } from './domain/reminderPlan';
import type { WorkingHours } from './domain/workingHours';
import type { LinkEditorRule } from './domain/access';
import type { Strings } from './strings/en';
import type { CardSync } from './teams/cardSync';
import type { Messenger } from './teams/messenger';
import type { PartnerCenterConnection, UnfinishedDeliveries } from './partnerCenter';
import type { UseCaseDeps } from './referrals';

/**
 * What the Teams handlers and the HTTP endpoints work with, built once at start-up: the ports of
 * the referral use cases (which take only those they use) and what the edge needs besides.
 */
export interface Services extends UseCaseDeps {
  referrals: ReferralRepository;
  links: ChannelLinkRepository;
  /** The language of each channel that chose its own (`language`); others read the desk's. */
  channelLanguages: ChannelLanguageRepository;
  conversations: ConversationRepository;
  outbox: OutboxRepository;
  favorites: FavoriteRepository;
  /** Who the users are, how to reach them directly, and their time zones and working hours. */
  users: UserRepository;
  /** What lists and digests read instead of every referral: own deals, open deals, words, facts. */
  indexes: ReferralIndexRepository;
  /** Referral cards in people's 1:1 chats, updated with the channel card after every change. */
  directCards: DirectCardRepository;
  /** The index of due work (reminders, expiries) the scheduler runs. */
  schedule: ScheduleRepository;
  scheduler: Scheduler;
  reminderPolicy: ReminderPolicy;
  /** Working hours of users who chose none (in their own zone once Teams told it). */
  defaultHours: WorkingHours;
  /** The referral cards in Teams: the use cases see it as their CardPublisher, the adapters whole. */
  cards: CardSync;
  /** Every message to Teams outside a turn (cards, reminders) goes through it. */
  messenger: Messenger;
  regions: readonly Region[];
  /** The partner's published solutions, offered when adding one to a deal. */
  solutions: readonly CatalogSolution[];
  /** What the digest compares deal values across currencies with (DIGEST_CURRENCY, EXCHANGE_RATES_FILE); unset, it compares none. */
  exchangeRates?: ExchangeRates;
  /** Users who administer every region (see DESK_ADMINS). */
  admins: readonly string[];
  /** Who may link and unlink channels (LINK_EDITORS). */
  linkEditors: LinkEditorRule;
  /** Region managers admins granted (`managers add`), beside those of the regions file. */
  roles: RoleRepository;
  /** Card actions already answered, by sender and activity id, to answer Teams' repeats of them the same. */
  answeredInvokes: AnsweredInvokeRepository;
  /** Every sentence, in the desk's language (see `servicesFor` for a user's own, `servicesInChannel` for a channel's). */
  strings: Strings;
  /** The desk's language (DESK_LANGUAGE). */
  language: string;
  /** What deliveries that could not be stored whole still have to take back (see ingestReferrals). */
  unfinishedDeliveries: UnfinishedDeliveries;
  /** Partner Center's API, the write-back of the desk's decisions and the poll; absent when the desk is not connected to it. */
  partnerCenter?: PartnerCenterConnection;
  clock: () => DateTime;
  log: Logger;
}
