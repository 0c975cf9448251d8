/**
 * `npm run playground`: Referral Desk in the Microsoft 365 Agents Playground, a local
 * Teams-like client, so it can be tried without Azure or a Teams tenant. Settings come
 * from the environment and `.env` like `npm start` (PLAYGROUND_PORT picks the page's port);
 * Teams authentication is off and nothing is kept after a stop.
 */
import { consoleLogger } from '../bot/log';
import { runMain } from '../bot/mainProcess';
import { startPlaygroundStack } from './playground/playgroundStack';

const DEFAULT_PLAYGROUND_PORT = 56150;

runMain(async () => {
  if (process.env.MicrosoftAppId)
    consoleLogger.info('MicrosoftAppId is ignored here: the Playground sends no Bot Framework tokens');
  const stack = await startPlaygroundStack({
    env: process.env,
    playgroundPort: Number(process.env.PLAYGROUND_PORT || DEFAULT_PLAYGROUND_PORT),
    openBrowser: true,
    log: consoleLogger,
    onPlaygroundOutput: (line) => console.log(`[playground] ${line}`),
  });
  const demoUrl = stack.app.port === 3978 ? '' : ` -- --url ${stack.app.url}/api/referrals`;
  console.log(
    [
      '',
      `Agents Playground: ${stack.playground.url}`,
      '  1. Open "General" and "EMEA" under Partner Sales: that installs Referral Desk in the team.',
      '  2. In EMEA post "@Referral Desk link emea"; in General post "@Referral Desk link americas".',
      `  3. In another terminal run: npm run demo${demoUrl}`,
      '  4. Accept a card, then in Personal Chat send "digest now": you manage EMEA here.',
      "Stop with Ctrl+C. Reloading the page clears the Playground's chats; restart to start over.",
      '',
    ].join('\n'),
  );
  return stack;
});
