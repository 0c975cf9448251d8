import assert from 'node:assert/strict';
import { VERBS } from '../../cards/verbs';
import { BotHarness } from '../support/botHarness';
import { hostile, HOSTILE_NOTES, hostilePcReferral, MALLORY } from '../support/hostileText';
import { asShown, inputValuesOf, markdownTextsOf, unescapedMarkup } from '../support/markdownText';
import {
  botAddedToTeam,
  cardAction,
  channelMessage,
  personalChat,
  personalMessage,
  teamMember,
  USERS,
  type Channel,
  type User,
} from '../support/teamsActivities';
import { ACCEPT_FORM, attachmentsOf, cardOf, cardPosts, cardText, replies } from './flows';

/** A channel, and a user, whose names as Teams reports them are hostile text. */
const CHANNEL: Channel = { id: '19:hostile-channel@thread.tacv2', name: hostile('channel') };
const MALLORY_USER: User = { id: MALLORY.teamsId!, aadObjectId: MALLORY.id, name: MALLORY.name };
const REFERRAL = hostilePcReferral();
const ID = REFERRAL.id as string;

/** Text that would render as a link, emphasis and a date if the bot echoed it as it is. */
const TYPED = '**bold** [click](https://evil.example) {{DATE(2026-01-01T00:00:00Z)}}';

/** Whether a card shows `typed` as it was typed, in one of its texts. */
const shows = (card: unknown, typed: string) => markdownTextsOf(card).some((text) => asShown(text).includes(typed));

/** One desk through one story: each case goes on from where the one before left it. */
describe('what customers and users typed, shown as typed (over HTTP)', () => {
  let h: BotHarness;
  before(async () => {
    h = await new BotHarness({ DESK_ADMINS: USERS.alice.aadObjectId }).start();
    h.connector.members = [USERS.alice, USERS.bob, MALLORY_USER].map(teamMember);
    assert.equal((await h.activity(botAddedToTeam(h.serviceUrl))).status, 200);
  });
  after(async () => h.stop());

  /** Sends `activity`; the one text reply the bot wrote in `conversation` for it. */
  async function answerTo(activity: object, conversation: string): Promise<string> {
    const before = replies(h.connector.calls, conversation).length;
    assert.equal((await h.activity(activity)).status, 200);
    const answers = replies(h.connector.calls, conversation);
    assert.equal(answers.length, before + 1, 'one answer');
    return answers.at(-1)!;
  }

  it("echoes codes it does not know and the channel's name as typed", async () => {
    const unknown = await answerTo(channelMessage(h.serviceUrl, CHANNEL, `link ${TYPED}`), CHANNEL.id);
    assert.deepEqual(unescapedMarkup(unknown), []);
    assert.ok(
      asShown(unknown).includes('"**bold**"') && asShown(unknown).includes('"[click](https://evil.example)"'),
      unknown,
    );
    const linked = await answerTo(channelMessage(h.serviceUrl, CHANNEL, 'link emea'), CHANNEL.id);
    assert.deepEqual(unescapedMarkup(linked), []);
    assert.ok(asShown(linked).endsWith(`now go to ${CHANNEL.name}.`), linked);
  });

  it("posts a hostile referral's card showing every field as typed, the accept form holding it raw", async () => {
    assert.equal((await h.deliver(REFERRAL)).status, 202);
    await h.connector.waitFor(
      (calls) => cardPosts(calls, CHANNEL.id).some((c) => cardText(c).includes(ID)),
      'the card',
    );
    const card = cardOf(cardPosts(h.connector.calls, CHANNEL.id).find((c) => cardText(c).includes(ID))!);
    assert.deepEqual(markdownTextsOf(card).flatMap(unescapedMarkup), []);
    for (const typed of [
      hostile('deal'),
      hostile('customer'),
      hostile('city'),
      hostile('contact first'),
      ...HOSTILE_NOTES.split('\n'),
    ]) {
      assert.ok(shows(card, typed), `shows ${typed}`);
    }
    assert.ok(!shows(card, `${ID} `), 'the template expression typed is not evaluated');
    assert.equal(inputValuesOf(card).dealName, hostile('deal'));
  });

  it('names who accepted as Teams reports them, and keeps the deal name as they typed it', async () => {
    const post = cardPosts(h.connector.calls, CHANNEL.id).find((c) => cardText(c).includes(ID))!;
    const form = { referralId: ID, ...ACCEPT_FORM, dealName: hostile('deal name') };
    const answer = await h.activity(
      cardAction(h.serviceUrl, CHANNEL, post.answeredId!, VERBS.accept, form, MALLORY_USER),
    );
    assert.equal(answer.body.type, 'application/vnd.microsoft.card.adaptive', JSON.stringify(answer.body));
    const card = answer.body.value;
    assert.deepEqual(markdownTextsOf(card).flatMap(unescapedMarkup), []);
    assert.ok(shows(card, `Accepted by ${MALLORY.name} on `));
    assert.ok(shows(card, hostile('deal name')));
    assert.equal((await h.services.referrals.get(ID))?.record.referral.name, hostile('deal name'), 'stored as typed');
  });

  it('tells the colleague Mallory hands the deal to who handed them what, as typed', async () => {
    const post = cardPosts(h.connector.calls, CHANNEL.id).find((c) => cardText(c).includes(ID))!;
    const form = { referralId: ID, newOwnerEmail: 'bob@partner.example' };
    const handOver = cardAction(h.serviceUrl, CHANNEL, post.answeredId!, VERBS.reassign, form, MALLORY_USER);
    assert.equal((await h.activity(handOver)).status, 200);
    await h.settle();
    const toBob = h.connector
      .callsOf('create')
      .filter((c) => JSON.stringify(c.body.members) === JSON.stringify([{ id: USERS.bob.id }]));
    const chats = new Set(toBob.map((c) => c.answeredId));
    const dm = h.connector.calls.find((c) => c.kind === 'send' && chats.has(c.conversationId))!;
    const text = String(dm.body.text);
    assert.deepEqual(unescapedMarkup(text), []);
    assert.equal(
      asShown(text),
      `${MALLORY.name} handed you ${hostile('deal name')} (${hostile('customer')}): you are its owner now.`,
    );
  });

  it('names managers as Teams reports them, added or listed', async () => {
    const added = await answerTo(
      channelMessage(h.serviceUrl, CHANNEL, 'managers add mallory@partner.example emea'),
      CHANNEL.id,
    );
    assert.deepEqual(unescapedMarkup(added), []);
    assert.ok(asShown(added).startsWith(`Done: ${MALLORY.name} now manages`), added);
    const list = await answerTo(channelMessage(h.serviceUrl, CHANNEL, 'managers'), CHANNEL.id);
    assert.ok(list.startsWith('**Region managers**'), 'the list keeps its own bold');
    const emea = list.split('\n').find((line) => line.includes('(emea)**: '))!;
    const people = emea.slice(emea.indexOf('**: ') + 4);
    assert.deepEqual(unescapedMarkup(people), []);
    assert.ok(asShown(people).startsWith(`${MALLORY.name} (added by Alice Rep on `), people);
  });

  it('echoes an unknown command and a search in the personal chat as typed, and names channels as typed', async () => {
    const chat = personalChat(USERS.alice);
    const unknown = await answerTo(personalMessage(h.serviceUrl, TYPED), chat);
    assert.deepEqual(unescapedMarkup(unknown), []);
    assert.ok(asShown(unknown).includes(`"${TYPED}"`), unknown);

    const query = 'deal **name** [evil](x)';
    assert.equal((await h.activity(personalMessage(h.serviceUrl, `find ${query}`))).status, 200);
    const found = h.connector.calls.filter((c) => c.conversationId === chat && attachmentsOf(c).length > 0).at(-1)!;
    const card = cardOf(found);
    assert.deepEqual(markdownTextsOf(card).flatMap(unescapedMarkup), []);
    assert.ok(shows(card, `Found for "${query}"`));
    assert.ok(shows(card, hostile('deal name')), 'the deal found, by the name as typed');

    assert.equal((await h.activity(personalMessage(h.serviceUrl, 'links'))).status, 200);
    const links = cardOf(
      h.connector.calls.filter((c) => c.conversationId === chat && attachmentsOf(c).length > 0).at(-1)!,
    );
    assert.deepEqual(markdownTextsOf(links).flatMap(unescapedMarkup), []);
    assert.ok(shows(links, CHANNEL.name));
  });
});
