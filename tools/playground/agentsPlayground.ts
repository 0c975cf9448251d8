import { spawn, type ChildProcess } from 'node:child_process';
import { delimiter, resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** The project's Playground tenant: team, channels and users (see the file's comments). */
export const PLAYGROUND_CONFIG = resolve(__dirname, '..', '..', '.m365agentsplayground.yml');

/** A directory whose `xdg-open` only prints the URL, for machines without a display. */
const HEADLESS_BIN = resolve(__dirname, 'headless-bin');

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://localhost:3978/api/messages. */
  botEndpoint: string;
  /** Port of the Playground's page and its mocked Bot Connector; it picks a free one when taken. */
  port: number;
  /** Open the page in the desktop browser; never on a machine without a display. */
  openBrowser: boolean;
  /** Where the Playground writes its own log. */
  logFile: string;
  /** Receives each line the Playground prints. */
  onOutput?: (line: string) => void;
  /** The Playground's environment; `process.env` when not given. */
  env?: NodeJS.ProcessEnv;
}

export interface RunningPlayground {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Whether a browser window could be opened here. */
export function hasDisplay(env: NodeJS.ProcessEnv = process.env): boolean {
  return process.platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * Starts the Microsoft 365 Agents Playground (the `agentsplayground` CLI of the
 * `@microsoft/m365agentsplayground` devDependency) as a child process in Teams mode,
 * with the project's tenant, and resolves once its page is served.
 */
export async function startAgentsPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const args = [
    cli,
    '--app-endpoint',
    options.botEndpoint,
    '--channel-id',
    'msteams',
    '--port',
    String(options.port),
    '--disable-telemetry',
  ];
  const env = options.env ?? process.env;
  const openBrowser = options.openBrowser && hasDisplay(env);
  const child = spawn(process.execPath, args, {
    env: {
      ...env,
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: PLAYGROUND_CONFIG,
      M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile,
      PATH: openBrowser ? env.PATH : `${HEADLESS_BIN}${delimiter}${env.PATH ?? ''}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const port = await listeningPort(child, options.onOutput ?? (() => undefined));
  return { url: `http://localhost:${port}`, port, stop: () => stopChild(child) };
}

/** Waits for the CLI's "Listening on <port>" line; fails with its output when it exits first. */
function listeningPort(child: ChildProcess, onOutput: (line: string) => void): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const seen: string[] = [];
    const onLine = (line: string) => {
      seen.push(line);
      onOutput(line);
      const match = /Listening on (\d+)/.exec(line);
      if (match) resolvePort(Number(match[1]));
    };
    createInterface({ input: child.stdout! }).on('line', onLine);
    createInterface({ input: child.stderr! }).on('line', onLine);
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`the Agents Playground exited (code ${code}) before it was ready:\n${seen.join('\n')}`)),
    );
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}
