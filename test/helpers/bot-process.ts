/**
 * Runs the real bot (`node dist/main.js`, what the image runs) as a child process, logging JSON at info, and reads
 * its log lines. Used where a test needs whole processes: several replicas, signals.
 *
 *   const bot = startBotProcess({ DATA_DIR: dir, SLACK_API_URL: slack.url });
 *   const { port } = await bot.waitForLog('listening');
 *   await bot.stop();
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { seedSavedIndex } from './saved-index.js';
import { TEST_SIGNING_SECRET } from './slack-sign.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface BotProcess {
  child: ChildProcessWithoutNullStreams;
  lines(): Record<string, unknown>[];
  /** Resolves with the first log line whose msg is `msg` (or matches it); rejects if the process ends first. */
  waitForLog(msg: string | RegExp, timeoutMs?: number): Promise<Record<string, unknown>>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
  /** SIGTERM, then waits for the exit (SIGKILL after 10 s). */
  stop(): Promise<void>;
}

/**
 * Starts dist/main.js in Slack HTTP mode (test signing secret) with `env` on top; PORT 0 on 127.0.0.1. A DATA_DIR
 * without a saved index gets the run's saved index of the seeds first (test/helpers/saved-index.ts), so the process
 * starts as a restarted bot does instead of segmenting the seeds again; `{ savedIndex: false }` starts it cold.
 */
export function startBotProcess(env: Record<string, string>, options: { savedIndex?: boolean } = {}): BotProcess {
  if (env.DATA_DIR && options.savedIndex !== false) seedSavedIndex(env.DATA_DIR);
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/main.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: 'xoxb-replica-test',
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      ...env,
    },
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const lines = () =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    lines,
    exit,
    output: () => out,
    async waitForLog(msg, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      const matches = (l: Record<string, unknown>) => (typeof msg === 'string' ? l.msg === msg : msg.test(String(l.msg)));
      for (;;) {
        const found = lines().find(matches);
        if (found) return found;
        if (child.exitCode !== null || child.signalCode !== null || Date.now() > until) {
          throw new Error(`no "${String(msg)}" log line; output:\n${out.slice(-3000)}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    },
  };
}
