/**
 * The DingTalk (钉钉) adapter: an enterprise internal app's robot over the shared platform kit. Its transport is
 * Stream mode (default; the official SDK connects out) or the HTTP callback at POST /dingtalk/events; its renderer
 * is render.ts; everything else (the answering flow, the busy limit, kind failures, the digest sender) is
 * src/platform's.
 */
import { WHERE, type DingTalkConfig } from '../config.js';
import type { LibraryIntake } from '../library/intake.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { createConnectionWatch } from '../platform/connection-watch.js';
import { createAnswerer } from '../platform/conversation.js';
import { createDigestSender } from '../platform/digest-sender.js';
import { downloadCapped } from '../platform/download.js';
import { createOutbound, createOutboundMetrics } from '../platform/outbound.js';
import { createFileSeenKeys, createMemorySeenKeys, type SeenKeys } from '../platform/seen-keys.js';
import { drainQueue } from '../platform/shutdown.js';
import { createUploader } from '../platform/uploads.js';
import { createWorkQueue } from '../platform/work-queue.js';
import type { Router } from '../router/view-model.js';
import type { HttpServer, PlatformStatus } from '../server/http-server.js';
import { DeliveryError, type DigestSender } from '../state/delivery.js';
import { DingTalkApiError, createDingTalkApi, type DingTalkApi } from './api.js';
import { createMessageHandler, type RobotMessage } from './events.js';
import { createCallbackEndpoint } from './http-endpoint.js';
import { renderView } from './render.js';
import { createStreamTransport, type StreamTransport } from './stream.js';

export { DingTalkApiError } from './api.js';
export { renderView } from './render.js';

export const DINGTALK_EVENTS_PATH = '/dingtalk/events';

export interface DingTalkAdapterOptions {
  /** Timeout of each OpenAPI call, in ms. Default 10 000. */
  requestTimeoutMs?: number;
  /** How long a msgId is remembered so a redelivered message is answered once, in ms. Default 24 h. */
  dedupeTtlMs?: number;
  /** Window in which the same user sharing the same passage into the same group posts once, in ms. Default 10 000. */
  shareWindowMs?: number;
  /** Largest callback body accepted, in bytes. Default 256 KiB (a text message is a few KiB). */
  maxBodyBytes?: number;
  /** Most answers pending before new commands get the busy reply. Default 500. */
  maxPending?: number;
  /** How long stop() waits for answers still being sent, in ms. Default 5000. */
  stopTimeoutMs?: number;
  /** How long the Stream connection may be down before status() reports it not ok, in ms. Default 60 000. */
  connectionGraceMs?: number;
  /** Timeout of downloading a file sent to the robot (the whole file), in ms. Default 60 000. */
  downloadTimeoutMs?: number;
}

const DEFAULTS: Required<DingTalkAdapterOptions> = {
  requestTimeoutMs: 10_000,
  dedupeTtlMs: 24 * 60 * 60 * 1000,
  shareWindowMs: 10_000,
  maxBodyBytes: 256 * 1024,
  maxPending: 500,
  stopTimeoutMs: 5000,
  connectionGraceMs: 60_000,
  downloadTimeoutMs: 60_000,
};

export interface DingTalkAdapterDeps {
  config: DingTalkConfig;
  router: Router;
  logger: Logger;
  metrics: Metrics;
  /** The process's shared server; HTTP mode adds its route here (the caller listens). */
  httpServer: HttpServer;
  options?: DingTalkAdapterOptions;
  /** DATA_DIR: message ids are remembered there, so a message redelivered after a restart is not answered again. */
  dataDir?: string;
  /**
   * Opens a named SeenKeys store (main passes the state backend's: files under DATA_DIR, or Redis with STATE_URL,
   * so a message redelivered to another replica is answered once). Takes precedence over dataDir.
   */
  seenKeys?: (name: string, ttlMs: number) => Promise<SeenKeys>;
  /** Clock in ms (signature window, token expiry). */
  now?: () => number;
  /** Adds files ADMIN_USERS send to the robot in a 1:1 chat to the library (permission qyapi_robot_sendmsg). */
  intake?: LibraryIntake;
}

export interface DingTalkAdapter {
  /** Gets an access token first (rejects naming the setting to fix), then serves HTTP or opens the Stream. */
  start(): Promise<void>;
  stop(): Promise<void>;
  sender: DigestSender;
  api: DingTalkApi;
  status(): PlatformStatus;
}

export type DingTalkErrorCode = 'DINGTALK_REFUSED' | 'DINGTALK_UNREACHABLE';

export class DingTalkError extends Error {
  readonly code: DingTalkErrorCode;
  constructor(code: DingTalkErrorCode, message: string) {
    super(message);
    this.name = 'DingTalkError';
    this.code = code;
  }
}

/** One line naming the setting to fix when DingTalk would not issue an access token at start-up. */
export function credentialsError(err: unknown, config: Pick<DingTalkConfig, 'clientId' | 'apiUrl'>): DingTalkError {
  const e = err instanceof DingTalkApiError ? err : undefined;
  if (!e || e.code === 'network_error' || e.code === 'server_error') {
    return new DingTalkError(
      'DINGTALK_UNREACHABLE',
      `Could not reach the DingTalk OpenAPI at ${config.apiUrl} (DINGTALK_API_URL) to check DINGTALK_CLIENT_ID and DINGTALK_CLIENT_SECRET: ${e?.message ?? String(err)}`,
    );
  }
  return new DingTalkError(
    'DINGTALK_REFUSED',
    `DingTalk refused DINGTALK_CLIENT_ID "${config.clientId}" with DINGTALK_CLIENT_SECRET (${e.message}); copy both again from ${WHERE.DINGTALK_CLIENT_ID}`,
  );
}

/** DeliveryError for the digest scheduler: permanent unless DingTalk or the network may recover. */
export function toDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DingTalkApiError) {
    return new DeliveryError(err.code, err.message, {
      permanent: err.permanent,
      ...(err.retryAfterMs !== undefined ? { retryAfterMs: err.retryAfterMs } : {}),
    });
  }
  return new DeliveryError('unknown', err instanceof Error ? err.message : String(err), { permanent: false });
}

export function createDingTalkAdapter(deps: DingTalkAdapterDeps): DingTalkAdapter {
  const o = { ...DEFAULTS, ...deps.options };
  const { config } = deps;
  const logger = deps.logger.child({ platform: 'dingtalk' });
  const now = deps.now ?? Date.now;
  // Robot messages are posts: sent again only when DingTalk surely did not take them (429, no connection).
  const out = createOutbound({
    name: 'dingtalk',
    logger,
    givenUp: createOutboundMetrics(deps.metrics.registry),
    timeoutMs: o.requestTimeoutMs,
    policy: (url) => {
      // A read: asking again for the URL is harmless.
      if (url.pathname === '/v1.0/robot/messageFiles/download') return { peer: 'dingtalk.files' };
      if (url.pathname.startsWith('/v1.0/robot/')) return { peer: 'dingtalk.robot', idempotent: false };
      if (url.pathname === '/v1.0/oauth2/accessToken') return { peer: 'dingtalk.token' };
      if (url.pathname === '/v1.0/gateway/connections/open') return { peer: 'dingtalk.gateway' };
      return { peer: 'dingtalk.session', idempotent: false };
    },
  });
  const api = createDingTalkApi({ ...config, fetch: out.fetch, now });
  const queue = createWorkQueue({ platform: 'dingtalk', logger, metrics: deps.metrics, maxPending: o.maxPending });
  const answerer = createAnswerer({ platform: 'dingtalk', router: deps.router, queue, logger, metrics: deps.metrics });
  // The sessionWebhook URL arrives in the message: post only to DingTalk's own hosts (or the configured API's).
  const trustedHosts = new Set(['oapi.dingtalk.com', 'api.dingtalk.com', new URL(config.apiUrl).host]);
  const trustedWebhook = (url: string) => {
    try {
      return trustedHosts.has(new URL(url).host);
    } catch {
      return false;
    }
  };
  let seen: SeenKeys | undefined;
  let recentShares: SeenKeys | undefined;
  let handler: ((msg: RobotMessage) => void) | undefined;
  const onMessage = (msg: RobotMessage) => handler?.(msg);

  let stream: StreamTransport | undefined;
  let stopped = true;
  let started = false;
  let routeAdded = false;
  let connection = createConnectionWatch({ graceMs: o.connectionGraceMs, now });

  return {
    api,
    sender: createDigestSender({
      platform: 'dingtalk',
      render: (view) => renderView(view),
      post: (chatId, message) => api.sendToGroup(chatId, message),
      toDeliveryError,
      onFailure: (e, chatId, digest) =>
        logger.warn({ chat: chatId, date: digest.date, code: e.code, permanent: e.permanent }, 'dingtalk: digest post failed'),
    }),

    status() {
      const platform = `dingtalk-${config.mode}`;
      if (stopped) return { platform, ok: false, state: started ? 'stopped' : 'starting' };
      if (!stream) return { platform, ok: true, state: 'serving' };
      if (stream.connected()) connection.up();
      else connection.down('connecting');
      return { platform, ...connection.status() };
    },

    async start() {
      if (!stopped) return;
      // Prove the id, the secret and the API URL first: a refused secret would otherwise only show as a Stream
      // connection retrying forever, or as every answer failing.
      try {
        await api.accessToken();
      } catch (err) {
        throw credentialsError(err, config);
      }
      seen ??= deps.seenKeys
        ? await deps.seenKeys('dingtalk-messages', o.dedupeTtlMs)
        : deps.dataDir
          ? await createFileSeenKeys({ dataDir: deps.dataDir, name: 'dingtalk-messages', ttlMs: o.dedupeTtlMs, logger })
          : createMemorySeenKeys({ ttlMs: o.dedupeTtlMs });
      // Shared by the replicas when the state is (STATE_URL): a double click delivered to two of them posts once.
      recentShares ??= deps.seenKeys
        ? await deps.seenKeys('dingtalk-shares', o.shareWindowMs)
        : createMemorySeenKeys({ ttlMs: o.shareWindowMs, maxEntries: 1000 });
      handler = createMessageHandler({
        api,
        answerer,
        logger,
        metrics: deps.metrics,
        seen,
        recentShares,
        clientSecret: config.clientSecret,
        trustedWebhook,
        now,
        ...(deps.intake
          ? {
              uploader: createUploader({ platform: 'dingtalk', intake: deps.intake, queue, logger, metrics: deps.metrics }),
              // The URL is DingTalk's answer to an authorised call; the file itself is fetched with its own timeout.
              downloadFile: async (code: string, maxBytes: number) =>
                downloadCapped(await api.messageFileUrl(code), maxBytes, { timeoutMs: o.downloadTimeoutMs }),
            }
          : {}),
      });
      stopped = false;
      started = true;
      if (config.mode === 'stream') {
        // Not up until the socket is: a first connection that never comes counts against the grace period too.
        connection = createConnectionWatch({ graceMs: o.connectionGraceMs, now });
        connection.down('connecting');
        stream = createStreamTransport({ ...config, fetch: out.fetch, logger, onMessage });
        await stream.start();
        logger.info({ mode: 'stream', connected: stream.connected() }, 'dingtalk: started (Stream mode)');
        return;
      }
      if (!routeAdded) {
        routeAdded = true;
        deps.httpServer.addRoute({
          method: 'POST',
          path: DINGTALK_EVENTS_PATH,
          handler: createCallbackEndpoint({
            clientSecret: config.clientSecret,
            maxBodyBytes: o.maxBodyBytes,
            logger,
            metrics: deps.metrics,
            now,
            isStopped: () => stopped,
            onMessage,
          }),
        });
      }
      logger.info({ mode: 'http', path: DINGTALK_EVENTS_PATH }, 'dingtalk: started (HTTP callback)');
    },

    async stop() {
      stopped = true;
      stream?.stop();
      stream = undefined;
      await drainQueue(queue, { platform: 'dingtalk', timeoutMs: o.stopTimeoutMs, logger, metrics: deps.metrics });
      await out.close();
      await seen?.close();
    },
  };
}
