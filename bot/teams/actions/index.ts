import { VERBS, type Verb } from '../../../cards/verbs';
import { acceptReferral } from './acceptReferral';
import type { ActionHandler } from './actionHandler';
import { declineReferral, loseDeal } from './closeWithReason';
import { refreshCard } from './refreshCard';
import { winDeal } from './winDeal';

/** The handler of every verb the cards carry (the type makes a missing one a compile error). */
export const ACTION_HANDLERS: Record<Verb, ActionHandler> = {
  [VERBS.accept]: acceptReferral,
  [VERBS.decline]: declineReferral,
  [VERBS.win]: winDeal,
  [VERBS.lose]: loseDeal,
  [VERBS.refresh]: refreshCard,
};
