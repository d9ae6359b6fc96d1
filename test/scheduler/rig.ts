/**
 * A scheduler wired like main wires it: real planner over the real corpus, the real file state store in a temp
 * DATA_DIR, the real Slack sender (createSlackAdapter(...).sender, a Bolt WebClient) posting to the loopback Slack
 * stand-in, real pino logs and prom-client metrics.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import type { Config } from '../../src/config.js';
import { createDigestPlanner, todayIn } from '../../src/digest/index.js';
import type { DigestPlanner } from '../../src/digest/types.js';
import { createMetrics, type Metrics } from '../../src/observability/metrics.js';
import type { Router } from '../../src/router/view-model.js';
import { createDigestScheduler, type DigestScheduler, type DigestSchedulerDeps } from '../../src/scheduler/digest-scheduler.js';
import { createHttpServer } from '../../src/server/http-server.js';
import { createSlackAdapter } from '../../src/slack/index.js';
import type { DigestSender } from '../../src/state/delivery.js';
import { createStateStore } from '../../src/state/file-store.js';
import type { StateStore } from '../../src/state/types.js';
import { getSharedCorpus } from '../helpers/shared-index.js';
import { startSlackStandIn, type SlackStandIn, type StandInCall } from '../helpers/slack-stand-in.js';
import { captureLogger, type CapturedLogger } from './test-logger.js';

export const TZ = 'Asia/Shanghai';

/** Shanghai wall-clock time as an instant: sh('2025-06-02 08:30'), sh('2025-06-02 23:59:30'). */
export const sh = (local: string) => new Date(`${local.replace(' ', 'T')}${local.length === 16 ? ':00' : ''}+08:00`);

/** Fakes only the clock and timers node-cron uses; setImmediate stays real so I/O can be awaited. */
export function fakeClock(at: Date): void {
  vi.useFakeTimers({ now: at, toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
}

let planner: DigestPlanner | undefined;

/** The planner main builds, over the worker's shared corpus. */
export function sharedPlanner(): DigestPlanner {
  planner ??= createDigestPlanner(getSharedCorpus());
  return planner;
}

export interface Rig {
  slack: SlackStandIn;
  dataDir: string;
  log: CapturedLogger;
  metrics: Metrics;
  sender: DigestSender;
  planner: DigestPlanner;
  /** Waits recorded by the scheduler's sleep (ms). */
  sleeps: number[];
  /** A store and scheduler over the rig's DATA_DIR, like one process starting; each call is a (re)start. */
  boot(overrides?: Partial<DigestSchedulerDeps> & { instanceId?: string; claimStaleMs?: number }): Promise<{ store: StateStore; scheduler: DigestScheduler }>;
  /** chat.postMessage calls for a channel. */
  posts(channel?: string): StandInCall[];
  /** Posts per "channel date" (date in TZ at the time of the call). */
  postsByDay(): Map<string, number>;
  close(): Promise<void>;
}

export async function startRig(): Promise<Rig> {
  const slack = await startSlackStandIn();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-digest-'));
  const log = captureLogger();
  const metrics = createMetrics({ defaultMetrics: false });
  const slackConfig: NonNullable<Config['slack']> = {
    botToken: 'xoxb-test-token',
    signingSecret: 'abcdef0123456789abcdef0123456789',
    appToken: undefined,
    socketMode: false,
    apiUrl: slack.url,
    digestChannels: [],
  };
  // The sender needs no router: the adapter only registers listeners with it.
  const adapter = createSlackAdapter({
    config: slackConfig,
    router: {} as Router,
    logger: log.logger,
    metrics,
    httpServer: createHttpServer(),
  });
  const sleeps: number[] = [];
  const schedulers: DigestScheduler[] = [];
  const rig: Rig = {
    slack,
    dataDir,
    log,
    metrics,
    sender: adapter.sender,
    planner: sharedPlanner(),
    sleeps,
    async boot(overrides = {}) {
      const { instanceId, claimStaleMs, ...deps } = overrides;
      const store = await createStateStore({
        dataDir,
        logger: log.logger,
        ...(instanceId ? { instanceId } : {}),
        ...(claimStaleMs !== undefined ? { claimStaleMs } : {}),
      });
      const scheduler = createDigestScheduler({
        cron: '30 8 * * *',
        timezone: TZ,
        catchUp: true,
        planner: rig.planner,
        store,
        senders: [adapter.sender],
        fixedChannels: [],
        logger: log.logger,
        metrics,
        // Posts go one after another, so scripted replies meet channels in a known order.
        concurrency: 1,
        sleep: async (ms) => {
          sleeps.push(ms);
          await new Promise((resolve) => setImmediate(resolve));
        },
        ...deps,
      });
      schedulers.push(scheduler);
      return { store, scheduler };
    },
    posts(channel) {
      return slack.calls.filter((c) => c.method === 'chat.postMessage' && (channel === undefined || c.body.channel === channel));
    },
    postsByDay() {
      const out = new Map<string, number>();
      for (const c of rig.posts()) {
        const key = `${String(c.body.channel)} ${todayIn(TZ, new Date(c.at))}`;
        out.set(key, (out.get(key) ?? 0) + 1);
      }
      return out;
    },
    async close() {
      for (const s of schedulers) await s.stop();
      await slack.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return rig;
}

/** Lets I/O started by timers finish: real turns of the event loop, then the scheduler's queue. */
export async function settle(...schedulers: DigestScheduler[]): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  for (const s of schedulers) await s.idle();
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}
