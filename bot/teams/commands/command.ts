import type { TurnContext } from 'botbuilder';
import type { Services } from '../../services';

/** A text command to the bot: its arguments are the words after its name. */
export interface CommandContext {
  turn: TurnContext;
  args: string[];
  services: Services;
}

export type Command = (context: CommandContext) => Promise<void>;
