/**
 * The Slack adapter: a Bolt app that turns slash commands and button clicks into router calls and renders the
 * answers as Block Kit. It only renders and transports; every decision about content is the router's.
 *
 * HTTP mode (default): Bolt's HTTPReceiver verifies signatures and parses requests, served at POST /slack/events
 * on the process's shared HTTP server (main listens on PORT; app.start() is not called). Socket Mode (with
 * SLACK_APP_TOKEN): Bolt connects out over a WebSocket, no public URL needed.
 */
import { App, HTTPReceiver, SocketModeReceiver, type webApi } from '@slack/bolt';
import { WHERE, type SlackConfig } from '../config.js';
import type { LibraryIntake } from '../library/intake.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { Router } from '../router/view-model.js';
import type { HttpServer, PlatformStatus } from '../server/http-server.js';
import type { DigestSender } from '../state/delivery.js';
import { createBoltLogger } from './bolt-logger.js';
import { createHttpFetch } from './http-fetch.js';
import { registerListeners } from './listeners/index.js';
import { createSeenSet, type BusyAnswer } from './listeners/shared.js';
import { createSlackSender } from './sender.js';

export { renderDigestBlocks, renderView } from './render/index.js';
export { toDeliveryError } from './sender.js';

/** The path Slack posts commands, interactivity and events to. */
export const SLACK_EVENTS_PATH = '/slack/events';

/** Slack signs a timestamp; requests more than this far from our clock, either way, are refused. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export type SlackAdapterErrorCode = 'SLACK_CONFIG' | 'SLACK_AUTH' | 'SLACK_UNREACHABLE';

export class SlackAdapterError extends Error {
  readonly code: SlackAdapterErrorCode;
  constructor(code: SlackAdapterErrorCode, message: string) {
    super(message);
    this.name = 'SlackAdapterError';
    this.code = code;
  }
}

export interface SlackAdapterDeps {
  config: SlackConfig;
  router: Router;
  logger: Logger;
  metrics: Metrics;
  /** Required in HTTP mode: the adapter adds POST /slack/events to it. */
  httpServer?: HttpServer;
  /** Adds files ADMIN_USERS send to the bot's DM to the library (file_shared, scope files:read). */
  intake?: LibraryIntake;
  /** Clock in milliseconds for the request-timestamp check and the connection grace period. Default Date.now. */
  now?: () => number;
  /** How long stop() waits for answers still being sent. Default 5000 ms. */
  drainTimeoutMs?: number;
  /**
   * Most acknowledged commands and clicks whose answers are still to be sent (waiting their turn, searching or
   * posting). Past it, a new command or page click is answered at once with a short "busy, try again" message
   * instead of being searched, so an overload cannot grow the backlog (and memory) without limit or leave answers
   * minutes late. Share clicks are never refused. Default 500: about a second of work on two cores.
   */
  maxPending?: number;
  /**
   * How long the Socket Mode connection may be down (closed, reconnecting) before status() reports it not ok.
   * Slack recycles connections every few hours and the client reconnects within seconds; a minute without one
   * means users are not being answered. Default 60 000 ms.
   */
  connectionGraceMs?: number;
}

/** Defaults of the optional SlackAdapterDeps, merged here only. */
const DEFAULTS = { drainTimeoutMs: 5000, maxPending: 500, connectionGraceMs: 60_000 } as const;

/** One platform's connection, as /healthz reports it. */
export interface SlackStatus extends PlatformStatus {
  platform: 'slack-http' | 'slack-socket';
  /**
   * HTTP mode: 'starting', 'serving' or 'stopped'. Socket Mode: 'starting', 'connecting', 'connected',
   * 'reconnecting' (lost, the client retries), 'disconnected' (the client gave up or was stopped) or 'stopped'.
   */
  state: string;
}

export interface SlackAdapter {
  app: App;
  /** Checks the bot token with Slack (auth.test); in Socket Mode also opens the connection. */
  start(): Promise<void>;
  /** Closes the Socket Mode connection and waits for answers still being sent. */
  stop(): Promise<void>;
  /** Posts daily digests (chat.postMessage). */
  sender: DigestSender;
  /** Whether Slack can reach the bot now: for /healthz. */
  status(): SlackStatus;
}

/** Bolt's slackApiUrl is joined to method names as is, so it must end with '/'. */
export function normalizeApiUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return url.endsWith('/') ? url : `${url}/`;
}

export function createSlackAdapter(deps: SlackAdapterDeps): SlackAdapter {
  const { config, logger } = deps;
  const log = logger.child({ platform: 'slack' });
  const now = deps.now ?? Date.now;
  const drainTimeoutMs = deps.drainTimeoutMs ?? DEFAULTS.drainTimeoutMs;
  const maxPending = deps.maxPending ?? DEFAULTS.maxPending;
  const connectionGraceMs = deps.connectionGraceMs ?? DEFAULTS.connectionGraceMs;
  const boltLogger = createBoltLogger(log);
  const slackApiUrl = normalizeApiUrl(config.apiUrl);
  const httpFetch = createHttpFetch();
  const clientOptions: webApi.WebClientOptions = {
    // Used for response_url posts too (Bolt's respond()): see http-fetch.ts for why not the global fetch.
    fetch: httpFetch,
    // The scheduler retries digests with backoff and answers to users are best sent once: a 429 or a failure
    // surfaces at once instead of the client waiting, possibly for minutes.
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: 10_000,
    ...(slackApiUrl ? { slackApiUrl } : {}),
  };

  let app: App;
  let receiver: HTTPReceiver | undefined;
  let socketReceiver: SocketModeReceiver | undefined;
  if (config.socketMode) {
    if (!config.appToken) {
      throw new SlackAdapterError('SLACK_CONFIG', 'Socket Mode needs SLACK_APP_TOKEN (starts with xapp-)');
    }
    // The socket client calls apps.connections.open again on every reconnect (Slack asks for one every few hours).
    // With our retries: 0 one failed call ends reconnecting with an unhandled rejection, which kills the process;
    // without it the client keeps its own policy and retries.
    const { retryConfig: _ourRetries, ...socketClientOptions } = clientOptions;
    socketReceiver = new SocketModeReceiver({
      appToken: config.appToken,
      logger: boltLogger,
      installerOptions: { clientOptions: socketClientOptions },
    });
    app = new App({
      receiver: socketReceiver,
      token: config.botToken,
      socketMode: true,
      logger: boltLogger,
      clientOptions,
      deferInitialization: true,
      convoStore: false,
    });
  } else {
    if (!config.signingSecret) {
      throw new SlackAdapterError('SLACK_CONFIG', 'HTTP mode needs SLACK_SIGNING_SECRET');
    }
    if (!deps.httpServer) {
      throw new SlackAdapterError('SLACK_CONFIG', 'HTTP mode needs the shared HTTP server (deps.httpServer)');
    }
    receiver = new HTTPReceiver({
      signingSecret: config.signingSecret,
      endpoints: SLACK_EVENTS_PATH,
      logger: boltLogger,
    });
    app = new App({
      receiver,
      token: config.botToken,
      logger: boltLogger,
      clientOptions,
      deferInitialization: true,
      // No listener uses Bolt's conversation state; skipping its middleware saves work on every request.
      convoStore: false,
    });
  }

  const inFlight = new Set<Promise<void>>();
  // Work after ack() runs one command per event-loop turn: requests that arrive meanwhile are read and acked
  // between two commands' searches, so a burst cannot hold an ack behind a backlog (Slack gives up after 3 s).
  const queue: (() => void)[] = [];
  let draining = false;
  const drain = () => {
    queue.shift()?.();
    if (queue.length > 0) setImmediate(drain);
    else draining = false;
  };
  // Answers acknowledged but not yet sent, queued or running. Counting the running ones too keeps the bound when
  // the slow part is Slack taking our posts rather than our searches.
  let pending = 0;
  const settle = async (p: Promise<void>): Promise<void> => {
    inFlight.add(p);
    try {
      await p;
    } finally {
      inFlight.delete(p);
    }
  };
  const track = async (work: () => Promise<void>, busy?: BusyAnswer): Promise<void> => {
    if (busy && pending >= maxPending) {
      deps.metrics.errors.inc({ where: 'slack.busy' });
      log.warn({ where: busy.where, pending, maxPending }, 'slack: too many answers pending; sent the busy message instead');
      return settle(busy.answer());
    }
    pending += 1;
    const p = new Promise<void>((resolve) => {
      queue.push(resolve);
      if (!draining) {
        draining = true;
        setImmediate(drain);
      }
    })
      .then(work)
      .finally(() => {
        pending -= 1;
      });
    return settle(p);
  };
  registerListeners(app, {
    router: deps.router,
    logger: log,
    metrics: deps.metrics,
    seen: createSeenSet(),
    track,
    ...(deps.intake ? { intake: deps.intake } : {}),
  });
  app.error(async (err) => {
    deps.metrics.errors.inc({ where: 'slack.bolt' });
    log.error({ err }, 'slack: unhandled error in Bolt');
  });

  // Socket Mode connection state from the client's lifecycle events. `downSince`: when it was last lost (or
  // start-up began), undefined while connected.
  let socketState = 'starting';
  let downSince: number | undefined;
  if (socketReceiver) {
    const client = socketReceiver.client;
    const down = (state: string) => () => {
      socketState = state;
      downSince ??= now();
    };
    client.on('connecting', down('connecting'));
    // 'close': the socket dropped; the client retries after a delay (and says 'reconnecting' only then).
    client.on('close', down('reconnecting'));
    client.on('reconnecting', down('reconnecting'));
    client.on('disconnected', down('disconnected'));
    client.on('connected', () => {
      socketState = 'connected';
      downSince = undefined;
    });
  }

  let ready = false;
  let stopped = false;
  if (receiver && deps.httpServer) {
    const listener = receiver.requestListener;
    deps.httpServer.addRoute({
      method: 'POST',
      path: SLACK_EVENTS_PATH,
      handler: (req, res) => {
        if (!ready) {
          req.resume();
          res.writeHead(503, { 'retry-after': '1' });
          res.end();
          return;
        }
        // Bolt refuses stale timestamps and bad signatures with 401, but accepts any timestamp in the future.
        const ts = Number(req.headers['x-slack-request-timestamp']);
        if (Number.isFinite(ts) && ts > now() / 1000 + MAX_CLOCK_SKEW_SECONDS) {
          log.warn({ timestamp: ts }, 'slack: request timestamp is more than 5 minutes in the future; refused');
          req.resume();
          res.writeHead(401);
          res.end();
          return;
        }
        listener(req, res);
      },
    });
  }

  return {
    app,
    sender: createSlackSender({ client: app.client, logger: log }),
    status() {
      if (!config.socketMode) {
        return { platform: 'slack-http', ok: ready, state: ready ? 'serving' : stopped ? 'stopped' : 'starting' };
      }
      if (stopped) return { platform: 'slack-socket', ok: false, state: 'stopped' };
      // 'disconnected' without stop() means the client gave up: no grace for that.
      const ok =
        socketState === 'connected' ||
        (socketState !== 'disconnected' && downSince !== undefined && now() - downSince < connectionGraceMs);
      return { platform: 'slack-socket', ok, state: socketState };
    },
    async start() {
      try {
        await app.init();
      } catch (err) {
        throw startError(err, slackApiUrl);
      }
      if (config.socketMode) {
        try {
          await app.start();
        } catch (err) {
          throw socketStartError(err, slackApiUrl);
        }
        log.info('slack: connected in Socket Mode');
      } else {
        log.info({ path: SLACK_EVENTS_PATH }, 'slack: ready for requests (HTTP mode)');
      }
      ready = true;
    },
    async stop() {
      ready = false;
      stopped = true;
      if (socketReceiver) {
        // Bolt's stop() only starts the close handshake; wait for it, so the socket is closed when stop() resolves.
        const client = socketReceiver.client;
        const closed = new Promise<void>((resolve) => client.once('disconnected', () => resolve()));
        try {
          await app.stop();
          await waitAtMost(closed, drainTimeoutMs);
        } catch (err) {
          log.warn({ err }, 'slack: error while closing the Socket Mode connection');
        }
      }
      if (inFlight.size > 0) await waitAtMost(Promise.allSettled([...inFlight]), drainTimeoutMs);
      httpFetch.close();
    },
  };
}

/** Resolves when `p` settles or after `ms`, whichever comes first. */
async function waitAtMost(p: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    p,
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
      timer.unref();
    }),
  ]);
  clearTimeout(timer);
}

/** A clear one-line reason why the Socket Mode connection could not be opened. */
function socketStartError(err: unknown, apiUrl: string | undefined): SlackAdapterError {
  const e = (err ?? {}) as { code?: string; data?: { error?: string }; message?: string };
  if (e.code === 'slack_webapi_platform_error') {
    const code = e.data?.error ?? 'unknown_error';
    return new SlackAdapterError(
      'SLACK_AUTH',
      `Slack rejected SLACK_APP_TOKEN (${code}); copy it again from ${WHERE.SLACK_APP_TOKEN}`,
    );
  }
  return new SlackAdapterError(
    'SLACK_UNREACHABLE',
    `Could not open the Socket Mode connection via ${apiUrl ?? 'https://slack.com/api/'}: ${e.message ?? String(err)}`,
  );
}

/** A clear one-line reason why Slack would not let the bot start. */
function startError(err: unknown, apiUrl: string | undefined): SlackAdapterError {
  const e = (err ?? {}) as { code?: string; data?: { error?: string }; message?: string };
  if (e.code === 'slack_webapi_platform_error') {
    const code = e.data?.error ?? 'unknown_error';
    return new SlackAdapterError(
      'SLACK_AUTH',
      `Slack rejected SLACK_BOT_TOKEN (${code}); copy it again from ${WHERE.SLACK_BOT_TOKEN}`,
    );
  }
  return new SlackAdapterError(
    'SLACK_UNREACHABLE',
    `Could not reach Slack at ${apiUrl ?? 'https://slack.com/api/'} to check SLACK_BOT_TOKEN: ${e.message ?? String(err)}`,
  );
}
