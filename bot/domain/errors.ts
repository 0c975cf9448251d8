import type { Actor, DecisionAction, LifecycleAction, SalesStage } from './referral';
import type { Stage } from './stage';
import type { EditField } from './commands';

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
  | 'unknownChoice'
  | 'tooLong'
  | 'invalidEmail'
  | 'invalidPhone'
  | 'duplicate'
  | 'tooMany'
  | 'lastSolution'
  | 'assessmentOnly'
  | 'skipsStage'
  /** The Teams layer found no member of the team with that e-mail. */
  | 'notInTeam'
  /** A time that has to lie ahead (a snooze) does not. */
  | 'notInFuture'
  | 'unknownTimeZone'
  /** Not a time of day as "HH:mm". */
  | 'notATime'
  /** An end that is not later than its start (e.g. of the working day). */
  | 'notAfterStart'
  /** A multiple choice with nothing chosen where at least one is needed. */
  | 'noneChosen';

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
      lastDecision?: { action: DecisionAction; by: Actor; at: string };
    }
  | { kind: 'notYetExpired'; expiresAt: string }
  | { kind: 'notPermitted'; action: LifecycleAction; owner?: Actor }
  /** A solution-assessment deal is won only after every sales stage is complete. */
  | { kind: 'stagesIncomplete'; salesStage?: SalesStage }
  /** The deal's type does not allow this upgrade (see the spec's upgrade table). */
  | { kind: 'upgradeNotAllowed'; upgrade: string }
  /** The deal already is as the change would make it (e.g. a retried click): nothing to store. */
  | { kind: 'noChange'; action: LifecycleAction }
  /** An Edit form changed fields someone else changed differently since it was opened (`by`: who, when known). */
  | { kind: 'editConflict'; fields: EditField[]; by?: Actor };

/** Every kind of DomainError (the type makes a missing one a compile error). */
const DOMAIN_ERROR_KINDS: Record<DomainError['kind'], true> = {
  invalidInput: true,
  notAllowedInStage: true,
  notYetExpired: true,
  notPermitted: true,
  stagesIncomplete: true,
  upgradeNotAllowed: true,
  noChange: true,
  editConflict: true,
};

export function isDomainError(value: unknown): value is DomainError {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return false;
  const { kind } = value;
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(DOMAIN_ERROR_KINDS, kind);
}
