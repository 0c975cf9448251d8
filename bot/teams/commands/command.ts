import type { TurnContext } from 'botbuilder';
import type { Actor } from '../../domain/referral';
import type { TurnAccess } from '../access/turnAccess';

/** A text command to the bot: its arguments are the words after its name; `S` is what it uses of the services. */
export interface CommandContext<S> {
  turn: TurnContext;
  args: string[];
  /** Who sent the command. */
  actor: Actor;
  services: S;
  /** What the sender may see and do, as the access gate found. */
  access: TurnAccess;
}

export type Command<S> = (context: CommandContext<S>) => Promise<void>;
