import assert from 'node:assert/strict';
import { BotHarness } from '../support/botHarness';
import {
  CHANNELS,
  channelMessage,
  clientInfo,
  personalChat,
  personalMessage,
  TENANT,
  USERS,
} from '../support/teamsActivities';

describe('what the bot learns of its users (HTTP, Azurite)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await new BotHarness().start();
  });
  afterEach(async () => h.stop());

  it("keeps a user's Teams id, name, 1:1 chat, and the time zone and locale their client reports", async () => {
    assert.equal(
      (await h.activity({ ...personalMessage(h.serviceUrl, 'help'), entities: clientInfo('Europe/Berlin') })).status,
      200,
    );
    const alice = await h.services.users.get(USERS.alice.aadObjectId);
    assert.deepEqual(alice, {
      id: USERS.alice.aadObjectId,
      teamsId: USERS.alice.id,
      name: USERS.alice.name,
      tenantId: TENANT.id,
      serviceUrl: h.serviceUrl,
      chatId: personalChat(USERS.alice),
      timeZone: 'Europe/Berlin',
      locale: 'en-US',
      welcomedAt: '2026-11-23T09:00:00.000Z',
    });
    const chat = await h.services.conversations.get('personal', personalChat(USERS.alice));
    assert.equal(chat?.conversation?.id, personalChat(USERS.alice), 'the chat is kept for direct messages');
  });

  it('follows the user to another zone (localTimezone), ignores zones that are no zones, and keeps one the user chose', async () => {
    await h.activity({ ...channelMessage(h.serviceUrl, CHANNELS.emea, 'help'), localTimezone: 'America/New_York' });
    assert.equal((await h.services.users.get(USERS.alice.aadObjectId))?.timeZone, 'America/New_York');
    await h.activity({ ...channelMessage(h.serviceUrl, CHANNELS.emea, 'help'), localTimezone: 'Not/AZone' });
    assert.equal((await h.services.users.get(USERS.alice.aadObjectId))?.timeZone, 'America/New_York');

    await h.services.users.choose(USERS.alice.aadObjectId, {
      timeZone: 'Asia/Tokyo',
      hours: { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5] },
    });
    await h.activity({ ...personalMessage(h.serviceUrl, 'help'), entities: clientInfo('Europe/Berlin') });
    const alice = await h.services.users.get(USERS.alice.aadObjectId);
    assert.equal(alice?.timeZone, 'Asia/Tokyo');
    assert.equal(alice?.chatId, personalChat(USERS.alice), 'the rest is still learned');
  });
});
