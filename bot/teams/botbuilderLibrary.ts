import type * as BotBuilder from 'botbuilder';

let library: typeof BotBuilder | undefined;

/**
 * botbuilder, loaded at its first use. With the Bot Framework's connector and @azure/identity
 * beneath it, it takes about a third of a second to load, which the desk's start leaves out:
 * the server listens, storage answers and /healthz says ok without it, and the first Teams
 * request or card sent loads it. The modules whose code runs botbuilder's as they load (classes
 * extending its own) are loaded at that point too, by teamsOnDemand.ts.
 */
export function botbuilder(): typeof BotBuilder {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded at first use, see above
  library ??= require('botbuilder') as typeof BotBuilder;
  return library;
}
