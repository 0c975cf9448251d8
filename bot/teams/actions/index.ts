import { VERBS, type Verb } from '../../../cards/verbs';
import { acceptReferral } from './acceptReferral';
import type { ActionHandler } from './actionHandler';
import { declineReferral } from './declineReferral';

/** The handler of every verb the cards carry (the type makes a missing one a compile error). */
export const ACTION_HANDLERS: Record<Verb, ActionHandler> = {
  [VERBS.accept]: acceptReferral,
  [VERBS.decline]: declineReferral,
};
