/**
 * `npm run bench:state`: the Redis state (STATE_URL) against a real redis-server started for the run, with two
 * replicas (two stores, each with its own connections) in this process. Prints, never asserts:
 * - claims: both replicas race for the same N (channel, date) claims — how many were granted (must be N), latency;
 * - share keys: both replicas add the same N keys — how many were told "first" (must be N), latency;
 * - pub/sub: a subscription made on one replica until the other's local copy has it;
 * - votes: N votes cast alternately through both replicas — record latency, tally latency on the other (the read a
 *   search makes), and that the other counts every vote;
 * - search log: N searches logged through each replica — time to save them, and `report`'s read of all 2N;
 * - outage: Redis stopped, M subscriptions, M votes and M searches made on one replica meanwhile, Redis started —
 *   time until they are all saved and the other replica sees them, counted once; claims refused meanwhile.
 * Needs redis-server on PATH (apt-get install redis-server).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../src/observability/logger.js';
import { createStateBackend, type StateBackend } from '../src/state/backend.js';
import { redisAvailable, startRedis } from '../test/helpers/redis-server.js';

const N = Number(process.env.BENCH_N ?? 2000);
const M = Number(process.env.BENCH_M ?? 200);

function percentile(sorted: readonly number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] as number;
}
const ms = (x: number) => `${x.toFixed(2)} ms`;
const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `p50 ${ms(percentile(s, 0.5))}, p99 ${ms(percentile(s, 0.99))}, max ${ms(s[s.length - 1] as number)}`;
};
async function until(check: () => boolean, timeoutMs = 30_000): Promise<number> {
  const t0 = performance.now();
  while (!check()) {
    if (performance.now() - t0 > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 1));
  }
  return performance.now() - t0;
}

async function main(): Promise<void> {
  if (!redisAvailable) throw new Error('redis-server is not installed (apt-get install redis-server)');
  const redis = await startRedis();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-bench-state-'));
  const logger = createLogger({ level: 'silent' });
  const replica = (name: string): Promise<StateBackend> =>
    createStateBackend({ dataDir: path.join(dir, name), stateUrl: redis.url, logger });
  const a = await replica('a');
  const b = await replica('b');
  const date = new Date().toISOString().slice(0, 10);
  try {
    console.log(`redis-server on ${redis.url}; ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(1)}`);

    // Claims: both replicas ask for every (channel, date) at the same moment.
    const lat: number[] = [];
    let granted = 0;
    const timed = async <T>(f: () => Promise<T>) => {
      const t = performance.now();
      const r = await f();
      lat.push(performance.now() - t);
      return r;
    };
    const t0 = performance.now();
    for (let i = 0; i < N; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, N - i) }, async (_, j) => {
          const channel = { platform: 'slack' as const, id: `C${i + j}` };
          const [x, y] = await Promise.all([timed(() => a.store.claim!(channel, date)), timed(() => b.store.claim!(channel, date))]);
          granted += Number(x.granted) + Number(y.granted);
        }),
      );
    }
    console.log(`claims: ${N} channels × 2 replicas racing → ${granted} granted (must be ${N}); ${summary(lat)}; ${Math.round((2 * N) / ((performance.now() - t0) / 1000))} claims/s`);

    // Share keys: the same click delivered to both replicas.
    const sa = await a.seenKeys({ name: 'bench-shares', ttlMs: 60_000, whenDown: 'refuse' });
    const sb = await b.seenKeys({ name: 'bench-shares', ttlMs: 60_000, whenDown: 'refuse' });
    lat.length = 0;
    let firsts = 0;
    for (let i = 0; i < N; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, N - i) }, async (_, j) => {
          const key = `share:C1:1700000000.0001:U1:${i + j}`;
          const [x, y] = await Promise.all([timed(() => sa.add(key)), timed(() => sb.add(key))]);
          firsts += Number(x) + Number(y);
        }),
      );
    }
    console.log(`share keys: ${N} clicks each delivered to both replicas → ${firsts} posted (must be ${N}); ${summary(lat)}`);

    // Pub/sub: a subscription through one replica, until the other knows it.
    lat.length = 0;
    for (let i = 0; i < 200; i++) {
      const channel = { platform: 'feishu' as const, id: `oc_${i}` };
      const t = performance.now();
      await a.store.subscribe(channel);
      await until(() => b.store.isSubscribed(channel));
      lat.push(performance.now() - t);
    }
    console.log(`pub/sub: subscribe() called on replica a → known to replica b: ${summary(lat)} (200 subscriptions)`);

    // Votes: cast alternately through both replicas, read (tally, as a search does) on the other.
    lat.length = 0;
    const tallyLat: number[] = [];
    for (let i = 0; i < N; i++) {
      const [by, other] = i % 2 ? [a, b] : [b, a];
      const vote = { query: `q${i % 100}`, passageId: `p${i % 7}`, voter: `v${i}`, value: i % 3 ? 'up' : 'down', platform: 'slack', at: Date.now() } as const;
      await timed(() => by.votes.record(vote));
      const t = performance.now();
      await other.votes.tally(vote.query);
      tallyLat.push(performance.now() - t);
    }
    let counted = 0;
    for (let q = 0; q < 100; q++) for (const t of (await a.votes.tally(`q${q}`)).values()) counted += t.up + t.down;
    console.log(`votes: ${N} cast through both replicas → ${counted} counted on replica a (must be ${N}); record ${summary(lat)}; tally on the other replica ${summary(tallyLat)}`);

    // Search log: N entries through each replica (not awaited by the search), then saved; report reads them all.
    const tLog = performance.now();
    for (let i = 0; i < N; i++) {
      const entry = { at: Date.now(), query: `s${i % 300}`, count: i % 5, partial: false, corrected: false, platform: 'slack' };
      await a.searchLog.record(entry);
      await b.searchLog.record(entry);
    }
    await a.searchLog.flush();
    await b.searchLog.flush();
    const logged = performance.now() - tLog;
    const tList = performance.now();
    const listed = await a.searchLog.list();
    console.log(`search log: ${2 * N} searches through both replicas saved in ${ms(logged)} (${Math.round((2 * N) / (logged / 1000))}/s); report's read of all ${listed.length} (must be ${2 * N}): ${ms(performance.now() - tList)}`);

    // Outage.
    await redis.stop();
    await until(() => a.status().state === 'down');
    let refused = 0;
    for (let i = 0; i < 20; i++) await a.store.claim!({ platform: 'slack', id: `X${i}` }, date).catch(() => (refused += 1));
    for (let i = 0; i < M; i++) await a.store.subscribe({ platform: 'slack', id: `LATE${i}` });
    const tDown = performance.now();
    for (let i = 0; i < M; i++) {
      await a.votes.record({ query: 'outage', passageId: `p${i}`, voter: 'v-outage', value: 'up', platform: 'slack', at: Date.now() });
      await a.searchLog.record({ at: Date.now(), query: 'outage', count: 1, partial: false, corrected: false, platform: 'slack' });
      await a.votes.tally('q1');
    }
    const perOp = (performance.now() - tDown) / (3 * M);
    await a.searchLog.flush().catch(() => undefined);
    const pendingWhileDown = a.status().pendingWrites;
    const tStart = performance.now();
    await redis.start();
    const saved = await until(() => a.status().ok);
    const seen = await until(() => b.store.isSubscribed({ platform: 'slack', id: `LATE${M - 1}` }));
    const total = performance.now() - tStart;
    const all = Array.from({ length: M }, (_, i) => b.store.isSubscribed({ platform: 'slack', id: `LATE${i}` })).every(Boolean);
    let outageVotes = 0;
    for (const t of (await b.votes.tally('outage')).values()) outageVotes += t.up + t.down;
    const outageSearches = (await b.searchLog.list()).filter((e) => e.query === 'outage').length;
    console.log(
      `outage: ${refused}/20 claims refused while down; a vote, a search log entry or a tally took ${ms(perOp)} on average while down; ` +
        `${pendingWhileDown} writes queued (${M} subscriptions, ${M} votes, ${M} searches); after redis-server started: ` +
        `all saved in ${ms(saved)}, the other replica had all ${M} subscriptions: ${all} (${ms(total)} after start, +${ms(seen)} after saving), ` +
        `${outageVotes} votes and ${outageSearches} searches counted (must be ${M} and ${M})`,
    );
  } finally {
    await a.close();
    await b.close();
    await redis.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
