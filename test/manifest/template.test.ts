import assert from 'node:assert/strict';
import { BOT_ID_PLACEHOLDER, renderManifest } from '../../tools/packageApp';
import { SAMPLE_SETTINGS, readTemplate, refuseNetworkAccess, titlesIn } from './fixtures';

describe('Teams app manifest', () => {
  refuseNetworkAccess();

  describe('template', () => {
    it('keeps every setting as a placeholder and names a schema matching its manifestVersion', () => {
      const template = readTemplate();
      const raw = JSON.parse(template) as { id: string; developer: object; bots: Array<Record<string, unknown>> };
      assert.equal(raw.id, '${{TEAMS_APP_ID}}');
      assert.equal(raw.bots[0].botId, BOT_ID_PLACEHOLDER);
      assert.deepEqual(raw.developer, {
        name: '${{DEVELOPER_NAME}}',
        websiteUrl: '${{DEVELOPER_WEBSITE_URL}}',
        privacyUrl: '${{DEVELOPER_PRIVACY_URL}}',
        termsOfUseUrl: '${{DEVELOPER_TERMS_URL}}',
      });
      assert.equal(raw.bots[0].commandLists, undefined, 'the command menus come from MANIFEST_COMMANDS alone');

      const manifest = renderManifest(template, SAMPLE_SETTINGS);
      assert.equal(
        manifest.$schema,
        `https://developer.microsoft.com/en-us/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
      );
    });

    it("offers the channel commands in teams and group chats; the rep's own commands in personal chat", () => {
      const manifest = renderManifest(readTemplate(), SAMPLE_SETTINGS);
      assert.deepEqual(manifest.bots?.[0]?.scopes, ['team', 'personal', 'groupChat']);
      const channel = [
        'link',
        'unlink',
        'links',
        'language',
        'new deal',
        'favorites',
        'settings',
        'digest now',
        'managers',
        'help',
      ];
      assert.deepEqual(titlesIn(manifest, 'team'), channel);
      assert.deepEqual(titlesIn(manifest, 'groupChat'), channel);
      assert.deepEqual(titlesIn(manifest, 'personal'), [
        'my deals',
        'expiring',
        'find',
        'links',
        'new deal',
        'favorites',
        'settings',
        'digest now',
        'managers',
        'help',
      ]);
    });
  });
});
