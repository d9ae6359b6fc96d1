/**
 * Runs the real Feishu adapter in http mode on a free port of 127.0.0.1, with the real router over the shared
 * corpus and search engine, a real state store in a temp dir, and a stand-in for the Feishu Open API.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FeishuConfig } from '../../src/config.js';
import { createDigestPlanner } from '../../src/digest/index.js';
import { createFeishuAdapter, type FeishuAdapter, type FeishuAdapterDeps, type FeishuAdapterOptions } from '../../src/feishu/index.js';
import { createLogger } from '../../src/observability/logger.js';
import { createMetrics, type Metrics } from '../../src/observability/metrics.js';
import { createRouter } from '../../src/router/router.js';
import type { Router } from '../../src/router/view-model.js';
import type { VoteStore } from '../../src/feedback/index.js';
import { createHttpServer } from '../../src/server/http-server.js';
import { createStateStore } from '../../src/state/file-store.js';
import type { StateStore } from '../../src/state/types.js';
import {
  TEST_ENCRYPT_KEY,
  TEST_VERIFICATION_TOKEN,
  messageEvent,
  postEvent,
  startFeishuStandIn,
  type FeishuCall,
  type FeishuStandIn,
  type MessageEventOptions,
  type PostOptions,
} from '../helpers/feishu-stand-in.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

export const TEST_APP_ID = 'cli_a1b2c3d4e5f6a7b8';
export const TEST_APP_SECRET = 'feishu-test-app-secret';
export const FIXED_NOW = () => new Date('2026-11-22T01:00:00Z');

export interface FeishuHarness {
  /** POST /feishu/events on the running app. */
  eventsUrl: string;
  feishu: FeishuStandIn;
  adapter: FeishuAdapter;
  metrics: Metrics;
  store: StateStore;
  logs: Record<string, unknown>[];
  post(event: Record<string, unknown>, options?: PostOptions): ReturnType<typeof postEvent>;
  /** Sends a message event and resolves with the acknowledgement and the reply the bot sent to it. */
  say(options: MessageEventOptions): Promise<{ ack: Awaited<ReturnType<typeof postEvent>>; reply: FeishuCall; messageId: string }>;
  /** Calls to the stand-in that reply to a given message. */
  repliesTo(messageId: string): FeishuCall[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  config?: Partial<FeishuConfig>;
  adapterOptions?: FeishuAdapterOptions;
  wrapRouter?: (router: Router) => Router;
  /** Runs after the Open API stand-in is up and before the adapter starts (e.g. to script the ws endpoint). */
  beforeStart?: (feishu: FeishuStandIn) => void;
  /** Seen-keys stores for the adapter (default: in memory). */
  seenKeys?: FeishuAdapterDeps['seenKeys'];
  /** Use this Feishu stand-in instead of starting one (it is not closed with the harness). */
  feishu?: FeishuStandIn;
  /** Votes, as main wires them (none by default: results carry no vote buttons). */
  votes?: VoteStore;
  /** The library intake, as main wires it (none by default: a file gets the text-only hint). */
  intake?: FeishuAdapterDeps['intake'];
}

export async function startFeishuHarness(options: HarnessOptions = {}): Promise<FeishuHarness> {
  const feishu = options.feishu ?? (await startFeishuStandIn());
  const logs: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      }
      cb();
    },
  });
  const logger = createLogger({ level: 'debug', destination });
  const metrics = createMetrics({ defaultMetrics: false });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'zhenxing-feishu-'));
  const store = await createStateStore({ dataDir, logger });
  const corpus = getSharedCorpus();
  let router: Router = createRouter({
    engine: getSharedEngine(),
    corpus,
    planner: createDigestPlanner(corpus),
    store,
    timezone: 'Asia/Shanghai',
    now: FIXED_NOW,
    logger,
    metrics,
    ...(options.votes ? { votes: options.votes } : {}),
  });
  if (options.wrapRouter) router = options.wrapRouter(router);

  const httpServer = createHttpServer({ onError: (err) => logger.error({ err }, 'http handler failed') });
  const adapter = createFeishuAdapter({
    config: {
      appId: TEST_APP_ID,
      appSecret: TEST_APP_SECRET,
      mode: 'http',
      encryptKey: TEST_ENCRYPT_KEY,
      verificationToken: TEST_VERIFICATION_TOKEN,
      domain: feishu.url,
      digestChats: [],
      ...options.config,
    },
    router,
    logger,
    metrics,
    httpServer,
    ...(options.adapterOptions ? { options: options.adapterOptions } : {}),
    ...(options.seenKeys ? { seenKeys: options.seenKeys } : {}),
    ...(options.intake ? { intake: options.intake } : {}),
  });
  options.beforeStart?.(feishu);
  await adapter.start();
  const port = await httpServer.listen(0, '127.0.0.1');
  const eventsUrl = `http://127.0.0.1:${port}/feishu/events`;

  const repliesTo = (messageId: string) =>
    feishu.calls.filter((c) => c.route === 'POST /open-apis/im/v1/messages/:id/reply' && c.path.includes(`/${messageId}/`));

  return {
    eventsUrl,
    feishu,
    adapter,
    metrics,
    store,
    logs,
    post: (event, opts) => postEvent(eventsUrl, event, opts),
    repliesTo,
    async say(o) {
      const event = messageEvent(o);
      const ack = await postEvent(eventsUrl, event);
      const reply = await feishu.waitFor(
        (c) => c.route === 'POST /open-apis/im/v1/messages/:id/reply' && c.path.includes(`/${event.messageId}/`),
      );
      return { ack, reply, messageId: event.messageId };
    },
    async close() {
      await adapter.stop();
      await httpServer.close();
      if (!options.feishu) await feishu.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
