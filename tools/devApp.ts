import { startApp, type AppOptions, type RunningApp } from '../bot/app';
import type { StartLocalPartnerCenter } from '../bot/partnerCenter';
import { startEmbeddedPartnerCenter } from './partnerCenterSimulator/embedded';

/** The Partner Center simulator as the desk's local Partner Center, on the port the settings name. */
export const simulatorAsLocalPartnerCenter: StartLocalPartnerCenter = ({ settings, webhookUrl, clock }) =>
  startEmbeddedPartnerCenter({ ...settings, webhookUrl, clock });

/**
 * The desk as a development start runs it: the production app with the local Partner Center
 * simulator composed in, for a run without credentials (PARTNER_CENTER_SIMULATOR). Options
 * given win, so a caller can still pass a stand-in of its own.
 */
export function startDevApp(options: AppOptions): Promise<RunningApp> {
  return startApp({ localPartnerCenter: simulatorAsLocalPartnerCenter, ...options });
}
