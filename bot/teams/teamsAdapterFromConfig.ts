import { ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../log';
import { isStorageUnavailable } from '../store';
import type { Strings } from '../strings/en';
import { ChannelTokenVerifier } from './channelAuth/channelToken';
import { SigningKeys } from './channelAuth/signingKeys';
import { TeamsAdapter, type BOT_FRAMEWORK_TOKENS } from './teamsAdapter';

/**
 * The adapter to Teams: with an app id, incoming tokens must come from `tokens.issuer` and be
 * signed by a key published at `tokens.openIdMetadataUrl`. A turn that fails tells the user
 * so, unless storage is unavailable: then the request fails, and Teams delivers it again.
 */
export function createTeamsAdapter(
  config: Config,
  log: Logger,
  strings: Strings,
  tokens: typeof BOT_FRAMEWORK_TOKENS,
  now: () => number,
): TeamsAdapter {
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
  return adapter;
}
