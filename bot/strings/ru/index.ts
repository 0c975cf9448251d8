import type { Strings } from '../en';
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
 * Every sentence the bot shows a user, in Russian (polite, formal "вы", as Microsoft products use it).
 * The commands a user types stay English: the bot understands only the English words.
 */
export const ru: Strings = {
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
