/**
 * One way out for every call the bot makes to a platform (Slack's Web API and response_urls, the Feishu and
 * DingTalk Open APIs): a timeout on every attempt, a bounded retry for timeouts, 5xx and 429 (honouring
 * Retry-After), and a connection pool of its own in which one target can hold only a few sockets, so a peer that
 * accepts connections and never answers cannot starve the calls other answers need. What is finally given up is
 * logged and counted (`zhenxing_outbound_given_up_total{peer,reason}`).
 *
 *   const out = createOutbound({ name: 'slack', logger, metrics });
 *   new WebClient(token, { fetch: out.fetch });              // SDKs that take a fetch
 *   axios.request({ ..., httpAgent: out.agents.http });      // SDKs that take agents (retry with out.retry)
 *   await out.retry({ peer: 'feishu.reply' }, () => api.reply(...), classify);
 *
 * Platform-neutral: no platform SDK is imported here (test/boundary.test.ts).
 */
import http from 'node:http';
import https from 'node:https';
import { Counter, type Registry } from 'prom-client';
import type { Logger } from '../observability/logger.js';
import { createInterruptibleSleep } from './interruptible-sleep.js';

type FetchFn = typeof globalThis.fetch;

/** How one call may be retried and limited. */
export interface CallPolicy {
  /** Name in logs and in the metric's `peer` label, e.g. 'slack.response_url'. Default the client's name. */
  peer?: string;
  /**
   * Whether sending the call twice is harmless. A non-idempotent call (a public post) is retried only when the peer
   * surely did not act on it: a 429, or a connection that was never made. Default true.
   */
  idempotent?: boolean;
  /** Timeout of each attempt, in ms (connect, send and the whole response). Default the client's timeoutMs. */
  timeoutMs?: number;
  /** Calls with one target share maxPerTarget connections. Default: the URL's origin and path. */
  target?: string;
  /** Attempts after the first. Default the client's retries (0: the caller retries on its own). */
  retries?: number;
}

/** What `retry` should do after one failed attempt. */
export interface RetryDecision {
  /** True to try again (within the retry budget). */
  retry: boolean;
  /** Short reason for logs and the metric: 'timeout', 'http_503', 'rate_limited', 'invalid_token' … */
  reason: string;
  /** Wait at least this long before the next attempt (Retry-After), in ms. */
  afterMs?: number;
  /**
   * The peer refused for good (a 4xx, a bad channel) or the caller aborted: not logged or counted here, the caller
   * reports it. Any other failure that ends the call is logged and counted as given up.
   */
  permanent?: boolean;
}

export interface OutboundOptions {
  /** Names the client in logs and in the metric's `peer` label when a call names none (e.g. 'slack'). */
  name: string;
  logger: Pick<Logger, 'warn' | 'debug'>;
  /** Counts calls given up: `{ peer, reason }`. Create it with createOutboundMetrics(registry). */
  givenUp?: Counter<'peer' | 'reason'>;
  /** Timeout of each attempt, in ms. Default 10 000. */
  timeoutMs?: number;
  /** Attempts after the first. Default 2. */
  retries?: number;
  /** First wait between attempts when the peer names none; doubles each time, with jitter. Default 250 ms. */
  baseDelayMs?: number;
  /** A Retry-After longer than this is not waited out: the call is given up at once. Default 30 000 ms. */
  maxRetryAfterMs?: number;
  /** Sockets per origin in this client's own pool. Default 64. */
  maxSockets?: number;
  /** Calls in flight per target (see CallPolicy.target); more wait their turn. Default 4. */
  maxPerTarget?: number;
  /** The policy of a fetch() call, from its URL and request. Default: idempotent, client defaults. */
  policy?: (url: URL, init: RequestInit) => CallPolicy;
}

export interface Outbound {
  /** fetch() with this client's timeout, retry, pool and target limit. Never rejects on an HTTP status. */
  fetch: FetchFn;
  /** The same fetch with a fixed policy for all its calls (e.g. a client whose caller retries on its own). */
  fetchWith(policy: CallPolicy): FetchFn;
  /**
   * Runs `attempt` with this client's bounded retry: after a failure `classify` says whether and when to try again.
   * Rejects with the last error when it says no, when the retries are used up, or when the client is closed; a
   * retryable failure given up is logged and counted.
   */
  retry<T>(policy: CallPolicy, attempt: (n: number) => Promise<T>, classify: (err: unknown) => RetryDecision): Promise<T>;
  /** This client's pool, for SDKs that take agents (axios `httpAgent` / `httpsAgent`). */
  agents: { http: http.Agent; https: https.Agent };
  /** Calls in flight or waiting for a slot. */
  readonly pending: number;
  /**
   * Aborts calls in flight (each is given up as 'closed', logged and counted), starts no retry, closes the pool.
   * Resolves once the aborted calls have settled (and so been logged), so a process may exit right after.
   */
  close(): Promise<void>;
}

/** A timed-out attempt (the peer took longer than timeoutMs to answer in full). */
export class OutboundTimeoutError extends Error {
  readonly code = 'OUTBOUND_TIMEOUT';
  constructor(readonly url: string, readonly timeoutMs: number) {
    super(`no answer from ${url} within ${timeoutMs} ms`);
    this.name = 'OutboundTimeoutError';
  }
}

/** A call refused because the client was closed (shutting down). */
export class OutboundClosedError extends Error {
  readonly code = 'OUTBOUND_CLOSED';
  constructor(readonly url: string) {
    super(`not sent to ${url}: shutting down`);
    this.name = 'OutboundClosedError';
  }
}

/** The counter given-up calls are counted in; one per registry. */
export function createOutboundMetrics(registry: Registry): Counter<'peer' | 'reason'> {
  const existing = registry.getSingleMetric('zhenxing_outbound_given_up_total');
  if (existing) return existing as Counter<'peer' | 'reason'>;
  return new Counter({
    name: 'zhenxing_outbound_given_up_total',
    help: 'Outbound calls given up after their retries (or at once when not retryable), by peer and reason',
    labelNames: ['peer', 'reason'],
    registers: [registry],
  });
}

/** Defaults of OutboundOptions, merged here only. */
const DEFAULTS = {
  timeoutMs: 10_000,
  retries: 2,
  baseDelayMs: 250,
  maxRetryAfterMs: 30_000,
  maxSockets: 64,
  maxPerTarget: 4,
} as const;

/** Retry-After in ms: seconds, or an HTTP date. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const s = Number(value);
  if (Number.isFinite(s) && s >= 0) return Math.round(s * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

function toHeaderRecord(headers: RequestInit['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  if (headers instanceof Headers) headers.forEach((v, k) => (out[k] = v));
  else if (Array.isArray(headers)) {
    for (const [k, v] of headers) if (k !== undefined && v !== undefined) out[k.toLowerCase()] = v;
  } else for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = String(v);
  return out;
}

function toResponseHeaders(raw: http.IncomingHttpHeaders): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(raw)) {
    if (Array.isArray(v)) for (const x of v) h.append(k, x);
    else if (v !== undefined) h.set(k, v);
  }
  return h;
}

/** A counting semaphore per key. */
function createLimiter(max: number) {
  const active = new Map<string, number>();
  const waiting = new Map<string, (() => void)[]>();
  return {
    async take(key: string): Promise<() => void> {
      if ((active.get(key) ?? 0) >= max) {
        await new Promise<void>((resolve) => {
          const q = waiting.get(key) ?? [];
          q.push(resolve);
          waiting.set(key, q);
        });
      } else active.set(key, (active.get(key) ?? 0) + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const next = waiting.get(key)?.shift();
        if (next) return next(); // the slot passes on
        if (waiting.get(key)?.length === 0) waiting.delete(key);
        const n = (active.get(key) ?? 1) - 1;
        if (n <= 0) active.delete(key);
        else active.set(key, n);
      };
    },
  };
}

export function createOutbound(options: OutboundOptions): Outbound {
  const o = { ...DEFAULTS, ...options };
  const agentOptions = { keepAlive: true, maxSockets: o.maxSockets };
  const agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };
  const limiter = createLimiter(o.maxPerTarget);
  const live = new Set<http.ClientRequest>();
  let closed = false;
  let pending = 0;
  /** Calls not settled yet, so close() can wait for their last words. */
  const calls = new Set<Promise<unknown>>();
  const tracked = <T>(p: Promise<T>): Promise<T> => {
    calls.add(p);
    void p.then(
      () => calls.delete(p),
      () => calls.delete(p),
    );
    return p;
  };

  const { sleep, wakeAll } = createInterruptibleSleep(() => closed);

  function giveUp(peer: string, reason: string, detail: Record<string, unknown>) {
    o.givenUp?.inc({ peer, reason });
    o.logger.warn({ peer, reason, ...detail }, `outbound: gave up a call to ${peer} (${reason})`);
  }

  async function retry<T>(
    policy: Pick<CallPolicy, 'peer' | 'retries'>,
    attempt: (n: number) => Promise<T>,
    classify: (err: unknown) => RetryDecision,
  ): Promise<T> {
    const peer = policy.peer ?? o.name;
    for (let n = 1; ; n++) {
      try {
        return await attempt(n);
      } catch (err) {
        const d = closed ? { retry: false, reason: 'closed' } : classify(err);
        const tooLong = d.afterMs !== undefined && d.afterMs > o.maxRetryAfterMs;
        if (!d.retry || n > (policy.retries ?? o.retries) || tooLong) {
          if (!d.permanent) {
            giveUp(peer, tooLong ? `${d.reason}_retry_after_too_long` : d.reason, {
              attempts: n,
              error: (err as Error)?.message,
            });
          }
          throw err;
        }
        const backoff = o.baseDelayMs * 2 ** (n - 1);
        const wait = Math.max(d.afterMs ?? 0, backoff + Math.floor(Math.random() * backoff));
        o.logger.debug({ peer, reason: d.reason, attempt: n, waitMs: wait }, `outbound: retrying a call to ${peer}`);
        await sleep(wait);
        if (closed) {
          giveUp(peer, 'closed', { attempts: n, error: (err as Error)?.message });
          throw err;
        }
      }
    }
  }

  /** One attempt over this client's pool, with the whole response read within timeoutMs. */
  function send(url: URL, init: RequestInit, payload: Buffer | undefined, headers: Record<string, string>, timeoutMs: number): Promise<Response> {
    const secure = url.protocol === 'https:';
    const signal = init.signal ?? undefined;
    return new Promise<Response>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      if (closed) return reject(new OutboundClosedError(url.href));
      let connected = false;
      const req = (secure ? https : http).request(
        url,
        { method: init.method ?? 'GET', headers, agent: secure ? agents.https : agents.http },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', fail);
          res.on('end', () => {
            done();
            const status = res.statusCode ?? 0;
            if (init.redirect === 'error' && status >= 300 && status < 400) {
              return reject(Object.assign(new TypeError(`unexpected redirect to ${String(res.headers.location)}`), { redirect: true }));
            }
            const noBody = status === 204 || status === 205 || status === 304;
            resolve(
              new Response(noBody ? null : Buffer.concat(chunks), {
                status,
                statusText: res.statusMessage ?? '',
                headers: toResponseHeaders(res.headers),
              }),
            );
          });
        },
      );
      live.add(req);
      req.on('socket', (socket) => {
        if (!socket.connecting) connected = true;
        else socket.once('connect', () => (connected = true));
      });
      const timer = setTimeout(() => req.destroy(new OutboundTimeoutError(url.href, timeoutMs)), timeoutMs);
      const onAbort = () => req.destroy(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
      signal?.addEventListener('abort', onAbort, { once: true });
      function done() {
        clearTimeout(timer);
        live.delete(req);
        signal?.removeEventListener('abort', onAbort);
      }
      function fail(err: Error) {
        done();
        // Marks errors that prove nothing reached the peer: a connection never made.
        if (!connected) Object.assign(err, { notSent: true });
        reject(err);
      }
      req.on('error', fail);
      req.end(payload);
    });
  }

  const fetchFn = async (input: Parameters<FetchFn>[0], init: RequestInit = {}, fixed?: CallPolicy): Promise<Response> => {
    const body = init.body;
    const simpleBody =
      body === undefined || body === null || typeof body === 'string' || body instanceof URLSearchParams || Buffer.isBuffer(body);
    const url = new URL(input instanceof Request ? input.url : input instanceof URL ? input.href : String(input));
    if (!simpleBody || input instanceof Request || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      // Streams and form-data (file uploads, which the bot does not make): the global fetch, still with a timeout.
      const timeout = AbortSignal.timeout(o.timeoutMs);
      return globalThis.fetch(input, { ...init, signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
    }
    const policy = fixed ?? o.policy?.(url, init) ?? {};
    const peer = policy.peer ?? o.name;
    const idempotent = policy.idempotent ?? true;
    const timeoutMs = policy.timeoutMs ?? o.timeoutMs;
    const payload = body === undefined || body === null ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(String(body));
    const headers = toHeaderRecord(init.headers);
    if (body instanceof URLSearchParams && !headers['content-type']) headers['content-type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
    if (payload) headers['content-length'] = String(payload.length);

    pending += 1;
    const release = await limiter.take(policy.target ?? `${url.origin}${url.pathname}`);
    try {
      let last: Response | undefined;
      try {
        return await retry(
          { peer, ...(policy.retries !== undefined ? { retries: policy.retries } : {}) },
          async () => {
            const res = await send(url, init, payload, headers, timeoutMs);
            // Statuses worth another attempt are thrown to retry(); the last one is handed back as a Response.
            if (res.status === 429 || res.status >= 500) {
              last = res;
              throw Object.assign(new Error(`HTTP ${res.status}`), { status: res.status, retryAfter: res.headers.get('retry-after') });
            }
            return res;
          },
          (err) => {
            const e = err as { status?: number; retryAfter?: string | null; notSent?: boolean; redirect?: boolean; code?: string };
            if (e.redirect) return { retry: false, reason: 'redirect', permanent: true };
            if (e.status === 429) {
              const after = retryAfterMs(e.retryAfter);
              return { retry: true, reason: 'rate_limited', ...(after !== undefined ? { afterMs: after } : {}) };
            }
            if (init.signal?.aborted) return { retry: false, reason: 'aborted', permanent: true };
            // A request that never reached the peer is safe to send again whatever it does.
            if (e.notSent) return { retry: true, reason: e.code ? `network_${e.code}` : 'network' };
            const reason = e.status !== undefined ? `http_${e.status}` : e instanceof OutboundTimeoutError ? 'timeout' : `network${e.code ? `_${e.code}` : ''}`;
            return { retry: idempotent, reason };
          },
        );
      } catch (err) {
        if (last && (err as { status?: number }).status === last.status) return last;
        throw err;
      }
    } finally {
      release();
      pending -= 1;
    }
  };

  return {
    fetch: ((input, init) => tracked(fetchFn(input, init))) as FetchFn,
    fetchWith: (policy) => ((input, init) => tracked(fetchFn(input, init, policy))) as FetchFn,
    retry: (policy, attempt, classify) => tracked(retry(policy, attempt, classify)),
    agents,
    get pending() {
      return pending;
    },
    async close() {
      closed = true;
      wakeAll();
      for (const req of [...live]) req.destroy(new OutboundClosedError(`${req.protocol}//${req.host}${req.path}`));
      agents.http.destroy();
      agents.https.destroy();
      // Aborted calls settle within a tick or two; a call stuck in the caller's own code is not waited for long.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...calls]),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, 200);
          timer.unref();
        }),
      ]);
      clearTimeout(timer);
    },
  };
}
