'use strict';
// `npm start`: runs the compiled bot (dist/), compiling it first only when a source is newer
// than the last build. Plain JavaScript, so that it runs where only the production
// dependencies are installed (no TypeScript), as long as the build there is current.
// With NODE_ENV=production it runs the bot alone (dist/bot, dist/cards); otherwise the
// development start, which adds the local Partner Center simulator from dist/tools.
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
/** What the build compiles (see tsconfig.build.json), and what configures it. */
const SOURCES = [
  'bot',
  'cards',
  'tools/partnerCenterSimulator',
  'tools/devApp.ts',
  'tools/devServer.ts',
  'tsconfig.json',
  'tsconfig.build.json',
  'package.json',
];
/** Written after every successful build: the build is current while no source is newer. */
const STAMP = join('dist', '.built');
/** The production start needs nothing from dist/ beyond dist/bot, dist/cards and the stamp. */
const PRODUCTION_ENTRY = join('dist', 'bot', 'index.js');
const DEVELOPMENT_ENTRY = join('dist', 'tools', 'devServer.js');

/** The compiled entry point `npm start` runs for these settings. */
function entryFor(env) {
  return env.NODE_ENV === 'production' ? PRODUCTION_ENTRY : DEVELOPMENT_ENTRY;
}

/** The latest modification time (ms) of a file, or of any file below a folder. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

/** Whether `root`'s build has `entry` and is at least as new as every one of its sources (absent ones aside). */
function buildIsCurrent(root, entry) {
  const stamp = join(root, STAMP);
  if (!existsSync(stamp) || !existsSync(join(root, entry))) return false;
  const built = statSync(stamp).mtimeMs;
  return SOURCES.every((source) => !existsSync(join(root, source)) || newest(join(root, source)) <= built);
}

/** Compiles `root` with TypeScript, then stamps the build; exits with TypeScript's verdict when it fails. */
function build(root) {
  let tsc;
  try {
    tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  } catch {
    const production = existsSync(join(root, PRODUCTION_ENTRY)) && process.env.NODE_ENV !== 'production';
    console.error(
      'The build in dist/ is missing or older than the sources, and TypeScript is not installed here: run ' +
        '`npm run build` where the development dependencies are, then start again.' +
        (production ? ' (A production install starts the bot alone: set NODE_ENV=production.)' : ''),
    );
    process.exit(1);
  }
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(join(root, STAMP), `${new Date().toISOString()}\n`);
}

module.exports = { buildIsCurrent, build, entryFor, SOURCES, STAMP, PRODUCTION_ENTRY, DEVELOPMENT_ENTRY };

if (require.main === module) {
  // `--build` (npm run build): compile now, whatever the stamp says, and do not start.
  if (process.argv.includes('--build')) build(ROOT);
  else {
    // NODE_ENV may come from .env, as every other setting (the bot reads it again; set variables win).
    if (existsSync('.env')) process.loadEnvFile('.env');
    const entry = entryFor(process.env);
    if (!buildIsCurrent(ROOT, entry)) build(ROOT);
    require(join(ROOT, entry));
  }
}
