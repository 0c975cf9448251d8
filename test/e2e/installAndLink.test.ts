import assert from 'node:assert/strict';
import { BotHarness } from '../support/botHarness';
import { appInstalledInTeam, botAddedToTeam, channelMessage, CHANNELS, TEAM } from '../support/teamsActivities';
import { attachmentsOf, replies } from './flows';

describe('installing the app and linking channels (over HTTP)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    // Each test installs the desk in the team itself, as Teams announces it.
    h = await new BotHarness({}, {}, false).start();
  });
  afterEach(async () => h.stop());

  it('stores the team reference and posts one welcome card, however often Teams announces the install', async () => {
    assert.equal((await h.activity(botAddedToTeam(h.serviceUrl))).status, 200);
    assert.equal((await h.activity(appInstalledInTeam(h.serviceUrl))).status, 200);
    const welcomes = h.connector.calls.filter((c) => c.conversationId === TEAM.id && attachmentsOf(c).length > 0);
    assert.equal(welcomes.length, 1);
    assert.match(JSON.stringify(attachmentsOf(welcomes[0])[0].content), /link emea/);
    const stored = await h.services.conversations.get('team', TEAM.id);
    assert.equal(stored?.serviceUrl, h.serviceUrl);
    assert.equal(stored?.conversation?.id, TEAM.id);
  });

  it('refreshes a stored service URL from later activities', async () => {
    await h.activity(botAddedToTeam(h.serviceUrl));
    const moved = `${h.serviceUrl}moved/`;
    await h.activity({ ...channelMessage(h.serviceUrl, CHANNELS.emea, 'help'), serviceUrl: moved });
    assert.equal((await h.services.conversations.get('team', TEAM.id))?.serviceUrl, moved);
  });

  it('links a channel to a region and a country, strips the mention, and lists the mapping', async () => {
    await h.activity(botAddedToTeam(h.serviceUrl));
    await h.activity(channelMessage(h.serviceUrl, CHANNELS.emea, 'link emea'));
    await h.activity(channelMessage(h.serviceUrl, CHANNELS.americas, 'link americas DE'));
    const emeaReplies = replies(h.connector.calls, CHANNELS.emea.id);
    assert.match(emeaReplies[0], /Europe, Middle East and Africa \(emea\) now go to EMEA referrals/);
    assert.match(replies(h.connector.calls, CHANNELS.americas.id)[0], /Americas \(americas\), Germany \(DE\)/);

    const links = await h.services.links.list();
    assert.deepEqual(
      links.map((l) => [l.target.code, l.channel.conversationId]).sort(),
      [
        ['DE', CHANNELS.americas.id],
        ['americas', CHANNELS.americas.id],
        ['emea', CHANNELS.emea.id],
      ].sort(),
    );
    assert.ok(await h.services.conversations.get('channel', CHANNELS.emea.id), 'channel reference stored');

    await h.activity(channelMessage(h.serviceUrl, CHANNELS.apac, 'links'));
    const listing = h.connector.calls.filter(
      (c) => c.conversationId.startsWith(CHANNELS.apac.id) && attachmentsOf(c).length > 0,
    );
    const text = JSON.stringify(attachmentsOf(listing[0])[0].content);
    assert.match(text, /Germany \(DE\)/);
    assert.match(text, /EMEA referrals/);
    assert.match(text, /Asia Pacific \(apac\)/, 'names the region nobody covers');
  });

  it('looks up the channel name when Teams leaves it out of the message', async () => {
    await h.activity(botAddedToTeam(h.serviceUrl));
    h.connector.teamChannels = [{ id: TEAM.id }, { id: CHANNELS.emea.id, name: 'EMEA referrals' }];
    const message = channelMessage(h.serviceUrl, CHANNELS.emea, 'link emea');
    message.channelData = { ...message.channelData, channel: { id: CHANNELS.emea.id } as typeof CHANNELS.emea };
    await h.activity(message);
    assert.match(replies(h.connector.calls, CHANNELS.emea.id)[0], /now go to EMEA referrals/);
    assert.equal((await h.services.links.list())[0].channel.channelName, 'EMEA referrals');

    const general = channelMessage(h.serviceUrl, { id: TEAM.id, name: '' }, 'link fallback');
    general.channelData = { ...general.channelData, channel: { id: TEAM.id } as typeof CHANNELS.emea };
    await h.activity(general);
    assert.match(replies(h.connector.calls, TEAM.id)[0], /now go to General/);
  });

  it('answers unknown codes with the valid ones and stores nothing', async () => {
    await h.activity(botAddedToTeam(h.serviceUrl));
    await h.activity(channelMessage(h.serviceUrl, CHANNELS.emea, 'link mars emea'));
    assert.match(replies(h.connector.calls, CHANNELS.emea.id)[0], /I don't know "mars".*americas, emea, apac/);
    assert.deepEqual(await h.services.links.list(), []);
  });

  it('moves a link to the channel that claims it last, and unlinks only from the linked channel', async () => {
    await h.activity(botAddedToTeam(h.serviceUrl));
    await h.activity(channelMessage(h.serviceUrl, CHANNELS.emea, 'link fallback'));
    await h.activity(channelMessage(h.serviceUrl, CHANNELS.apac, 'link fallback'));
    assert.match(replies(h.connector.calls, CHANNELS.apac.id)[0], /moved here/);
    await h.activity(channelMessage(h.serviceUrl, CHANNELS.emea, 'unlink fallback'));
    assert.match(replies(h.connector.calls, CHANNELS.emea.id).at(-1)!, /not linked to this channel/);
    assert.equal((await h.services.links.list()).length, 1);
    await h.activity(channelMessage(h.serviceUrl, CHANNELS.apac, 'unlink fallback'));
    assert.match(replies(h.connector.calls, CHANNELS.apac.id).at(-1)!, /no longer linked/);
    assert.deepEqual(await h.services.links.list(), []);
  });

  it('says what it does not understand and offers help', async () => {
    await h.activity(botAddedToTeam(h.serviceUrl));
    await h.activity(channelMessage(h.serviceUrl, CHANNELS.emea, 'dance'));
    assert.match(replies(h.connector.calls, CHANNELS.emea.id)[0], /I don't know "dance".*help/);
  });
});
