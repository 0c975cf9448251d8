import { CallerIdConstants, CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import {
  AuthenticationConstants,
  ClaimsIdentity,
  type AuthenticateRequestResult,
  type BotFrameworkAuthentication,
} from 'botframework-connector';
import type { ChannelTokenVerifier } from './channelAuth/channelToken';

/** Who issues the tokens Teams sends, and where the keys they are signed with are published. */
export interface TeamsTokens {
  issuer: string;
  openIdMetadataUrl: string;
}

/** The Bot Framework's public cloud: who issues the tokens Teams sends, and where its signing keys are published. */
export const BOT_FRAMEWORK_TOKENS: TeamsTokens = {
  issuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
  openIdMetadataUrl: AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
};

/**
 * The CloudAdapter, with the authentication of incoming requests in the desk's hands. With an
 * app id, each request's token is checked by a ChannelTokenVerifier, so a refusal is a
 * TokenRefusedError and keys that cannot be fetched a SigningKeysUnavailableError (the
 * library's own check would answer 500 and print stack traces). Without one, requests are
 * anonymous, as the Emulator and the Agents Playground expect. Outgoing calls are the
 * CloudAdapter's own.
 */
export class TeamsAdapter extends CloudAdapter {
  constructor(
    authentication: BotFrameworkAuthentication,
    private readonly tokens: ChannelTokenVerifier | undefined,
  ) {
    super(authentication);
  }

  /** Who sent `activity`, judged by the request's Authorization header; throws when the token is refused. */
  async authenticate(activity: Activity, authorization: string | undefined): Promise<AuthenticateRequestResult> {
    if (!this.tokens) return this.botFrameworkAuthentication.authenticateRequest(activity, '');
    const claims = await this.tokens.verify(authorization, activity);
    const claimsIdentity = new ClaimsIdentity(
      Object.entries(claims).map(([type, value]) => ({ type, value: value as string })),
      true,
    );
    return {
      audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
      callerId: CallerIdConstants.PublicAzureChannel,
      claimsIdentity,
      connectorFactory: this.botFrameworkAuthentication.createConnectorFactory(claimsIdentity),
    };
  }

  /** Runs the turn of an authenticated activity; answers the invoke response, when the activity is an invoke. */
  async runTurn(
    authenticated: AuthenticateRequestResult,
    activity: Activity,
    logic: (turn: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authenticated, activity, logic);
  }
}
