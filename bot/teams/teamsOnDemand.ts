import { OnFirstUse } from '../onFirstUse';
import type * as DeskBotModule from './referralDeskBot';
import type { ReferralDeskBot } from './referralDeskBot';
import type { TeamsAdapter } from './teamsAdapter';
import type * as AdapterModule from './teamsAdapterFromConfig';
import type { TeamsAdapterSettings } from './teamsAdapterFromConfig';

/*
 * The adapter to Teams and the bot are built at their first use, with botbuilder (see botbuilderLibrary.ts):
 * a desk that starts listens, reaches storage and says ok on /healthz without loading them, and the first Teams
 * request, or the first card sent, builds them (about a third of a second, once). Their modules are required
 * here, when they are built, since loading them runs botbuilder's code (their classes extend its own).
 */

/** The adapter to Teams (see createTeamsAdapter), built at its first use. */
export function teamsAdapterOnDemand(settings: TeamsAdapterSettings): OnFirstUse<TeamsAdapter> {
  return new OnFirstUse(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded at first use, see above
    const { createTeamsAdapter } = require('./teamsAdapterFromConfig') as typeof AdapterModule;
    return createTeamsAdapter(settings);
  });
}

/** The bot that answers Teams' activities, built at its first use from what ReferralDeskBot is built with. */
export function deskBotOnDemand(
  ...parts: ConstructorParameters<typeof DeskBotModule.ReferralDeskBot>
): OnFirstUse<ReferralDeskBot> {
  return new OnFirstUse(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded at first use, see above
    const { ReferralDeskBot } = require('./referralDeskBot') as typeof DeskBotModule;
    return new ReferralDeskBot(...parts);
  });
}
