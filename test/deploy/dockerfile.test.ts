import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../support/deployment';
import { execForm, parseDockerfile, type DockerStage } from '../support/dockerfile';
import { envSampleSettings } from '../support/envSample';

const read = (path: string) => readFileSync(join(REPO, path), 'utf8');
const args = (stage: DockerStage, keyword: string) =>
  stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);

/** `ENV a=b c=d` and `ENV a b` as name → value. */
function envOf(stage: DockerStage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const text of args(stage, 'ENV')) {
    if (text.includes('=')) {
      for (const [, k, v] of text.matchAll(/(\w+)=("[^"]*"|\S+)/g)) env[k] = v.replace(/^"|"$/g, '');
    } else {
      const [k, ...rest] = text.split(/\s+/);
      env[k] = rest.join(' ');
    }
  }
  return env;
}

/** The paths `COPY` takes from the build context (not `--from` another stage). */
function contextSources(stage: DockerStage): string[] {
  return args(stage, 'COPY')
    .filter((a) => !a.startsWith('--from'))
    .flatMap((a) =>
      a
        .split(/\s+/)
        .filter((part) => !part.startsWith('--'))
        .slice(0, -1),
    );
}

describe('Deployment: the Docker image', () => {
  const stages = parseDockerfile(read('Dockerfile'));
  const runtime = stages[stages.length - 1];

  it('builds in one stage and runs from another with production dependencies only', () => {
    assert.ok(stages.length >= 2, 'multi-stage');
    const build = stages[0];
    assert.ok(
      args(build, 'RUN').some((r) => /\bnpm ci\b/.test(r)),
      'the build stage installs with npm ci',
    );
    assert.ok(
      args(build, 'RUN').some((r) => /\bnpm run build\b/.test(r)),
      'and runs npm run build',
    );
    assert.match(runtime.image, /^node:20[-.]/, 'runs on Node 20');
    const installs = args(runtime, 'RUN').filter((r) => /\bnpm (ci|install|prune)\b/.test(r));
    assert.ok(
      installs.length > 0 && installs.every((r) => /--omit=dev\b/.test(r)),
      `production dependencies only: ${installs.join('; ')}`,
    );
  });

  it('runs as a user other than root, with NODE_ENV=production', () => {
    const users = args(runtime, 'USER');
    assert.ok(users.length > 0, 'the final stage sets USER');
    assert.ok(!['root', '0', '0:0'].includes(users[users.length - 1]), `runs as ${users[users.length - 1]}`);
    assert.equal(envOf(runtime).NODE_ENV, 'production');
  });

  it('starts with the command npm start runs and the README documents', () => {
    const cmd = args(runtime, 'CMD');
    assert.equal(cmd.length, 1, 'one CMD');
    const command = execForm(cmd[0]);
    assert.ok(command, 'CMD in exec form, so the desk gets signals itself');
    const start = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start;
    assert.equal(command.join(' '), start, 'the same as npm start');
    assert.ok(read('README.md').includes(`\`${start}\``), `the README documents \`${start}\``);
  });

  it('copies the compiled desk and its start script, not the local Partner Center simulator', () => {
    const fromBuild = args(runtime, 'COPY')
      .filter((a) => a.startsWith('--from'))
      .map((a) => a.split(/\s+/)[1]);
    assert.deepEqual(fromBuild.sort(), ['/app/dist/.built', '/app/dist/bot', '/app/dist/cards']);
    assert.deepEqual(contextSources(runtime).sort(), ['package-lock.json', 'package.json', 'tools/start.js']);
  });

  it('copies only what exists and what .dockerignore lets into the build', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    for (const needed of ['node_modules', 'dist', '.data', '.env', '.git', '.azure', 'test-output']) {
      assert.ok(ignored.includes(needed), `.dockerignore leaves out ${needed}`);
    }
    for (const stage of stages) {
      for (const source of contextSources(stage)) {
        assert.ok(existsSync(join(REPO, source)), `${source} exists`);
        assert.ok(
          !ignored.some((pattern) => source === pattern || source.startsWith(`${pattern}/`)),
          `${source} is not ignored`,
        );
      }
    }
  });

  it('exposes the port env.sample documents and checks /healthz with Node', () => {
    const port = envSampleSettings().find((s) => s.name === 'PORT')?.value;
    assert.deepEqual(args(runtime, 'EXPOSE'), [port]);
    const healthcheck = args(runtime, 'HEALTHCHECK').join(' ');
    assert.match(healthcheck, /CMD \["node", /);
    assert.match(healthcheck, /\/healthz/);
  });
});
