import { resolve } from 'node:path';
import type { DateTime } from 'luxon';
import type { RunningApp } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import type { Logger } from '../../bot/log';
import type { Services } from '../../bot/services';
import { startDevApp } from '../devApp';
import { startAgentsPlayground, type RunningPlayground } from './agentsPlayground';
import { playgroundManagerGrant } from './playgroundUser';

export interface PlaygroundStackOptions {
  /** Settings as for `npm start`; Teams authentication and the data folder are ignored. */
  env: Record<string, string | undefined>;
  playgroundPort: number;
  openBrowser: boolean;
  log: Logger;
  /** Where the Playground writes its own log. */
  playgroundLogFile?: string;
  onPlaygroundOutput?: (line: string) => void;
  clock?: () => DateTime;
}

export interface PlaygroundStack {
  app: RunningApp;
  /** The stored referrals, to check what a click in the Playground changed. */
  services: Pick<Services, 'referrals'>;
  playground: RunningPlayground;
  stop(): Promise<void>;
}

/**
 * The bot with in-memory storage and no Teams authentication (the Playground sends no
 * Bot Framework tokens and keeps no chat history), and the Agents Playground pointed at it.
 * You, the Playground's current user, manage EMEA there, so the digest can be tried.
 */
export async function startPlaygroundStack(options: PlaygroundStackOptions): Promise<PlaygroundStack> {
  const loaded = loadConfig({ ...options.env, MicrosoftAppId: '', MicrosoftAppPassword: '' });
  const inMemory = { kind: 'embedded' as const };
  const config = { ...loaded, tables: loaded.tables.kind === 'embedded' ? inMemory : loaded.tables };
  const app = await startDevApp({ config, log: options.log, clock: options.clock });
  try {
    const services = await app.ready;
    await services.roles.grantManager(playgroundManagerGrant(services.clock().toUTC().toISO()!));
    const playground = await startAgentsPlayground({
      botEndpoint: `${app.url}/api/messages`,
      port: options.playgroundPort,
      openBrowser: options.openBrowser,
      logFile: options.playgroundLogFile ?? resolve('.data', 'agentsplayground.log'),
      onOutput: options.onPlaygroundOutput,
    });
    return {
      app,
      services,
      playground,
      async stop() {
        await playground.stop();
        await app.stop();
      },
    };
  } catch (error) {
    await app.stop();
    throw error;
  }
}
