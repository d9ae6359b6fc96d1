/**
 * A small HTTP server on 127.0.0.1 that stands in for Slack in tests: the Web API (point SLACK_API_URL or
 * clientOptions.slackApiUrl at `url`) and response_url (`responseUrl(id)`). It records every request and answers
 * like Slack does, or with canned replies queued by `script`.
 *
 *   const slack = await startSlackStandIn();
 *   slack.script('chat.postMessage', [{ status: 429, headers: { 'retry-after': '1' } }, { ok: false, error: 'not_in_channel' }]);
 *   const call = await slack.waitFor((c) => c.method === 'response' && c.path === '/response/r1');
 *   await slack.close();
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInCall {
  /** Web API method (e.g. 'chat.postMessage'), or 'response' for a post to a response_url. */
  method: string;
  /** Request path, e.g. '/api/chat.postMessage' or '/response/r1'. */
  path: string;
  /** The body parsed: JSON, or form fields (JSON-looking fields such as `blocks` parsed too). */
  body: Record<string, unknown>;
  headers: http.IncomingHttpHeaders;
  /** When it arrived (Date.now()). */
  at: number;
}

/** A canned reply. A plain object is sent as a 200 JSON body; `{ status, headers?, body?, delayMs? }` gives full control. */
export type CannedReply =
  | Record<string, unknown>
  | { status: number; headers?: Record<string, string>; body?: unknown; delayMs?: number };

export interface SlackStandIn {
  /** Web API base URL, ending in '/api/'. */
  url: string;
  /** A response_url on the stand-in; posts to it are recorded with method 'response'. */
  responseUrl(id: string): string;
  /** Everything received, in order. */
  calls: StandInCall[];
  /** Resolves with the first call (already received or future) that matches; rejects after timeoutMs (default 5000). */
  waitFor(predicate: (call: StandInCall) => boolean, timeoutMs?: number): Promise<StandInCall>;
  /**
   * Queues canned replies for a Web API method, or for response_urls ('response' for all of them, or
   * 'response:<id>' for one). Each request takes the next reply; when the queue is empty the default applies.
   */
  script(method: string, responses: CannedReply[]): void;
  /** Calls `listener` for every call from now on; returns a function that stops it (cheaper than waitFor under load). */
  onCall(listener: (call: StandInCall) => void): () => void;
  /**
   * Serves bytes at a path (as files.slack.com serves url_private_download); returns the URL. Requests without
   * `Authorization: Bearer <token>` get Slack's HTML sign-in page, as the real host answers them.
   */
  serveFile(path: string, bytes: Uint8Array, token: string): string;
  /**
   * Messages the stand-in took with chat.postMessage (answered ok), per channel, oldest first — as soon as it
   * received them, even while their answer is held back. conversations.history reads these (newest first).
   */
  posted(channel: string): { ts: string; text?: unknown; metadata?: unknown }[];
  close(): Promise<void>;
}

function isFull(r: CannedReply): r is { status: number; headers?: Record<string, string>; body?: unknown; delayMs?: number } {
  return typeof (r as { status?: unknown }).status === 'number';
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return { _raw: raw };
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if ((v.startsWith('[') || v.startsWith('{')) && v.length > 1) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        // not JSON after all: keep the string
      }
    }
    out[k] = v;
  }
  return out;
}

/** `port`: listen on this port of 127.0.0.1 (a Slack that comes back where it was); default a free one. */
export async function startSlackStandIn(options: { port?: number } = {}): Promise<SlackStandIn> {
  const calls: StandInCall[] = [];
  const queues = new Map<string, CannedReply[]>();
  const waiters: { predicate: (c: StandInCall) => boolean; resolve: (c: StandInCall) => void }[] = [];
  const listeners = new Set<(c: StandInCall) => void>();
  const channels = new Map<string, { ts: string; text?: unknown; metadata?: unknown }[]>();
  let ts = 1_700_000_000;

  function defaultReply(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://stand-in.slack.com/', team: 'Stand-in', user: 'zhenxing', team_id: 'T0STANDIN', user_id: 'U0BOT', bot_id: 'B0BOT' };
      case 'chat.postMessage':
        ts += 1;
        return { ok: true, channel: body.channel, ts: `${ts}.000100`, message: { text: body.text } };
      case 'conversations.history': {
        const all = [...(channels.get(String(body.channel)) ?? [])].reverse();
        const withMeta = body.include_all_metadata === 'true' || body.include_all_metadata === true;
        const limit = Number(body.limit ?? 100);
        return {
          ok: true,
          messages: all.slice(0, limit).map((m) => ({ type: 'message', ts: m.ts, text: m.text, ...(withMeta && m.metadata ? { metadata: m.metadata } : {}) })),
          has_more: all.length > limit,
        };
      }
      case 'response':
        return { ok: true };
      default:
        return { ok: true };
    }
  }

  function nextCanned(keys: string[]): CannedReply | undefined {
    for (const key of keys) {
      const q = queues.get(key);
      if (q && q.length > 0) return q.shift();
    }
    return undefined;
  }

  const files = new Map<string, { bytes: Uint8Array; token: string }>();
  const server = http.createServer((req, res) => {
    const file = req.method === 'GET' ? files.get(new URL(req.url ?? '/', 'http://127.0.0.1').pathname) : undefined;
    if (file) {
      const call: StandInCall = { method: 'file', path: req.url ?? '', body: {}, headers: req.headers, at: Date.now() };
      calls.push(call);
      for (const l of listeners) l(call);
      if (req.headers.authorization !== `Bearer ${file.token}`) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!DOCTYPE html><html><head><title>Slack</title></head><body>Sign in</body></html>');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(file.bytes.length) });
      res.end(Buffer.from(file.bytes));
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = parseBody(raw, req.headers['content-type']);
      let method: string;
      let keys: string[];
      if (url.pathname.startsWith('/api/')) {
        method = url.pathname.slice('/api/'.length);
        keys = [method];
      } else if (url.pathname.startsWith('/response/')) {
        method = 'response';
        keys = [`response:${decodeURIComponent(url.pathname.slice('/response/'.length))}`, 'response'];
      } else {
        method = url.pathname;
        keys = [method];
      }
      const call: StandInCall = { method, path: url.pathname, body, headers: req.headers, at: Date.now() };
      calls.push(call);
      for (const l of listeners) l(call);
      for (let i = waiters.length - 1; i >= 0; i--) {
        const w = waiters[i];
        if (w && w.predicate(call)) {
          waiters.splice(i, 1);
          w.resolve(call);
        }
      }
      const canned = nextCanned(keys);
      const reply = canned === undefined ? { status: 200, body: defaultReply(method, body) } : isFull(canned) ? canned : { status: 200, body: canned };
      const replyBody = reply.body as { ok?: unknown; ts?: unknown } | undefined;
      if (method === 'chat.postMessage' && reply.status === 200 && replyBody?.ok === true) {
        const list = channels.get(String(body.channel)) ?? [];
        list.push({ ts: String(replyBody.ts ?? `${(ts += 1)}.000100`), text: body.text, metadata: body.metadata });
        channels.set(String(body.channel), list);
      }
      const send = () => {
        const payload = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
        res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...(reply.headers ?? {}) });
        res.end(payload);
      };
      const delay = 'delayMs' in reply && typeof reply.delayMs === 'number' ? reply.delayMs : 0;
      if (delay > 0) setTimeout(send, delay);
      else send();
    });
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
  const base = `http://127.0.0.1:${port}`;

  return {
    url: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${encodeURIComponent(id)}`,
    calls,
    waitFor(predicate, timeoutMs = 5000) {
      const found = calls.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (c: StandInCall) => {
            clearTimeout(timer);
            resolve(c);
          },
        };
        const timer = setTimeout(() => {
          const i = waiters.indexOf(waiter);
          if (i >= 0) waiters.splice(i, 1);
          reject(new Error(`slack stand-in: no matching call within ${timeoutMs} ms (got: ${calls.map((c) => c.path).join(', ') || 'none'})`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    script(method, responses) {
      const q = queues.get(method) ?? [];
      q.push(...responses);
      queues.set(method, q);
    },
    onCall(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    serveFile(path, bytes, token) {
      files.set(path, { bytes, token });
      return `${base}${path}`;
    },
    posted: (channel) => [...(channels.get(channel) ?? [])],
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
