/**
 * Renders every card variant (see cardVariants.ts) to a folder, or compares a fresh render
 * with one saved before: proves a change to how cards are built leaves what they show alone.
 *
 *   npx tsx test/support/cardSnapshots.ts save <folder>
 *   npx tsx test/support/cardSnapshots.ts compare <folder>
 *
 * Cards compare as JSON values: the order of an object's keys may differ, an array's may not.
 */
import { isDeepStrictEqual } from 'node:util';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCardVariants } from './cardVariants';

const fileName = (name: string) => `${name.replace(/[^\w-]+/g, '_')}.json`;

function save(folder: string): void {
  mkdirSync(folder, { recursive: true });
  const cards = renderCardVariants();
  for (const [name, card] of Object.entries(cards))
    writeFileSync(join(folder, fileName(name)), JSON.stringify(card, null, 2));
  console.log(`saved ${Object.keys(cards).length} cards to ${folder}`);
}

function compare(folder: string): number {
  const cards = renderCardVariants();
  const saved = new Set(readdirSync(folder).filter((file) => file.endsWith('.json')));
  const differing: string[] = [];
  for (const [name, card] of Object.entries(cards)) {
    const file = fileName(name);
    if (!saved.delete(file)) differing.push(`${name}: not saved before`);
    else if (!isDeepStrictEqual(JSON.parse(readFileSync(join(folder, file), 'utf8')), card))
      differing.push(`${name}: differs`);
  }
  for (const file of saved) differing.push(`${file}: no longer rendered`);
  console.log(`compared ${Object.keys(cards).length} cards: ${differing.length} differ`);
  for (const line of differing) console.log(`  ${line}`);
  return differing.length;
}

const [mode, folder] = process.argv.slice(2);
if (!folder || (mode !== 'save' && mode !== 'compare')) {
  console.error('usage: cardSnapshots.ts save|compare <folder>');
  process.exit(2);
}
if (mode === 'save') save(folder);
else process.exitCode = compare(folder) === 0 ? 0 : 1;
