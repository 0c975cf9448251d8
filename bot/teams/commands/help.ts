import type { Services } from '../../services';
import { isPersonalChat } from '../teamsChannel';
import type { Command } from './command';

/** `help`: the commands of a personal chat there, those of a channel elsewhere. */
export const help: Command<Pick<Services, 'strings'>> = async ({ turn, services }) => {
  const text = isPersonalChat(turn) ? services.strings.personalChat.help : services.strings.commands.help;
  await turn.sendActivity({ text, textFormat: 'markdown' });
};
