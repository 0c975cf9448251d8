/** The settings card: time zone, working hours, direct messages, language and digest, in English. */
import type { DirectMessageKind } from '../../domain/messagePreferences';

export const settings = {
  title: 'Your settings',
  intro: 'Reminders I send you directly wait for your working hours, in your time zone.',
  saved: '✔ Saved. Direct messages follow these hours from now on.',
  save: 'Save',
  notYours: "That card showed someone else's settings, so nothing was saved. These are yours: check them and save.",
  workingHours: 'Time zone and working hours',
  timeZone: 'Time zone',
  findTimeZone: 'Type a city or region, e.g. Berlin',
  allZones: 'Show all time zones',
  timeZoneError: 'Choose your time zone from the list.',
  /**
   * A zone in the list: its name in the reader's language (none where the language has only an
   * offset for it), its IANA name as people read it, and its offset from UTC today.
   */
  zoneChoice: (name: string, zone: string, offset: string) =>
    `${name ? `${name} — ` : ''}${zone}${offset ? ` (UTC${offset})` : ''}`,
  zoneFromTeams: 'Your Teams client told me this zone. Choose another and save to keep your own.',
  zoneChosen: 'You chose this zone.',
  zoneDefault: "The desk's default zone: your Teams client has not told me yours yet.",
  dayStarts: 'Day starts',
  dayEnds: 'Day ends',
  timeError: 'Enter a time like 09:00.',
  days: 'Working days',
  daysError: 'Choose at least one day.',
  hoursChosen: 'You chose these hours.',
  hoursDefault: "The desk's default hours, until you choose your own.",
  /** ISO weekdays 1–7. */
  weekday: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  messages: 'Direct messages',
  messagesLabel: 'Send me',
  messageKind: {
    reminders: 'Reminders of referrals I am to accept or decline',
    escalations: 'Referrals of my regions about to expire unanswered (managers)',
    staleDeals: 'My deals whose estimated close date has passed',
    notices: 'When someone hands me a deal or adds me to its team',
  } satisfies Record<DirectMessageKind, string>,
  messagesNote: 'A reminder you snoozed always comes back.',
  language: 'Language',
  languageError: 'Choose a language from the list.',
  languageChosen: 'You chose this language. Commands stay in English (e.g. "my deals").',
  languageFromTeams: 'The language of your Teams client. Commands stay in English (e.g. "my deals").',
  languageDefault: 'The desk\'s language. Commands stay in English (e.g. "my deals").',
  digest: 'Weekly digest',
  digestDay: 'Day',
  digestTime: 'Time',
  digestNote: 'In your time zone. "digest off" stops it, "digest now" sends it at once.',
  digestIsOff: 'You turned it off ("digest off"); "digest on" brings it back.',
};
