import { AnsweredInvokeRepository } from './answeredInvokeRepository';
import { ChannelLanguageRepository } from './channelLanguageRepository';
import { ChannelLinkRepository } from './channelLinkRepository';
import { ConversationRepository } from './conversationRepository';
import { DirectCardRepository } from './directCardRepository';
import { FavoriteRepository } from './favoriteRepository';
import { OutboxRepository } from './outboxRepository';
import { ReferralIndexRepository } from './referralIndexRepository';
import { ReferralRepository } from './referralRepository';
import { RoleRepository } from './roleRepository';
import { ScheduleRepository } from './scheduleRepository';
import type { TableStorage } from './tables';
import { UserRepository } from './userRepository';

/** One repository per table of the desk, over the storage it opened. */
export function repositoriesOf(storage: TableStorage) {
  return {
    referrals: new ReferralRepository(storage.client('referrals')),
    links: new ChannelLinkRepository(storage.client('channelLinks')),
    channelLanguages: new ChannelLanguageRepository(storage.client('channelLinks')),
    conversations: new ConversationRepository(storage.client('conversations')),
    outbox: new OutboxRepository(storage.client('cardOutbox')),
    favorites: new FavoriteRepository(storage.client('favorites')),
    users: new UserRepository(storage.client('users')),
    schedule: new ScheduleRepository(storage.client('schedule'), storage.client('scheduleRuns')),
    indexes: new ReferralIndexRepository(storage.client('indexes')),
    roles: new RoleRepository(storage.client('roles')),
    directCards: new DirectCardRepository(storage.client('directCards')),
    answeredInvokes: new AnsweredInvokeRepository(storage.client('answeredInvokes')),
  };
}
