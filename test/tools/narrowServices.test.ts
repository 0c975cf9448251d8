import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** The edge folders, whose functions and classes each declare what they use of the services. */
const EDGE_FOLDERS = ['bot/teams', 'bot/jobs', 'bot/http'];

/**
 * Where the whole Services bag may be held: the class that routes Teams turns gets it from
 * bot/app.ts and hands each command and card action its context, in the sender's language;
 * the commands' and actions' registries type what they hand on as the parts their entries name.
 */
const HOLDS_THE_BAG = ['bot/teams/referralDeskBot.ts'];

/** The `.ts` files under `folder`, relative to the root with forward slashes. */
function sourcesUnder(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.ts'))
    .map((path) =>
      relative(ROOT, join(ROOT, folder, path))
        .split('\\')
        .join('/'),
    );
}

/**
 * The lines of `source` that use the type `Services` whole: anything but its import and a
 * `Pick<Services, …>` or `Omit<Services, …>` of it. Comments do not count.
 */
function wholeBagLines(source: string): number[] {
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/^import type \{ Services \} from '[./]*services';$/gm, '');
  const lines: number[] = [];
  for (const match of code.matchAll(/\bServices\b/g)) {
    const before = code.slice(0, match.index);
    if (/\b(Pick|Omit)<\s*$/.test(before)) continue;
    lines.push(before.split('\n').length);
  }
  return lines;
}

describe('the edge declares what it uses of the services', () => {
  it('no file in bot/teams, bot/jobs or bot/http but the turn router holds the whole Services', () => {
    const files = EDGE_FOLDERS.flatMap(sourcesUnder);
    assert.ok(files.includes('bot/teams/commands/index.ts') && files.includes('bot/jobs/runScheduledWork.ts'));
    const found = files
      .filter((file) => !HOLDS_THE_BAG.includes(file))
      .flatMap((file) => wholeBagLines(readFileSync(join(ROOT, file), 'utf8')).map((line) => `${file}:${line}`));
    assert.deepEqual(found, []);
  });

  it('finds the bag where the router holds it, so an allowed exception that no longer does is noticed', () => {
    for (const file of HOLDS_THE_BAG) assert.notDeepEqual(wholeBagLines(readFileSync(join(ROOT, file), 'utf8')), []);
  });

  it('tells a parameter, a field or a type argument typed Services from a Pick of it and from prose', () => {
    const source = [
      "import type { Services } from '../services';",
      '/** The Services, as a comment names them. */',
      "type Few = Pick<Services, 'log'>;",
      'type Most = Omit<',
      '  Services,',
      "  'scheduler'",
      '>;',
      'export async function run(services: Services): Promise<void> {}',
      'interface Context { services: Services } // Services again',
      'const handlers: Record<string, Handler<Services>> = {};',
      'const ready: () => Services | undefined = () => undefined;',
    ].join('\n');
    assert.deepEqual(wholeBagLines(source), [8, 9, 10, 11]);
  });
});
