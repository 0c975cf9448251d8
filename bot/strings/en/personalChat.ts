/**
 * The personal chat: its welcome, my deals, expiring, find, favourites and their lists, in
 * English.
 */

export const favorites = {
  title: 'Your favourites',
  empty: 'You have no favourites yet. Use "☆ Add to favourites" on any referral card to star it.',
  open: 'Open',
  starred: 'Added to your favourites. Send me "favorites" to list them.',
  unstarred: 'Removed from your favourites.',
  line: (stage: string, value: string, next: string) => [stage, value, next].filter(Boolean).join(' · '),
  expires: (date: string) => `expires ${date}`,
  closes: (date: string) => `closes ${date}`,
  more: (count: number) => `And ${count} more; the newest are shown first.`,
};

/** One line of a list of referrals: the key facts, and what needs attention. */
export const dealList = {
  line: (...parts: string[]) => parts.filter(Boolean).join(' · '),
  expires: (date: string) => `expires ${date}`,
  closes: (date: string) => `closes ${date}`,
  ownedBy: (name: string) => `owner ${name}`,
  overdue: (date: string) => `Overdue: the close date was ${date}. Report Won or Lost, or move it.`,
  timeLeft: (left: string) => `⏰ ${left} left to answer`,
  open: 'Open',
  page: (page: number, pages: number, total: number) => `Page ${page} of ${pages} · ${total} in all`,
  previous: '‹ Previous',
  next: 'Next ›',
};

export const personalChat = {
  welcomeTitle: 'Hi, I am Referral Desk',
  welcomeIntro:
    'I bring every new Partner Center referral to the Teams channel of its region, so your team accepts or declines it before it expires, and I keep track of every deal after that. Here, in our chat, you see your own deals and the referrals about to expire, and find any referral.',
  welcomeHowTo: 'Type a command, or use its button:',
  /** What each command on the welcome card does, and its button. */
  about: {
    myDeals: 'The referrals you own or are on the team of, the most urgent first.',
    expiring: 'Undecided referrals of your regions that expire within 3 days.',
    favorites: 'The referrals you starred.',
    find: 'Find referrals by customer, deal name, CRM ID or referral id.',
    newDeal: 'Register a deal you found yourself.',
    settings: 'Your time zone and working hours, which my reminders to you follow.',
    help: 'All the commands.',
  },
  button: {
    myDeals: 'My deals',
    expiring: 'Expiring soon',
    favorites: 'Favourites',
    find: 'Find',
    newDeal: 'New deal',
    settings: 'Settings',
    help: 'Help',
  },
  findPlaceholder: 'e.g. Contoso',
  help: [
    '**Referral Desk in our chat**',
    '- `my deals`: the referrals you own or are on the team of, open ones first and the most urgent on top, each with its key facts and an Open button',
    '- `expiring`: undecided referrals that expire within 3 days, in the regions you manage or answer for (all regions when you have no region role)',
    '- `favorites`: the referrals you starred (star one with "☆ Add to favourites" on its card)',
    '- `find contoso`: find referrals by customer, deal name, CRM ID or referral id',
    "- `new deal`: register a deal you found yourself (customer, deal, team, solutions, Microsoft's part)",
    '- `settings`: your time zone and working hours, which reminders sent to you directly follow',
    '- `language ja`: the language you read Referral Desk in (`language` alone lists them; `language default` follows your Teams client)',
    '- `links`: show which channel receives which region',
    '- `help`: this list',
    '',
    'To link channels to regions, mention me in a team channel, e.g. "link emea".',
  ].join('\n'),
};

export const myDeals = {
  title: 'Your deals',
  empty: 'You own no referral and are on no deal\'s team yet. Accept a referral on its card, or send me "new deal".',
  usage: 'To see the referrals you own or work on, send me "my deals".',
};

export const expiring = {
  title: 'Expiring within 3 days',
  scopeAdmin: 'All regions (you are an admin).',
  scopeNoRole: 'The regions of your teams: you manage or answer for none in particular.',
  scopeRegions: (regions: string) => `Your regions: ${regions}.`,
  empty: 'Nothing expires within the next 3 days. 🎉',
  more: (count: number) => `And ${count} more expiring later.`,
};

export const find = {
  title: (query: string) => `Found for "${query}"`,
  usage:
    'Tell me what to look for, at least 3 letters of a customer, a deal name or a CRM ID, or a whole referral id: e.g. "find contoso".',
  none: (query: string) =>
    `I found no referral for "${query}". I look at customers, deal names, CRM IDs and referral ids.`,
  more: (count: number) => `And ${count} more: add a word to narrow the search.`,
  manyMore: 'And more: add a word to narrow the search.',
};
