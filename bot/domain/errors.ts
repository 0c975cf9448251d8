import type { Actor, LifecycleAction } from './referral';
import type { Stage } from './stage';

/** One field of user input that is wrong, and why (a key into the string catalog). */
export interface FieldProblem {
  field: string;
  problem: FieldProblemCode;
}

export type FieldProblemCode =
  | 'required'
  | 'notANumber'
  | 'notPositive'
  | 'tooLarge'
  | 'notADate'
  | 'dateInPast'
  | 'unknownCurrency'
  | 'unknownReason'
  | 'tooLong';

/**
 * A rule of the referral lifecycle was not met. Returned (not thrown) by the pure
 * lifecycle functions; the Teams layer turns it into a message for the user.
 */
export type DomainError =
  | { kind: 'invalidInput'; problems: FieldProblem[] }
  | {
      kind: 'notAllowedInStage';
      action: LifecycleAction;
      stage: Stage;
      lastDecision?: { action: LifecycleAction; by: Actor; at: string };
    }
  | { kind: 'notYetExpired'; expiresAt: string }
  | { kind: 'notPermitted'; action: LifecycleAction; owner?: Actor };

export function isDomainError(value: unknown): value is DomainError {
  return (
    typeof value === 'object' &&
    value !== null &&
    'kind' in value &&
    ['invalidInput', 'notAllowedInStage', 'notYetExpired', 'notPermitted'].includes((value as { kind: string }).kind)
  );
}
