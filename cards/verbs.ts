/**
 * The `Action.Execute` verbs the cards carry. Card data and the bot's action handlers
 * both read them from here, so a verb cannot exist on one side only.
 */
export const VERBS = {
  accept: 'referral.accept',
  decline: 'referral.decline',
  /** The older two-step flow: interested (then evaluate), or not. */
  interested: 'referral.interested',
  noThanks: 'referral.noThanks',
  win: 'referral.win',
  lose: 'referral.lose',
  edit: 'referral.edit',
  addMember: 'referral.addMember',
  removeMember: 'referral.removeMember',
  addSolution: 'referral.addSolution',
  removeSolution: 'referral.removeSolution',
  reassign: 'referral.reassign',
  upgrade: 'referral.upgrade',
  /** A client asks for its user's own version of the card (Universal Actions refresh). */
  refresh: 'referral.refresh',
  history: 'referral.history',
  /** Submits the `new deal` form. */
  createDeal: 'deal.create',
  /** Stars (data `on: true`) or unstars the referral for the clicking user. */
  favorite: 'referral.favorite',
  /** On a reminder: remind the clicking user again later (data `snooze`: a SnoozeChoice). */
  snooze: 'reminder.snooze',
  /** On a reminder of a deal gone stale: a new estimated close date. */
  moveCloseDate: 'deal.moveCloseDate',
  /** Keeps the clicking user's time zone and working hours from the settings card. */
  saveSettings: 'settings.save',
  /** Shows the settings card again with every time zone, not only the likely ones. */
  settingsAllZones: 'settings.allZones',
  /** Runs a text command from a button (data `command`: its words; `find` adds the card's `findText`). */
  runCommand: 'command.run',
  /** Another page of `my deals` (data `page`), answered in place. */
  myDealsPage: 'myDeals.page',
  /**
   * On a digest: sends the clicking manager one of its deal lists in full (data `list`, a
   * DigestListKind, and `regions`, comma-separated codes); with `page`, shows that page of
   * the list in place.
   */
  digestList: 'digest.list',
} as const;

export type Verb = (typeof VERBS)[keyof typeof VERBS];
