import { literal } from '../../../cards/literal';
import type { CommandContext } from './command';
import { COMMANDS, parseCommandText, type CommandServices } from './index';

/**
 * Runs the command `text` names, whether typed or sent by a button: its first word picks
 * the command, the rest are its arguments; no text at all is `help`. Unknown text is echoed as typed.
 */
export async function runCommandText(
  context: Omit<CommandContext<CommandServices>, 'args'>,
  text: string,
): Promise<void> {
  const { name, args } = parseCommandText(text);
  const command =
    name === '' ? COMMANDS.help : Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command)
    return void (await context.turn.sendActivity(context.services.strings.commands.unknown(literal(text.trim()))));
  await command({ ...context, args });
}
