/**
 * The Slack adapter: a Bolt app that turns slash commands and button clicks into router calls and renders the
 * answers as Block Kit. It only renders and transports; every decision about content is the router's.
 *
 * HTTP mode (default): Bolt's HTTPReceiver verifies signatures and parses requests, served at POST /slack/events
 * on the process's shared HTTP server (main listens on PORT; app.start() is not called). Socket Mode (with
 * SLACK_APP_TOKEN): Bolt connects out over a WebSocket, no public URL needed.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import { WHERE, type SlackConfig } from '../config.js';
import type { LibraryIntake } from '../library/intake.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { Router } from '../router/view-model.js';
import {
  createAnswerer,
  createBodyReader,
  createMemorySeenKeys,
  createWorkQueue,
  waitAtMost,
  createOutbound,
  createOutboundMetrics,
  InboundError,
  refuse,
  type CallPolicy,
  type SeenKeys,
} from '../platform/index.js';
import type { HttpServer, PlatformStatus } from '../server/http-server.js';
import type { DigestSender } from '../state/delivery.js';
import { createBoltLogger } from './bolt-logger.js';
import { registerListeners } from './listeners/index.js';
import { createSlackSender } from './sender.js';

export { renderDigestBlocks, renderView } from './render/index.js';
export { DIGEST_EVENT_TYPE, toDeliveryError } from './sender.js';

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
  /**
   * Remembers share clicks by (channel, message, user, passage) for `shareWindowMs`, so a double click or a click
   * replayed after a restart posts one quote. Pass a store under DATA_DIR (createFileSeenKeys) to survive
   * restarts; default in memory.
   */
  shareKeys?: SeenKeys;
  /** How long a shared passage is not shared again from the same message by the same user. Default 1 hour. */
  shareWindowMs?: number;
  /**
   * Largest request body accepted at /slack/events, in bytes. Slack's slash commands are a few KB and block_actions
   * payloads (with the message they were clicked in) tens of KB. Default 1 MiB.
   */
  maxBodyBytes?: number;
  /** Request bodies read at once; past it, 503 with Retry-After. Default 32. */
  maxConcurrentBodies?: number;
  /** Timeout of each attempt of a response_url post, in ms. Default 5000. Web API calls: 10 000. */
  responseTimeoutMs?: number;
}

/** Defaults of the optional SlackAdapterDeps, merged here only. */
const DEFAULTS = {
  drainTimeoutMs: 5000,
  maxPending: 500,
  connectionGraceMs: 60_000,
  shareWindowMs: 60 * 60_000,
  maxBodyBytes: 1024 * 1024,
  maxConcurrentBodies: 32,
  responseTimeoutMs: 5000,
} as const;

/** Web API methods that post: sent twice they post twice, so a timeout or 5xx is not retried by the HTTP layer. */
const POSTING_METHODS = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.scheduleMessage', 'files.upload']);

/**
 * How each Slack call may be retried. response_urls: an answer seen only by the asker (ephemeral, or replacing the
 * clicked message) may arrive twice, rarely, rather than not at all; a quote shared into the channel (`in_channel`)
 * must not, so it is retried only when Slack surely did not take it (429, connection refused). Each response_url
 * takes five posts in 30 minutes: with two retries one answer uses at most three.
 */
export function slackCallPolicy(apiUrl: string, responseTimeoutMs: number): (url: URL, init: RequestInit) => CallPolicy {
  const api = new URL(apiUrl);
  return (url, init) => {
    if (url.origin === api.origin && url.pathname.startsWith(api.pathname)) {
      const method = url.pathname.slice(api.pathname.length);
      return { peer: `slack.${method}`, idempotent: !POSTING_METHODS.has(method) };
    }
    const body = typeof init.body === 'string' ? init.body : '';
    return {
      peer: 'slack.response_url',
      idempotent: !/"response_type"\s*:\s*"in_channel"/.test(body),
      timeoutMs: responseTimeoutMs,
    };
  };
}

/** Slack's request signature: `v0=` + HMAC-SHA256 of `v0:<timestamp>:<raw body>`. */
function validSignature(secret: string, timestamp: string, raw: Buffer, signature: string): boolean {
  const expected = Buffer.from(`v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(raw).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * What Bolt would read from the body, or why it is not a Slack request: a form whose `payload` is not a JSON
 * object, or a JSON body that is not an object (`payload=null` crashed Bolt's receiver).
 */
export function bodyProblem(raw: Buffer, contentType: string | undefined): string | undefined {
  const text = raw.toString('utf8');
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if ((contentType ?? '').startsWith('application/x-www-form-urlencoded')) {
    const payload = new URLSearchParams(text).get('payload');
    if (payload === null) return undefined;
    try {
      return isObject(JSON.parse(payload)) ? undefined : 'the payload field is not a JSON object';
    } catch {
      return 'the payload field is not JSON';
    }
  }
  try {
    return isObject(JSON.parse(text)) ? undefined : 'the body is not a JSON object';
  } catch {
    return 'the body is neither a form nor JSON';
  }
}

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
  const outbound = createOutbound({
    name: 'slack',
    logger: log,
    givenUp: createOutboundMetrics(deps.metrics.registry),
    policy: slackCallPolicy(slackApiUrl ?? 'https://slack.com/api/', deps.responseTimeoutMs ?? DEFAULTS.responseTimeoutMs),
  });
  const clientOptions: webApi.WebClientOptions = {
    // Used for response_url posts too (Bolt's respond()): every call gets the outbound client's timeout, bounded
    // retry and pool (src/platform/outbound.ts), and is cheaper than the global fetch (see npm run bench:slack).
    fetch: outbound.fetch,
    // Retries happen in the outbound client, within seconds; a longer Retry-After surfaces at once instead of the
    // client waiting, possibly for minutes (the scheduler waits it out for digests).
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: 0,
    ...(slackApiUrl ? { slackApiUrl } : {}),
  };
  const shareKeys = deps.shareKeys ?? createMemorySeenKeys({ ttlMs: deps.shareWindowMs ?? DEFAULTS.shareWindowMs });

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

  // The kit's busy limiter: answers run one per event-loop turn after ack(), so a burst cannot hold an ack behind a
  // backlog (Slack gives up after 3 s), and past maxPending a command gets the busy reply instead.
  const queue = createWorkQueue({ platform: 'slack', logger: log, metrics: deps.metrics, maxPending });
  const answerer = createAnswerer({
    platform: 'slack',
    router: deps.router,
    queue,
    logger: log,
    metrics: deps.metrics,
    // The words Slack's operators know from before the kit: one line for any listener, naming it.
    onFailure: (where, err, fields) => {
      deps.metrics.errors.inc({ where: `slack.${where}` });
      log.error({ err, where: `slack.${where}`, ...fields }, 'slack: handler failed');
    },
  });
  registerListeners(app, {
    answerer,
    logger: log,
    metrics: deps.metrics,
    // Click trigger ids and file uploads, against Slack's redeliveries (within minutes).
    seen: createMemorySeenKeys({ ttlMs: 10 * 60_000, maxEntries: 10_000 }),
    shares: shareKeys,
    shareWindowMs: deps.shareWindowMs ?? DEFAULTS.shareWindowMs,
    queue,
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
    const signingSecret = config.signingSecret as string;
    const bodies = createBodyReader({
      maxBytes: deps.maxBodyBytes ?? DEFAULTS.maxBodyBytes,
      maxConcurrent: deps.maxConcurrentBodies ?? DEFAULTS.maxConcurrentBodies,
    });
    const refused = (req: http.IncomingMessage, res: http.ServerResponse, status: number, why: string, level: 'warn' | 'debug' = 'warn', headers: Record<string, string> = {}) => {
      deps.metrics.errors.inc({ where: 'slack.verify' });
      log[level]({ status, why }, `slack: request refused: ${why}`);
      refuse(req, res, status, {}, headers);
    };
    deps.httpServer.addRoute({
      method: 'POST',
      path: SLACK_EVENTS_PATH,
      handler: async (req, res) => {
        if (!ready) return refuse(req, res, 503, {}, { 'retry-after': '1' });
        // Everything that can be judged from the headers is judged before a byte of the body is read: a stranger's
        // upload costs no memory.
        const signature = req.headers['x-slack-signature'];
        const timestamp = req.headers['x-slack-request-timestamp'];
        if (typeof signature !== 'string' || typeof timestamp !== 'string') {
          // debug: a flood of these must not flood the log too; the count shows it.
          return refused(req, res, 401, 'no X-Slack-Signature or X-Slack-Request-Timestamp header', 'debug');
        }
        const ts = Number(timestamp);
        if (Number.isFinite(ts) && ts > now() / 1000 + MAX_CLOCK_SKEW_SECONDS) {
          // Bolt refuses stale timestamps, but accepts any timestamp in the future.
          log.warn({ timestamp: ts }, 'slack: request timestamp is more than 5 minutes in the future; refused');
          return refuse(req, res, 401);
        }
        if (!Number.isFinite(ts) || ts < now() / 1000 - MAX_CLOCK_SKEW_SECONDS) {
          return refused(req, res, 401, 'request timestamp is more than 5 minutes old (a replay, or a clock out of sync)');
        }
        let raw: Buffer;
        try {
          raw = await bodies.read(req);
        } catch (err) {
          if (!(err instanceof InboundError)) throw err;
          return refused(req, res, err.status, err.message, 'warn', err.code === 'BUSY' ? { 'retry-after': '1' } : {});
        }
        if (!validSignature(signingSecret, timestamp, raw, signature)) {
          return refused(req, res, 401, 'X-Slack-Signature does not match SLACK_SIGNING_SECRET');
        }
        const problem = bodyProblem(raw, req.headers['content-type']);
        if (problem) return refused(req, res, 400, `signed, but ${problem}`);
        // Bolt takes a body already read from rawBody, and verifies it again.
        (req as http.IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
        listener(req, res);
      },
    });
  }

  return {
    app,
    // Its own client: the scheduler retries digests itself (after checking the channel for the post), so the HTTP
    // layer must not repeat a chat.postMessage on its own.
    sender: createSlackSender({
      client: new webApi.WebClient(config.botToken, {
        ...clientOptions,
        fetch: outbound.fetchWith({ peer: 'slack.digest', idempotent: false, retries: 0 }),
        logger: boltLogger,
      }),
      logger: log,
    }),
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
      await queue.drain(drainTimeoutMs);
      const pending = queue.pending;
      if (pending > 0) {
        // Answers acknowledged to Slack that will now never arrive: said and counted, not dropped silently.
        deps.metrics.undelivered.inc({ platform: 'slack' }, pending);
        log.error(
          { undelivered: pending, waitedMs: drainTimeoutMs },
          `slack: shutting down with ${pending} answer${pending === 1 ? '' : 's'} not delivered within ${drainTimeoutMs} ms`,
        );
      }
      await outbound.close();
      await shareKeys.close();
    },
  };
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
