import { startApp, type AppOptions, type RunningApp } from '../bot/app';
import type { StartLocalPartnerCenter } from '../bot/partnerCenter';
import type * as Embedded from './partnerCenterSimulator/embedded';

/**
 * The Partner Center simulator as the desk's local Partner Center, on the port the settings name. Its modules
 * (node-forge among them) are loaded when it starts, after the desk listens, beside storage.
 */
export const simulatorAsLocalPartnerCenter: StartLocalPartnerCenter = ({ settings, webhookUrl, clock }) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when it starts, see above
  const { startEmbeddedPartnerCenter } = require('./partnerCenterSimulator/embedded') as typeof Embedded;
  return startEmbeddedPartnerCenter({ ...settings, webhookUrl, clock });
};

/**
 * The desk as a development start runs it: the production app with the local Partner Center
 * simulator composed in, for a run without credentials (PARTNER_CENTER_SIMULATOR). Options
 * given win, so a caller can still pass a stand-in of its own.
 */
export function startDevApp(options: AppOptions): Promise<RunningApp> {
  return startApp({ localPartnerCenter: simulatorAsLocalPartnerCenter, ...options });
}
