import { access } from './access';
import { actions } from './actions';
import { card } from './card';
import { welcome, commands } from './commands';
import { digest } from './digest';
import { history } from './history';
import { managers } from './managers';
import { newDeal } from './newDeal';
import { reminders, notices } from './notifications';
import { partnerCenterSync } from './partnerCenterSync';
import { favorites, dealList, personalChat, myDeals, expiring, find } from './personalChat';
import { problems, fieldNames } from './problems';
import { settings } from './settings';
import {
  appName,
  format,
  stage,
  salesStage,
  dealType,
  microsoftHelp,
  helpRequested,
  leadKind,
  closeReason,
} from './vocabulary';

/**
 * Every sentence the bot shows a user, in English. Other languages add a catalog of the
 * same shape (`Strings`); nothing user-facing is written anywhere else.
 *
 * Each file of this folder holds the top-level keys of one area; a new language copies the
 * folder file for file, typing each of its exports as `Strings['key']`.
 */
export const en = {
  appName,
  format,
  stage,
  salesStage,
  dealType,
  microsoftHelp,
  helpRequested,
  leadKind,
  closeReason,
  card,
  history,
  reminders,
  partnerCenterSync,
  notices,
  newDeal,
  access,
  favorites,
  dealList,
  personalChat,
  myDeals,
  expiring,
  find,
  settings,
  welcome,
  commands,
  digest,
  managers,
  actions,
  problems,
  fieldNames,
};

/** The shape of every catalog: English's, so a language missing a key does not compile. */
export type Strings = typeof en;
