/*
 * The background and scheduled work as the rest of the desk sees it.
 * Code outside bot/jobs imports from here, never its files (eslint.config.mjs refuses deep imports).
 * BackgroundDrain, workOnClaimed and Repeat are leaves bot/partnerCenter and bot/teams import directly:
 * through this file they would close an import cycle (jobs sends through teams).
 */
export { BackgroundDrain } from './backgroundDrain';
export { workOnClaimed } from './claimedTask';
export type { Repeat } from './heartbeat';
export { runScheduledWork, type ScheduledWorkServices } from './runScheduledWork';
export { Scheduler } from './scheduler';
