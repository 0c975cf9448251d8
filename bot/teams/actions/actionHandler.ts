import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import type { Actor } from '../../domain/referral';
import type { TurnAccess } from '../access/turnAccess';

/**
 * What an `Action.Execute` handler gets: the action's data merged with the card's inputs, and
 * `S`, what it uses of the services.
 */
export interface ActionContext<S> {
  turn: TurnContext;
  data: unknown;
  actor: Actor;
  services: S;
  /** What the sender may see and do, as the access gate found. */
  access: TurnAccess;
}

export type ActionHandler<S> = (context: ActionContext<S>) => Promise<AdaptiveCardInvokeResponse>;
