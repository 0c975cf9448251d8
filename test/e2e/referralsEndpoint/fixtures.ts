import assert from 'node:assert/strict';
import { BotHarness } from '../../support/botHarness';

/**
 * Registers the hooks that start a fresh desk with these settings before each test and stop it after; the getter
 * gives the running test's harness.
 */
export function useDesk(env: Record<string, string> = {}): () => BotHarness {
  let h: BotHarness | undefined;
  beforeEach(async () => {
    h = undefined;
    h = await new BotHarness(env).start();
  });
  afterEach(async () => h?.stop());
  return () => {
    assert.ok(h, 'the desk is only there while a test runs');
    return h;
  };
}
