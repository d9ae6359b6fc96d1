/**
 * SIGTERM, as a container orchestrator sends it: the real process (`node dist/main.js`, what the image runs) stops
 * its scheduler, finishes the request it is in the middle of, flushes state to DATA_DIR and exits 0 — before its
 * own 8 s hard-stop timer, which would exit 1. Also while the daily digest is being posted — during the start-up
 * catch-up, or with posts in flight — and a restart right after posts what is still owed, once.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBotProcess, type BotProcess } from '../helpers/bot-process.js';
import { ensureBuilt } from '../helpers/ensure-built.js';
import { TEST_SIGNING_SECRET, postSigned, signedHeaders, slashCommandBody } from '../helpers/slack-sign.js';
import { startSlackStandIn, type SlackStandIn } from '../helpers/slack-stand-in.js';


function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

type App = BotProcess;

/** Runs dist/main.js with the Slack stand-in as Slack's Web API, logging JSON at info. */
const startApp = (env: Record<string, string>): App => startBotProcess({ SLACK_BOT_TOKEN: 'xoxb-sigterm-test', ...env });

interface StateFile {
  sent: Record<string, string[]>;
  claims: Record<string, { by: string; posting?: boolean }>;
}

const readState = (dataDir: string) => JSON.parse(readFileSync(path.join(dataDir, 'state.json'), 'utf8')) as StateFile;

describe('SIGTERM', () => {
  let dir: string;
  let slack: SlackStandIn;
  let app: App;

  beforeAll(async () => {
    ensureBuilt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-sigterm-'));
    slack = await startSlackStandIn();
    app = startApp({ DATA_DIR: path.join(dir, 'data'), SLACK_API_URL: slack.url, DIGEST_CATCH_UP: 'false' });
  }, 120_000);

  afterAll(async () => {
    if (app?.child.exitCode === null) app.child.kill('SIGKILL');
    await slack?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finishes the request in flight, flushes state and exits 0', async () => {
    const { port } = (await app.waitForLog('listening')) as { port: number };
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
      void app.waitForLog('shutting down').then(() => req.end(body.slice(half)), reject);
    });
    await new Promise((r) => setTimeout(r, 200));
    app.child.kill('SIGTERM');

    expect(await answered).toBe(200);
    await slack.waitFor((c) => c.path === '/response/inflight', 8000);
    expect(await app.exit).toEqual({ code: 0, signal: null });

    const msgs = app.lines().map((l) => l.msg);
    expect(msgs).toEqual(expect.arrayContaining(['signal received', 'shutting down', 'stopped']));
    expect(msgs.indexOf('stopped')).toBeGreaterThan(msgs.indexOf('shutting down'));
    const state = filesUnder(path.join(dir, 'data')).map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(state).toContain('C0SIGTERM');
  }, 60_000);
});

describe('SIGTERM while the daily digest is being posted', () => {
  let dir: string;
  let dataDir: string;
  let slack: SlackStandIn;
  const apps: App[] = [];
  const run = (env: Record<string, string>) => {
    const app = startApp({ DATA_DIR: dataDir, SLACK_API_URL: slack.url, ...env });
    apps.push(app);
    return app;
  };
  const postsTo = (channel: string) => slack.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel);
  const stop = async (app: App) => {
    app.child.kill('SIGTERM');
    const exit = await app.exit;
    expect(exit, app.output().slice(-3000)).toEqual({ code: 0, signal: null });
    expect(app.lines().map((l) => l.msg)).toEqual(expect.arrayContaining(['signal received', 'shutting down', 'stopped']));
  };

  beforeAll(() => ensureBuilt(), 120_000);
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-sigterm-digest-'));
    dataDir = path.join(dir, 'data');
    slack = await startSlackStandIn();
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGKILL');
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('during start-up, before it listens: exits 0, posts nothing and leaves no claim', async () => {
    // Slack is slow to answer auth.test, so the signal comes while start-up waits for it.
    slack.script('auth.test', [
      { status: 200, delayMs: 1500, body: { ok: true, url: 'https://stand-in.slack.com/', team: 'Stand-in', user: 'zhenxing', team_id: 'T0STANDIN', user_id: 'U0BOT', bot_id: 'B0BOT' } },
    ]);
    const app = run({ DIGEST_CRON: '0 0 * * *', DIGEST_CATCH_UP: 'true', DIGEST_CHANNELS: 'C0AAA' });
    await app.waitForLog('index loaded');
    await slack.waitFor((c) => c.method === 'auth.test', 10_000);
    await stop(app);
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(0);
    expect(readState(dataDir).claims).toEqual({});
  }, 60_000);

  it('during the start-up catch-up, waiting out a Retry-After: exits 0, leaves no claim, and a restart posts once', async () => {
    slack.script('chat.postMessage', [{ status: 429, headers: { 'retry-after': '30' }, body: { ok: false, error: 'ratelimited' } }]);
    // Midnight has always passed today: the catch-up is due at start.
    const env = { DIGEST_CRON: '0 0 * * *', DIGEST_CATCH_UP: 'true', DIGEST_CHANNELS: 'C0AAA' };
    const first = run(env);
    await first.waitForLog('listening');
    await first.waitForLog('digest to slack channel C0AAA failed (ratelimited); retrying in 30000 ms');
    await stop(first);
    expect(first.lines().map((l) => l.msg)).toContain(
      'digest to slack channel C0AAA failed after 1 attempt (ratelimited: Slack rate-limited posting to C0AAA; retry after 30 s); shutting down: the next start catches up',
    );
    const left = readState(dataDir);
    expect(left.claims).toEqual({});
    expect(Object.values(left.sent).flat()).not.toContain('slack:C0AAA');

    // The restart, right after, catches up: one post, recorded, nothing left claimed.
    const second = run(env);
    await second.waitForLog(/^digest for \d{4}-\d{2}-\d{2} posted to slack:C0AAA$/);
    await stop(second);
    expect(postsTo('C0AAA')).toHaveLength(2); // the one refused with 429, and the one accepted
    const after = readState(dataDir);
    expect(Object.values(after.sent).flat()).toEqual(['slack:C0AAA']);
    expect(after.claims).toEqual({});
  }, 90_000);

  it('with posts in flight: exits 0 within its budget, starts no new post, and a restart posts each channel once', async () => {
    const channels = Array.from({ length: 8 }, (_, i) => `C0BBB000${i}`);
    // The first four posts (the scheduler has four in flight at once) get no answer before the process is gone.
    slack.script(
      'chat.postMessage',
      Array.from({ length: 4 }, () => ({ status: 200, body: { ok: true, ts: '1.1' }, delayMs: 30_000 })),
    );
    const env = { DIGEST_CRON: '*/2 * * * * *', DIGEST_CHANNELS: channels.join(',') };
    const first = run({ ...env, DIGEST_CATCH_UP: 'false' });
    await first.waitForLog('listening');
    await slack.waitFor(() => slack.calls.filter((c) => c.method === 'chat.postMessage').length >= 4, 20_000);
    const hung = slack.calls.filter((c) => c.method === 'chat.postMessage').map((c) => String(c.body.channel));
    expect(hung).toHaveLength(4);
    await stop(first);

    // Nothing was started after SIGTERM; the four unanswered posts keep their claims (they may have gone out, so
    // nobody may post them again at once), marked as posting; no other channel is left claimed.
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(4);
    const left = readState(dataDir);
    expect(Object.keys(left.claims).map((k) => k.split('|slack:')[1]).sort()).toEqual([...hung].sort());
    for (const claim of Object.values(left.claims)) expect(claim.posting).toBe(true);
    expect(first.lines().filter((l) => String(l.msg).includes('was sent but not answered before shutdown'))).toHaveLength(4);

    // The restart posts the four that were never started, once each, and leaves the four in doubt to their holder
    // until the claims go stale, with a retry set for then.
    const second = run({ ...env, DIGEST_CATCH_UP: 'true' });
    await second.waitForLog('listening');
    await slack.waitFor(() => slack.calls.filter((c) => c.method === 'chat.postMessage').length >= 8, 20_000);
    for (const c of channels.filter((ch) => !hung.includes(ch))) {
      await second.waitForLog(new RegExp(`^digest for \\d{4}-\\d{2}-\\d{2} posted to slack:${c}$`));
    }
    await second.waitForLog(/trying again at .* \(another process holds the claim\)$/);
    await stop(second);
    for (const c of channels) expect(postsTo(c), c).toHaveLength(1);
    const said = second.lines().map((l) => String(l.msg));
    const holder = Object.values(left.claims)[0]?.by;
    for (const c of hung) expect(said).toContainEqual(expect.stringMatching(new RegExp(`^digest for slack:${c} on .* is being posted by ${holder}$`)));
    const after = readState(dataDir);
    expect(Object.values(after.sent).flat().sort()).toEqual(channels.filter((c) => !hung.includes(c)).map((c) => `slack:${c}`).sort());
    expect(after.claims).toEqual(left.claims);
  }, 90_000);
});
