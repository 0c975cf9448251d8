/**
 * The `Action.Execute` verbs the cards carry. Card data and the bot's action handlers
 * both read them from here, so a verb cannot exist on one side only.
 */
export const VERBS = {
  accept: 'referral.accept',
  decline: 'referral.decline',
  win: 'referral.win',
  lose: 'referral.lose',
  /** A client asks for its user's own version of the card (Universal Actions refresh). */
  refresh: 'referral.refresh',
} as const;

export type Verb = (typeof VERBS)[keyof typeof VERBS];
