import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import type { DateTime } from 'luxon';
import { literal } from '../../cards/literal';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from '../../cards/render';
import type { DomainError, FieldProblem } from '../domain/errors';
import type { ReferralRecord } from '../domain/referral';
import { stageOfRecord } from '../domain/stage';
import type { Strings } from '../strings/en';
import { referralCard } from './views/referral/referralCardView';
import type { CardView } from './views/referral/cardView';

/** Replaces the card for the user who clicked. */
export function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card };
}

/** Shows a short message to the user who clicked; the card stays as it is (with their inputs). */
export function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: text as unknown as AdaptiveCardInvokeResponse['value'],
  };
}

/** Refuses an invoke that cannot be handled as sent (a 400 to Teams), with a short message saying why. */
export function badInvokeResponse(message: string): AdaptiveCardInvokeResponse {
  return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message } };
}

/** "Deal name is required; Estimated deal value must be greater than zero". */
export function describeProblems(problems: FieldProblem[], strings: Strings): string {
  return strings.format.clauses(
    ...problems.map(({ field, problem }) => strings.problems[problem](strings.fieldNames[field] ?? field)),
  );
}

/**
 * The one place a broken lifecycle rule becomes what the user sees: bad input is a message
 * (their form stays filled in); a referral that moved on shows its current card, saying who
 * moved it (by name, as typed). Always a 200, so Teams shows it instead of an error.
 */
export function domainErrorResponse(
  error: DomainError,
  current: ReferralRecord,
  now: DateTime,
  strings: Strings,
  view: CardView,
): AdaptiveCardInvokeResponse {
  const currentCard = (notice: string) => cardResponse(referralCard(current, now, strings, { ...view, notice }));
  switch (error.kind) {
    case 'invalidInput':
      return messageResponse(strings.actions.fixInput(describeProblems(error.problems, strings)));
    case 'notAllowedInStage': {
      const stage = strings.stage[error.stage];
      const notice = error.lastDecision
        ? strings.actions.alreadyDecided(stage, literal(error.lastDecision.by.name))
        : strings.actions.notAllowed(stage);
      return currentCard(notice);
    }
    case 'notYetExpired':
      return currentCard(strings.actions.notAllowed(strings.stage[stageOfRecord(current)]));
    case 'notPermitted': {
      const owner = error.owner && literal(error.owner.name);
      return currentCard(
        (error.action === 'reassign' ? strings.actions.notPermittedToReassign : strings.actions.notPermitted)(owner),
      );
    }
    case 'stagesIncomplete':
      return currentCard(
        strings.actions.stagesIncomplete(
          error.salesStage ? strings.salesStage[error.salesStage] : strings.salesStage.none,
        ),
      );
    case 'upgradeNotAllowed':
      return currentCard(strings.actions.upgradeNotAllowed);
    case 'noChange':
      return currentCard(strings.actions.noChange);
    case 'editConflict': {
      const fields = strings.format.list(...error.fields.map((field) => strings.fieldNames[field]));
      return currentCard(strings.actions.editConflict(fields, error.by && literal(error.by.name)));
    }
  }
}
