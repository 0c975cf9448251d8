import { en } from '../en';
import { pseudoCatalog } from './pseudoCatalog';

/**
 * The pseudo-locale `qps-ploc`: English with every word accented, lengthened and bracketed,
 * derived at start-up. Developers and tests read the bot in it to find text cut off or
 * written outside the catalogs; it is never offered to users.
 */
export const qpsPloc = pseudoCatalog(en);
