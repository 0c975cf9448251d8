/*
 * The table storage as the rest of the desk sees it: the repositories, the storage opener and its errors.
 * Code outside bot/store imports from here, never its files (eslint.config.mjs refuses deep imports).
 */
export { AnsweredInvokeRepository, ANSWERS_KEPT_FOR, type InvokeClaim } from './answeredInvokeRepository';
export { type ChannelLanguage, ChannelLanguageRepository } from './channelLanguageRepository';
export { ChannelLinkRepository } from './channelLinkRepository';
export { type ConversationKind, ConversationRepository } from './conversationRepository';
export { type DirectCard, DirectCardRepository } from './directCardRepository';
export { startEmbeddedTables } from './embeddedAzurite';
export { MAX_REFERRAL_JSON_CHARS } from './entityLimits';
export {
  ConflictError,
  isStorageUnavailable,
  statusOf,
  storageAccessProblem,
  type StorageAccessProblem,
  storageFailureText,
} from './errors';
export { FavoriteRepository } from './favoriteRepository';
export { openStorage } from './openStorage';
export { type HeldTask, OutboxRepository, type OutboxTask, retryTime } from './outboxRepository';
export { PartnerCenterGrantRepository } from './partnerCenterGrantRepository';
export { PollCursorRepository } from './pollCursorRepository';
export { type IndexUpdate, ReferralIndexRepository } from './referralIndexRepository';
export { type ClickId, type ReferralChange, ReferralRepository, type StoredReferral } from './referralRepository';
export { RoleRepository } from './roleRepository';
export {
  type BucketItem,
  minuteOf,
  nextMinute,
  type ScheduledWork,
  SCHEDULER,
  ScheduleRepository,
} from './scheduleRepository';
export { type TableRetryOptions, tableStorage, type TableStorage, type TableTlsOptions } from './tables';
export { type LearnedFields, type UserProfile, UserRepository } from './userRepository';
export { repositoriesOf } from './repositories';
