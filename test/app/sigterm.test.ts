/**
 * SIGTERM, as a container orchestrator sends it: the real process (`node dist/main.js`, what the image runs) stops
 * its scheduler, finishes the request it is in the middle of, flushes state to DATA_DIR and exits 0 — before its
 * own 8 s hard-stop timer, which would exit 1.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../helpers/ensure-built.js';
import { TEST_SIGNING_SECRET, postSigned, signedHeaders, slashCommandBody } from '../helpers/slack-sign.js';
import { startSlackStandIn, type SlackStandIn } from '../helpers/slack-stand-in.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('SIGTERM', () => {
  let dir: string;
  let slack: SlackStandIn;
  let child: ChildProcessWithoutNullStreams;
  let out = '';
  const lines = () =>
    out
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const waitForLog = async (msg: string, timeoutMs = 30_000) => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = lines().find((l) => l.msg === msg);
      if (found) return found;
      if (child.exitCode !== null || Date.now() > until) throw new Error(`no "${msg}" log line; output:\n${out.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  let exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  beforeAll(async () => {
    ensureBuilt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-sigterm-'));
    slack = await startSlackStandIn();
    child = spawn(process.execPath, [path.join(ROOT, 'dist/main.js')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: path.join(dir, 'data'),
        LOG_LEVEL: 'info',
        SLACK_BOT_TOKEN: 'xoxb-sigterm-test',
        SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
        SLACK_API_URL: slack.url,
        DIGEST_CATCH_UP: 'false',
      },
    });
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
    exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  }, 120_000);

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await slack?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finishes the request in flight, flushes state and exits 0', async () => {
    const { port } = (await waitForLog('listening')) as { port: number };
    const url = `http://127.0.0.1:${port}/slack/events`;

    // State that must survive the restart.
    const sub = await postSigned(url, TEST_SIGNING_SECRET, slashCommandBody({ text: '订阅', channelId: 'C0SIGTERM', responseUrl: slack.responseUrl('sub') }));
    expect(sub.status).toBe(200);
    await slack.waitFor((c) => c.path === '/response/sub');

    // A request whose body is still arriving when SIGTERM comes.
    const body = slashCommandBody({ text: '人才振兴', responseUrl: slack.responseUrl('inflight') });
    const half = Math.floor(body.length / 2);
    const answered = new Promise<number>((resolve, reject) => {
      const req = http.request(url, { method: 'POST', headers: { ...signedHeaders(TEST_SIGNING_SECRET, body), 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(body.slice(0, half));
      // Send the rest only once the shutdown has begun.
      void waitForLog('shutting down').then(() => req.end(body.slice(half)), reject);
    });
    await new Promise((r) => setTimeout(r, 200));
    child.kill('SIGTERM');

    expect(await answered).toBe(200);
    await slack.waitFor((c) => c.path === '/response/inflight', 8000);
    expect(await exit).toEqual({ code: 0, signal: null });

    const msgs = lines().map((l) => l.msg);
    expect(msgs).toEqual(expect.arrayContaining(['signal received', 'shutting down', 'stopped']));
    expect(msgs.indexOf('stopped')).toBeGreaterThan(msgs.indexOf('shutting down'));
    const state = filesUnder(path.join(dir, 'data')).map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(state).toContain('C0SIGTERM');
  }, 60_000);
});
