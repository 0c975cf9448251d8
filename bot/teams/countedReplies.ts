import { ActivityTypes, Channels, DeliveryModes, type Activity, type MiddlewareHandler } from 'botbuilder';
import type { TeamsRateLimits } from './teamsRateLimits';

/** Whether the adapter sends `activity` to Teams as a request (not the invoke's HTTP answer, a pause or a trace). */
function isRequest(activity: Partial<Activity>, deliveryMode: string | undefined): boolean {
  if (deliveryMode === DeliveryModes.ExpectReplies) return false;
  if (activity.type === 'delay' || activity.type === ActivityTypes.InvokeResponse) return false;
  return activity.type !== ActivityTypes.Trace || activity.channelId === Channels.Emulator;
}

/**
 * Adapter middleware counting what a turn sends (command answers, notices) in the same limits
 * as the Messenger's sends: each reply waits for room under Teams' limits of its conversation
 * and of the app, as a reply. The Messenger's own turns send through the connector client
 * and count themselves; they send nothing through here.
 */
export function countedReplies(limits: TeamsRateLimits): MiddlewareHandler {
  return async (turn, next) => {
    turn.onSendActivities(async (context, activities, send) => {
      const requests = activities.filter((activity) => isRequest(activity, context.activity.deliveryMode));
      if (requests.length === 0) return send();
      const conversationId = requests[0].conversation?.id ?? context.activity.conversation?.id ?? '';
      const permit = await limits.acquire(conversationId, 'reply', requests.length);
      try {
        return await send();
      } finally {
        permit.done();
      }
    });
    await next();
  };
}
