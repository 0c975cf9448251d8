import assert from 'node:assert/strict';
import { CHANNEL_LANGUAGES_KEPT_MS, ChannelLanguageRepository } from '../../bot/store/channelLanguageRepository';
import { ChannelLinkRepository } from '../../bot/store/channelLinkRepository';
import type { TableStorage } from '../../bot/store';
import { freshStorage } from '../support/rootHooks';

const EMEA = '19:emea-channel@thread.tacv2';
const ODD = '19:odd/channel#with?chars@thread.tacv2';
const TEAM = '19:team@thread.tacv2';

describe('store: ChannelLanguageRepository', () => {
  let storage: TableStorage;
  let languages: ChannelLanguageRepository;

  beforeEach(async () => {
    ({ storage } = await freshStorage());
    languages = new ChannelLanguageRepository(storage.client('channelLinks'));
  });

  it("keeps each channel's choice, replaces it when chosen again, and forgets it", async () => {
    assert.deepEqual(await languages.list(), []);
    await languages.choose({ channelId: EMEA, language: 'ko', teamId: TEAM });
    await languages.choose({ channelId: ODD, language: 'ja' });
    await languages.choose({ channelId: EMEA, language: 'zh-Hant', teamId: TEAM });
    assert.equal(await languages.of(EMEA), 'zh-Hant');
    assert.equal(await languages.of(ODD), 'ja');
    assert.equal(await languages.of('19:other@thread.tacv2'), undefined);
    assert.deepEqual(
      (await languages.list()).sort((a, b) => a.channelId.localeCompare(b.channelId)),
      [
        { channelId: EMEA, language: 'zh-Hant', teamId: TEAM },
        { channelId: ODD, language: 'ja' },
      ],
    );
    assert.equal(await languages.forget(EMEA), true);
    assert.equal(await languages.forget(EMEA), false, 'nothing left to forget');
    assert.equal(await languages.of(EMEA), undefined);
  });

  it('sits beside the links in their table without showing among them', async () => {
    const links = new ChannelLinkRepository(storage.client('channelLinks'));
    await links.put({ target: { kind: 'region', code: 'emea' }, channel: { conversationId: EMEA } });
    await languages.choose({ channelId: EMEA, language: 'ko' });
    assert.deepEqual(
      (await links.list()).map((l) => l.target.code),
      ['emea'],
    );
    assert.deepEqual(await languages.list(), [{ channelId: EMEA, language: 'ko' }]);
  });

  it("shows another instance's change once its copy's time is up, and its own at once", async () => {
    let now = 0;
    const here = new ChannelLanguageRepository(storage.client('channelLinks'), () => now);
    const there = new ChannelLanguageRepository(storage.client('channelLinks'));
    assert.equal(await here.of(EMEA), undefined);
    await there.choose({ channelId: EMEA, language: 'ru' });
    assert.equal(await here.of(EMEA), undefined, 'the copy read before still counts');
    now += CHANNEL_LANGUAGES_KEPT_MS;
    assert.equal(await here.of(EMEA), 'ru');
    await here.choose({ channelId: EMEA, language: 'de' });
    assert.equal(await here.of(EMEA), 'de');
  });
});
