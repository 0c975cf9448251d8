/*
 * The desk's settings as the rest of the desk sees them: loading the config, regions, solutions and trust anchors.
 * Code outside bot/config imports from here, never its files (eslint.config.mjs refuses deep imports).
 */
export { type Config, ConfigError, loadConfig, UNAUTHENTICATED_ANY_HOST_SETTING } from './config';
export { loadExchangeRates } from './exchangeRates';
export { isLoopbackHost } from './loopback';
export { partnerCenterEnv, type PartnerCenterSettings, type SimulatorSettings } from './partnerCenterSettings';
export { loadRegions } from './regions';
export { loadSolutions } from './solutions';
export type { TablesSettings } from './tablesSettings';
export { loadTrustAnchors } from './trustAnchors';
