/**
 * The Feishu (Lark) adapter over the shared platform kit: its transport (in `ws` mode the SDK's WSClient holds a
 * long connection, no public URL needed; in `http` mode events and card callbacks arrive at POST /feishu/events on
 * the shared HTTP server; both feed the same EventDispatcher and handlers) and its renderer (cards, render/). The
 * answering flow, the busy limit, kind failures, uploads and the digest sender are src/platform's.
 */
import { Client, Domain, EventDispatcher, WSClient, type WSConnectionState } from '@larksuiteoapi/node-sdk';
import { WHERE, type FeishuConfig } from '../config.js';
import type { LibraryIntake } from '../library/intake.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { Router } from '../router/view-model.js';
import {
  createConnectionWatch,
  createMemorySeenKeys,
  createOutbound,
  createOutboundMetrics,
  createWorkQueue,
  drainQueue,
  type ConnectionWatch,
  type SeenKeys,
} from '../platform/index.js';
import type { HttpServer, PlatformStatus } from '../server/http-server.js';
import type { DigestSender } from '../state/delivery.js';
import { createFeishuApi, type FeishuApi } from './api.js';
import { FeishuError, type FeishuApiError } from './errors.js';
import { createHandlers, type CardActionEvent, type MessageEvent } from './events.js';
import { createEventEndpoint } from './http-endpoint.js';
import { createMemoryCache, httpWithTimeout, sdkLogger, sdkLoggerLevel } from './sdk-bridge.js';
import { createResourceDownloader } from './resources.js';
import { createFeishuDigestSender } from './sender.js';

export { FeishuApiError, FeishuError } from './errors.js';
export { renderView } from './render/index.js';

export interface FeishuAdapterOptions {
  /** Path of the event and callback endpoint in http mode. Default `/feishu/events`. */
  path?: string;
  /**
   * Milliseconds a card callback may spend before it answers with a "loading" toast and updates the card
   * afterwards (Feishu gives callbacks 3 s). Default 2500.
   */
  callbackDeadlineMs?: number;
  /** Timeout of each Open API request, in ms. Default 10 000. */
  requestTimeoutMs?: number;
  /** How long a message id is remembered so a redelivered event is answered once, in ms. Default 24 h. */
  dedupeTtlMs?: number;
  /** Most message ids remembered at once. Default 10 000. */
  dedupeMaxEntries?: number;
  /** Window in which the same user sharing the same passage from the same card posts only once, in ms. Default 1 hour. */
  shareWindowMs?: number;
  /**
   * Messages sent longer ago than this are not answered: a replayed request, or a redelivery long after the user
   * gave up. Default 1 hour.
   */
  maxEventAgeMs?: number;
  /** Largest request body accepted at the endpoint, in bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  /** How long stop() waits for replies still being sent, in ms. Default 5000. */
  stopTimeoutMs?: number;
  /**
   * How long the long connection may be connecting or reconnecting before status() reports it not ok, in ms.
   * The SDK reconnects on its own, usually within seconds. Default 60 000.
   */
  connectionGraceMs?: number;
  /** Most answers pending before new commands get the busy reply. Default 500. */
  maxPending?: number;
}

const DEFAULTS: Required<FeishuAdapterOptions> = {
  path: '/feishu/events',
  callbackDeadlineMs: 2500,
  requestTimeoutMs: 10_000,
  dedupeTtlMs: 24 * 60 * 60 * 1000,
  dedupeMaxEntries: 10_000,
  shareWindowMs: 60 * 60 * 1000,
  maxEventAgeMs: 60 * 60 * 1000,
  maxBodyBytes: 1024 * 1024,
  stopTimeoutMs: 5000,
  connectionGraceMs: 60_000,
  maxPending: 500,
};

/** One platform's connection, as /healthz reports it. */
export interface FeishuStatus extends PlatformStatus {
  platform: 'feishu-ws' | 'feishu-http';
  /**
   * http mode: 'starting', 'serving' or 'stopped'. ws mode: the SDK's state ('connecting', 'connected',
   * 'reconnecting', 'idle', 'failed'), or 'starting' / 'stopped'.
   */
  state: string;
}

/**
 * Tells the kit's connection watch what the long connection's SDK state is. 'failed' (the SDK gave up: a refused
 * endpoint request or retries exhausted) is gone, never ok; anything but 'connected' is down, ok only within the
 * grace period since it was first seen lost.
 */
export function noteWsState(watch: ConnectionWatch, state: WSConnectionState): void {
  if (state === 'connected') watch.up(state);
  else if (state === 'failed') watch.gone(state);
  else watch.down(state);
}

export interface FeishuAdapterDeps {
  config: FeishuConfig;
  router: Router;
  logger: Logger;
  metrics: Metrics;
  /** The process's shared server; http mode adds its route here (the caller listens). */
  httpServer: HttpServer;
  options?: FeishuAdapterOptions;
  /** Adds files ADMIN_USERS send to the bot in a private chat to the library (scope im:resource). */
  intake?: LibraryIntake;
  /**
   * Where handled message ids, callback ids and shares are remembered. Pass stores under DATA_DIR
   * (createFileSeenKeys) so that a redelivery or replay after a restart is ignored too; default in memory.
   */
  seenKeys?: { events: SeenKeys; shares: SeenKeys };
}

export interface FeishuAdapter {
  /**
   * Gets a tenant access token first, and rejects with a FeishuError naming the setting to fix (FEISHU_APP_ID,
   * FEISHU_APP_SECRET, FEISHU_DOMAIN) if Feishu refuses or cannot be reached. Then, http mode: registers the
   * endpoint; ws mode: opens the long connection (reconnects on its own).
   */
  start(): Promise<void>;
  /** Closes the long connection, answers new events with 503 and waits for replies in flight. */
  stop(): Promise<void>;
  /** Posts the daily digest to a chat id; used by the digest scheduler. */
  sender: DigestSender;
  /** The Open API calls, for callers that post on their own. */
  api: FeishuApi;
  /** Whether Feishu can reach the bot now: for /healthz. */
  status(): FeishuStatus;
}

/** Feishu app ids: the SDK's long connection refuses (silently) anything else. */
const APP_ID = /^cli_[0-9a-fA-F]{16}$/;

/**
 * One line that says which setting is wrong when Feishu would not issue a tenant access token at start-up.
 * Never includes the secret.
 */
export function credentialsError(err: FeishuApiError, config: Pick<FeishuConfig, 'appId' | 'domain'>): FeishuError {
  const url = config.domain ?? 'https://open.feishu.cn';
  const said = `code ${err.feishuCode ?? '-'}: ${err.message.replace(/^Feishu API error [^:]*: /, '')}`;
  switch (err.code) {
    case 'invalid_app_id':
      return new FeishuError(
        'BAD_APP_ID',
        `Feishu rejected FEISHU_APP_ID "${config.appId}" (${said}); copy it again from ${WHERE.FEISHU_APP_ID} (a Lark app also needs FEISHU_DOMAIN=https://open.larksuite.com)`,
      );
    case 'invalid_app_secret':
      return new FeishuError(
        'BAD_APP_SECRET',
        `Feishu rejected FEISHU_APP_SECRET (${said}); copy it again from ${WHERE.FEISHU_APP_SECRET}`,
      );
    case 'network_error':
      return new FeishuError(
        'FEISHU_UNREACHABLE',
        `Could not reach the Feishu Open API at ${url} (FEISHU_DOMAIN) to check FEISHU_APP_ID and FEISHU_APP_SECRET: ${err.message}`,
      );
    default:
      return new FeishuError(
        'FEISHU_REFUSED',
        `Feishu at ${url} (FEISHU_DOMAIN) did not issue a tenant access token for FEISHU_APP_ID "${config.appId}": ${err.message}`,
        { transient: !err.permanent },
      );
  }
}

/** How often a failed bot open_id lookup may be retried, in ms. */
const BOT_LOOKUP_RETRY_MS = 60_000;

export function createFeishuAdapter(deps: FeishuAdapterDeps): FeishuAdapter {
  const o = { ...DEFAULTS, ...deps.options };
  const { config } = deps;
  const logger = deps.logger.child({ platform: 'feishu' });
  if (config.mode === 'http' && !config.encryptKey && !config.verificationToken) {
    throw new FeishuError(
      'HTTP_UNVERIFIED',
      'FEISHU_MODE=http needs FEISHU_ENCRYPT_KEY (recommended) or FEISHU_VERIFICATION_TOKEN to verify requests',
    );
  }

  const sdkLog = sdkLogger(logger);
  const loggerLevel = sdkLoggerLevel(logger.level);
  const domain = config.domain ?? Domain.Feishu;
  // Its own pool, and the bounded retry for replies (api.ts); the SDK's axios keeps its per-request timeout.
  const outbound = createOutbound({
    name: 'feishu',
    logger,
    givenUp: createOutboundMetrics(deps.metrics.registry),
    timeoutMs: o.requestTimeoutMs,
  });
  const httpInstance = httpWithTimeout(o.requestTimeoutMs, outbound.agents);
  const tokenCache = createMemoryCache();
  const client = new Client({
    appId: config.appId,
    appSecret: config.appSecret,
    domain,
    cache: tokenCache,
    httpInstance,
    logger: sdkLog,
    loggerLevel,
  });
  const api = createFeishuApi(client, { onTokenInvalid: () => tokenCache.clear(), outbound });
  const seen = deps.seenKeys?.events ?? createMemorySeenKeys({ ttlMs: o.dedupeTtlMs, maxEntries: o.dedupeMaxEntries });
  const recentShares = deps.seenKeys?.shares ?? createMemorySeenKeys({ ttlMs: o.shareWindowMs, maxEntries: 1000 });

  // Every answer runs through the kit's queue (the busy limit); stop() waits for it and reports what is left.
  const queue = createWorkQueue({ platform: 'feishu', logger, metrics: deps.metrics, maxPending: o.maxPending });
  const background = (what: string) => (err: unknown) => logger.error({ err }, `feishu: ${what} failed`);

  let botOpenId: string | undefined;
  // What users type after @ to reach the bot; the app's name once Feishu has said it.
  let botName = '振兴';
  let lookupAt = -Infinity;
  function lookUpBot() {
    lookupAt = Date.now();
    void api.botInfo().then(
      (info) => {
        botOpenId = info.openId;
        if (info.name) botName = info.name;
        logger.debug({ botOpenId, botName }, 'feishu: bot identity known');
      },
      (err: unknown) => logger.warn({ err }, 'feishu: could not look up the bot open_id; in groups any mention counts'),
    );
  }

  const handlers = createHandlers({
    router: deps.router,
    queue,
    api,
    logger,
    metrics: deps.metrics,
    seen,
    recentShares,
    maxEventAgeMs: o.maxEventAgeMs,
    botOpenId: () => {
      if (botOpenId === undefined && Date.now() - lookupAt > BOT_LOOKUP_RETRY_MS) lookUpBot();
      return botOpenId;
    },
    botName: () => botName,
    // Replies made outside the answering flow (the text-only hint, the share picker) count as pending answers too.
    track: (work) => void queue.run(() => work.then(() => undefined, background('reply'))),
    callbackDeadlineMs: o.callbackDeadlineMs,
    ...(deps.intake ? { intake: deps.intake, downloadResource: createResourceDownloader(client, domain) } : {}),
  });

  // Verification happens before the dispatcher (http-endpoint.ts) or inside the long connection, so the
  // dispatcher gets no keys and is always invoked with needCheck: false.
  const dispatcher = new EventDispatcher({ logger: sdkLog, loggerLevel }).register({
    'im.message.receive_v1': (data) => {
      handlers.onMessage(data as MessageEvent);
    },
    'card.action.trigger': (data: unknown) => handlers.onCardAction(data as CardActionEvent),
  });

  let ws: WSClient | undefined;
  let routeAdded = false;
  let stopped = true;
  let started = false;
  // Keeps when the long connection was last lost (or first asked for): the SDK's status has no such time, and
  // /healthz polls too rarely to notice the moment itself. The kit's watch, as Slack Socket Mode and DingTalk use.
  let connection = createConnectionWatch({ graceMs: o.connectionGraceMs });

  return {
    api,
    // Without the HTTP-level retry: the digest scheduler retries digests itself, with its own backoff.
    sender: createFeishuDigestSender(createFeishuApi(client, { onTokenInvalid: () => tokenCache.clear() }), () => botName),

    status() {
      const platform = config.mode === 'ws' ? 'feishu-ws' : 'feishu-http';
      if (stopped) return { platform, ok: false, state: started ? 'stopped' : 'starting' };
      if (!ws) return { platform, ok: true, state: 'serving' };
      const { state } = ws.getConnectionStatus();
      // A drop between two SDK callbacks ('idle' before the reconnect begins) counts from when it is first seen.
      noteWsState(connection, state);
      return { platform, ...connection.status() };
    },

    async start() {
      if (!stopped) return;
      if (config.mode === 'ws' && !APP_ID.test(config.appId)) {
        throw new FeishuError(
          'BAD_APP_ID',
          `FEISHU_APP_ID "${config.appId}" is not a Feishu app id (cli_ and 16 hex digits); find it in the developer console under Credentials & Basic Info`,
        );
      }
      // Prove the id, the secret and the domain before anything says it started: with a rejected secret the long
      // connection would retry forever, with nothing in the log but SDK warnings.
      try {
        await api.tenantToken();
      } catch (err) {
        throw credentialsError(err as FeishuApiError, config);
      }
      stopped = false;
      started = true;
      lookUpBot();
      if (config.mode === 'ws') {
        // Not up until the SDK says ready: a first connection that never comes counts against the grace period too.
        connection = createConnectionWatch({ graceMs: o.connectionGraceMs });
        connection.down('connecting');
        ws = new WSClient({
          appId: config.appId,
          appSecret: config.appSecret,
          domain,
          httpInstance,
          logger: sdkLog,
          loggerLevel,
          autoReconnect: true,
          onReady: () => {
            connection.up();
            logger.info('feishu: long connection ready');
          },
          onReconnecting: () => {
            connection.down('reconnecting');
            logger.warn('feishu: long connection lost; reconnecting');
          },
          onReconnected: () => {
            connection.up();
            logger.info('feishu: long connection back');
          },
          onError: (err) => logger.error({ err }, 'feishu: long connection failed'),
        });
        await ws.start({ eventDispatcher: dispatcher });
        logger.info({ mode: 'ws' }, 'feishu: started (long connection)');
        return;
      }
      if (!routeAdded) {
        routeAdded = true;
        deps.httpServer.addRoute({
          method: 'POST',
          path: o.path,
          handler: createEventEndpoint({
            encryptKey: config.encryptKey,
            verificationToken: config.verificationToken,
            maxBodyBytes: o.maxBodyBytes,
            logger,
            metrics: deps.metrics,
            isStopped: () => stopped,
            onEvent: (payload) => void dispatcher.invoke(payload, { needCheck: false }).catch(background('event')),
            onCallback: (payload) => dispatcher.invoke(payload, { needCheck: false }),
          }),
        });
      }
      logger.info({ mode: 'http', path: o.path }, 'feishu: started (request URL)');
    },

    async stop() {
      stopped = true;
      ws?.close({ force: true });
      ws = undefined;
      const noun: [string, string] = ['reply', 'replies'];
      await drainQueue(queue, { platform: 'feishu', timeoutMs: o.stopTimeoutMs, logger, metrics: deps.metrics, noun });
      await outbound.close();
      await Promise.all([seen.close(), recentShares.close()]);
    },
  };
}
