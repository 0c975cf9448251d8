import assert from 'node:assert/strict';
import type { ConversationReference } from 'botbuilder';
import { ConversationRepository } from '../../bot/store/conversationRepository';
import { freshStorage } from '../support/rootHooks';

const CHANNEL_ID = '19:emea-channel@thread.tacv2';

function reference(
  conversationId: string,
  serviceUrl = 'https://smba.trafficmanager.net/emea/',
): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl,
    bot: { id: '28:bot-id', name: 'Referral Desk' },
    conversation: {
      id: conversationId,
      isGroup: true,
      conversationType: 'channel',
      tenantId: 'tenant-1',
      name: 'Referrals EMEA',
    },
  };
}

describe('store: ConversationRepository', () => {
  let conversations: ConversationRepository;

  beforeEach(async () => {
    const { storage } = await freshStorage();
    conversations = new ConversationRepository(storage.client('conversations'));
  });

  it('returns null for an unknown conversation', async () => {
    assert.equal(await conversations.get('channel', '19:nobody@thread.tacv2'), null);
  });

  it('adds a reference the first time and reports it, then refuses without writing', async () => {
    const first = reference(CHANNEL_ID);
    assert.equal(await conversations.addIfNew('channel', CHANNEL_ID, first), true);
    assert.equal(
      await conversations.addIfNew('channel', CHANNEL_ID, reference(CHANNEL_ID, 'https://elsewhere.example/')),
      false,
    );
    assert.deepEqual(await conversations.get('channel', CHANNEL_ID), first);
  });

  it('keeps kinds apart for the same conversation id', async () => {
    await conversations.addIfNew('team', CHANNEL_ID, reference(CHANNEL_ID, 'https://team.example/'));
    assert.equal(await conversations.get('channel', CHANNEL_ID), null);
    assert.equal(await conversations.addIfNew('channel', CHANNEL_ID, reference(CHANNEL_ID)), true);
    assert.equal((await conversations.get('team', CHANNEL_ID))?.serviceUrl, 'https://team.example/');
    assert.equal((await conversations.get('channel', CHANNEL_ID))?.serviceUrl, 'https://smba.trafficmanager.net/emea/');
  });

  it('refreshes the stored service URL and keeps the rest of the reference', async () => {
    const stored = reference(CHANNEL_ID);
    await conversations.addIfNew('channel', CHANNEL_ID, stored);

    await conversations.refreshServiceUrl('channel', CHANNEL_ID, 'https://smba.trafficmanager.net/amer/');

    assert.deepEqual(await conversations.get('channel', CHANNEL_ID), {
      ...stored,
      serviceUrl: 'https://smba.trafficmanager.net/amer/',
    });
  });

  it('does not create a reference when refreshing an unknown one', async () => {
    await conversations.refreshServiceUrl('personal', 'a:unknown', 'https://smba.trafficmanager.net/amer/');
    assert.equal(await conversations.get('personal', 'a:unknown'), null);
  });

  it('replaces a reference with put', async () => {
    await conversations.addIfNew('channel', CHANNEL_ID, reference(CHANNEL_ID));
    const replacement = {
      ...reference(CHANNEL_ID, 'https://new.example/'),
      conversation: { id: CHANNEL_ID, isGroup: true, conversationType: 'channel', name: 'Renamed' },
    };
    await conversations.put('channel', CHANNEL_ID, replacement);
    assert.deepEqual(await conversations.get('channel', CHANNEL_ID), replacement);
  });

  it('stores ids with characters table keys forbid', async () => {
    const id = 'a:1Xy/z#q?r\\s;messageid=1';
    const personal = reference(id);
    assert.equal(await conversations.addIfNew('personal', id, personal), true);
    assert.deepEqual(await conversations.get('personal', id), personal);
    assert.equal(await conversations.addIfNew('personal', id, personal), false);
  });
});
