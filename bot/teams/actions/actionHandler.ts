import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import type { Actor } from '../../domain/referral';
import type { Services } from '../../services';
import type { TurnAccess } from '../access/turnAccess';

/** What an `Action.Execute` handler gets: the action's data merged with the card's inputs. */
export interface ActionContext {
  turn: TurnContext;
  data: unknown;
  actor: Actor;
  services: Services;
  /** What the sender may see and do, as the access gate found. */
  access: TurnAccess;
}

export type ActionHandler = (context: ActionContext) => Promise<AdaptiveCardInvokeResponse>;
