/** The channel welcome and the commands typed in a channel, in English. */

export const welcome = {
  title: 'Referral Desk is ready',
  intro:
    'I post every new Partner Center referral as a card in the channel of its region, so your team can accept or decline it before it expires.',
  howToLink: 'In each regional channel, mention me with the regions or countries it handles:',
  example: '@Referral Desk link emea   ·   @Referral Desk link de   ·   @Referral Desk link fallback',
  regions: (list: string) =>
    `Regions: ${list}. A country code (like "de") beats a region; "fallback" catches everything else.`,
  // No angle brackets in user-facing text: Teams and the Playground read them as HTML tags.
  more: 'Type "links" to see the mapping, "unlink emea" (or any code) to remove one, "help" for all commands.',
};

export const commands = {
  help: [
    '**Referral Desk commands**',
    '- `link emea`, `link de fr`, `link fallback`: send referrals of these regions or countries to this channel (`fallback` catches the rest)',
    '- `unlink emea`: stop sending them here (any codes)',
    '- `links`: show which channel receives which region',
    "- `language ko`: this channel's language for cards, replies and reminders (`language` alone lists them; `language default` goes back to the desk's)",
    "- `new deal`: register a deal you found yourself (customer, deal, team, solutions, Microsoft's part)",
    '- `favorites`: the referrals you starred (star one with "☆ Add to favourites" on its card)',
    '- `settings`: your time zone and working hours, which reminders sent to you directly follow',
    '- `digest now`: the digest of the regions you manage (`digest now emea` for one); `digest off` and `digest on` stop and restart the weekly one (managers)',
    '- `managers`, `managers add name@example.com emea`, `managers remove name@example.com emea`: who manages which region (admins)',
    '- `help`: this list',
    '',
    'In our personal chat: `my deals`, `expiring` and `find` (type `help` there).',
  ].join('\n'),
  unknown: (text: string) => `I don't know "${text}". Type "help" for the commands.`,
  linkNeedsChannel:
    'Linking works in a team channel: mention me there with "link" and its region or country, e.g. "link emea".',
  linkNeedsCodes: (valid: string) =>
    `Tell me what to link, e.g. "link emea" or "link de". Valid regions: ${valid}, any ISO country code, or "fallback".`,
  unknownCodes: (codes: string, valid: string) =>
    `I don't know ${codes}. Valid regions: ${valid}, any two-letter ISO country code (like "de"), or "fallback".`,
  linked: (targets: string, channel: string) => `Done: referrals for ${targets} now go to ${channel}.`,
  linkMoved: (target: string, from: string) => `${target} was linked to ${from} before; it moved here.`,
  postingWaiting: (count: number) => `${count} waiting referral${count === 1 ? '' : 's'} will be posted here now.`,
  unlinked: (targets: string) => `Done: ${targets} no longer linked to this channel.`,
  notLinkedHere: (targets: string) =>
    `${targets} ${targets.includes(',') ? 'are' : 'is'} not linked to this channel, so nothing changed.`,
  linksTitle: 'Where referrals go',
  linksEmpty:
    'No channel is linked yet. In a regional channel, mention me with "link" and its region or country, e.g. "link emea".',
  uncoveredRegions: (list: string) =>
    `No channel yet, and no fallback, for: ${list}. Their referrals wait until one is linked.`,
  thisChannel: 'this channel',
  generalChannel: 'General',
  fallbackName: 'everything else (fallback)',
  /** A channel in the `links` list, with the language it chose. */
  channelInLanguage: (channel: string, language: string) => `${channel} (${language})`,
  language: {
    channelReads: (name: string) => `This channel reads Referral Desk in ${name}.`,
    channelReadsDesk: (name: string) => `This channel reads Referral Desk in the desk's language, ${name}.`,
    youRead: (name: string) => `You read Referral Desk in ${name}.`,
    choices: (list: string) =>
      `To change it, type \`language\` and one of: ${list}. \`language default\` goes back to the default.`,
    channelChosen: (name: string) =>
      `Done: this channel now reads Referral Desk in ${name}: new cards, replies and reminders here, and the cards of its open referrals, redrawn now.`,
    channelDefault: (name: string) =>
      `Done: this channel reads Referral Desk in the desk's language again, ${name}; the cards of its open referrals are redrawn in it now.`,
    youChose: (name: string) => `Done: you now read Referral Desk in ${name}.`,
    yourDefault: (name: string) =>
      `Done: you read Referral Desk in the language of your Teams client again, or the desk's: ${name}.`,
    unknown: (typed: string, list: string) => `Referral Desk does not speak "${typed}". Choose one of: ${list}.`,
    notHere:
      "A group chat reads Referral Desk in the desk's language. Type `language` in a channel to choose the channel's, or in our personal chat to choose your own.",
  },
};
