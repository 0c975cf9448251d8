import { VERBS, type Verb } from '../../../cards/verbs';
import { acceptReferral } from './acceptReferral';
import type { ActionHandler } from './actionHandler';
import { declineReferral, loseDeal } from './closeWithReason';
import { createDeal } from './createDeal';
import { addSolution, removeSolution } from './dealSolutions';
import { editDeal } from './editDeal';
import { moveCloseDate } from './moveCloseDate';
import { reassignDeal } from './reassignDeal';
import { refreshCard } from './refreshCard';
import { runCommandButton } from './runCommandButton';
import { saveSettings } from './saveSettings';
import { showDigestList } from './showDigestList';
import { showHistory } from './showHistory';
import { showMyDealsPage } from './showMyDealsPage';
import { snoozeReminder } from './snoozeReminder';
import { sayNoThanks, showInterest } from './showInterest';
import { addTeamMember, removeTeamMember } from './teamMembers';
import { toggleFavorite } from './toggleFavorite';
import { upgradeDeal } from './upgradeDeal';
import { winDeal } from './winDeal';

/** The handler of every verb the cards carry (the type makes a missing one a compile error). */
export const ACTION_HANDLERS: Record<Verb, ActionHandler> = {
  [VERBS.accept]: acceptReferral,
  [VERBS.decline]: declineReferral,
  [VERBS.interested]: showInterest,
  [VERBS.noThanks]: sayNoThanks,
  [VERBS.win]: winDeal,
  [VERBS.lose]: loseDeal,
  [VERBS.edit]: editDeal,
  [VERBS.addMember]: addTeamMember,
  [VERBS.removeMember]: removeTeamMember,
  [VERBS.addSolution]: addSolution,
  [VERBS.removeSolution]: removeSolution,
  [VERBS.reassign]: reassignDeal,
  [VERBS.upgrade]: upgradeDeal,
  [VERBS.refresh]: refreshCard,
  [VERBS.history]: showHistory,
  [VERBS.favorite]: toggleFavorite,
  [VERBS.createDeal]: createDeal,
  [VERBS.snooze]: snoozeReminder,
  [VERBS.moveCloseDate]: moveCloseDate,
  [VERBS.saveSettings]: saveSettings,
  [VERBS.runCommand]: runCommandButton,
  [VERBS.myDealsPage]: showMyDealsPage,
  [VERBS.digestList]: showDigestList,
};

/** The handler of `verb`, or undefined for a word that is not one of the cards' verbs (`toString` included). */
export function handlerOf(verb: string): ActionHandler | undefined {
  return Object.prototype.hasOwnProperty.call(ACTION_HANDLERS, verb) ? ACTION_HANDLERS[verb as Verb] : undefined;
}
