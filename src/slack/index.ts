/**
 * The Slack adapter over the shared platform kit: its transport is a Bolt app (listeners/, one file per callback,
 * `await ack()` first), its renderer is Block Kit (render/). The answering flow (what runs, where each answer goes,
 * the busy limit, kind failures), dedupe, retries and limits are src/platform's; every decision about content is
 * the router's.
 *
 * HTTP mode (default): Bolt's HTTPReceiver verifies signatures and parses requests, served at POST /slack/events
 * on the process's shared HTTP server (main listens on PORT; app.start() is not called). Socket Mode (with
 * SLACK_APP_TOKEN): Bolt connects out over a WebSocket, no public URL needed.
 */
import { App, HTTPReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import { WHERE, type SlackConfig } from '../config.js';
import type { LibraryIntake } from '../library/intake.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { Router } from '../router/view-model.js';
import {
  createAnswerer,
  createConnectionWatch,
  createMemorySeenKeys,
  createOutbound,
  createOutboundMetrics,
  createUploader,
  createWorkQueue,
  drainQueue,
  waitAtMost,
  type CallPolicy,
  type SeenKeys,
} from '../platform/index.js';
import type { HttpServer, PlatformStatus } from '../server/http-server.js';
import type { DigestSender } from '../state/delivery.js';
import { createBoltLogger } from './bolt-logger.js';
import { createEventsEndpoint } from './http-endpoint.js';
import { registerListeners } from './listeners/index.js';
import { createSlackSender } from './sender.js';

export { renderDigestBlocks, renderView } from './render/index.js';
export { DIGEST_EVENT_TYPE, toDeliveryError } from './sender.js';
export { bodyProblem, MAX_CLOCK_SKEW_SECONDS } from './http-endpoint.js';

/** The path Slack posts commands, interactivity and events to. */
export const SLACK_EVENTS_PATH = '/slack/events';

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
  // The optional deps with their defaults, merged here only.
  const o = {
    drainTimeoutMs: deps.drainTimeoutMs ?? DEFAULTS.drainTimeoutMs,
    maxPending: deps.maxPending ?? DEFAULTS.maxPending,
    connectionGraceMs: deps.connectionGraceMs ?? DEFAULTS.connectionGraceMs,
    shareWindowMs: deps.shareWindowMs ?? DEFAULTS.shareWindowMs,
    maxBodyBytes: deps.maxBodyBytes ?? DEFAULTS.maxBodyBytes,
    maxConcurrentBodies: deps.maxConcurrentBodies ?? DEFAULTS.maxConcurrentBodies,
    responseTimeoutMs: deps.responseTimeoutMs ?? DEFAULTS.responseTimeoutMs,
  };
  const boltLogger = createBoltLogger(log);
  const slackApiUrl = normalizeApiUrl(config.apiUrl);
  const outbound = createOutbound({
    name: 'slack',
    logger: log,
    givenUp: createOutboundMetrics(deps.metrics.registry),
    policy: slackCallPolicy(slackApiUrl ?? 'https://slack.com/api/', o.responseTimeoutMs),
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
  const shareKeys = deps.shareKeys ?? createMemorySeenKeys({ ttlMs: o.shareWindowMs });

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
  const queue = createWorkQueue({ platform: 'slack', logger: log, metrics: deps.metrics, maxPending: o.maxPending });
  // The words Slack's operators know from before the kit: one line for any listener, named by the listener
  // (its conversation's logFields.where: slack.command, slack.feedback …) or else by the kit's step (slack.file).
  const onFailure = (step: string, err: unknown, fields: Record<string, unknown>) => {
    const where = typeof fields.where === 'string' ? fields.where : `slack.${step}`;
    deps.metrics.errors.inc({ where });
    log.error({ err, ...fields, where }, 'slack: handler failed');
  };
  const kit = { platform: 'slack', queue, logger: log, metrics: deps.metrics, onFailure };
  registerListeners(app, {
    answerer: createAnswerer({ ...kit, router: deps.router }),
    logger: log,
    metrics: deps.metrics,
    // Click trigger ids and file uploads, against Slack's redeliveries (within minutes).
    seen: createMemorySeenKeys({ ttlMs: 10 * 60_000, maxEntries: 10_000 }),
    shares: shareKeys,
    shareWindowMs: o.shareWindowMs,
    ...(deps.intake ? { uploader: createUploader({ ...kit, intake: deps.intake }) } : {}),
  });
  app.error(async (err) => {
    deps.metrics.errors.inc({ where: 'slack.bolt' });
    log.error({ err }, 'slack: unhandled error in Bolt');
  });

  // Socket Mode connection state from the client's lifecycle events, with the kit's grace period.
  const connection = createConnectionWatch({ graceMs: o.connectionGraceMs, now });
  if (socketReceiver) {
    const client = socketReceiver.client;
    client.on('connecting', () => connection.down('connecting'));
    // 'close': the socket dropped; the client retries after a delay (and says 'reconnecting' only then).
    client.on('close', () => connection.down('reconnecting'));
    client.on('reconnecting', () => connection.down('reconnecting'));
    // 'disconnected' without stop() means the client gave up: no grace for that.
    client.on('disconnected', () => connection.gone('disconnected'));
    client.on('connected', () => connection.up('connected'));
  }

  let ready = false;
  let stopped = false;
  if (receiver && deps.httpServer) {
    deps.httpServer.addRoute({
      method: 'POST',
      path: SLACK_EVENTS_PATH,
      handler: createEventsEndpoint({
        signingSecret: config.signingSecret as string,
        listener: receiver.requestListener,
        isReady: () => ready,
        maxBodyBytes: o.maxBodyBytes,
        maxConcurrentBodies: o.maxConcurrentBodies,
        logger: log,
        metrics: deps.metrics,
        now,
      }),
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
      return { platform: 'slack-socket', ...connection.status() };
    },
    async start() {
      try {
        await app.init();
      } catch (err) {
        throw startError(err, slackApiUrl, 'SLACK_BOT_TOKEN');
      }
      if (config.socketMode) {
        try {
          await app.start();
        } catch (err) {
          throw startError(err, slackApiUrl, 'SLACK_APP_TOKEN');
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
          await waitAtMost(closed, o.drainTimeoutMs);
        } catch (err) {
          log.warn({ err }, 'slack: error while closing the Socket Mode connection');
        }
      }
      // Answers acknowledged to Slack that will now never arrive: said and counted, not dropped silently.
      await drainQueue(queue, { platform: 'slack', timeoutMs: o.drainTimeoutMs, logger: log, metrics: deps.metrics });
      await outbound.close();
      await shareKeys.close();
    },
  };
}

/**
 * A clear one-line reason why Slack would not let the bot start: the token it rejected (SLACK_BOT_TOKEN checked by
 * auth.test, SLACK_APP_TOKEN by apps.connections.open), or what could not be reached.
 */
function startError(err: unknown, apiUrl: string | undefined, token: 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN'): SlackAdapterError {
  const e = (err ?? {}) as { code?: string; data?: { error?: string }; message?: string };
  if (e.code === 'slack_webapi_platform_error') {
    const code = e.data?.error ?? 'unknown_error';
    return new SlackAdapterError('SLACK_AUTH', `Slack rejected ${token} (${code}); copy it again from ${WHERE[token]}`);
  }
  const what = token === 'SLACK_APP_TOKEN' ? 'open the Socket Mode connection via' : 'reach Slack at';
  const why = token === 'SLACK_APP_TOKEN' ? '' : ' to check SLACK_BOT_TOKEN';
  return new SlackAdapterError('SLACK_UNREACHABLE', `Could not ${what} ${apiUrl ?? 'https://slack.com/api/'}${why}: ${e.message ?? String(err)}`);
}
