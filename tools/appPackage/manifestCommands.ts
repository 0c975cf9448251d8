/**
 * The commands the Teams app manifest offers, one row per command word the bot understands
 * (`COMMANDS` in bot/teams/commands/index.ts); a test keeps the two in step.
 */

/** Where a command is offered: in teams (and group chats), or in a user's personal chat. */
export type CommandScope = 'team' | 'personal';

/** One command of the manifest's command menu. */
export interface ManifestCommand {
  /** The word that starts the command, as `COMMANDS` knows it. */
  word: string;
  /** What the menu shows and types; starts with {@link word}. At most 32 characters. */
  title: string;
  /** The menu's hint for it. At most 128 characters. */
  description: string;
  /** The scopes whose menu lists it. */
  scopes: readonly CommandScope[];
}

/** Teams shows at most this many commands in one scope's menu. */
export const MAX_COMMANDS_PER_SCOPE = 10;

/**
 * Every command, in the order the menus show them. `my deals`, `expiring` and `find` list a
 * user's own referrals, so only their personal chat offers them.
 *
 * Each scope may list at most {@link MAX_COMMANDS_PER_SCOPE}; the personal chat and the team
 * list exactly that many (`language` in a personal chat is offered by the settings card). Should another command need a place there, `managers` (admins only)
 * and then `digest` (managers only) give theirs up first: they still work when typed, and
 * `help` in a channel lists them.
 */
export const MANIFEST_COMMANDS: readonly ManifestCommand[] = [
  {
    word: 'my',
    title: 'my deals',
    description: 'The referrals you own or are on the team of, the most urgent first',
    scopes: ['personal'],
  },
  {
    word: 'expiring',
    title: 'expiring',
    description: 'Undecided referrals of your regions that expire within 3 days',
    scopes: ['personal'],
  },
  {
    word: 'find',
    title: 'find',
    description: 'Find referrals by customer, deal name, CRM ID or referral id, e.g. find contoso',
    scopes: ['personal'],
  },
  {
    word: 'link',
    title: 'link',
    description: 'Link this channel to regions or countries, e.g. link emea de',
    scopes: ['team'],
  },
  { word: 'unlink', title: 'unlink', description: 'Remove a region or country from this channel', scopes: ['team'] },
  {
    word: 'links',
    title: 'links',
    description: 'Show which channel receives which region',
    scopes: ['team', 'personal'],
  },
  {
    word: 'language',
    title: 'language',
    description: "This channel's language for cards, replies and reminders, e.g. language ko",
    scopes: ['team'],
  },
  { word: 'new', title: 'new deal', description: 'Register a deal you found yourself', scopes: ['team', 'personal'] },
  { word: 'favorites', title: 'favorites', description: 'The referrals you starred', scopes: ['team', 'personal'] },
  {
    word: 'settings',
    title: 'settings',
    description: 'Your time zone and working hours, which reminders sent to you directly follow',
    scopes: ['team', 'personal'],
  },
  {
    word: 'digest',
    title: 'digest now',
    description:
      'Managers: the digest of the regions you manage; digest off and digest on stop and restart the weekly one',
    scopes: ['team', 'personal'],
  },
  {
    word: 'managers',
    title: 'managers',
    description: 'Admins: who manages which region; managers add name@example.com emea adds one',
    scopes: ['team', 'personal'],
  },
  {
    word: 'help',
    title: 'help',
    description: 'Show what Referral Desk can do and how to use its commands',
    scopes: ['team', 'personal'],
  },
];

/** Other words for a command of {@link MANIFEST_COMMANDS}, which the menus do not list: alias → word. */
export const COMMAND_ALIASES: Readonly<Record<string, string>> = { favourites: 'favorites' };

/** A `commandLists` entry of the manifest's bot. */
export interface CommandList {
  scopes: Array<'team' | 'groupChat' | 'personal'>;
  commands: Array<{ title: string; description: string }>;
}

/**
 * The bot's `commandLists`: the team commands (offered in group chats too), then the
 * personal chat's.
 *
 * @param commands - The commands to list; {@link MANIFEST_COMMANDS} when not given.
 * @returns One list per scope that has commands.
 */
export function manifestCommandLists(commands: readonly ManifestCommand[] = MANIFEST_COMMANDS): CommandList[] {
  const listed = (scope: CommandScope) =>
    commands.filter((c) => c.scopes.includes(scope)).map(({ title, description }) => ({ title, description }));
  const lists: CommandList[] = [
    { scopes: ['team', 'groupChat'], commands: listed('team') },
    { scopes: ['personal'], commands: listed('personal') },
  ];
  return lists.filter((list) => list.commands.length > 0);
}
