/**
 * The `Action.Execute` verbs the cards carry. Card data and the bot's action handlers
 * both read them from here, so a verb cannot exist on one side only.
 */
export const VERBS = {
  accept: 'referral.accept',
  decline: 'referral.decline',
} as const;

export type Verb = (typeof VERBS)[keyof typeof VERBS];
