/*
 * Partner Center as the rest of the desk sees it: the connection, the client, tokens and webhook events.
 * Code outside bot/partnerCenter imports from here, never its files (eslint.config.mjs refuses deep imports).
 * certificateChain, certificateUrl, endpoints and tokenSealing are leaves bot/config and bot/store import
 * directly: through this file they would close an import cycle (this folder reads config and the store).
 */
export { pemBlocks } from './certificateChain';
export { allowedHostProblem, PARTNER_CENTER_CERTIFICATE_HOST } from './certificateUrl';
export type { PartnerCenterClientFactoryOptions } from './clientFromConfig';
export { connectPartnerCenter, type PartnerCenterConnection } from './connection';
export { DEFAULT_AUTHORITY_URL, DEFAULT_PARTNER_CENTER_API_URL, PARTNER_CENTER_SCOPE } from './endpoints';
export { startLocalPartnerCenter, type LocalPartnerCenter, type StartLocalPartnerCenter } from './localPartnerCenter';
export { parseReferrals } from './referralSchema';
export { problemsText, readServedReferral } from './remoteReferral';
export { describeTokenRefusal, entraError, isTransientTokenStatus } from './tokenRefusal';
export { type SealedToken, type TokenKey, tokenKeyFrom } from './tokenSealing';
export { type AccessTokenProvider, PartnerCenterTokens, TokenRequestError } from './tokens';
export { UnfinishedDeliveries } from './unfinishedDeliveries';
export { parseWebhookEvent, WEBHOOK_EVENT_NAMES, type WebhookEventName } from './webhookEvents';
export { WebhookVerifier, webhookVerifierFrom, type WebhookVerifierRuntimeOptions } from './webhookSignature';
export type { ReferralsApi } from './writeBack';
