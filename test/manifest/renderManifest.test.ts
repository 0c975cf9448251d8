import assert from 'node:assert/strict';
import { renderManifest, validateManifest } from '../../tools/packageApp';
import {
  SAMPLE_APP_ID,
  SAMPLE_BOT_ID,
  SAMPLE_SETTINGS,
  looseCopy,
  readTemplate,
  refuseNetworkAccess,
} from './fixtures';

describe('Teams app manifest', () => {
  refuseNetworkAccess();

  describe('renderManifest', () => {
    it("fills in the app id, bot id, developer fields and the bot's domain", () => {
      const manifest = renderManifest(readTemplate(), SAMPLE_SETTINGS);
      assert.equal(manifest.id, SAMPLE_APP_ID);
      assert.equal(manifest.bots?.[0]?.botId, SAMPLE_BOT_ID);
      assert.deepEqual(manifest.developer, {
        name: 'Example Partner',
        websiteUrl: 'https://partner.example.org',
        privacyUrl: 'https://partner.example.org/privacy',
        termsOfUseUrl: 'https://partner.example.org/legal/terms?lang=en',
      });
      assert.deepEqual(manifest.validDomains, ['desk.example.org']);
    });

    it('keeps validDomains empty without a bot domain, and writes values as JSON text', () => {
      const { botDomain: _unused, ...settings } = SAMPLE_SETTINGS;
      const manifest = renderManifest(readTemplate(), {
        ...settings,
        developer: { ...settings.developer, name: 'The "Desk" \\ Co' },
      });
      assert.deepEqual(manifest.validDomains, []);
      assert.equal(manifest.developer.name, 'The "Desk" \\ Co');
    });

    it('rejects templates with unknown placeholders', () => {
      assert.throws(() => renderManifest('{"id": "${{APP_ID}}"}', SAMPLE_SETTINGS), /\$\{\{APP_ID\}\}/);
    });
  });

  describe('validateManifest', () => {
    it('accepts the rendered manifest against its official schema, offline', async () => {
      const errors = await validateManifest(renderManifest(readTemplate(), SAMPLE_SETTINGS));
      assert.deepEqual(errors, []);
    });

    it('reports a manifest whose bot has no botId', async () => {
      const broken = looseCopy(renderManifest(readTemplate(), SAMPLE_SETTINGS));
      delete broken.bots[0].botId;
      const errors = await validateManifest(broken);
      assert.ok(
        errors.some((e) => e.includes('botId')),
        `expected a botId error, got: ${errors.join('; ')}`,
      );
    });

    it('reports a botId of the wrong type', async () => {
      const broken = looseCopy(renderManifest(readTemplate(), SAMPLE_SETTINGS));
      broken.bots[0].botId = 42;
      const errors = await validateManifest(broken);
      assert.ok(
        errors.some((e) => e.startsWith('/bots/0/botId')),
        `expected a botId error, got: ${errors.join('; ')}`,
      );
    });

    it("reports an unsubstituted template's placeholder ids", async () => {
      const unrendered = looseCopy(JSON.parse(readTemplate()) as object);
      const errors = await validateManifest(unrendered);
      assert.ok(
        errors.some((e) => e.startsWith('/bots/0/botId')),
        `expected a botId error, got: ${errors.join('; ')}`,
      );
      assert.ok(
        errors.some((e) => e.startsWith('/id')),
        `expected an id error, got: ${errors.join('; ')}`,
      );
    });
  });
});
