import { FIND_INPUT_ID } from '../../../cards/personalWelcomeCard';
import { runCommandText } from '../commands/dispatch';
import type { CommandServices } from '../commands/index';
import { cardResponse, messageResponse } from '../invokeResponses';
import { personalWelcomeCard, WELCOME_COMMANDS } from '../views/personalWelcomeCardView';
import type { ActionHandler } from './actionHandler';
import { InputReader } from './inputReader';

/**
 * A command's button on the welcome card: runs the very command typing it runs (`find` with
 * the card's search box as its text), whose answer arrives as a new message, and leaves
 * the welcome card as it was, for the next button.
 */
export const runCommandButton: ActionHandler<CommandServices> = async ({ turn, data, actor, services, access }) => {
  const read = InputReader.of(data);
  const command = (read.text('command', { required: true, max: 40 }) ?? '').toLowerCase();
  if (!(WELCOME_COMMANDS as readonly string[]).includes(command))
    return messageResponse(services.strings.commands.unknown(command));
  const text = command === 'find' ? `find ${read.text(FIND_INPUT_ID, { max: 200 }) ?? ''}` : command;
  await runCommandText({ turn, actor, services, access }, text);
  return cardResponse(personalWelcomeCard(services.strings));
};
