import assert from 'node:assert/strict';
import regionsFile from '../../bot/config/regions.default.json';
import {
  channelConversationId,
  NO_REGION,
  parseLinkTarget,
  regionsRoutedTo,
  resolveChannel,
  type ChannelLink,
  type LinkTarget,
  type Region,
} from '../../bot/domain/routing';

const REGIONS: readonly Region[] = regionsFile.regions;

const link = (target: LinkTarget, conversationId: string): ChannelLink => ({
  target,
  channel: { conversationId, teamId: '19:team@thread.tacv2', channelName: conversationId },
});

const EMEA_LINK = link({ kind: 'region', code: 'emea' }, '19:emea@thread.tacv2');
const APAC_LINK = link({ kind: 'region', code: 'apac' }, '19:apac@thread.tacv2');
const AMERICAS_LINK = link({ kind: 'region', code: 'americas' }, '19:americas@thread.tacv2');
const DE_LINK = link({ kind: 'country', code: 'DE' }, '19:germany@thread.tacv2');
const FALLBACK_LINK = link({ kind: 'fallback', code: 'fallback' }, '19:general@thread.tacv2');

describe('routing', () => {
  describe('parseLinkTarget', () => {
    it('reads the region codes of the default regions file, case-insensitively', () => {
      assert.deepEqual(
        REGIONS.map((r) => r.code),
        ['americas', 'emea', 'apac'],
      );
      for (const token of ['emea', 'EMEA', 'Emea', '  emea ']) {
        assert.deepEqual(parseLinkTarget(token, REGIONS), { kind: 'region', code: 'emea' }, JSON.stringify(token));
      }
      assert.deepEqual(parseLinkTarget('APAC', REGIONS), { kind: 'region', code: 'apac' });
      assert.deepEqual(parseLinkTarget('Americas', REGIONS), { kind: 'region', code: 'americas' });
    });

    it('reads any configured (lower-case) region code typed in any case', () => {
      const regions: Region[] = [{ code: 'dach-north', name: 'Northern DACH', countries: ['DE'] }];
      assert.deepEqual(parseLinkTarget('DACH-North', regions), { kind: 'region', code: 'dach-north' });
      assert.equal(parseLinkTarget('emea', regions), undefined);
    });

    it('reads country codes in any case as upper-case ISO codes', () => {
      assert.deepEqual(parseLinkTarget('DE', REGIONS), { kind: 'country', code: 'DE' });
      assert.deepEqual(parseLinkTarget('de', REGIONS), { kind: 'country', code: 'DE' });
      assert.deepEqual(parseLinkTarget(' us ', REGIONS), { kind: 'country', code: 'US' });
      assert.deepEqual(parseLinkTarget('Nz', REGIONS), { kind: 'country', code: 'NZ' });
    });

    it("reads 'fallback' in any case", () => {
      for (const token of ['fallback', 'FALLBACK', ' Fallback ']) {
        assert.deepEqual(parseLinkTarget(token, REGIONS), { kind: 'fallback', code: 'fallback' });
      }
    });

    it('returns undefined for anything else', () => {
      for (const token of ['', '   ', 'xx', 'XK', 'UK', 'EU', 'Germany', 'deu', 'europe', 'fallback2', 'emea apac']) {
        assert.equal(parseLinkTarget(token, REGIONS), undefined, JSON.stringify(token));
      }
    });

    it('prefers a region over a country of the same spelling', () => {
      const regions: Region[] = [{ code: 'at', name: 'Alpine territories', countries: ['AT', 'CH', 'LI'] }];
      assert.deepEqual(parseLinkTarget('AT', regions), { kind: 'region', code: 'at' });
      assert.deepEqual(parseLinkTarget('AT', REGIONS), { kind: 'country', code: 'AT' });
    });
  });

  describe('resolveChannel', () => {
    const all = [FALLBACK_LINK, EMEA_LINK, APAC_LINK, AMERICAS_LINK, DE_LINK];

    it('sends a country with its own link to that channel, before its region and the fallback', () => {
      assert.equal(resolveChannel('DE', all, REGIONS), DE_LINK);
      assert.equal(resolveChannel('DE', [...all].reverse(), REGIONS), DE_LINK);
    });

    it('sends a country without its own link to its region', () => {
      assert.equal(resolveChannel('FR', all, REGIONS), EMEA_LINK);
      assert.equal(resolveChannel('JP', all, REGIONS), APAC_LINK);
      assert.equal(resolveChannel('BR', all, REGIONS), AMERICAS_LINK);
    });

    it('sends a country whose region has no link to the fallback', () => {
      assert.equal(resolveChannel('JP', [FALLBACK_LINK, EMEA_LINK, DE_LINK], REGIONS), FALLBACK_LINK);
      assert.equal(resolveChannel('DE', [FALLBACK_LINK, APAC_LINK], REGIONS), FALLBACK_LINK);
    });

    it('sends a country in no region to the fallback', () => {
      assert.equal(resolveChannel('XK', all, REGIONS), FALLBACK_LINK);
      assert.equal(resolveChannel('AT', all, []), FALLBACK_LINK);
    });

    it('finds nothing when no link applies', () => {
      assert.equal(resolveChannel('JP', [EMEA_LINK, DE_LINK], REGIONS), undefined);
      assert.equal(resolveChannel('DE', [], REGIONS), undefined);
      assert.equal(resolveChannel('FR', [DE_LINK], REGIONS), undefined);
    });

    it('does not treat a region code as a country code or the reverse', () => {
      const deRegion = link({ kind: 'region', code: 'de' }, '19:region-de@thread.tacv2');
      assert.equal(resolveChannel('DE', [deRegion], REGIONS), undefined);
      const emeaCountry = link({ kind: 'country', code: 'emea' }, '19:odd@thread.tacv2');
      assert.equal(resolveChannel('FR', [emeaCountry], REGIONS), undefined);
    });

    describe('a country in two regions', () => {
      const regions: Region[] = [
        { code: 'europe', name: 'Europe', countries: ['DE', 'AT', 'CH', 'FR', 'IT', 'ES', 'NL'] },
        { code: 'dach', name: 'DACH', countries: ['DE', 'AT', 'CH'] },
        { code: 'alps', name: 'Alps', countries: ['AT', 'CH', 'IT'] },
      ];
      const europe = link({ kind: 'region', code: 'europe' }, '19:europe@thread.tacv2');
      const dach = link({ kind: 'region', code: 'dach' }, '19:dach@thread.tacv2');
      const alps = link({ kind: 'region', code: 'alps' }, '19:alps@thread.tacv2');

      it('goes to the smaller region, whatever the order of links and regions', () => {
        assert.equal(resolveChannel('DE', [europe, dach], regions), dach);
        assert.equal(resolveChannel('DE', [dach, europe], regions), dach);
        assert.equal(resolveChannel('DE', [europe, dach], [...regions].reverse()), dach);
      });

      it('goes to the larger region when the smaller one has no link', () => {
        assert.equal(resolveChannel('DE', [europe, FALLBACK_LINK], regions), europe);
      });

      it('breaks a tie between equally small regions by region code', () => {
        assert.equal(resolveChannel('AT', [dach, alps, europe], regions), alps);
        assert.equal(resolveChannel('AT', [europe, dach, alps], [...regions].reverse()), alps);
      });

      it('still prefers a country link over the smallest region', () => {
        assert.equal(resolveChannel('DE', [dach, DE_LINK, europe], regions), DE_LINK);
      });

      it('does not reorder the regions it was given', () => {
        const copy = structuredClone(regions);
        resolveChannel('DE', [europe, dach], regions);
        assert.deepEqual(regions, copy);
      });
    });
  });

  describe('channelConversationId', () => {
    it('strips the ;messageid= suffix of a reply thread', () => {
      assert.equal(channelConversationId('19:abc123@thread.tacv2;messageid=1732356000000'), '19:abc123@thread.tacv2');
      assert.equal(channelConversationId('19:abc123@thread.skype;messageid=1'), '19:abc123@thread.skype');
    });

    it('leaves a plain channel id as it is', () => {
      assert.equal(channelConversationId('19:abc123@thread.tacv2'), '19:abc123@thread.tacv2');
      assert.equal(channelConversationId(''), '');
    });
  });

  describe('regionsRoutedTo', () => {
    const DACH: Region = { code: 'dach', name: 'DACH', countries: ['DE', 'AT', 'CH'] };
    const NESTED = [...REGIONS, DACH];

    it('gives a linked region with the regions inside it, and the region each linked country is counted under', () => {
      const links = [EMEA_LINK, link({ kind: 'country', code: 'JP' }, EMEA_LINK.channel.conversationId), APAC_LINK];
      assert.deepEqual(regionsRoutedTo(EMEA_LINK.channel.conversationId, links, NESTED).sort(), [
        'apac',
        'dach',
        'emea',
      ]);
      assert.deepEqual(regionsRoutedTo(DE_LINK.channel.conversationId, [DE_LINK], NESTED), ['dach']);
      assert.deepEqual(regionsRoutedTo(APAC_LINK.channel.conversationId, links, NESTED), ['apac']);
    });

    it('gives every region, and the referrals of no region, to the fallback; nothing to a channel without links', () => {
      const links = [EMEA_LINK, FALLBACK_LINK];
      assert.deepEqual(regionsRoutedTo(FALLBACK_LINK.channel.conversationId, links, REGIONS), [
        'americas',
        'emea',
        'apac',
        NO_REGION,
      ]);
      assert.deepEqual(regionsRoutedTo('19:nowhere@thread.tacv2', links, REGIONS), []);
    });
  });
});
