import { VERBS, type Verb } from '../../../cards/verbs';
import type { Services } from '../../services';
import type { CommandServices } from '../commands/index';
import { acceptReferral } from './acceptReferral';
import type { ActionHandler } from './actionHandler';
import type { LifecycleServices } from './applyLifecycleAction';
import { declineReferral, loseDeal } from './closeWithReason';
import { createDeal, type CreateDealServices } from './createDeal';
import { addSolution, removeSolution } from './dealSolutions';
import { editDeal } from './editDeal';
import { moveCloseDate } from './moveCloseDate';
import { reassignDeal } from './reassignDeal';
import { refreshCard, type RefreshCardServices } from './refreshCard';
import { runCommandButton } from './runCommandButton';
import { saveSettings, type SaveSettingsServices } from './saveSettings';
import { showAllZones } from './showAllZones';
import { showDigestList, type DigestListServices } from './showDigestList';
import { showHistory } from './showHistory';
import { showMyDealsPage, type MyDealsPageServices } from './showMyDealsPage';
import { snoozeReminder, type SnoozeServices } from './snoozeReminder';
import { sayNoThanks, showInterest } from './showInterest';
import { addTeamMember, removeTeamMember } from './teamMembers';
import { toggleFavorite } from './toggleFavorite';
import { upgradeDeal } from './upgradeDeal';
import { winDeal } from './winDeal';

/**
 * What the card actions use, together: each handler names its own part, and one needing more
 * than this list does not compile in ACTION_HANDLERS below. The bot hands every action all of it.
 */
export type ActionServices = LifecycleServices &
  CreateDealServices &
  RefreshCardServices &
  SaveSettingsServices &
  DigestListServices &
  SnoozeServices &
  MyDealsPageServices &
  CommandServices &
  Pick<Services, 'referrals' | 'strings'>;

/** The handler of every verb the cards carry (the type makes a missing one a compile error). */
export const ACTION_HANDLERS: Record<Verb, ActionHandler<ActionServices>> = {
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
  [VERBS.settingsAllZones]: showAllZones,
  [VERBS.runCommand]: runCommandButton,
  [VERBS.myDealsPage]: showMyDealsPage,
  [VERBS.digestList]: showDigestList,
};

/**
 * Whether a verb's answer is kept by activity id, so a delivery Teams repeats gets the same
 * answer and runs nothing (see AnswerOnce). True for every verb that changes something or
 * sends a message: a repeat of an older click would otherwise undo a newer one, or post
 * twice. False for those that only read (refresh, history, paging my deals) and for the
 * star, whose card says which state to set, so a repeat sets the same again. The type makes
 * a missing verb a compile error.
 */
const ANSWERED_ONCE: Record<Verb, boolean> = {
  [VERBS.accept]: true,
  [VERBS.decline]: true,
  [VERBS.interested]: true,
  [VERBS.noThanks]: true,
  [VERBS.win]: true,
  [VERBS.lose]: true,
  [VERBS.edit]: true,
  [VERBS.addMember]: true,
  [VERBS.removeMember]: true,
  [VERBS.addSolution]: true,
  [VERBS.removeSolution]: true,
  [VERBS.reassign]: true,
  [VERBS.upgrade]: true,
  [VERBS.refresh]: false,
  [VERBS.history]: false,
  [VERBS.favorite]: false,
  // A form submitted twice creates one deal either way (its id is the form's); kept so a repeat is answered as the first.
  [VERBS.createDeal]: true,
  [VERBS.snooze]: true,
  [VERBS.moveCloseDate]: true,
  [VERBS.saveSettings]: true,
  [VERBS.settingsAllZones]: false,
  // Its command answers with a new message.
  [VERBS.runCommand]: true,
  [VERBS.myDealsPage]: false,
  // Sends the list to the personal chat (its page buttons only read, but share the verb).
  [VERBS.digestList]: true,
};

/** Whether a delivery of `verb` repeated with the same activity id is answered as the first was, running nothing. */
export function isAnsweredOnce(verb: string): boolean {
  return Object.prototype.hasOwnProperty.call(ANSWERED_ONCE, verb) && ANSWERED_ONCE[verb as Verb];
}

/** The handler of `verb`, or undefined for a word that is not one of the cards' verbs (`toString` included). */
export function handlerOf(verb: string): ActionHandler<ActionServices> | undefined {
  return Object.prototype.hasOwnProperty.call(ACTION_HANDLERS, verb) ? ACTION_HANDLERS[verb as Verb] : undefined;
}
