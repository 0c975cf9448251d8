import type { DateTime } from 'luxon';
import type { AdaptiveCard } from '../../cards/render';
import type { ReferralRecord } from '../domain/referral';
import type { Region } from '../domain/routing';
import type { CatalogSolution } from '../domain/solutions';
import type { Repeat } from '../jobs/heartbeat';
import type { Logger } from '../log';
import type {
  ChannelLanguageRepository,
  ChannelLinkRepository,
  ConversationRepository,
  DirectCard,
  DirectCardRepository,
  OutboxRepository,
  ReferralRepository,
} from '../store';
import type { Strings } from '../strings/en';
import type { Messenger } from './messenger';

/** What the card sync (and the work of each of its tasks) uses. */
export interface CardSyncDeps {
  referrals: ReferralRepository;
  outbox: OutboxRepository;
  links: ChannelLinkRepository;
  /** Each channel's own language, which its card is drawn in (else `strings`, the desk's). */
  channelLanguages: ChannelLanguageRepository;
  conversations: ConversationRepository;
  messenger: Messenger;
  regions: readonly Region[];
  solutions: readonly CatalogSolution[];
  strings: Strings;
  clock: () => DateTime;
  log: Logger;
  /**
   * Stores what follows a change of the referral (its plan of due work, its index rows).
   * Every change is followed by a task here, so doing it again here completes a change whose
   * own follow-up a crash cut short.
   */
  followUp: (record: ReferralRecord) => Promise<void>;
  directCards: DirectCardRepository;
  /** A referral's card as the viewer of a card in their 1:1 chat sees it. */
  directCardOf: (record: ReferralRecord, card: DirectCard) => Promise<AdaptiveCard>;
  /** How long a claimed task is reserved for one worker without renewal (OUTBOX_CLAIM_MS); renewed while it works. */
  leaseMs?: number;
  /** The timer renewing claims (defaults to a real interval). */
  repeat?: Repeat;
  /** Wait before retrying a failed post: grows with the attempts, up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
}
