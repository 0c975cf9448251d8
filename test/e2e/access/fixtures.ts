import assert from 'node:assert/strict';
import { BotHarness } from '../../support/botHarness';
import { CHANNELS, TEAM, channelMessage, personalChat, type User } from '../../support/teamsActivities';
import type { WireObject } from '../../support/wireJson';

/** Someone the desk has never seen: not a member of any team it is installed in. */
export const STRANGER: User = { id: '29:stranger', aadObjectId: 'aad-stranger', name: 'Mallory Outsider' };
/** A tenant the desk does not allow. */
export const OTHER_TENANT = 'tenant-9999';
/** A second team of the same tenant, with a channel of its own. */
export const TEAM_B = { id: '19:team-b@thread.tacv2', name: 'Partner Sales Americas' };
export const TEAM_B_CHANNEL = { id: '19:team-b-americas@thread.tacv2', name: 'Americas deals' };

type Activity = WireObject;

/** The activity as if sent from another tenant. */
export function fromTenant(activity: Activity, tenantId: string): Activity {
  return {
    ...activity,
    conversation: { ...activity.conversation, tenantId },
    channelData: { ...activity.channelData, tenant: { id: tenantId } },
  };
}

/** The activity as if sent in a channel of another team. */
export function inTeam(activity: Activity, team: { id: string; name: string }): Activity {
  const conversation =
    activity.conversation.id === TEAM.id ? { ...activity.conversation, id: team.id } : activity.conversation;
  return { ...activity, conversation, channelData: { ...activity.channelData, team, teamsTeamId: team.id } };
}

/** What the desk keeps of a user who wrote to it: their profile and their personal chat. */
export async function traces(h: BotHarness, user: User): Promise<unknown[]> {
  const kept = [
    await h.services.users.get(user.aadObjectId),
    await h.services.conversations.get('personal', personalChat(user)),
  ];
  return kept.filter((row) => row !== null && row !== undefined);
}

/** The desk, open to the tenant tenant-0001 alone. */
export const startDesk = () => new BotHarness({ ALLOWED_TENANTS: 'tenant-0001' }).start();

/** Links the EMEA channel to the emea region, then forgets what the desk sent so far. */
export async function linkEmea(h: BotHarness): Promise<void> {
  assert.equal((await h.activity(channelMessage(h.serviceUrl, CHANNELS.emea, 'link emea'))).status, 200);
  h.connector.calls.length = 0;
}
