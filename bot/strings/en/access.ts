/** What the desk answers people and places it does not serve, in English. */

/** Refusals of people and places the desk does not serve: short, and they reveal nothing. */
export const access = {
  otherTenant: 'Referral Desk serves another organisation. Nothing was changed.',
  teamNotInstalled:
    'Referral Desk is not installed in this team, so it does nothing here. A team owner can add it from the Teams app store.',
  notAMember:
    'Referral Desk answers the members of the teams it is installed in. Ask a team owner to add you to one of them.',
  linksByOwners:
    'Only the team\'s owners and the desk\'s admins may change where referrals go. "links" shows where they go now.',
  linksByAdmins:
    'Only the desk\'s admins (DESK_ADMINS) may change where referrals go. "links" shows where they go now.',
  linksByMembers: 'Guests of the team cannot change where referrals go. "links" shows where they go now.',
  languageByOwners: "Only the team's owners and the desk's admins may change this channel's language.",
  languageByAdmins: "Only the desk's admins (DESK_ADMINS) may change this channel's language.",
  languageByMembers: "Guests of the team cannot change this channel's language.",
};
