import { ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../log';
import { isStorageUnavailable } from '../store';
import type { Strings } from '../strings/en';
import { ChannelTokenVerifier } from './channelAuth/channelToken';
import { SigningKeys } from './channelAuth/signingKeys';
import { countedReplies } from './countedReplies';
import { BOT_FRAMEWORK_TOKENS, TeamsAdapter, type TeamsTokens } from './teamsAdapter';
import type { TeamsRateLimits } from './teamsRateLimits';

/** What the adapter to Teams is made of: the settings, and what the desk shares with it. */
export interface TeamsAdapterSettings {
  config: Config;
  log: Logger;
  strings: Strings;
  /** Who issues Teams' tokens and where their signing keys are published; the Bot Framework's by default. */
  tokens?: Partial<TeamsTokens>;
  now: () => number;
  /** Teams' limits, shared with the Messenger: what a turn sends counts in them as replies. */
  limits: TeamsRateLimits;
}

/**
 * The adapter to Teams: with an app id, incoming tokens must come from `tokens.issuer` and be
 * signed by a key published at `tokens.openIdMetadataUrl`. A turn that fails tells the user
 * so, unless storage is unavailable: then the request fails, and Teams delivers it again.
 */
export function createTeamsAdapter(settings: TeamsAdapterSettings): TeamsAdapter {
  const { config, log, strings, now } = settings;
  const tokens = { ...BOT_FRAMEWORK_TOKENS, ...settings.tokens };
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.appId,
    MicrosoftAppPassword: config.appPassword,
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.appTenantId,
  });
  const keys = new SigningKeys({ openIdMetadataUrl: tokens.openIdMetadataUrl, now });
  const verifier = config.appId
    ? new ChannelTokenVerifier({ appId: config.appId, issuer: tokens.issuer, keys, now })
    : undefined;
  const adapter = new TeamsAdapter(auth, verifier);
  adapter.onTurnError = async (turn: TurnContext, error: Error) => {
    if (isStorageUnavailable(error)) throw error;
    log.error(`turn failed (${turn.activity.type})`, error);
    await turn.sendActivity(strings.actions.failed).catch(() => undefined);
  };
  // One account of everything sent to Teams: the Messenger's sends and the replies in turns.
  adapter.use(countedReplies(settings.limits));
  return adapter;
}
