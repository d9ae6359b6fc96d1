/**
 * The one place where things are wired together: config → corpus → search → digest → router → adapters.
 * `npm start` runs this file. With no Slack, Feishu or DingTalk credentials it opens the console instead.
 */
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from './config.js';
import { runConsole } from './console/console-mode.js';
import { createLibraryIntake } from './library/intake.js';
import { createLiveLibrary, type LiveLibrary } from './library/live.js';
import { createDingTalkAdapter } from './dingtalk/index.js';
import { createFeishuAdapter } from './feishu/index.js';
import { createLogger, type Logger } from './observability/logger.js';
import { createMetrics, type Metrics } from './observability/metrics.js';
import { createRouter } from './router/router.js';
import type { SliceOptions } from './search/pace.js';
import type { Router } from './router/view-model.js';
import { createDigestScheduler, cronClockTime } from './scheduler/digest-scheduler.js';
import { createHttpServer, type HttpServer, type PlatformStatus } from './server/http-server.js';
import { createSlackAdapter } from './slack/index.js';
import type { DigestSender } from './state/delivery.js';
import { createStateBackend, registerStateMetrics, type StateBackend } from './state/index.js';
import type { ChannelRef, StateStore } from './state/types.js';

/**
 * Shutdown budget: the digest scheduler's posts in flight, then in-flight HTTP requests, then platform replies still
 * being sent. Together (7 s) they stay under HARD_STOP_MS, after which the process exits anyway (container runtimes
 * kill at 10 s by default).
 */
const STOP_BUDGET_MS = { scheduler: 2000, http: 3000, platform: 2000 } as const;
const HARD_STOP_MS = 8000;

export interface RunningApp {
  /** The bound HTTP port (null in console mode). */
  port: number | null;
  router: Router;
  metrics: Metrics;
  /** Null in console mode, which keeps no state. */
  store: StateStore | null;
  /** The library being served: seeds plus LIBRARY_DIR, swapped whole when LIBRARY_DIR changes. */
  library: LiveLibrary;
  /** Graceful stop: scheduler, platforms, in-flight requests, state. */
  stop(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  logger?: Logger;
  /** Console mode I/O (defaults to the process's). */
  stdin?: NodeJS.ReadableStream;
  stdout?: NodeJS.WritableStream;
  /** Clock for the scheduler and `today`, replaceable in tests. */
  now?: () => Date;
  /**
   * Resolve only once the start-up digest catch-up (if one was due) has finished. Default true, so that in-process
   * callers see what it posted; main passes false: the catch-up may wait out Retry-Afters for minutes, and start-up
   * must not wait for it.
   */
  awaitCatchUp?: boolean;
  /**
   * How long a long-lived platform connection (Slack Socket Mode, Feishu ws) may be down before /healthz answers
   * 503. Default: each adapter's (60 s).
   */
  connectionGraceMs?: number;
  /** How often LIBRARY_DIR is polled for adds and removes a watch event missed. Default 5000 ms. */
  libraryPollMs?: number;
  /** How a library reload is cut into slices (LiveLibraryOptions.slice; tests). Default: search/pace.ts's. */
  librarySlice?: SliceOptions;
  /**
   * First wait before trying again to start a platform that could not be reached at start-up; doubles up to a
   * minute. Default 2000 ms.
   */
  platformRetryMs?: number;
}

/** A start-up failure that may pass (the platform unreachable, a 5xx): the platform is retried in the background. */
function isTransientStartError(err: unknown): boolean {
  const e = err as { code?: unknown; transient?: unknown } | null;
  return (
    e?.code === 'SLACK_UNREACHABLE' || e?.code === 'FEISHU_UNREACHABLE' || e?.code === 'DINGTALK_UNREACHABLE' || e?.transient === true
  );
}

/** How long share clicks, Feishu message ids and callback ids are remembered under DATA_DIR. */
const SEEN_WINDOWS = { shares: 60 * 60_000, events: 24 * 60 * 60_000 } as const;

export type { PlatformStatus } from './server/http-server.js';

/** Starts everything the config asks for. In console mode it resolves when standard input ends. */
export async function startApp(options: StartOptions): Promise<RunningApp> {
  const { config } = options;
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const metrics = createMetrics();
  const started = Date.now();

  // Seeds plus the documents added under LIBRARY_DIR; the bot watches LIBRARY_DIR and swaps in a new index when a
  // document is added or removed.
  const consoleMode = !config.slack && !config.feishu && !config.dingtalk;
  const library = createLiveLibrary({
    seedsDir: config.seedsDir,
    libraryDir: config.libraryDir,
    logger,
    // The built library is saved under DATA_DIR so the next start loads it instead of building it (the console
    // writes nothing there).
    ...(consoleMode ? {} : { cacheDir: path.join(config.dataDir, 'index-cache') }),
    ...(options.libraryPollMs !== undefined ? { pollMs: options.libraryPollMs } : {}),
    ...(options.librarySlice ? { slice: options.librarySlice } : {}),
  });
  const { corpus, engine, planner } = library.current();
  // Load the jieba dictionary now (≈1.2 s) rather than on the first user's query.
  engine.search('乡村振兴', { limit: 1 });
  // The console has no channels to subscribe, so it keeps no state and writes nothing under DATA_DIR.
  // Files under DATA_DIR, or Redis when STATE_URL is set (several replicas).
  const backend: StateBackend | null = consoleMode
    ? null
    : await createStateBackend({ dataDir: config.dataDir, stateUrl: config.stateUrl, logger });
  const store = backend?.store ?? null;
  if (backend) registerStateMetrics(metrics.registry, backend);
  // Votes and the search log live beside the state (files under DATA_DIR, or Redis shared by the replicas); the
  // console keeps neither.
  const votes = backend?.votes ?? null;
  const searchLog = backend?.searchLog ?? null;
  const defaultDigestTime = cronClockTime(config.digest.cron);
  const router = createRouter({
    engine,
    corpus,
    planner,
    library,
    ...(store ? { store } : {}),
    ...(votes ? { votes } : {}),
    ...(searchLog ? { searchLog } : {}),
    ...(defaultDigestTime ? { defaultDigestTime } : {}),
    timezone: config.digest.timezone,
    logger,
    metrics,
    ...(options.now ? { now: options.now } : {}),
  });
  logger.info({ passages: corpus.passages.length, ms: Date.now() - started }, 'index loaded');

  if (!store || !backend) {
    await runConsole({
      router,
      input: options.stdin ?? process.stdin,
      output: options.stdout ?? process.stdout,
    });
    return { port: null, router, metrics, store: null, library, stop: async () => {} };
  }

  const http: HttpServer = createHttpServer({
    onError: (err) => {
      metrics.errors.inc({ where: 'http' });
      logger.error({ err }, 'http handler failed');
    },
  });
  const platforms: string[] = [];
  const statuses: (() => PlatformStatus)[] = [];
  http.addRoute({
    method: 'GET',
    path: '/healthz',
    handler: (_req, res) => {
      const connections = statuses.map((status) => status());
      const ok = connections.every((c) => c.ok);
      const state = backend.status();
      // 503 when a platform's connection is down: the process is up but users are not being answered, which the
      // HEALTHCHECK and orchestrators should see. Redis away is `degraded` too, but answered with 200: searches are
      // still answered, and a 503 from every replica at once would take them all out of a load balancer.
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json; charset=utf-8' });
      res.end(
        JSON.stringify({
          status: ok && state.ok ? 'ok' : 'degraded',
          passages: library.current().corpus.passages.length,
          platforms,
          connections,
          state,
          uptimeSeconds: Math.round((Date.now() - started) / 1000),
        }),
      );
    },
  });
  http.addRoute({
    method: 'GET',
    path: '/metrics',
    handler: async (_req, res) => {
      res.setHeader('content-type', metrics.registry.contentType);
      res.end(await metrics.registry.metrics());
    },
  });

  // Files sent to the bot in a private chat: added for ADMIN_USERS, politely refused for anyone else.
  const intake = createLibraryIntake({
    libraryDir: config.libraryDir,
    adminUsers: config.adminUsers,
    afterAdd: () => library.refresh(),
    logger,
  });
  const senders: DigestSender[] = [];
  const fixedChannels: ChannelRef[] = [];
  const stops: (() => Promise<void>)[] = [];
  // Shares, Feishu message ids and callbacks already handled, kept under DATA_DIR — or in Redis with STATE_URL, so
  // that a click or event delivered to two replicas is handled once too: a double click, a redelivery or a replay
  // after a restart is handled once. While Redis is away, shares are refused (the user is asked to try again: a
  // quote posted twice into a channel is worse) and events are remembered in this process (users are answered).
  const seenStore = (name: string, ttlMs: number) =>
    backend.seenKeys({ name, ttlMs, whenDown: name.endsWith('-shares') ? 'refuse' : 'local' });
  /** Platforms that could not be reached at start-up, retried in the background until they start or we stop. */
  const retrying = new Map<string, { state: string; timer?: NodeJS.Timeout }>();
  let shuttingDown = false;
  /**
   * Starts a platform. One that cannot be reached now (Slack or Feishu down, a 5xx) does not keep the others down:
   * it is reported degraded on /healthz and tried again in the background, waiting longer each time (up to a
   * minute). One that refuses our credentials stops start-up with its one-line reason, as before: trying again
   * cannot fix that.
   */
  async function startPlatform(name: string, start: () => Promise<void>): Promise<void> {
    try {
      await start();
      return;
    } catch (err) {
      if (!isTransientStartError(err)) throw err;
      logger.error(
        { platform: name, err: (err as Error).message },
        `${name}: could not start (${(err as Error).message}); the other platforms start, and ${name} is tried again in the background`,
      );
    }
    const entry: { state: string; timer?: NodeJS.Timeout } = { state: 'unreachable' };
    retrying.set(name, entry);
    let wait = options.platformRetryMs ?? 2000;
    const again = () => {
      entry.timer = setTimeout(() => {
        if (shuttingDown) return;
        start().then(
          () => {
            retrying.delete(name);
            logger.info({ platform: name }, `${name}: started after being unreachable`);
          },
          (err: unknown) => {
            if (shuttingDown) return;
            if (!isTransientStartError(err)) {
              entry.state = 'refused';
              metrics.errors.inc({ where: `${name}.start` });
              logger.error({ platform: name, err: (err as Error).message }, `${name}: ${(err as Error).message}`);
              return;
            }
            logger.warn({ platform: name, waitMs: wait }, `${name}: still unreachable (${(err as Error).message}); trying again in ${wait} ms`);
            wait = Math.min(wait * 2, 60_000);
            again();
          },
        );
      }, wait);
      entry.timer.unref();
    };
    again();
  }
  /** A platform being retried reports that on /healthz; afterwards, its own status. */
  const statusOf = (name: string, status: () => PlatformStatus): (() => PlatformStatus) => () => {
    const r = retrying.get(name);
    return r ? { platform: status().platform, ok: false, state: r.state } : status();
  };
  const stopPlatforms = () =>
    // Platforms finish replies still being sent, side by side, each within its budget.
    Promise.all(stops.map((stop) => stop().catch((err: unknown) => logger.warn({ err }, 'platform stop failed'))));
  let scheduler: ReturnType<typeof createDigestScheduler> | undefined;
  let port: number;
  try {
    if (config.slack) {
      const slack = createSlackAdapter({
        config: config.slack,
        router,
        logger,
        metrics,
        httpServer: http,
        intake,
        drainTimeoutMs: STOP_BUDGET_MS.platform,
        shareKeys: await seenStore('slack-shares', SEEN_WINDOWS.shares),
        shareWindowMs: SEEN_WINDOWS.shares,
        ...(options.connectionGraceMs !== undefined ? { connectionGraceMs: options.connectionGraceMs } : {}),
      });
      senders.push(slack.sender);
      statuses.push(statusOf('slack', () => slack.status()));
      fixedChannels.push(...config.slack.digestChannels.map((id) => ({ platform: 'slack' as const, id })));
      stops.push(() => slack.stop());
      platforms.push(config.slack.socketMode ? 'slack-socket' : 'slack-http');
      await startPlatform('slack', () => slack.start());
    }
    if (config.feishu) {
      const feishu = createFeishuAdapter({
        config: config.feishu,
        router,
        logger,
        metrics,
        httpServer: http,
        intake,
        options: {
          stopTimeoutMs: STOP_BUDGET_MS.platform,
          shareWindowMs: SEEN_WINDOWS.shares,
          dedupeTtlMs: SEEN_WINDOWS.events,
          ...(options.connectionGraceMs !== undefined ? { connectionGraceMs: options.connectionGraceMs } : {}),
        },
        seenKeys: {
          events: await seenStore('feishu-events', SEEN_WINDOWS.events),
          shares: await seenStore('feishu-shares', SEEN_WINDOWS.shares),
        },
      });
      senders.push(feishu.sender);
      statuses.push(statusOf('feishu', () => feishu.status()));
      fixedChannels.push(...config.feishu.digestChats.map((id) => ({ platform: 'feishu' as const, id })));
      stops.push(() => feishu.stop());
      platforms.push(`feishu-${config.feishu.mode}`);
      await startPlatform('feishu', () => feishu.start());
    }
    if (config.dingtalk) {
      const dingtalk = createDingTalkAdapter({
        config: config.dingtalk,
        router,
        logger,
        metrics,
        httpServer: http,
        intake,
        dataDir: config.dataDir,
        // Message ids under DATA_DIR, or in Redis (STATE_URL) so that a redelivery to another replica is caught.
        seenKeys: (name, ttlMs) => backend.seenKeys({ name, ttlMs, whenDown: 'local' }),
        options: {
          stopTimeoutMs: STOP_BUDGET_MS.platform,
          ...(options.connectionGraceMs !== undefined ? { connectionGraceMs: options.connectionGraceMs } : {}),
        },
      });
      senders.push(dingtalk.sender);
      statuses.push(statusOf('dingtalk', () => dingtalk.status()));
      fixedChannels.push(...config.dingtalk.digestChats.map((id) => ({ platform: 'dingtalk' as const, id })));
      stops.push(() => dingtalk.stop());
      platforms.push(`dingtalk-${config.dingtalk.mode}`);
      await startPlatform('dingtalk', () => dingtalk.start());
    }

    port = await http.listen(config.port, config.host);
    logger.info({ port, platforms }, 'listening');

    scheduler = createDigestScheduler({
      cron: config.digest.cron,
      timezone: config.digest.timezone,
      catchUp: config.digest.catchUp,
      // The digest reads the library current when it runs.
      planner: { digestFor: (date, opts) => library.current().planner.digestFor(date, opts) },
      store,
      senders,
      fixedChannels,
      logger,
      metrics,
      stopTimeoutMs: STOP_BUDGET_MS.scheduler,
      ...(options.now ? { now: options.now } : {}),
    });
    library.start();
    const { catchUp } = await scheduler.start();
    if (options.awaitCatchUp ?? true) await catchUp;
  } catch (err) {
    // A platform that refused to start (a rejected token, say) must not leave the others running in this process.
    await library.stop();
    shuttingDown = true;
    for (const r of retrying.values()) clearTimeout(r.timer);
    await scheduler?.stop();
    await stopPlatforms();
    await http.close(STOP_BUDGET_MS.http);
    await backend.close();
    throw err;
  }

  const runningScheduler = scheduler;
  let stopping: Promise<void> | undefined;
  return {
    port,
    router,
    metrics,
    store,
    library,
    stop() {
      stopping ??= (async () => {
        logger.info('shutting down');
        await library.stop();
        shuttingDown = true;
        for (const r of retrying.values()) clearTimeout(r.timer);
        await runningScheduler.stop();
        await http.close(STOP_BUDGET_MS.http);
        await stopPlatforms();
        await votes?.flush();
        await searchLog?.flush();
        await backend.close();
        logger.info('stopped');
      })();
      return stopping;
    },
  };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      for (const line of err.problems) process.stderr.write(`zhenxing: ${line}\n`);
      process.exit(1);
    }
    throw err;
  }
  // Console mode talks to a person on stdout: logs go to stderr, and only warnings unless LOG_LEVEL asks for more.
  const consoleMode = !config.slack && !config.feishu && !config.dingtalk;
  const logger = createLogger(
    consoleMode
      ? { level: process.env.LOG_LEVEL ? config.logLevel : 'warn', destination: process.stderr }
      : { level: config.logLevel },
  );
  if (consoleMode) {
    // A terminal gets a greeting; piped input gets one line on stderr, so a deployment that lost its variables says
    // so instead of silently reading standard input.
    if (!process.stdin.isTTY) process.stderr.write(`${CONSOLE_MODE_NOTICE}\n`);
    await startApp({ config, logger }); // ends with its input; Ctrl-C ends the process as usual
    return;
  }
  // Handlers go in before start-up: a signal arriving while it runs (loading the index, connecting to Slack) must
  // stop the process cleanly too, not kill it with claims half-taken. The stop waits for start-up to finish, which no
  // longer waits for the digest catch-up.
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'signal received');
    // A stop that hangs must not keep the container alive past its grace period.
    setTimeout(() => process.exit(1), HARD_STOP_MS).unref();
    app
      .then((a) => a.stop())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  // Last-resort handlers. A promise rejected with nobody listening (a bug in a library callback, say) is logged and
  // counted, and the bot keeps serving: nothing was left half-done by a throw. An exception thrown out of a callback
  // may have left state half-updated, so that one stops the process cleanly (exit 1) for the supervisor to restart.
  let running: RunningApp | undefined;
  process.on('unhandledRejection', (reason) => {
    running?.metrics.errors.inc({ where: 'process.unhandledRejection' });
    logger.error({ err: reason }, 'unexpected error (unhandled rejection); still serving');
  });
  process.on('uncaughtException', (err) => {
    running?.metrics.errors.inc({ where: 'process.uncaughtException' });
    logger.fatal({ err }, 'unexpected error (uncaught exception); stopping');
    setTimeout(() => process.exit(1), HARD_STOP_MS).unref();
    app.then((a) => a.stop()).finally(() => process.exit(1));
  });
  const app = startApp({ config, logger, awaitCatchUp: false });
  void app.then((a) => (running = a), () => undefined);
  // A failed start-up is reported by main's caller (exit 1).
  await app;
}

/** The stderr line of console mode without a terminal. */
export const CONSOLE_MODE_NOTICE =
  'zhenxing: console mode, because no SLACK_*, FEISHU_* or DINGTALK_* variables are set; reading commands from standard input';

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly) {
  main().catch((err: unknown) => {
    process.stderr.write(`zhenxing: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
