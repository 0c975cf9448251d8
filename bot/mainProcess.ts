import { existsSync } from 'node:fs';
import { ConfigError } from './config/config';
import { consoleLogger } from './log';

/**
 * Runs a long-lived command (`npm start`, `npm run playground`): a local `.env` (see
 * env.sample) fills in what the environment does not set; a bad setting is reported by
 * its message alone; Ctrl+C and SIGTERM stop what `start` returned before exiting.
 */
export function runMain(start: () => Promise<{ stop(): Promise<void> }>): void {
  if (existsSync('.env')) process.loadEnvFile('.env');
  start().then(
    (running) => {
      const shutdown = async () => {
        consoleLogger.info('stopping');
        await running.stop();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    },
    (error: unknown) => {
      console.error(error instanceof ConfigError ? error.message : error);
      process.exit(1);
    },
  );
}
