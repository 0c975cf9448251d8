import { existsSync } from 'node:fs';
import { startApp } from './app';
import { ConfigError, loadConfig } from './config/config';
import { consoleLogger } from './log';

/** `npm start`: the bot with settings from the environment. */
async function main(): Promise<void> {
  // A local .env (see env.sample) fills in what the environment does not set.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  const app = await startApp({ config, log: consoleLogger });
  await app.ready;
  const shutdown = async () => {
    consoleLogger.info('stopping');
    await app.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
