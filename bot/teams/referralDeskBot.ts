import {
  ActivityTypes,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
} from 'botbuilder';
import { ADAPTIVE_CARD_CONTENT_TYPE, cardAttachment } from '../../cards/render';
import { isReferralCard } from '../../cards/referral/referralCard';
import { renderWelcomeCard } from '../../cards/welcomeCard';
import type { Services } from '../services';
import type { Actor } from '../domain/referral';
import { handlerOf, isAnsweredOnce } from './actions';
import { changesTheReferral } from './actions/lifecycleForm';
import { lookAhead, type LookAhead } from './actions/lookAhead';
import { AfterAnswers } from './afterAnswers';
import { AnswerOnce, type ActionOutcome } from './answerOnce';
import { runCommandText } from './commands/dispatch';
import { messageResponse } from './invokeResponses';
import { PersonalWelcome } from './personalWelcome';
import { isPersonalChat, teamsChannelData } from './teamsChannel';
import { servicesForClick, servicesForMessage } from './turnLanguage';
import { validRegionCodes } from './views/linkTargets';
import { type ConversationKind, isStorageUnavailable, type StoredReferral } from '../store';
import { lessonOf, UserLearning } from './userLearning';
import { planDigest } from '../referrals';
import { servicesFor } from '../languages';
import type { AccessGate } from './access/accessGate';
import { ACCESS, accessOf, mayReach } from './access/turnAccess';
import type { TeamMembership } from './access/teamMembership';

/**
 * Receives Teams activities and hands each to its command or action handler. It decides
 * nothing itself beyond which handler runs.
 */
export class ReferralDeskBot extends TeamsActivityHandler {
  /** The service URL last written per conversation, so unchanged ones cost no write. */
  private readonly knownServiceUrls = new Map<string, string>();
  private readonly learning: UserLearning;
  private readonly welcome: PersonalWelcome;
  private readonly once: AnswerOnce;
  /** What clicks leave to do after their answer: card tasks to let go (see letGo), what they taught. */
  private readonly afterAnswer: AfterAnswers;

  constructor(
    private readonly services: Services,
    private readonly gate: AccessGate,
    private readonly membership: Pick<TeamMembership, 'forgetAll'>,
  ) {
    super();
    this.learning = new UserLearning(services.users, services.conversations, (userId) => planDigest(services, userId));
    this.welcome = new PersonalWelcome(services);
    this.afterAnswer = new AfterAnswers(services.log);
    this.once = new AnswerOnce(services.answeredInvokes, services.clock);
    this.onTurn(async (turn, next) => {
      const access = await this.gate.admit(turn, actorOf(turn));
      if (!access) return;
      turn.turnState.set(ACCESS, access);
      await this.refreshServiceUrls(turn);
      if (turn.activity.type !== ActivityTypes.Invoke) {
        await this.learning.learnFrom(turn, actorOf(turn));
        return next();
      }
      // A click answers first: what it taught is kept after (taken now, while the turn runs).
      const lesson = lessonOf(turn);
      const actor = actorOf(turn);
      await next();
      this.afterAnswer.run(
        () => this.learning.keep(lesson, actor),
        `what an activity of ${actor.id} taught is learned from their next one`,
      );
    });
    this.onMessage(async (turn, next) => {
      await this.handleMessage(turn);
      await next();
    });
    this.onInstallationUpdateAdd(async (turn, next) => {
      await this.installed(turn);
      await next();
    });
    this.onTeamsMembersAddedEvent(async (membersAdded, _teamInfo, turn, next) => {
      if (membersAdded.some((m) => m.id === turn.activity.recipient.id)) await this.installed(turn);
      await next();
    });
    this.onInstallationUpdateRemove(async (turn, next) => {
      await this.uninstalled(turn);
      await next();
    });
    this.onTeamsMembersRemovedEvent(async (membersRemoved, _teamInfo, turn, next) => {
      if (membersRemoved.some((m) => m.id === turn.activity.recipient.id)) await this.uninstalled(turn);
      await next();
    });
  }

  /** Resolves once the answers given so far are kept (see AnswerOnce), and what clicks left to do after them done. */
  async whenIdle(): Promise<void> {
    await this.once.whenIdle();
    await this.afterAnswer.whenIdle();
  }

  protected override async onAdaptiveCardInvoke(
    turn: TurnContext,
    value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const actor = actorOf(turn);
    // The endpoint lets through only a string verb; any word may come, so only the table's own keys count.
    const { verb } = value.action;
    const handler = handlerOf(verb);
    if (!handler) {
      this.services.log.info(`card action refused: unknown verb ${JSON.stringify(verb).slice(0, 80)}`);
      return messageResponse((await servicesForClick(this.services, turn, actor)).strings.actions.unknownAction);
    }
    // The first reads of a click go out together (the user's language, the referral it names, and
    // for a change, its card task held and the user's view): a click waits for as few round trips
    // to storage as it can. A click that changes its referral saves its id with the change (see AnswerOnce).
    const named = referralIdIn(value.action.data);
    const click = AnswerOnce.clickOf(turn.activity.id, actor);
    const ahead =
      named !== undefined && changesTheReferral(handler) ? lookAhead(this.services, named, actor, click) : undefined;
    const reading = ahead ? ahead.read.then(({ stored }) => stored) : named && this.services.referrals.get(named);
    const first = reading ? handled(reading) : undefined;
    const readNamed = (id: string) => (id === named && first ? first : this.services.referrals.get(id));
    const speaking = handled(servicesForClick(this.services, turn, actor));
    const access = accessOf(turn);
    const act = async (): Promise<ActionOutcome> => {
      const services = await speaking;
      try {
        if (!(await mayReach(services, access, named, readNamed))) {
          return { response: messageResponse(services.strings.actions.notFound), keep: true };
        }
        const response = await handler({ turn, data: value.action.data, actor, services, access, readNamed, ahead });
        await this.keepDirectCardInStep(turn, value.action.data, actor, response);
        return { response, keep: true };
      } catch (error) {
        // Storage that cannot be reached fails the request, so Teams delivers the click again.
        if (isStorageUnavailable(error)) throw error;
        services.log.error(`action ${verb} failed`, error);
        return { response: messageResponse(services.strings.actions.failed), keep: false };
      }
    };
    try {
      if (!isAnsweredOnce(verb)) return (await act()).response;
      if (ahead?.click) return await this.once.answerBySave(ahead.click, act);
      return await this.once.answer(
        { activityId: turn.activity.id, actor, referralId: named, services: speaking },
        act,
      );
    } finally {
      if (ahead) this.letGo(ahead, readNamed(ahead.referralId));
    }
  }

  /**
   * Lets go of the card task a click held as it came in (see lookAhead), once the click is
   * answered: released to run now (it shows the card as it is, changed or not), or dropped
   * when the click named no stored referral.
   */
  private letGo(ahead: LookAhead, read: Promise<StoredReferral | null>): void {
    const { outbox, cards } = this.services;
    this.afterAnswer.run(async () => {
      const [task, stored] = await Promise.all([ahead.held, read]);
      if (!stored && task.created) await outbox.dropHeld(task);
      else cards.release(ahead.referralId);
    }, `the card task of referral ${ahead.referralId} falls due when its hold runs out`);
  }

  private async handleMessage(turn: TurnContext): Promise<void> {
    const text = TurnContext.removeRecipientMention(turn.activity) ?? turn.activity.text ?? '';
    const actor = actorOf(turn);
    const services = await servicesForMessage(this.services, turn, actor);
    // A user who writes before (or without) Teams announcing the personal install meets the bot first.
    if (isPersonalChat(turn)) await this.welcome.once(turn, actor, services.strings);
    await runCommandText({ turn, actor, services, access: accessOf(turn) }, text);
  }

  /**
   * Added to a team: keep its reference and say hello once (Teams may announce it twice).
   * Installed personally: keep the chat's reference and welcome the user once.
   */
  private async installed(turn: TurnContext): Promise<void> {
    const team = teamsChannelData(turn).team;
    if (!team?.id) {
      await this.services.conversations.put(
        'personal',
        turn.activity.conversation.id,
        TurnContext.getConversationReference(turn.activity),
      );
      if (isPersonalChat(turn))
        await this.welcome.once(turn, actorOf(turn), (await servicesFor(this.services, actorOf(turn).id)).strings);
      return;
    }
    const isNew = await this.services.conversations.addIfNew(
      'team',
      team.id,
      TurnContext.getConversationReference(turn.activity),
      actorOf(turn).id,
    );
    if (!isNew) return;
    this.membership.forgetAll();
    const w = this.services.strings.welcome;
    const card = renderWelcomeCard({
      title: w.title,
      intro: w.intro,
      howToLink: w.howToLink,
      example: w.example,
      regions: w.regions(validRegionCodes(this.services.regions)),
      more: w.more,
    });
    await turn.sendActivity({ attachments: [cardAttachment(card)] });
  }

  /**
   * Removed from a team: the team is forgotten, and so are its channels' links and languages, so its
   * referrals wait for another channel instead of going where nobody reads them.
   */
  private async uninstalled(turn: TurnContext): Promise<void> {
    const teamId = teamsChannelData(turn).team?.id;
    if (!teamId) return;
    // Links first: should this stop half-way, no referral goes on to a team that left.
    for (const link of await this.services.links.list()) {
      if (link.channel.teamId === teamId) await this.services.links.remove(link.target);
    }
    for (const channel of await this.services.channelLanguages.list()) {
      if (channel.teamId === teamId) await this.services.channelLanguages.forget(channel.channelId);
    }
    await this.services.conversations.remove('team', teamId);
    this.membership.forgetAll();
    this.services.log.info(`removed from team ${teamId}: its channel links are gone`);
  }

  /**
   * A referral's card answered in someone's 1:1 chat replaces the message there: from now on
   * it follows the referral's changes like the channel card does.
   */
  private async keepDirectCardInStep(
    turn: TurnContext,
    data: unknown,
    viewer: Actor,
    response: AdaptiveCardInvokeResponse,
  ): Promise<void> {
    const referralId = referralIdIn(data);
    const { conversation, replyToId } = turn.activity;
    if (conversation?.conversationType !== 'personal' || !replyToId || !referralId) return;
    if (response.type !== ADAPTIVE_CARD_CONTENT_TYPE || !isReferralCard(response.value)) return;
    const stored = await this.services.referrals.get(referralId);
    if (!stored) return;
    await this.services.directCards.track({
      referralId,
      chatId: conversation.id,
      activityId: replyToId,
      viewer,
      text: '',
      reminder: false,
      revision: stored.record.desk.revision,
    });
  }

  /** Teams may move a conversation to another service URL: every activity brings the current one. */
  private async refreshServiceUrls(turn: TurnContext): Promise<void> {
    const serviceUrl = turn.activity.serviceUrl;
    if (!serviceUrl) return;
    const data = teamsChannelData(turn);
    const targets: [ConversationKind, string | undefined][] = [
      ['team', data.team?.id],
      ['channel', data.channel?.id],
      [
        'personal',
        turn.activity.conversation?.conversationType === 'personal' ? turn.activity.conversation.id : undefined,
      ],
    ];
    for (const [kind, id] of targets) {
      if (!id) continue;
      const key = `${kind}/${id}`;
      if (this.knownServiceUrls.get(key) === serviceUrl) continue;
      await this.services.conversations.refreshServiceUrl(kind, id, serviceUrl);
      this.knownServiceUrls.set(key, serviceUrl);
    }
  }
}

/** The promise, its failure left to whoever awaits it: one nobody comes to await (the click ended first) is not an unhandled rejection. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** The referral a card action's data names, if it names one. */
function referralIdIn(data: unknown): string | undefined {
  const referralId = (data as { referralId?: unknown } | null | undefined)?.referralId;
  return typeof referralId === 'string' ? referralId : undefined;
}

/** Who sent the activity: the AAD object id when Teams sends one (stable across chats), else the Teams id. */
export function actorOf(turn: TurnContext): Actor {
  const from = turn.activity.from;
  return { id: from.aadObjectId ?? from.id, name: from.name ?? from.id, teamsId: from.id };
}
