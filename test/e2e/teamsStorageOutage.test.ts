import assert from 'node:assert/strict';
import { VERBS } from '../../cards/verbs';
import { RETRY_AFTER_SECONDS } from '../../bot/http/teamsEndpoint';
import { en } from '../../bot/strings/en';
import { BotHarness, type HttpAnswer } from '../support/botHarness';
import { withConsoleOutput } from '../support/consoleOutput';
import { GatedProxy } from '../support/gatedProxy';
import { RecordingLogger } from '../support/recordingLogger';
import { embeddedConnectionString } from '../support/rootHooks';
import { personalCardAction, personalChat, personalMessage, USERS } from '../support/teamsActivities';

describe('Teams activities while storage is unreachable (over HTTP)', () => {
  const log = new RecordingLogger();
  let proxy: GatedProxy;
  let h: BotHarness;

  before(async () => {
    const tableEndpoint = /TableEndpoint=(http:\/\/[^/;]+)/.exec(embeddedConnectionString())![1];
    proxy = new GatedProxy(tableEndpoint);
    await proxy.start();
    proxy.open();
    h = await new BotHarness(
      { TABLES_CONNECTION_STRING: embeddedConnectionString().replace(tableEndpoint, proxy.url) },
      { log, tableRetries: { maxRetries: 1, retryDelayInMs: 1, maxRetryDelayInMs: 1 } },
    ).start();
  });
  after(async () => {
    await h?.stop();
    await proxy?.stop();
  });

  /** Sends `activity` and checks the answer is a 503 Teams retries, naming no address, with one log line and nothing posted. */
  async function assertRetryLater(activity: object, what: string): Promise<void> {
    const postedBefore = h.connector.requests.length;
    log.take();
    const { result: answer, printed } = await withConsoleOutput<HttpAnswer>(() => h.activity(activity));
    assert.equal(answer.status, 503, `${what}: ${JSON.stringify(answer.body)}`);
    assert.equal(answer.headers.get('retry-after'), String(RETRY_AFTER_SECONDS), what);
    assert.equal(answer.body.error, 'storage_unavailable', what);
    assert.ok(
      !JSON.stringify(answer.body).includes(new URL(proxy.url).host),
      `${what}: the body names no internal address`,
    );
    assert.ok(!JSON.stringify(answer.body).includes('127.0.0.1'), `${what}: the body names no internal address`);
    const lines = log.take();
    assert.equal(lines.length, 1, `${what}: ${lines.join('\n')}`);
    assert.match(
      lines[0],
      /^info: Teams request refused \(503\): \w+ activity not handled: storage is unavailable \(E[A-Z]+\)$/,
      what,
    );
    assert.deepEqual(printed, [], what);
    assert.equal(
      h.connector.requests.length,
      postedBefore,
      `${what}: nothing is posted, "Something went wrong" least of all`,
    );
  }

  it('answers a message and a card action with 503 and Retry-After, and handles them once storage is back', async () => {
    const hello = await h.activity(personalMessage(h.serviceUrl, 'help'));
    assert.equal(hello.status, 200, 'with storage reachable the bot answers');
    const answered = h.connector.calls.length;
    assert.ok(answered > 0, 'in the chat');

    proxy.failWhen(() => true, 'close');
    const myDeals = personalMessage(h.serviceUrl, 'my deals');
    const refresh = personalCardAction(h.serviceUrl, 'card-1', VERBS.refresh, { referralId: 'no-such-referral' });
    await assertRetryLater(myDeals, 'a message');
    await assertRetryLater(refresh, 'a card action');
    await assertRetryLater(personalMessage(h.serviceUrl, 'help', USERS.bob), "a new user's message");

    // Only the referrals are out of reach: the click fails inside its action, and still asks to be sent again.
    proxy.failWhen((req) => /referrals/.test(req.url ?? ''), 'close');
    await assertRetryLater(refresh, 'a card action failing in its handler');

    proxy.open();
    const again = await h.activity(refresh);
    assert.equal(again.status, 200);
    assert.equal(again.body.value, en.actions.notFound, 'Teams delivering the click again gets the answer');
    assert.equal((await h.activity(myDeals)).status, 200);
    assert.equal(h.connector.calls.length, answered + 1, 'and the message its answer in the chat');
    assert.ok(await h.services.conversations.get('personal', personalChat(USERS.alice)));
  });
});
