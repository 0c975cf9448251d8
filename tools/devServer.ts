import { runDesk } from '../bot/mainProcess';
import { simulatorAsLocalPartnerCenter } from './devApp';

/**
 * `npm start` outside production: the bot as bot/index.ts starts it, plus the local Partner
 * Center simulator a run without credentials asks for (PARTNER_CENTER_SIMULATOR).
 */
runDesk({ localPartnerCenter: simulatorAsLocalPartnerCenter });
