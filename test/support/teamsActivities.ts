/**
 * Activities shaped like the ones Teams sends to a bot's /api/messages endpoint
 * (field names and nesting as Teams uses them).
 */
export const BOT = { id: '28:referral-desk-bot', name: 'Referral Desk' };
export const TENANT = { id: 'tenant-0001' };
export const TEAM = { id: '19:team-general@thread.tacv2', name: 'Partner Sales' };

export interface Channel {
  id: string;
  name: string;
}

export const CHANNELS = {
  emea: { id: '19:emea-channel@thread.tacv2', name: 'EMEA referrals' },
  americas: { id: '19:americas-channel@thread.tacv2', name: 'Americas referrals' },
  apac: { id: '19:apac-channel@thread.tacv2', name: 'APAC referrals' },
} satisfies Record<string, Channel>;

export interface User {
  id: string;
  aadObjectId: string;
  name: string;
}

export const USERS = {
  alice: { id: '29:alice', aadObjectId: 'aad-alice', name: 'Alice Rep' },
  bob: { id: '29:bob', aadObjectId: 'aad-bob', name: 'Bob Rep' },
  manager: { id: '29:manager', aadObjectId: 'aad-manager', name: 'Sales Manager' },
  tokyoManager: { id: '29:tokyo-manager', aadObjectId: 'aad-tokyo-manager', name: 'Tokyo Manager' },
} satisfies Record<string, User>;

/** The user as a member of the team, as Teams' member lookup answers. */
export function teamMember(user: User) {
  const email = `${user.aadObjectId.replace(/^aad-/, '')}@partner.example`;
  return { id: user.id, aadObjectId: user.aadObjectId, name: user.name, email, userPrincipalName: email };
}

let sequence = 0;
const nextId = () => `incoming-${++sequence}`;

function base(serviceUrl: string) {
  return {
    channelId: 'msteams',
    serviceUrl,
    recipient: BOT,
    timestamp: '2026-11-23T09:00:00.000Z',
    locale: 'en-US',
  };
}

/** The bot was added to the team (Teams sends this to the General channel). */
export function botAddedToTeam(serviceUrl: string, by: User = USERS.alice) {
  return {
    ...base(serviceUrl),
    type: 'conversationUpdate',
    id: nextId(),
    from: { id: by.id, aadObjectId: by.aadObjectId, name: by.name },
    conversation: { id: TEAM.id, conversationType: 'channel', isGroup: true, tenantId: TENANT.id },
    membersAdded: [{ id: BOT.id }],
    channelData: { eventType: 'teamMemberAdded', team: TEAM, tenant: TENANT },
  };
}

/** The desk was removed from the team (Teams sends it to the General channel). */
export function botRemovedFromTeam(serviceUrl: string, by: User = USERS.alice) {
  return { ...botAddedToTeam(serviceUrl, by), type: 'installationUpdate', action: 'remove', membersAdded: undefined };
}

export function appInstalledInTeam(serviceUrl: string, by: User = USERS.alice) {
  return {
    ...base(serviceUrl),
    type: 'installationUpdate',
    action: 'add',
    id: nextId(),
    from: { id: by.id, aadObjectId: by.aadObjectId, name: by.name },
    conversation: { id: TEAM.id, conversationType: 'channel', isGroup: true, tenantId: TENANT.id },
    channelData: { team: TEAM, tenant: TENANT, settings: { selectedChannel: { id: TEAM.id } } },
  };
}

/** "@Referral Desk <text>" posted as a new message in a channel. */
export function channelMessage(serviceUrl: string, channel: Channel, text: string, by: User = USERS.alice) {
  const id = nextId();
  return {
    ...base(serviceUrl),
    type: 'message',
    id,
    text: `<at>${BOT.name}</at> ${text}`,
    textFormat: 'plain',
    from: { id: by.id, aadObjectId: by.aadObjectId, name: by.name },
    conversation: {
      id: `${channel.id};messageid=${id}`,
      conversationType: 'channel',
      isGroup: true,
      tenantId: TENANT.id,
    },
    entities: [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }],
    channelData: { teamsChannelId: channel.id, teamsTeamId: TEAM.id, channel, team: TEAM, tenant: TENANT },
  };
}

/** A click on an `Action.Execute` of a card the bot posted in `channel`. */
export function cardAction(
  serviceUrl: string,
  channel: Channel,
  cardActivityId: string,
  verb: string,
  data: Record<string, unknown>,
  by: User = USERS.alice,
) {
  return {
    ...invoke(serviceUrl, cardActivityId, verb, data, by),
    conversation: {
      id: `${channel.id};messageid=${cardActivityId}`,
      conversationType: 'channel',
      isGroup: true,
      tenantId: TENANT.id,
    },
    channelData: { channel, team: TEAM, tenant: TENANT, source: { name: 'message' } },
  };
}

/** An `Action.Execute` on a card the bot sent (`adaptiveCard/action` invoke). */
function invoke(serviceUrl: string, cardActivityId: string, verb: string, data: Record<string, unknown>, by: User) {
  return {
    ...base(serviceUrl),
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: nextId(),
    replyToId: cardActivityId,
    from: { id: by.id, aadObjectId: by.aadObjectId, name: by.name },
    value: { action: { type: 'Action.Execute', id: `action-${verb}`, verb, data }, trigger: 'manual' },
  };
}

/** A user's personal (1:1) chat with the bot. */
export const personalChat = (user: User) => `a:personal-${user.id}`;

/** A message to the bot in the user's personal chat. */
export function personalMessage(serviceUrl: string, text: string, by: User = USERS.alice) {
  return {
    ...base(serviceUrl),
    type: 'message',
    id: nextId(),
    text,
    textFormat: 'plain',
    from: { id: by.id, aadObjectId: by.aadObjectId, name: by.name },
    conversation: { id: personalChat(by), conversationType: 'personal', tenantId: TENANT.id },
    channelData: { tenant: TENANT },
  };
}

/** The user installed the app for themselves: Teams opens their personal chat with it. */
export function appInstalledPersonally(serviceUrl: string, by: User = USERS.alice) {
  return {
    ...base(serviceUrl),
    type: 'installationUpdate',
    action: 'add',
    id: nextId(),
    from: { id: by.id, aadObjectId: by.aadObjectId, name: by.name },
    conversation: { id: personalChat(by), conversationType: 'personal', tenantId: TENANT.id },
    channelData: { tenant: TENANT, source: { name: 'message' } },
  };
}

/** What Teams also sends on a personal install: the bot joined the user's personal chat. */
export function botAddedToPersonalChat(serviceUrl: string, by: User = USERS.alice) {
  return {
    ...base(serviceUrl),
    type: 'conversationUpdate',
    id: nextId(),
    from: { id: by.id, aadObjectId: by.aadObjectId, name: by.name },
    conversation: { id: personalChat(by), conversationType: 'personal', tenantId: TENANT.id },
    membersAdded: [{ id: BOT.id }],
    channelData: { tenant: TENANT },
  };
}

/** A card's `Action.Execute` in the user's personal chat. */
export function personalCardAction(
  serviceUrl: string,
  cardActivityId: string,
  verb: string,
  data: Record<string, unknown>,
  by: User = USERS.alice,
) {
  return {
    ...invoke(serviceUrl, cardActivityId, verb, data, by),
    conversation: { id: personalChat(by), conversationType: 'personal', tenantId: TENANT.id },
    channelData: { tenant: TENANT, source: { name: 'message' } },
  };
}

/** The entity Teams clients add to a user's activities, with their time zone. */
export function clientInfo(timezone: string) {
  return [{ type: 'clientInfo', locale: 'en-US', country: 'DE', platform: 'Web', timezone }];
}
