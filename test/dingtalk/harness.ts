/**
 * Runs the real DingTalk adapter on a free port of 127.0.0.1 with the real router over the shared corpus and
 * search engine, a real state store in a temp dir, and the DingTalk stand-in for the OpenAPI, session webhooks and
 * the Stream gateway.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DingTalkConfig } from '../../src/config.js';
import { createDigestPlanner } from '../../src/digest/index.js';
import { createDingTalkAdapter, type DingTalkAdapter, type DingTalkAdapterOptions } from '../../src/dingtalk/index.js';
import { captureLogger } from '../scheduler/test-logger.js';
import { createMetrics, type Metrics } from '../../src/observability/metrics.js';
import { createRouter } from '../../src/router/router.js';
import type { VoteStore } from '../../src/feedback/index.js';
import type { LibraryIntake } from '../../src/library/intake.js';
import { createHttpServer } from '../../src/server/http-server.js';
import { createStateStore } from '../../src/state/file-store.js';
import type { StateStore } from '../../src/state/types.js';
import type { SeenKeys } from '../../src/platform/seen-keys.js';
import {
  TEST_CLIENT_ID,
  TEST_CLIENT_SECRET,
  postMessage,
  robotMessage,
  startDingTalkStandIn,
  type DingTalkCall,
  type DingTalkStandIn,
  type PostOptions,
  type RobotMessageOptions,
} from '../helpers/dingtalk-stand-in.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

export const FIXED_NOW = () => new Date('2026-11-22T01:00:00Z');

export interface DingTalkHarness {
  eventsUrl: string;
  dt: DingTalkStandIn;
  adapter: DingTalkAdapter;
  metrics: Metrics;
  store: StateStore;
  dataDir: string;
  logs: Record<string, unknown>[];
  /** A robot message with a session webhook on the stand-in. */
  message(o: RobotMessageOptions): ReturnType<typeof robotMessage>;
  post(msg: Record<string, unknown>, o?: PostOptions): ReturnType<typeof postMessage>;
  /** Posts a message and resolves with the private batchSend that answered it (the next one to this staff id). */
  ask(o: RobotMessageOptions): Promise<{ msgId: string; reply: DingTalkCall }>;
  /** batchSend calls to a staff id. */
  privateTo(staffId: string): DingTalkCall[];
  groupPosts(conversationId: string): DingTalkCall[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  config?: Partial<DingTalkConfig>;
  options?: DingTalkAdapterOptions;
  /** Reuse a data dir (a restart). */
  dataDir?: string;
  dt?: DingTalkStandIn;
  /** Votes, as main wires them (none by default: results carry no vote links). */
  votes?: VoteStore;
  /** Seen-keys stores, as main wires them (e.g. Redis for replicas); default: files under the data dir. */
  seenKeys?: (name: string, ttlMs: number) => Promise<SeenKeys>;
  /** The library intake, as main wires it (none by default: a file gets the text-only hint). */
  intake?: LibraryIntake;
}

export async function startDingTalkHarness(h: HarnessOptions = {}): Promise<DingTalkHarness> {
  const dt = h.dt ?? (await startDingTalkStandIn());
  const { logger, lines: logs } = captureLogger();
  const metrics = createMetrics({ defaultMetrics: false });
  const dataDir = h.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'zhenxing-dingtalk-')));
  const store = await createStateStore({ dataDir, logger });
  const corpus = getSharedCorpus();
  const router = createRouter({
    engine: getSharedEngine(),
    corpus,
    planner: createDigestPlanner(corpus),
    store,
    timezone: 'Asia/Shanghai',
    now: FIXED_NOW,
    logger,
    metrics,
    ...(h.votes ? { votes: h.votes } : {}),
  });
  const httpServer = createHttpServer({ onError: (err) => logger.error({ err }, 'http handler failed') });
  const adapter = createDingTalkAdapter({
    config: {
      clientId: TEST_CLIENT_ID,
      clientSecret: TEST_CLIENT_SECRET,
      robotCode: TEST_CLIENT_ID,
      mode: 'http',
      apiUrl: dt.url,
      digestChats: [],
      ...h.config,
    },
    router,
    logger,
    metrics,
    httpServer,
    dataDir,
    ...(h.seenKeys ? { seenKeys: h.seenKeys } : {}),
    ...(h.options ? { options: h.options } : {}),
    ...(h.intake ? { intake: h.intake } : {}),
  });
  await adapter.start();
  const port = await httpServer.listen(0, '127.0.0.1');
  const eventsUrl = `http://127.0.0.1:${port}/dingtalk/events`;
  const privateTo = (staffId: string) =>
    dt.calls.filter((c) => c.route === 'POST /v1.0/robot/oToMessages/batchSend' && (c.body.userIds as string[]).includes(staffId));
  const message = (o: RobotMessageOptions) => {
    const m = robotMessage(o);
    if (!o.sessionWebhook) m.sessionWebhook = dt.sessionWebhook(m.msgId);
    return m;
  };
  return {
    eventsUrl,
    dt,
    adapter,
    metrics,
    store,
    dataDir,
    logs,
    message,
    post: (msg, o) => postMessage(eventsUrl, msg, o),
    privateTo,
    groupPosts: (cid) => dt.calls.filter((c) => c.route === 'POST /v1.0/robot/groupMessages/send' && c.body.openConversationId === cid),
    async ask(o) {
      const staffId = o.staffId ?? 'staff001';
      const before = privateTo(staffId).length;
      const m = message(o);
      const ack = await postMessage(eventsUrl, m);
      if (ack.status !== 200) throw new Error(`callback answered ${ack.status}`);
      const reply = await dt.waitFor((c) => privateTo(staffId).indexOf(c) === before);
      return { msgId: m.msgId, reply };
    },
    async close() {
      await adapter.stop();
      await httpServer.close();
      if (!h.dt) await dt.close();
      if (!h.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
