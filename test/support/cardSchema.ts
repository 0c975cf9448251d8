import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { ACTION_HANDLERS } from '../../bot/teams/actions';
import type { AdaptiveCard } from '../../cards/render';
import { verbsIn } from '../e2e/flows';

let validate: ValidateFunction | undefined;

/** The official Adaptive Card 1.5 schema (test/support/schemas, with its license), compiled once. */
export function validateCard(card: unknown): string[] {
  if (!validate) {
    const schema = JSON.parse(readFileSync(join(__dirname, 'schemas/adaptive-card-1.5.json'), 'utf8'));
    // Draft-06 names itself with `id`, which Ajv 8 rejects (see schemas/README.md).
    delete schema.id;
    delete schema.$schema;
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    validate = ajv.compile(schema);
  }
  return validate(card) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/**
 * What every card the bot sends must be, as tests (inside a `describe` of the card): valid
 * Adaptive Card 1.5, every binding filled in, only verbs the bot handles, and far below the
 * 80 KB message limit. `verbs` may check the card's verbs further.
 */
export function itIsAWellFormedCard(card: AdaptiveCard, verbs?: (verbs: string[]) => void): void {
  it('validates against the Adaptive Card 1.5 schema', () => {
    assert.deepEqual(validateCard(card), []);
    assert.equal(card.version, '1.5');
  });
  it('has every binding filled in', () => {
    assert.ok(!JSON.stringify(card).includes('${'), JSON.stringify(card).match(/.{40}\$\{.{40}/)?.[0]);
  });
  it('carries only verbs the bot handles, and stays far below the 80 KB message limit', () => {
    for (const verb of verbsIn(card)) assert.ok(verb in ACTION_HANDLERS, `no handler for ${verb}`);
    verbs?.(verbsIn(card));
    assert.ok(Buffer.byteLength(JSON.stringify(card)) < 80 * 1024);
  });
}

/**
 * The card as a client that knows no charts renders it: every element with a `fallback`
 * replaced by its fallback (left out for "drop"). The official 1.5 schema knows no chart
 * elements either, so a card with charts is validated as such a client sees it, and its
 * charts are checked on their own (see `chartsIn`).
 */
export function withFallbacks(card: AdaptiveCard): AdaptiveCard {
  const rendered = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      return node
        .map((item) =>
          item && typeof item === 'object' && 'fallback' in item ? (item as { fallback: unknown }).fallback : item,
        )
        .filter((item) => item !== 'drop')
        .map(rendered);
    }
    if (!node || typeof node !== 'object') return node;
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, rendered(value)]));
  };
  return rendered(card) as AdaptiveCard;
}

/** The chart elements of a card (`Chart.Line`, `Chart.VerticalBar`, …), however deeply nested. */
export function chartsIn(card: unknown): Record<string, unknown>[] {
  const charts: Record<string, unknown>[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.type === 'string' && record.type.startsWith('Chart.')) charts.push(record);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return charts;
}
