/** Who manages which region, as admins see and change it, in English. */

export const managers = {
  adminsOnly: 'Only admins (DESK_ADMINS) see and change who manages which region.',
  usage:
    'Send "managers add name@example.com emea" or "managers remove name@example.com emea" (an e-mail address, user principal name or AAD object id, and a region), or "managers" for the list.',
  unknownRegion: (given: string, valid: string) => `I don't know the region "${given}". Regions: ${valid}.`,
  unknownUser: (who: string) =>
    `I found no one as "${who}" in the team. Use their e-mail address, user principal name or AAD object id, in a channel of a team they are in.`,
  added: (name: string, region: string) =>
    `Done: ${name} now manages ${region}. They may send "digest now" for its weekly digest, hear of its referrals about to expire unanswered, and hand its deals over.`,
  alreadyManager: (name: string, region: string) => `${name} already manages ${region}, so nothing changed.`,
  removed: (name: string, region: string) => `Done: ${name} no longer manages ${region}.`,
  fromRegionsFile: (name: string, region: string) =>
    `${name} manages ${region} through the regions file (REGIONS_FILE): change it there.`,
  notManager: (who: string, region: string) => `${who} does not manage ${region}, so nothing changed.`,
  listTitle: '**Region managers**',
  listLine: (region: string, people: string) => `- **${region}**: ${people}`,
  nobody: 'nobody yet',
  granted: (name: string, by: string, date: string) => `${name} (added by ${by} on ${date})`,
  configured: (name: string) => `${name} (regions file)`,
  admins: (people: string) => `Admins manage every region: ${people}.`,
};
