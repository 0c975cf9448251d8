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
const startDesk = () => new BotHarness({ ALLOWED_TENANTS: 'tenant-0001' }).start();

/** Links the EMEA channel to the emea region, then forgets what the desk sent so far. */
async function linkEmea(h: BotHarness): Promise<void> {
  assert.equal((await h.activity(channelMessage(h.serviceUrl, CHANNELS.emea, 'link emea'))).status, 200);
  h.connector.calls.length = 0;
}

/** The running test's desk, and a way to start it again with other settings. */
export interface LinkedDesk {
  /** The running test's harness. */
  desk: () => BotHarness;
  /** Stops the running desk and starts a fresh one with these settings, which the hooks then stop after the test. */
  restartWith: (env: Record<string, string>) => Promise<BotHarness>;
}

/**
 * Registers the hooks that start the desk with EMEA linked before each test and stop it after. The suite's timeout
 * is left to the caller.
 */
export function useLinkedDesk(): LinkedDesk {
  let h: BotHarness | undefined;
  const desk = () => {
    assert.ok(h, 'the desk is only there while a test runs');
    return h;
  };
  beforeEach(async () => {
    h = undefined;
    h = await startDesk();
    await linkEmea(h);
  });
  afterEach(() => desk().stop());
  return {
    desk,
    restartWith: async (env) => {
      await desk().stop();
      h = await new BotHarness(env).start();
      return h;
    },
  };
}
