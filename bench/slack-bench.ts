/**
 * `npm run bench:slack`: signed slash commands at a fixed concurrency against the real Bolt app in HTTP mode
 * (real router and search engine), printing the ack latency (until the HTTP 200) and the time until the answer
 * reaches the response_url, p50/p99/max.
 *
 *   npm run bench:slack -- --n 2000 --concurrency 20 --warmup 200 [--in-process] [--text 帮助]
 *
 * The app runs in a child process, as it would in production; this process sends the commands and stands in for
 * Slack (response_url and Web API). With --in-process everything shares one event loop, which adds the load
 * generator's own cost to the figures.
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { TEST_SIGNING_SECRET, signedHeaders, slashCommandBody } from '../test/helpers/slack-sign.js';
import { startSlackStandIn } from '../test/helpers/slack-stand-in.js';
import { startSlackApp } from '../test/slack/harness.js';
import { createHttpFetch } from '../src/platform/http-fetch.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '200' },
    'in-process': { type: 'boolean', default: false },
    /** Send only this command text instead of the mix. */
    text: { type: 'string' },
    serve: { type: 'string' },
  },
});
const N = Number(values.n);
const CONCURRENCY = Number(values.concurrency);
const WARMUP = Number(values.warmup);

/** A mix of what people type: searches of several shapes, theme listings, help. */
const MIX = [
  '人才振兴',
  '怎样发展村集体经济',
  '乡村治理',
  '绿水青山就是金山银山',
  '党建引领',
  '产业振兴 theme:industry',
  '主题 人才',
  '基层党组织 头雁',
  '文化振兴',
  '帮助',
  '生态宜居',
  'talent',
];
const TEXTS = values.text !== undefined ? [values.text] : MIX;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] as number;
}

/** Child mode: run the app against the parent's stand-in, report the URL, stop when told. */
async function serve(apiUrl: string): Promise<void> {
  const app = await startSlackApp({ apiUrl, logLevel: 'info', discardLogs: true });
  process.send?.({ eventsUrl: app.eventsUrl });
  process.on('message', (m) => {
    if (m === 'cpu') process.send?.({ cpu: process.cpuUsage() });
    if (m === 'stop') void app.close().then(() => process.exit(0));
  });
}

/** Starts the app (child process or in process); resolves with its events URL and a stop function. */
async function startApp(
  apiUrl: string,
): Promise<{ eventsUrl: string; cpu(): Promise<NodeJS.CpuUsage>; stop(): Promise<void> }> {
  if (values['in-process']) {
    const app = await startSlackApp({ apiUrl, logLevel: 'info', discardLogs: true });
    return { eventsUrl: app.eventsUrl, cpu: async () => process.cpuUsage(), stop: () => app.close() };
  }
  const child = fork(process.argv[1] as string, ['--serve', apiUrl], { execArgv: process.execArgv, stdio: 'inherit' });
  const eventsUrl = await new Promise<string>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { eventsUrl: string }).eventsUrl));
    child.once('exit', (code) => reject(new Error(`app process exited with code ${code}`)));
  });
  return {
    eventsUrl,
    cpu: () =>
      new Promise((resolve) => {
        const onMessage = (m: unknown) => {
          const cpu = (m as { cpu?: NodeJS.CpuUsage }).cpu;
          if (!cpu) return;
          child.off('message', onMessage);
          resolve(cpu);
        };
        child.on('message', onMessage);
        child.send('cpu');
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}

async function main(): Promise<void> {
  const slack = await startSlackStandIn();
  const app = await startApp(slack.url);
  const ack: number[] = [];
  const resp: number[] = [];
  let failures = 0;
  // "Busy, try again" answers: the app refused the command because too many answers were pending.
  let busy = 0;

  // The load generator's own requests must stay cheap: the global fetch costs more CPU than the app's work.
  const post = createHttpFetch({ maxSockets: CONCURRENCY });
  // response_url id → resolves when the answer arrives
  const pending = new Map<string, () => void>();
  slack.onCall((c) => {
    if (c.method !== 'response') return;
    const id = decodeURIComponent(c.path.slice('/response/'.length));
    if (typeof c.body.text === 'string' && c.body.text.startsWith('现在请求较多')) busy += 1;
    pending.get(id)?.();
    pending.delete(id);
  });

  async function one(i: number, record: boolean): Promise<void> {
    const id = `b-${randomUUID()}`;
    const body = slashCommandBody({ text: TEXTS[i % TEXTS.length] as string, responseUrl: slack.responseUrl(id) });
    const answered = new Promise<number>((resolve) => pending.set(id, () => resolve(performance.now())));
    const t0 = performance.now();
    const res = await post(app.eventsUrl, { method: 'POST', headers: signedHeaders(TEST_SIGNING_SECRET, body), body });
    await res.arrayBuffer();
    const tAck = performance.now();
    if (res.status !== 200) failures += 1;
    const tResp = await answered;
    if (record) {
      ack.push(tAck - t0);
      resp.push(tResp - t0);
    }
  }

  async function run(count: number, record: boolean): Promise<number> {
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < count) {
          const i = next++;
          await one(i, record);
        }
      }),
    );
    return performance.now() - started;
  }

  await run(WARMUP, false);
  slack.calls.length = 0;
  busy = 0;
  const cpu0 = await app.cpu();
  const elapsed = await run(N, true);
  const cpu1 = await app.cpu();
  const cpuMs = (cpu1.user - cpu0.user + cpu1.system - cpu0.system) / 1000;
  ack.sort((a, b) => a - b);
  resp.sort((a, b) => a - b);
  const f = (x: number) => x.toFixed(1).padStart(7);
  console.log(
    `slack bench: ${N} signed slash commands, concurrency ${CONCURRENCY}, warm-up ${WARMUP}, app ${values['in-process'] ? 'in this process' : 'in a child process'}`,
  );
  console.log(`machine: ${os.cpus().length} cores, node ${process.version}`);
  console.log(`                       p50      p99      max   (ms)`);
  console.log(`ack (HTTP 200)     ${f(percentile(ack, 50))}  ${f(percentile(ack, 99))}  ${f(ack.at(-1) ?? NaN)}`);
  console.log(`response_url       ${f(percentile(resp, 50))}  ${f(percentile(resp, 99))}  ${f(resp.at(-1) ?? NaN)}`);
  console.log(`throughput: ${((N / elapsed) * 1000).toFixed(0)} commands/s; non-200 acks: ${failures}; busy answers: ${busy}`);
  console.log(
    `app CPU: ${(cpuMs / N).toFixed(2)} ms per command${values['in-process'] ? ' (including the load generator)' : ''}; load average ${os.loadavg()[0]?.toFixed(1)} (other processes share the cores)`,
  );
  console.log(`targets: ack p99 <= 50 ms ${percentile(ack, 99) <= 50 ? 'met' : 'MISSED'}, response p99 <= 150 ms ${percentile(resp, 99) <= 150 ? 'met' : 'MISSED'}`);
  await app.stop();
  await slack.close();
  post.close();
}

(values.serve ? serve(values.serve) : main()).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
