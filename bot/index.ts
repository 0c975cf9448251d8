import { startApp } from './app';
import { loadConfig } from './config/config';
import { consoleLogger } from './log';
import { runMain } from './mainProcess';

/** `npm start`: the bot with settings from the environment. */
runMain(async () => {
  const app = await startApp({ config: loadConfig(process.env), log: consoleLogger });
  await app.ready;
  return app;
});
