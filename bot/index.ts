import { runDesk } from './mainProcess';

/**
 * `npm start` in production (NODE_ENV=production): the bot alone, with settings from the
 * environment. It runs no local Partner Center: without credentials it says that Partner
 * Center is not connected, and takes referrals through /api/referrals only.
 */
runDesk();
