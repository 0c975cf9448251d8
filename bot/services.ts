import type { DateTime } from 'luxon';
import type { Region } from './domain/routing';
import type { Logger } from './log';
import type { CardOutboxRepository } from './store/cardOutboxRepository';
import type { ChannelLinkRepository } from './store/channelLinkRepository';
import type { ConversationRepository } from './store/conversationRepository';
import type { ReferralRepository } from './store/referralRepository';
import type { Strings } from './strings/en';
import type { CardSync } from './teams/cardSync';

/** What the Teams handlers and the HTTP endpoints work with, built once at start-up. */
export interface Services {
  referrals: ReferralRepository;
  links: ChannelLinkRepository;
  conversations: ConversationRepository;
  outbox: CardOutboxRepository;
  cardSync: CardSync;
  regions: readonly Region[];
  strings: Strings;
  clock: () => DateTime;
  log: Logger;
}
