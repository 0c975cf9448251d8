import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import defaultRegions from '../../bot/config/regions.default.json';
import type { Region } from '../../bot/domain/routing';
import { VERBS } from '../../cards/verbs';
import { BotHarness } from '../support/botHarness';
import type { ConnectorCall } from '../support/connectorStandIn';
import { pcReferral } from '../support/fixtures';
import { botAddedToTeam, cardAction, channelMessage, CHANNELS, type Channel } from '../support/teamsActivities';

/** Installs the app in the team and links `channel` to `codes`, as a user would. */
export async function installAndLink(h: BotHarness, channel: Channel, codes: string): Promise<void> {
  assert.equal((await h.activity(botAddedToTeam(h.serviceUrl))).status, 200);
  assert.equal((await h.activity(channelMessage(h.serviceUrl, channel, `link ${codes}`))).status, 200);
}

/** A bot installed in the team with EMEA linked, and one referral delivered there: the bot, its id and its card's activity id. */
export async function botWithEmeaCard(
  overrides: Record<string, unknown> = {},
): Promise<{ h: BotHarness; referralId: string; activityId: string }> {
  const h = await new BotHarness().start();
  await installAndLink(h, CHANNELS.emea, 'emea');
  const { id: referralId, activityId } = await deliverAndAwaitCard(h, CHANNELS.emea, overrides);
  return { h, referralId, activityId };
}

/** Delivers a referral and waits for its card in `channel`; returns the card's activity id. */
export async function deliverAndAwaitCard(
  h: BotHarness,
  channel: Channel,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; activityId: string }> {
  const referral = pcReferral(overrides);
  const answer = await h.deliver(referral);
  assert.equal(answer.status, 202, JSON.stringify(answer.body));
  const id = referral.id as string;
  await h.connector.waitFor(
    (calls) => cardPosts(calls, channel.id).some((c) => cardText(c).includes(id)),
    `the card of ${id}`,
  );
  const post = cardPosts(h.connector.calls, channel.id).find((c) => cardText(c).includes(id))!;
  return { id, activityId: post.answeredId! };
}

/** The Accept form as Alice fills it in the tests of accepted deals. */
export const ACCEPT_FORM = {
  dealName: 'Contoso migration wave 1',
  dealValue: '30000',
  currency: 'EUR',
  closingDate: '2027-02-15',
  notes: 'Two workshops, then the pilot.',
};

/** Alice accepts the referral on its channel card; waits until the card update went out. */
export async function acceptAsAlice(
  h: BotHarness,
  channel: Channel,
  activityId: string,
  referralId: string,
): Promise<void> {
  const accepted = await h.activity(
    cardAction(h.serviceUrl, channel, activityId, VERBS.accept, { referralId, ...ACCEPT_FORM }),
  );
  assert.equal(accepted.body.type, 'application/vnd.microsoft.card.adaptive', JSON.stringify(accepted.body));
  await h.settle();
}

/** New top-level card messages the bot posted to a channel. */
export function cardPosts(calls: ConnectorCall[], channelId: string): ConnectorCall[] {
  return calls.filter((c) => c.kind === 'send' && c.conversationId === channelId && attachmentsOf(c).length > 0);
}

/** Text replies the bot wrote in a conversation (command answers). */
export function replies(calls: ConnectorCall[], conversationPrefix: string): string[] {
  return calls
    .filter((c) => (c.kind === 'reply' || c.kind === 'send') && c.conversationId.startsWith(conversationPrefix))
    .map((c) => String(c.body.text ?? ''))
    .filter(Boolean);
}

export function attachmentsOf(call: ConnectorCall): { contentType: string; content: Record<string, unknown> }[] {
  return (call.body.attachments as { contentType: string; content: Record<string, unknown> }[] | undefined) ?? [];
}

/** All the card's JSON as one string, to look for what it shows. */
export function cardText(call: ConnectorCall): string {
  return JSON.stringify(attachmentsOf(call).map((a) => a.content));
}

/** The card a post or update carried. */
export function cardOf(call: ConnectorCall): { refresh?: { userIds?: string[] } } & Record<string, unknown> {
  return attachmentsOf(call)[0]?.content;
}

/** Verbs every referral card carries, whatever its stage: History and the favourite star. */
export const EVERY_CARD_VERBS: readonly string[] = [VERBS.history, VERBS.favorite];

/**
 * What the owner's own card of an accepted (received, private) deal with one solution offers,
 * in card order; `addSolution` shows when the catalog has more solutions to add.
 */
export function ownerVerbs(withCatalog = true): string[] {
  return [
    VERBS.refresh,
    VERBS.win,
    VERBS.lose,
    VERBS.edit,
    VERBS.removeSolution,
    VERBS.addMember,
    ...(withCatalog ? [VERBS.addSolution] : []),
    VERBS.reassign,
  ];
}

/** The verbs of a card besides History and the star: what it lets this user do to the referral. */
export function dealVerbs(card: unknown): string[] {
  return verbsIn(card).filter((verb) => !EVERY_CARD_VERBS.includes(verb));
}

/** The verbs of every Action.Execute in a card, however deeply nested. */
export function verbsIn(card: unknown): string[] {
  const verbs: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Execute' && typeof record.verb === 'string') verbs.push(record.verb);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return verbs;
}

/** A regions file: the built-in regions with `change` applied to one of them (e.g. managers, response flow). */
export function regionsFileWith(code: string, change: Partial<Region>): string {
  const file = join(tmpdir(), `regions-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const regions = defaultRegions.regions.map((region) => (region.code === code ? { ...region, ...change } : region));
  writeFileSync(file, JSON.stringify({ regions }));
  return file;
}
