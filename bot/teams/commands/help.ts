import type { Command } from './command';

export const help: Command = async ({ turn, services }) => {
  await turn.sendActivity({ text: services.strings.commands.help, textFormat: 'markdown' });
};
