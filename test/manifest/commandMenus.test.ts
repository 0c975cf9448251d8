import assert from 'node:assert/strict';
import { COMMANDS, parseCommandText } from '../../bot/teams/commands/index';
import {
  COMMAND_ALIASES,
  MANIFEST_COMMANDS,
  MAX_COMMANDS_PER_SCOPE,
  manifestCommandLists,
} from '../../tools/appPackage/manifestCommands';
import { renderManifest } from '../../tools/packageApp';
import { SAMPLE_SETTINGS, readTemplate, refuseNetworkAccess, titlesIn } from './fixtures';

describe('Teams app manifest', () => {
  refuseNetworkAccess();

  describe('command menus', () => {
    it('have a row for every command word of COMMANDS, each alias naming a row of the same command, and nothing else', () => {
      const words = MANIFEST_COMMANDS.map((command) => command.word);
      assert.equal(new Set(words).size, words.length, 'a command word has two rows');
      assert.deepEqual([...words, ...Object.keys(COMMAND_ALIASES)].sort(), Object.keys(COMMANDS).sort());
      for (const [alias, word] of Object.entries(COMMAND_ALIASES)) {
        assert.ok(words.includes(word), `${alias} is an alias of ${word}, which has no row`);
        assert.equal(COMMANDS[alias], COMMANDS[word], `${alias} runs another command than ${word}`);
      }
    });

    it('run the command of their row when chosen, with a title of at most 32 and a description of at most 128 characters', () => {
      for (const { word, title, description, scopes } of MANIFEST_COMMANDS) {
        assert.equal(parseCommandText(title).name, word, `"${title}" does not run ${word}`);
        assert.ok(title.length <= 32, `"${title}" is longer than 32 characters`);
        assert.ok(
          description.length > 0 && description.length <= 128,
          `the description of "${title}" has ${description.length} characters`,
        );
        assert.ok(scopes.length > 0, `"${title}" is offered nowhere`);
      }
    });

    it('list every command in the manifest for its scopes, at most 10 a scope', () => {
      const manifest = renderManifest(readTemplate(), SAMPLE_SETTINGS);
      for (const scope of ['team', 'groupChat', 'personal'] as const) {
        const listed = titlesIn(manifest, scope);
        const expected = MANIFEST_COMMANDS.filter((c) =>
          c.scopes.includes(scope === 'personal' ? 'personal' : 'team'),
        ).map((c) => c.title);
        assert.deepEqual(listed, expected, `commands offered in ${scope}`);
        assert.ok(listed.length <= MAX_COMMANDS_PER_SCOPE, `${scope} lists ${listed.length} commands`);
      }
      assert.equal(MAX_COMMANDS_PER_SCOPE, 10);
      for (const { title } of MANIFEST_COMMANDS) {
        assert.ok(
          ['team', 'personal'].some((scope) => titlesIn(manifest, scope as 'team' | 'personal').includes(title)),
          `${title} is missing`,
        );
      }
    });

    it('leave out a scope without commands', () => {
      const lists = manifestCommandLists([{ word: 'help', title: 'help', description: 'Help', scopes: ['personal'] }]);
      assert.deepEqual(lists, [{ scopes: ['personal'], commands: [{ title: 'help', description: 'Help' }] }]);
    });
  });
});
