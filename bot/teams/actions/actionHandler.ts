import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import type { Actor } from '../../domain/referral';
import type { StoredReferral } from '../../store';
import type { TurnAccess } from '../access/turnAccess';
import type { LookAhead } from './lookAhead';

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
  /**
   * Reads a referral: the one the action's data names as read when the click came in (once,
   * beside the click's other first reads; a change that finds it changed since reads again),
   * any other now.
   */
  readNamed: (referralId: string) => Promise<StoredReferral | null>;
  /** What a click that changes the referral it names started as it came in (see lookAhead). */
  ahead?: LookAhead;
}

export type ActionHandler<S> = (context: ActionContext<S>) => Promise<AdaptiveCardInvokeResponse>;
