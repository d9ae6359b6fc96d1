/**
 * Glue between the official SDK and this app: its logger goes to pino (with secrets stripped, because the
 * SDK logs raw HTTP errors whose request config can hold the app secret, and the long connection's URL with its
 * credentials in the query string), its HTTP calls get a timeout, and
 * its token cache is per adapter instead of the SDK's process-wide one.
 */
import { defaultHttpInstance, LoggerLevel, type Cache, type HttpInstance } from '@larksuiteoapi/node-sdk';
import type { Logger } from '../observability/logger.js';

/** The SDK's logger shape: each method receives the SDK's argument list. */
export interface SdkLogger {
  error: (...msg: unknown[]) => void;
  warn: (...msg: unknown[]) => void;
  info: (...msg: unknown[]) => void;
  debug: (...msg: unknown[]) => void;
  trace: (...msg: unknown[]) => void;
}

const SECRET_KEY = /secret|token|authorization|encrypt|password|assertion|ticket/i;
const MAX_LOG_CHARS = 600;

/**
 * The query string of a ws://, wss://, http:// or https:// URL. The long connection's URL (which the SDK logs at
 * debug, "get connect config success, ws url: …") carries the connection's short-lived credentials there.
 */
const URL_QUERY = /((?:wss?|https?):\/\/[^\s?#"'<>]*)\?[^\s#"'<>]*/gi;

/** Text with every URL's query string replaced by `?[redacted]`. */
export function stripUrlQueries(text: string): string {
  return text.replace(URL_QUERY, '$1?[redacted]');
}

/**
 * One log-safe line for whatever the SDK passes: errors summarised, objects with secret-looking keys dropped,
 * URL query strings removed (before the line is shortened, so a cut can never leave part of one).
 */
export function describeForLog(value: unknown, depth = 0): string {
  return stripUrlQueries(describeRaw(value, depth)).slice(0, MAX_LOG_CHARS);
}

function describeRaw(value: unknown, depth: number): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map((v) => describeForLog(v, depth + 1)).join(' ');
  if (value instanceof Error) {
    const res = (value as { response?: { status?: number; data?: { code?: unknown; msg?: unknown } } }).response;
    const api = res ? ` (HTTP ${res.status ?? '?'}, code ${String(res.data?.code ?? '?')}: ${String(res.data?.msg ?? '')})` : '';
    return `${value.name}: ${value.message}${api}`;
  }
  if (depth > 2) return '[object]';
  try {
    return JSON.stringify(value, (k, v: unknown) => (k !== '' && SECRET_KEY.test(k) ? '[redacted]' : v));
  } catch {
    return '[unserialisable]';
  }
}

/**
 * SDK messages at their own level, except that routine chatter ("client ready") is debug. SDK errors are
 * logged as warnings: the adapter logs the failures that matter with context of its own.
 */
export function sdkLogger(logger: Logger): SdkLogger {
  const child = logger.child({ component: 'feishu-sdk' });
  const line = (msg: unknown[]) => describeForLog(msg);
  return {
    error: (...msg) => child.warn(line(msg)),
    warn: (...msg) => child.warn(line(msg)),
    info: (...msg) => child.debug(line(msg)),
    debug: (...msg) => child.debug(line(msg)),
    trace: (...msg) => child.trace(line(msg)),
  };
}

/** The SDK's level filter, from the pino level: we filter again in pino, this only saves work. */
export function sdkLoggerLevel(level: string): LoggerLevel {
  switch (level) {
    case 'trace':
      return LoggerLevel.trace;
    case 'debug':
      return LoggerLevel.debug;
    case 'info':
    case 'warn':
      return LoggerLevel.warn;
    default:
      return LoggerLevel.error;
  }
}


/**
 * The SDK's own axios instance (its interceptors unwrap response bodies), with a default timeout: axios has
 * none, and a hung Feishu call would otherwise hold a digest or a reply forever.
 */
export function httpWithTimeout(timeoutMs: number, agents?: { http: unknown; https: unknown }): HttpInstance {
  const http = defaultHttpInstance;
  // With the outbound client's agents, Feishu calls get a pool of their own: a stalled Feishu cannot take the
  // sockets Slack answers need, and the pool is closed with the adapter.
  const pool = agents ? { httpAgent: agents.http, httpsAgent: agents.https } : {};
  const withTimeout = <T extends { timeout?: number } | undefined>(opts: T) => ({ timeout: timeoutMs, ...pool, ...(opts ?? {}) });
  return {
    request: (opts) => http.request(withTimeout(opts)),
    get: (url, opts) => http.get(url, withTimeout(opts)),
    delete: (url, opts) => http.delete(url, withTimeout(opts)),
    head: (url, opts) => http.head(url, withTimeout(opts)),
    options: (url, opts) => http.options(url, withTimeout(opts)),
    post: (url, data, opts) => http.post(url, data, withTimeout(opts)),
    put: (url, data, opts) => http.put(url, data, withTimeout(opts)),
    patch: (url, data, opts) => http.patch(url, data, withTimeout(opts)),
  } as HttpInstance;
}

/** A token cache owned by one adapter, so two adapters (or two tests) never share a tenant token. */
export function createMemoryCache(now: () => number = Date.now): Cache & { clear(): void } {
  const values = new Map<string, { value: unknown; expire: number | undefined }>();
  // The SDK types keys as string | Symbol (the wrapper type); it passes symbols.
  const keyOf = (key: string | Symbol, ns?: string) => `${ns ?? ''}/${key.toString()}`;
  return {
    async set(key, value, expire, options) {
      values.set(keyOf(key, options?.namespace), { value, expire });
      return true;
    },
    async get(key, options) {
      const hit = values.get(keyOf(key, options?.namespace));
      if (!hit) return undefined;
      if (hit.expire !== undefined && hit.expire <= now()) return undefined;
      return hit.value;
    },
    clear() {
      values.clear();
    },
  };
}
