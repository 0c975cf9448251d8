import type { TurnContext } from 'botbuilder';
import type { Actor } from '../../domain/referral';
import type { Services } from '../../services';
import type { TurnAccess } from '../access/turnAccess';

/** A text command to the bot: its arguments are the words after its name. */
export interface CommandContext {
  turn: TurnContext;
  args: string[];
  /** Who sent the command. */
  actor: Actor;
  services: Services;
  /** What the sender may see and do, as the access gate found. */
  access: TurnAccess;
}

export type Command = (context: CommandContext) => Promise<void>;
