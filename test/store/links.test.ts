import assert from 'node:assert/strict';
import type { ChannelLink } from '../../bot/domain/routing';
import { ChannelLinkRepository } from '../../bot/store/channelLinkRepository';
import { freshStorage } from '../support/rootHooks';

const EMEA: ChannelLink = {
  target: { kind: 'region', code: 'emea' },
  channel: {
    conversationId: '19:emea-channel@thread.tacv2',
    teamId: '19:team@thread.tacv2',
    channelName: 'Referrals EMEA',
  },
};
const GERMANY: ChannelLink = {
  target: { kind: 'country', code: 'DE' },
  channel: {
    conversationId: '19:germany-channel@thread.tacv2',
    teamId: '19:team@thread.tacv2',
    channelName: 'Referrals DACH',
  },
};
const FALLBACK: ChannelLink = {
  target: { kind: 'fallback', code: 'fallback' },
  channel: { conversationId: '19:general@thread.tacv2', teamId: '19:team@thread.tacv2', channelName: 'General' },
};

const byCode = (links: ChannelLink[]) => [...links].sort((a, b) => a.target.code.localeCompare(b.target.code));

describe('store: ChannelLinkRepository', () => {
  let links: ChannelLinkRepository;

  beforeEach(async () => {
    const { storage } = await freshStorage();
    links = new ChannelLinkRepository(storage.client('channelLinks'));
  });

  it('lists nothing at first', async () => {
    assert.deepEqual(await links.list(), []);
  });

  it('lists what was put, target and channel', async () => {
    await links.put(EMEA);
    await links.put(GERMANY);
    await links.put(FALLBACK);
    assert.deepEqual(byCode(await links.list()), byCode([EMEA, GERMANY, FALLBACK]));
  });

  it('replaces the channel when the same target is put again', async () => {
    await links.put(EMEA);
    await links.put(GERMANY);
    const moved: ChannelLink = {
      target: { kind: 'region', code: 'emea' },
      channel: {
        conversationId: '19:new-emea@thread.tacv2',
        teamId: '19:other-team@thread.tacv2',
        channelName: 'EMEA deals',
      },
    };

    await links.put(moved);

    assert.deepEqual(byCode(await links.list()), byCode([GERMANY, moved]));
  });

  it('drops channel details the new link does not have', async () => {
    await links.put(EMEA);
    await links.put({ target: EMEA.target, channel: { conversationId: '19:bare@thread.tacv2' } });
    const [only] = await links.list();
    assert.equal(only.channel.conversationId, '19:bare@thread.tacv2');
    assert.equal(only.channel.teamId, undefined);
    assert.equal(only.channel.channelName, undefined);
  });

  it('removes a link and reports it', async () => {
    await links.put(EMEA);
    await links.put(GERMANY);

    assert.equal(await links.remove({ kind: 'country', code: 'DE' }), true);

    assert.deepEqual(await links.list(), [EMEA]);
  });

  it('returns false when removing a target that has no link', async () => {
    await links.put(EMEA);
    assert.equal(await links.remove({ kind: 'region', code: 'apac' }), false);
    assert.equal(await links.remove({ kind: 'fallback', code: 'fallback' }), false);
    assert.deepEqual(await links.list(), [EMEA]);
  });

  it('returns false when removing the same link twice', async () => {
    await links.put(FALLBACK);
    assert.equal(await links.remove(FALLBACK.target), true);
    assert.equal(await links.remove(FALLBACK.target), false);
    assert.deepEqual(await links.list(), []);
  });

  it('keeps channel ids with characters table keys forbid', async () => {
    const odd: ChannelLink = {
      target: { kind: 'region', code: 'latam-south' },
      channel: {
        conversationId: '19:a/b#c?d\\e@thread.tacv2',
        teamId: '19:t/1@thread.tacv2',
        channelName: 'Süd / Amérique #1',
      },
    };
    await links.put(odd);
    assert.deepEqual(await links.list(), [odd]);
    assert.equal(await links.remove(odd.target), true);
  });
});
