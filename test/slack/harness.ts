/**
 * Runs the real Slack adapter (Bolt, HTTP mode) on a free port of 127.0.0.1, with the real router over the
 * shared corpus and search engine, and a stand-in for Slack's Web API and response_urls. Used by the end-to-end
 * tests and the benchmark.
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { createDigestPlanner } from '../../src/digest/index.js';
import { createLogger } from '../../src/observability/logger.js';
import { createMetrics, type Metrics } from '../../src/observability/metrics.js';
import { createRouter } from '../../src/router/router.js';
import type { Router } from '../../src/router/view-model.js';
import { createHttpServer } from '../../src/server/http-server.js';
import { createSlackAdapter, type SlackAdapter, type SlackAdapterDeps } from '../../src/slack/index.js';
import type { StateStore } from '../../src/state/types.js';
import type { SearchLog, VoteStore } from '../../src/feedback/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';
import { TEST_SIGNING_SECRET, blockActionsBody, postSigned, slashCommandBody, type SignOptions } from '../helpers/slack-sign.js';
import { startSlackStandIn, type SlackStandIn, type StandInCall } from '../helpers/slack-stand-in.js';

export interface HarnessOptions {
  /** Wraps the real router (to inject failures). */
  wrapRouter?: (router: Router) => Router;
  /** Clock for `today` (default 2026-11-22 09:00 in Shanghai, a Sunday). */
  now?: () => Date;
  store?: StateStore;
  /** Log level; default 'debug' so tests can read Bolt's lines too. */
  logLevel?: string;
  /** Serialise log lines but keep none (the benchmark: realistic cost, no memory growth). */
  discardLogs?: boolean;
  /** The adapter's cap on pending answers (its default when absent). */
  maxPending?: number;
  /** Further adapter options (share store, body limits, timeouts …). */
  adapter?: Partial<Pick<SlackAdapterDeps, 'shareKeys' | 'shareWindowMs' | 'maxBodyBytes' | 'maxConcurrentBodies' | 'responseTimeoutMs' | 'drainTimeoutMs'>>;
  /** Votes and the search log, as main wires them (none by default: results carry no vote buttons). */
  votes?: VoteStore;
  searchLog?: SearchLog;
}

export interface SlackHarness {
  /** POST /slack/events on the running app. */
  eventsUrl: string;
  slack: SlackStandIn;
  adapter: SlackAdapter;
  metrics: Metrics;
  /** Parsed log lines. */
  logs: Record<string, unknown>[];
  /** Sends a signed slash command; resolves with the ack status and the message posted to its response_url. */
  command(text: string, options?: { userId?: string; channelId?: string }): Promise<{ status: number; ackBody: string; response: StandInCall }>;
  /** Sends a signed button click; resolves with the ack status and the next post to its response_url. */
  click(
    actionId: string,
    value: string,
    options?: { triggerId?: string; userId?: string; responseId?: string; waitForResponse?: boolean; messageTs?: string },
  ): Promise<{ status: number; responseId: string; response: StandInCall | undefined }>;
  /** Posts raw to the events URL. */
  post(body: string, sign?: SignOptions & { secret?: string }): Promise<{ status: number; text: string }>;
  close(): Promise<void>;
}

export const FIXED_NOW = () => new Date('2026-11-22T01:00:00Z');

export interface RunningSlackApp {
  eventsUrl: string;
  adapter: SlackAdapter;
  metrics: Metrics;
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

/** The app alone: router over the shared index, Slack adapter in HTTP mode, shared HTTP server on 127.0.0.1. */
export async function startSlackApp(options: HarnessOptions & { apiUrl: string }): Promise<RunningSlackApp> {
  const logs: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      if (options.discardLogs) return cb();
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      }
      cb();
    },
  });
  const logger = createLogger({ level: options.logLevel ?? 'debug', destination });
  const metrics = createMetrics({ defaultMetrics: false });
  const corpus = getSharedCorpus();
  const engine = getSharedEngine();
  const planner = createDigestPlanner(corpus);
  let router: Router = createRouter({
    engine,
    corpus,
    planner,
    timezone: 'Asia/Shanghai',
    now: options.now ?? FIXED_NOW,
    logger,
    metrics,
    ...(options.store ? { store: options.store } : {}),
    ...(options.votes ? { votes: options.votes } : {}),
    ...(options.searchLog ? { searchLog: options.searchLog } : {}),
  });
  if (options.wrapRouter) router = options.wrapRouter(router);

  const httpServer = createHttpServer({ onError: (err) => logger.error({ err }, 'http handler failed') });
  const adapter = createSlackAdapter({
    config: {
      botToken: 'xoxb-test-token',
      signingSecret: TEST_SIGNING_SECRET,
      appToken: undefined,
      socketMode: false,
      apiUrl: options.apiUrl,
      digestChannels: [],
    },
    router,
    logger,
    metrics,
    httpServer,
    ...(options.maxPending !== undefined ? { maxPending: options.maxPending } : {}),
    ...options.adapter,
  });
  await adapter.start();
  const port = await httpServer.listen(0, '127.0.0.1');
  return {
    eventsUrl: `http://127.0.0.1:${port}/slack/events`,
    adapter,
    metrics,
    logs,
    async close() {
      await adapter.stop();
      await httpServer.close();
    },
  };
}

export async function startSlackHarness(options: HarnessOptions = {}): Promise<SlackHarness> {
  const slack = await startSlackStandIn();
  const app = await startSlackApp({ ...options, apiUrl: slack.url });
  const { eventsUrl, adapter, metrics, logs } = app;

  const post = (body: string, sign: SignOptions & { secret?: string } = {}) =>
    postSigned(eventsUrl, sign.secret ?? TEST_SIGNING_SECRET, body, sign);

  return {
    eventsUrl,
    slack,
    adapter,
    metrics,
    logs,
    post,
    async command(text, opts = {}) {
      const id = `cmd-${randomUUID()}`;
      const res = await post(slashCommandBody({ text, responseUrl: slack.responseUrl(id), ...opts }));
      const response = await slack.waitFor((c) => c.path === `/response/${id}`);
      return { status: res.status, ackBody: res.text, response };
    },
    async click(actionId, value, opts = {}) {
      const responseId = opts.responseId ?? `click-${randomUUID()}`;
      const seen = slack.calls.filter((c) => c.path === `/response/${responseId}`).length;
      const res = await post(
        blockActionsBody({
          actionId,
          value,
          responseUrl: slack.responseUrl(responseId),
          ...(opts.triggerId ? { triggerId: opts.triggerId } : {}),
          ...(opts.userId ? { userId: opts.userId } : {}),
          ...(opts.messageTs ? { messageTs: opts.messageTs } : {}),
        }),
      );
      let response: StandInCall | undefined;
      if (opts.waitForResponse ?? true) {
        response = await slack.waitFor(
          (c) => c.path === `/response/${responseId}` && slack.calls.filter((x) => x.path === c.path).indexOf(c) >= seen,
        );
      }
      return { status: res.status, responseId, response };
    },
    async close() {
      await app.close();
      await slack.close();
    },
  };
}
