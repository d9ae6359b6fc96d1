/**
 * Fault benchmark (issue 10): what the bot does under three faults, measured on the built app (`node dist/main.js`,
 * Slack HTTP mode) against a Slack stand-in on 127.0.0.1 in this process. Figures are printed, never asserted.
 *
 *   npm run bench:faults                         # all three, 60 s stall
 *   npm run bench:faults -- --stall 20 --burst 100,400 --only burst,stall,kill --json
 *   npm run bench:faults -- --dist /path/to/other/dist   # the same against another build (e.g. before the fix)
 *
 * 1. burst: N concurrent unsigned 3.9 MB POSTs to /slack/events, sent from a child process. App RSS growth over idle
 *    (peak, sampled every 20 ms from /proc) and /healthz latency (a fresh connection every 20 ms, from this process)
 *    while they run.
 * 2. stall: 40 slash commands whose response_url accepts the connection and then answers nothing for `--stall`
 *    seconds (every attempt in that window), then 100 ordinary commands (10 at a time) while it lasts: how many
 *    ordinary answers arrive and how fast; then, after the stall, how many stalled answers were delivered and how
 *    many given up (zhenxing_outbound_given_up_total); and 20 commands to the same response_url host once it answers
 *    again.
 * 3. kill: the start-up digest catch-up to 4 channels against a Slack that takes each post at once and answers after
 *    30 s; kill -9 once all four are taken; the claims are aged 16 minutes in state.json (instead of waiting 15);
 *    restart: posts per channel.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuilt } from '../test/helpers/ensure-built.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SECRET = 'benchsigningsecret0123456789abcd';

const { values: args } = parseArgs({
  options: {
    stall: { type: 'string', default: '60' },
    burst: { type: 'string', default: '100' },
    only: { type: 'string', default: 'burst,stall,kill' },
    dist: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const DIST = path.resolve(args.dist ?? path.join(ROOT, 'dist'));
const log = (s: string) => process.stderr.write(`${s}\n`);

// ---------------------------------------------------------------------------------------------------------------
// A Slack stand-in with a stall window and slow posts, recording what it took.

interface Sink {
  url: string;
  /** response_url paths answered (status sent), with when. */
  answered: Map<string, number>;
  /** Requests received per response_url path. */
  hits: Map<string, number>;
  /** chat.postMessage bodies taken, per channel. */
  posts: Map<string, { ts: string; metadata?: unknown }[]>;
  stallUntil: number;
  postDelayMs: number;
  close(): Promise<void>;
}

async function startSink(): Promise<Sink> {
  let ts = 1_700_000_000;
  const sink: Omit<Sink, 'url' | 'close'> = { answered: new Map(), hits: new Map(), posts: new Map(), stallUntil: 0, postDelayMs: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const p = new URL(req.url ?? '/', 'http://x').pathname;
      const raw = Buffer.concat(chunks).toString('utf8');
      const json = (body: unknown) => {
        if (res.destroyed) return;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (p.startsWith('/response/')) {
        sink.hits.set(p, (sink.hits.get(p) ?? 0) + 1);
        const answer = () => {
          if (res.destroyed) return;
          sink.answered.set(p, Date.now());
          json({ ok: true });
        };
        if (p.startsWith('/response/stall-') && Date.now() < sink.stallUntil) setTimeout(answer, sink.stallUntil - Date.now());
        else answer();
        return;
      }
      const form = new URLSearchParams(raw);
      const method = p.replace('/api/', '');
      if (method === 'chat.postMessage') {
        const channel = form.get('channel') ?? '';
        ts += 1;
        const metadata = form.get('metadata');
        const list = sink.posts.get(channel) ?? [];
        list.push({ ts: `${ts}.000100`, ...(metadata ? { metadata: JSON.parse(metadata) as unknown } : {}) });
        sink.posts.set(channel, list);
        setTimeout(() => json({ ok: true, channel, ts: `${ts}.000100` }), sink.postDelayMs);
        return;
      }
      if (method === 'conversations.history') {
        const list = [...(sink.posts.get(form.get('channel') ?? '') ?? [])].reverse();
        json({ ok: true, messages: list.map((m) => ({ type: 'message', ts: m.ts, ...(m.metadata ? { metadata: m.metadata } : {}) })) });
        return;
      }
      json({ ok: true, team_id: 'T0', user_id: 'U0BOT', bot_id: 'B0BOT' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return Object.assign(sink, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The app.

interface App {
  child: ChildProcess;
  port: number;
  out(): string;
  exit: Promise<void>;
}

async function startApp(env: Record<string, string>): Promise<App> {
  const child = spawn(process.execPath, [path.join(DIST, 'main.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, ...env },
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const exit = new Promise<void>((r) => child.on('exit', () => r()));
  const until = Date.now() + 120_000;
  for (;;) {
    const m = /"port":(\d+)[^\n]*"msg":"listening"/.exec(out);
    if (m) return { child, port: Number(m[1]), out: () => out, exit };
    if (child.exitCode !== null || Date.now() > until) throw new Error(`app did not start:\n${out.slice(-2000)}`);
    await sleep(50);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1] ?? 0) / 1024;
}

function signed(body: string): Record<string, string> {
  const t = Math.floor(Date.now() / 1000);
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(t),
    'x-slack-signature': `v0=${createHmac('sha256', SECRET).update(`v0:${t}:${body}`).digest('hex')}`,
  };
}

function command(port: number, text: string, responseUrl: string): Promise<number> {
  const body = new URLSearchParams({
    command: '/zhenxing',
    text,
    response_url: responseUrl,
    user_id: 'U0BENCH',
    channel_id: 'C0BENCH',
    team_id: 'T0',
    trigger_id: randomUUID(),
  }).toString();
  return fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: signed(body), body }).then((r) => r.status);
}

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};

async function metric(port: number, name: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith(name))
    .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Unsigned burst.

/**
 * The uploads run in a child process, so that writing N × 3.9 MB does not hold up this process's /healthz probe (the
 * figure is the app's latency, not the load generator's). Prints one JSON line: statuses by code (-1: the connection
 * was closed before the whole body was sent — refused without being read).
 */
const UPLOADER = `
const http = require('node:http');
const [port, n] = process.argv.slice(1).map(Number);
const body = Buffer.alloc(3.9e6, 'a');
const one = () => new Promise((resolve) => {
  const req = http.request({ host: '127.0.0.1', port, path: '/slack/events', method: 'POST', agent: false,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.length) } }, (res) => {
    res.resume(); res.on('end', () => resolve(res.statusCode));
  });
  req.on('error', () => resolve(-1));
  req.end(body);
});
const t = Date.now();
Promise.all(Array.from({ length: n }, one)).then((codes) => {
  const statuses = {};
  for (const c of codes) statuses[c] = (statuses[c] || 0) + 1;
  process.stdout.write(JSON.stringify({ statuses, ms: Date.now() - t }));
});
`;

function uploads(port: number, n: number): Promise<{ statuses: Record<string, number>; ms: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', UPLOADER, String(port), String(n)]);
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.on('exit', () => {
      try {
        resolve(JSON.parse(out) as { statuses: Record<string, number>; ms: number });
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  });
}

async function burst(n: number) {
  const sink = await startSink();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-bench-burst-'));
  const app = await startApp({ DATA_DIR: dir, SLACK_API_URL: `${sink.url}/api/`, DIGEST_CATCH_UP: 'false' });
  const pid = app.child.pid as number;
  await sleep(1000);
  const idle = rssMb(pid);
  let peak = idle;
  const healthz: number[] = [];
  let running = true;
  const sampler = (async () => {
    while (running) {
      peak = Math.max(peak, rssMb(pid));
      await sleep(20);
    }
  })();
  const prober = (async () => {
    while (running) {
      const t = performance.now();
      await new Promise<void>((r) => http.get({ host: '127.0.0.1', port: app.port, path: '/healthz', agent: false }, (res) => res.resume().on('end', r)).on('error', () => r()));
      healthz.push(performance.now() - t);
      await sleep(20);
    }
  })();
  await sleep(200);
  const baseline = healthz.length;
  const { statuses: byStatus, ms } = await uploads(app.port, n);
  const during = healthz.slice(baseline);
  await sleep(300);
  running = false;
  await Promise.all([sampler, prober]);
  app.child.kill('SIGTERM');
  await app.exit;
  await sink.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    requests: n,
    statuses: byStatus,
    burstMs: Math.round(ms),
    idleRssMb: Math.round(idle),
    peakRssMb: Math.round(peak),
    rssGrowthMb: Math.round(peak - idle),
    healthzDuringBurst: { samples: during.length, p50Ms: +pct(during, 50).toFixed(1), p99Ms: +pct(during, 99).toFixed(1), maxMs: +Math.max(...during).toFixed(1) },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 2. A stalled response_url.

async function stall(stallSeconds: number) {
  const sink = await startSink();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-bench-stall-'));
  const app = await startApp({ DATA_DIR: dir, SLACK_API_URL: `${sink.url}/api/`, DIGEST_CATCH_UP: 'false' });
  sink.stallUntil = Date.now() + stallSeconds * 1000;
  const stalled = Array.from({ length: 40 }, (_, i) => `/response/stall-${i}`);
  await Promise.all(stalled.map((p) => command(app.port, '人才振兴', `${sink.url}${p}`)));
  // Ordinary commands while the stall lasts, 10 at a time.
  const latencies: number[] = [];
  let acked = 0;
  const queries = ['生态振兴', '文化振兴', '产业振兴', '组织振兴', '帮助'];
  for (let round = 0; round < 10; round++) {
    await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const p = `/response/ok-${round}-${i}`;
        const t = Date.now();
        if ((await command(app.port, queries[(round + i) % queries.length] as string, `${sink.url}${p}`)) === 200) acked += 1;
        for (let waited = 0; waited < 15_000 && !sink.answered.has(p); waited += 10) await sleep(10);
        const at = sink.answered.get(p);
        if (at !== undefined) latencies.push(at - t);
      }),
    );
  }
  const duringStall = Date.now() < sink.stallUntil;
  // After the stall: wait for the retries to finish either way (3 attempts × 5 s timeout + backoff).
  const settle = Math.max(0, sink.stallUntil - Date.now()) + 20_000;
  log(`  stall: ordinary answers done; waiting ${Math.round(settle / 1000)} s for the stalled ones to settle…`);
  await sleep(settle);
  const delivered = stalled.filter((p) => sink.answered.has(p)).length;
  // After the stall: the same response_url host, 20 more commands.
  const after = Array.from({ length: 20 }, (_, i) => `/response/stall-after-${i}`);
  await Promise.all(after.map((p) => command(app.port, '人才振兴', `${sink.url}${p}`)));
  for (let waited = 0; waited < 10_000 && after.some((p) => !sink.answered.has(p)); waited += 20) await sleep(20);
  const afterDelivered = after.filter((p) => sink.answered.has(p)).length;
  const givenUp = await metric(app.port, 'zhenxing_outbound_given_up_total{peer="slack.response_url"');
  const attempts = stalled.reduce((n, p) => n + (sink.hits.get(p) ?? 0), 0);
  app.child.kill('SIGTERM');
  await app.exit;
  await sink.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    stallSeconds,
    ordinary: {
      sent: 100,
      acked,
      answered: latencies.length,
      allWhileStalled: duringStall,
      p50Ms: pct(latencies, 50),
      p99Ms: pct(latencies, 99),
      maxMs: latencies.length ? Math.max(...latencies) : NaN,
    },
    stalledAnswers: { sent: 40, deliveredAfterStall: delivered, givenUpCounted: givenUp, attemptsReceived: attempts },
    afterStall: { sent: 20, delivered: afterDelivered },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 3. kill -9 during a slow digest post.

async function kill() {
  const sink = await startSink();
  sink.postDelayMs = 30_000;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-bench-kill-'));
  const channels = ['C0K1', 'C0K2', 'C0K3', 'C0K4'];
  const env = {
    DATA_DIR: dir,
    SLACK_API_URL: `${sink.url}/api/`,
    DIGEST_CRON: '0 0 * * *',
    DIGEST_TZ: 'UTC',
    DIGEST_CATCH_UP: 'true',
    DIGEST_CHANNELS: channels.join(','),
  };
  const first = await startApp(env);
  for (let waited = 0; waited < 60_000 && channels.some((c) => !sink.posts.has(c)); waited += 20) await sleep(20);
  first.child.kill('SIGKILL');
  await first.exit;
  const taken = channels.map((c) => sink.posts.get(c)?.length ?? 0);
  const file = path.join(dir, 'state.json');
  const state = JSON.parse(readFileSync(file, 'utf8')) as { claims: Record<string, { at: number }> };
  for (const c of Object.values(state.claims)) c.at -= 16 * 60_000;
  writeFileSync(file, JSON.stringify(state, null, 2));
  sink.postDelayMs = 0;
  const second = await startApp(env);
  const done = () => {
    const s = JSON.parse(readFileSync(file, 'utf8')) as { sent: Record<string, string[]> };
    return channels.every((c) => Object.values(s.sent).flat().includes(`slack:${c}`));
  };
  for (let waited = 0; waited < 60_000 && !done(); waited += 50) await sleep(50);
  await sleep(500);
  const found = second.out().split('\n').filter((l) => l.includes('is already in slack:')).length;
  second.child.kill('SIGTERM');
  await second.exit;
  await sink.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    channels: channels.length,
    postsTakenBeforeKill: taken,
    postsPerChannelAfterRestart: Object.fromEntries(channels.map((c) => [c, sink.posts.get(c)?.length ?? 0])),
    foundInHistory: found,
  };
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  if (!args.dist) ensureBuilt();
  const only = new Set(args.only.split(','));
  const results: Record<string, unknown> = { dist: DIST, cores: os.cpus().length, load: os.loadavg().map((x) => +x.toFixed(1)) };
  if (only.has('burst')) {
    for (const n of args.burst.split(',').map(Number)) {
      log(`burst: ${n} concurrent unsigned 3.9 MB POSTs…`);
      results[`burst${n}`] = await burst(n);
      log(`  ${JSON.stringify(results[`burst${n}`])}`);
    }
  }
  if (only.has('stall')) {
    log(`stall: 40 response_urls silent for ${args.stall} s, 100 ordinary commands meanwhile…`);
    results.stall = await stall(Number(args.stall));
    log(`  ${JSON.stringify(results.stall)}`);
  }
  if (only.has('kill')) {
    log('kill: kill -9 during a slow digest post to 4 channels, restart…');
    results.kill = await kill();
    log(`  ${JSON.stringify(results.kill)}`);
  }
  process.stdout.write(`${JSON.stringify(results, null, args.json ? 0 : 2)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
