import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import type { Actor } from '../../domain/referral';
import type { Services } from '../../services';

/** What an `Action.Execute` handler gets: the action's data merged with the card's inputs. */
export interface ActionContext {
  turn: TurnContext;
  data: unknown;
  actor: Actor;
  services: Services;
}

export type ActionHandler = (context: ActionContext) => Promise<AdaptiveCardInvokeResponse>;
