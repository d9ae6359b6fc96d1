/**
 * Load benchmark: drives the HTTP app (Slack HTTP mode) with signed slash commands at increasing concurrency until
 * the ack's p99 passes the limit (100 ms), then reports the largest sustained rate and the app's memory at it.
 *
 *   npm run bench:load                       # levels 1,2,4,…,256, 5 s each
 *   npm run bench:load -- --duration 10 --levels 1,4,16,64 --p99 100 --json
 *
 * The app runs as its own process (`node dist/main.js`, built first if stale) so its memory and event loop are its
 * own; Slack's Web API and response_urls point at a sink on 127.0.0.1 in this process, so nothing leaves the
 * machine. Each request is signed like Slack signs it, with a fresh timestamp and trigger id.
 *
 * "Sustained" means: ack p99 within the limit, no errors or non-2xx answers, and the answers themselves (posted to
 * response_url after the ack) kept up — at least 99% of the acknowledged commands were answered by the end of the
 * step plus a short grace period. Past its cap on pending answers the app answers "busy, try again" instead of
 * searching; those answers are counted apart (the `busy` column) and do not count towards sustained.
 * Figures depend on the machine; they are printed, never asserted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuilt } from '../test/helpers/ensure-built.js';

const ROOT = path.resolve(import.meta.dirname, '..');

/** The slice of autocannon's API used here (the package ships no types). */
interface CannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  setupRequest?: (req: CannonRequest) => CannonRequest;
}
interface CannonHistogram {
  average: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}
interface CannonResult {
  latency: CannonHistogram;
  requests: CannonHistogram & { total: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  pipelining?: number;
  timeout?: number;
  requests: CannonRequest[];
}) => Promise<CannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** Options, with defaults merged here and only here. */
interface LoadOptions {
  /** Seconds per concurrency level. Default 5. */
  duration: number;
  /** Concurrency levels, in order. Default 1,2,4,…,256. */
  levels: number[];
  /** Ack p99 limit in milliseconds. Default 100. */
  p99: number;
  /** Print the report as JSON. Default false. */
  json: boolean;
}

function options(argv: string[]): LoadOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string', default: '5' },
      levels: { type: 'string', default: '1,2,4,8,16,32,64,128,256' },
      p99: { type: 'string', default: '100' },
      json: { type: 'boolean', default: false },
    },
  });
  const num = (name: string, s: string) => {
    const n = Number(s);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got "${s}"`);
    return n;
  };
  return {
    duration: num('duration', values.duration),
    levels: values.levels.split(',').map((s) => Math.round(num('levels', s.trim()))),
    p99: num('p99', values.p99),
    json: values.json,
  };
}

/** What users type: the judged eval queries plus the other commands. */
function commandTexts(): string[] {
  const fixture = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/eval-queries.json'), 'utf8')) as {
    queries: { query: string }[];
  };
  return [...fixture.queries.map((q) => q.query), 'help', '今日', '主题 人才', '文档', 'theme:ecology'];
}

/** The start of the app's "busy, try again" answer (src/platform/messages.ts, BUSY). */
const BUSY_MARK = Buffer.from('现在请求较多');

/** Slack's Web API and response_urls: answers ok at once and counts answers (and busy answers among them). */
async function startSink(): Promise<{ url: string; answered: () => number; busy: () => number; close: () => Promise<void> }> {
  let answered = 0;
  let busy = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url?.startsWith('/response/')) {
        answered += 1;
        if (Buffer.concat(chunks).includes(BUSY_MARK)) busy += 1;
      }
      res.setHeader('content-type', 'application/json');
      res.end(
        req.url?.startsWith('/api/auth.test')
          ? '{"ok":true,"team_id":"T0LOAD","user_id":"U0BOT","bot_id":"B0BOT","team":"load","user":"zhenxing","url":"https://load.slack.com/"}'
          : '{"ok":true}',
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    answered: () => answered,
    busy: () => busy,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface App {
  child: ChildProcess;
  port: number;
  logFile: string;
  stop(): Promise<number | null>;
}

async function startApp(sinkUrl: string, secret: string, dir: string): Promise<App> {
  ensureBuilt();
  const logFile = path.join(dir, 'app.log');
  const out = openSync(logFile, 'a');
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/main.js')], {
    cwd: ROOT,
    stdio: ['ignore', out, out],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: path.join(dir, 'data'),
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: 'xoxb-load-test',
      SLACK_SIGNING_SECRET: secret,
      SLACK_API_URL: `${sinkUrl}/api/`,
      DIGEST_CATCH_UP: 'false',
    },
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const lines = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n') : [];
    const listening = lines.map(parseJson).find((l) => l?.msg === 'listening');
    if (listening && typeof listening.port === 'number') {
      return {
        child,
        port: listening.port,
        logFile,
        stop: async () => {
          child.kill('SIGTERM');
          return exited;
        },
      };
    }
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode} before listening:\n${lines.slice(-10).join('\n')}`);
    if (Date.now() > deadline) throw new Error('the app did not log "listening" within 60 s');
    await sleep(100);
  }
}

function parseJson(line: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resident memory of a process in bytes, from /proc (Linux) or the app's own /metrics elsewhere. */
async function rssBytes(pid: number, port: number): Promise<number> {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (m?.[1]) return Number(m[1]) * 1024;
  } catch {
    // not Linux: ask the app
  }
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return Number(/^zhenxing_process_resident_memory_bytes (\S+)$/m.exec(text)?.[1] ?? NaN);
}

interface Step {
  concurrency: number;
  /** Acknowledged requests per second (mean over the step). */
  rate: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  acked: number;
  /** Real answers (not busy) that reached response_url by the end of the step plus a 2 s grace period. */
  answered: number;
  /** "Busy, try again" answers in that time: commands refused because too many answers were pending. */
  busy: number;
  /** Peak resident memory of the app during the step, MB. */
  rssMb: number;
  sustained: boolean;
}

/** Why a step does not count as sustained, for the table. */
function whyNot(step: Step, p99Limit: number): string {
  if (step.p99 > p99Limit) return `ack p99 over ${p99Limit} ms`;
  if (step.errors + step.non2xx > 0) return 'errors';
  if (step.busy > 0) return 'commands refused as busy';
  return 'answers falling behind';
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-load-'));
  const secret = randomBytes(16).toString('hex');
  const sink = await startSink();
  const app = await startApp(sink.url, secret, dir);
  const texts = commandTexts();
  let n = 0;

  const signed = (req: CannonRequest): CannonRequest => {
    n += 1;
    const body = new URLSearchParams({
      token: 'unused',
      team_id: 'T0LOAD',
      team_domain: 'load',
      channel_id: `C0LOAD${n % 50}`,
      channel_name: 'load',
      user_id: `U0LOAD${n % 200}`,
      user_name: 'load',
      command: '/zhenxing',
      text: texts[n % texts.length] ?? 'help',
      api_app_id: 'A0LOAD',
      response_url: `${sink.url}/response/${n}`,
      trigger_id: randomUUID(),
    }).toString();
    const ts = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
    return {
      ...req,
      body,
      headers: {
        ...req.headers,
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': signature,
      },
    };
  };
  const request: CannonRequest = { method: 'POST', path: '/slack/events', headers: {}, body: '', setupRequest: signed };
  const url = `http://127.0.0.1:${app.port}`;
  const log = (s: string) => {
    if (!opts.json) process.stdout.write(`${s}\n`);
  };

  const loadavg = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');
  log(`zhenxing load: ${url}/slack/events, ${opts.duration} s per level, ack p99 limit ${opts.p99} ms`);
  log(`machine: ${os.cpus().length} cores, node ${process.version}, load average ${loadavg()} (1/5/15 min; other processes share the cores)`);
  log(`idle RSS ${(await rssBytes(app.child.pid ?? 0, app.port)) / 2 ** 20 | 0} MB; warming up…`);
  let acked = (await autocannon({ url, connections: 2, duration: 2, requests: [request] }))['2xx'];
  /** Answers go out after the ack: wait until every acknowledged command has been answered, so no step inherits a backlog. */
  const drain = async (maxMs: number) => {
    const until = Date.now() + maxMs;
    while (sink.answered() < acked && Date.now() < until) await sleep(50);
  };
  await drain(60_000);

  const steps: Step[] = [];
  log('conc   req/s   p50 ms   p99 ms   max ms   errors  answered     busy   RSS MB');
  for (const concurrency of opts.levels) {
    await drain(60_000);
    const answeredBefore = sink.answered();
    const busyBefore = sink.busy();
    let peak = 0;
    const sampler = setInterval(() => {
      void rssBytes(app.child.pid ?? 0, app.port).then((b) => (peak = Math.max(peak, b)), () => {});
    }, 250);
    const r = await autocannon({ url, connections: concurrency, duration: opts.duration, timeout: 10, requests: [request] });
    acked += r['2xx'];
    // Give the answers still in flight a moment, then count.
    await drain(2000);
    clearInterval(sampler);
    peak = Math.max(peak, await rssBytes(app.child.pid ?? 0, app.port));
    const busy = sink.busy() - busyBefore;
    const answered = sink.answered() - answeredBefore - busy;
    const step: Step = {
      concurrency,
      rate: Math.round(r['2xx'] / r.duration),
      p50: r.latency.p50,
      p99: r.latency.p99,
      max: r.latency.max,
      errors: r.errors + r.timeouts,
      non2xx: r.non2xx,
      acked: r['2xx'],
      answered,
      busy,
      rssMb: Math.round(peak / 2 ** 20),
      sustained: false,
    };
    step.sustained =
      step.p99 <= opts.p99 &&
      step.errors === 0 &&
      step.non2xx === 0 &&
      step.acked > 0 &&
      busy === 0 &&
      answered >= 0.99 * step.acked;
    steps.push(step);
    log(
      `${String(concurrency).padStart(4)} ${String(step.rate).padStart(7)} ${String(step.p50).padStart(8)} ${String(step.p99).padStart(8)} ${String(step.max).padStart(8)} ${String(step.errors + step.non2xx).padStart(8)} ${`${Math.round((100 * answered) / Math.max(1, step.acked))}%`.padStart(9)} ${`${Math.round((100 * busy) / Math.max(1, step.acked))}%`.padStart(8)} ${String(step.rssMb).padStart(8)}${step.sustained ? '' : `   ← ${whyNot(step, opts.p99)}`}`,
    );
    if (step.p99 > opts.p99) break;
  }

  const best = steps.filter((s) => s.sustained).sort((a, b) => b.rate - a.rate)[0];
  const exitCode = await app.stop();
  await sink.close();
  const commandLines = readFileSync(app.logFile, 'utf8').split('\n').map(parseJson).filter((l) => l?.msg === 'command').length;
  rmSync(dir, { recursive: true, force: true });

  const report = {
    machine: { cpus: os.cpus().length, node: process.version, loadAverage: os.loadavg() },
    p99LimitMs: opts.p99,
    durationPerLevelS: opts.duration,
    steps,
    largestSustained: best ? { rate: best.rate, concurrency: best.concurrency, p99: best.p99, rssMb: best.rssMb } : null,
    commandLogLines: commandLines,
    exitCodeAfterSigterm: exitCode,
  };
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else if (best) {
    log(
      `\nlargest sustained rate: ${best.rate} commands/s at concurrency ${best.concurrency} (ack p99 ${best.p99} ms), app RSS ${best.rssMb} MB`,
    );
  } else {
    log(`\nno level stayed within ack p99 ${opts.p99} ms with every command answered`);
  }
  log(`app exit code after SIGTERM: ${exitCode}; load average at the end ${loadavg()}`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:load: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
