import assert from 'node:assert/strict';
import { VERBS } from '../../cards/verbs';
import { en } from '../../bot/strings/en';
import { BotHarness } from '../support/botHarness';
import { withConsoleOutput } from '../support/consoleOutput';
import { RecordingLogger } from '../support/recordingLogger';
import { personalCardAction, personalChat, personalMessage, USERS, type User } from '../support/teamsActivities';

/** Nothing of `user` was stored: no profile, no personal chat. */
async function assertNothingStoredFor(h: BotHarness, user: User, what: string): Promise<void> {
  assert.equal(await h.services.users.get(user.aadObjectId), null, `${what}: no profile`);
  assert.equal(await h.services.conversations.get('personal', personalChat(user)), null, `${what}: no conversation`);
}

describe('hostile input to /api/messages (over HTTP)', () => {
  const log = new RecordingLogger();
  let h: BotHarness;

  before(async () => {
    h = await new BotHarness({}, { log }).start();
  });
  after(async () => {
    await h?.stop();
  });
  beforeEach(() => {
    log.take();
  });

  const message = personalMessage('http://127.0.0.1:9/', 'help', USERS.bob);
  const bodies: [string, string, string][] = [
    ['an array', '[]', 'The body is not a JSON object (a Bot Framework activity)'],
    ['a string', '"message"', 'The body is not a JSON object (a Bot Framework activity)'],
    ['null', 'null', 'The body is not a JSON object (a Bot Framework activity)'],
    ['an activity without a type', JSON.stringify({ ...message, type: undefined }), 'The activity has no type'],
    ['an activity whose type is a number', JSON.stringify({ ...message, type: 7 }), 'The activity has no type'],
    ['an activity without a sender', JSON.stringify({ ...message, from: 'bob' }), 'The activity has no from.id'],
    [
      'an activity without a service URL',
      JSON.stringify({ ...message, serviceUrl: '' }),
      'The activity has no serviceUrl',
    ],
  ];
  for (const [what, body, problem] of bodies) {
    it(`answers ${what} with 400 naming the problem, storing nothing`, async () => {
      const answer = await h.post('/api/messages', body);
      assert.equal(answer.status, 400);
      assert.deepEqual(answer.body, { error: 'invalid_activity', message: problem });
      assert.deepEqual(log.take(), [`info: Teams request refused (400): ${problem}`]);
      await assertNothingStoredFor(h, USERS.bob, what);
      assert.equal(h.connector.requests.length, 0);
    });
  }

  it('answers a body that is not JSON with 400', async () => {
    const answer = await h.post('/api/messages', '{"type": "message",');
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error, 'malformed_json');
    assert.deepEqual(log.take(), ['info: Teams request refused (400): the body is not valid JSON']);
  });

  const values: [string, unknown, string][] = [
    ['a string value', 'accept', 'value must be an object'],
    ['a number value', 42, 'value must be an object'],
    ['no value', undefined, 'value must be an object'],
    ['a value without action', { trigger: 'manual' }, 'value.action must be an object'],
    ['an action that is a string', { action: VERBS.accept }, 'value.action must be an object'],
    [
      'an action of another type',
      { action: { type: 'Action.Submit', verb: VERBS.refresh } },
      'value.action.type must be Action.Execute',
    ],
    ['a verb that is a number', { action: { type: 'Action.Execute', verb: 3 } }, 'value.action.verb must be a string'],
    [
      'a verb that is an object',
      { action: { type: 'Action.Execute', verb: { toString: 'x' } } },
      'value.action.verb must be a string',
    ],
  ];
  for (const [what, value, problem] of values) {
    it(`answers a card action with ${what} with an invoke response of 400, posting and storing nothing`, async () => {
      const activity = { ...personalCardAction(h.serviceUrl, 'card-1', VERBS.refresh, {}, USERS.bob), value };
      const { result: answer, printed } = await withConsoleOutput(() => h.activity(activity));
      assert.equal(answer.status, 400);
      const invokeResponse = {
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { code: 'BadRequest', message: problem },
      };
      assert.deepEqual(answer.body, invokeResponse);
      assert.deepEqual(log.take(), [`info: Teams request refused (400): card action: ${problem}`]);
      assert.deepEqual(printed, []);
      await assertNothingStoredFor(h, USERS.bob, what);
      assert.equal(h.connector.requests.length, 0, 'nothing is posted to the chat');
    });
  }

  for (const verb of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'referral.explode']) {
    it(`answers the verb ${verb} with "unknown action" and one log line, posting nothing`, async () => {
      const answer = await h.activity(
        personalCardAction(h.serviceUrl, 'card-1', verb, { referralId: 'r-1' }, USERS.alice),
      );
      assert.equal(answer.status, 200);
      const invokeResponse = {
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: en.actions.unknownAction,
      };
      assert.deepEqual(answer.body, invokeResponse);
      assert.deepEqual(log.take(), [`info: card action refused: unknown verb ${JSON.stringify(verb)}`]);
      assert.equal(h.connector.calls.length, 0, 'nothing is posted to the chat');
    });
  }
});
