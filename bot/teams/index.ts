/*
 * Teams as the rest of the desk sees it: the bot, its adapter and channel auth, and the cards sent outside a turn.
 * Code outside bot/teams imports from here, never its files (eslint.config.mjs refuses deep imports).
 * The subfolders of bot/teams (access/, actions/, channelAuth/, commands/, views/) import each other directly.
 * Nothing here loads botbuilder: the adapter and the bot are built on demand (see teamsOnDemand.ts).
 */
export { AccessGate } from './access/accessGate';
export { serviceUrlTrust } from './access/serviceUrlTrust';
export { TeamMembership } from './access/teamMembership';
export { channelReferenceOf, threadOf } from './cardConversation';
export { CardSync } from './cardSync';
export { TOKEN_REFUSALS, TokenRefusedError } from './channelAuth/channelToken';
export { SigningKeysUnavailableError } from './channelAuth/signingKeys';
export { sendDirect, type DirectServices } from './directMessages';
export { badInvokeResponse } from './invokeResponses';
export { buildDigestCard, type DigestServices } from './managerDigest';
export { Messenger, type MessengerOptions } from './messenger';
export { teamsNotifier, type NotifierServices } from './notifier';
export { teamsIdentity, type IdentityServices } from './people';
export { type RateWindow, SlidingWindowLimiter } from './rateLimiter';
export type { ReferralDeskBot } from './referralDeskBot';
export type { TeamsAdapter, TeamsTokens } from './teamsAdapter';
export { deskBotOnDemand, teamsAdapterOnDemand } from './teamsOnDemand';
export { gapMs, SHARE, TEAMS_LIMITS, type TeamsLimits, TeamsRateLimits } from './teamsRateLimits';
export { plainDate, timeLeft } from './views/format';
export { personalCard, type PersonalCardServices } from './views/personalCard';
export { referralCard } from './views/referral/referralCardView';
