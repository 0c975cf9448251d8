import { existsSync } from 'node:fs';
import { startApp, type AppOptions } from './app';
import { ConfigError, loadConfig } from './config';
import { consoleLogger } from './log';

/** A start that failed after the app logged why: the process exits without repeating it. */
class AlreadyLogged extends Error {}

/**
 * Runs a long-lived command (`npm start`, `npm run playground`): a local `.env` (see
 * env.sample) fills in what the environment does not set; a bad setting is reported by
 * its message alone; Ctrl+C and SIGTERM stop what `start` returned before exiting.
 */
export function runMain(start: () => Promise<{ stop(): Promise<void> }>): void {
  if (existsSync('.env')) process.loadEnvFile('.env');
  start().then(
    (running) => {
      const shutdown = () => {
        consoleLogger.info('stopping');
        // A stop that fails (storage, a pending write) is reported with the desk's own line and a failing exit code.
        running.stop().then(
          () => process.exit(0),
          (error: unknown) => {
            consoleLogger.error('stopping failed', error);
            process.exit(1);
          },
        );
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    },
    (error: unknown) => {
      if (!(error instanceof AlreadyLogged)) console.error(error instanceof ConfigError ? error.message : error);
      process.exit(1);
    },
  );
}

/**
 * `npm start`'s desk: settings from the environment, the log on the console, ready once
 * storage answers. `extra` is what a development start composes in (a local Partner Center).
 */
export function runDesk(extra: Pick<AppOptions, 'localPartnerCenter'> = {}): void {
  runMain(async () => {
    const app = await startApp({ ...extra, config: loadConfig(process.env), log: consoleLogger });
    // The app has logged why its storage did not start; the host (a container's restart policy) starts it again.
    await app.ready.catch(async () => {
      await app.stop();
      throw new AlreadyLogged();
    });
    return app;
  });
}
