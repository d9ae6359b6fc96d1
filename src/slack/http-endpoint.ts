/**
 * POST /slack/events in HTTP mode, before Bolt sees a request: everything that can be judged from the headers (a
 * signature and a timestamp within five minutes of our clock, either way) is judged before a byte of the body is
 * read, the body is read with the kit's limits (src/platform/inbound.ts), its signature checked, and only a signed
 * body Bolt can parse is handed to Bolt's HTTPReceiver (which verifies it again).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { createBodyReader, InboundError, refuse } from '../platform/index.js';
import type { RouteHandler } from '../server/http-server.js';

/** Slack signs a timestamp; requests more than this far from our clock, either way, are refused. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export interface EventsEndpointOptions {
  signingSecret: string;
  /** Bolt's HTTPReceiver.requestListener: gets the request with the body already read (rawBody). */
  listener: (req: http.IncomingMessage, res: http.ServerResponse) => void;
  /** False until started and after stop(): requests get 503 with Retry-After, so Slack sends them again. */
  isReady: () => boolean;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Request bodies read at once; past it, 503 with Retry-After. */
  maxConcurrentBodies: number;
  logger: Logger;
  metrics: Pick<Metrics, 'errors'>;
  /** Clock in ms. */
  now: () => number;
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

export function createEventsEndpoint(o: EventsEndpointOptions): RouteHandler {
  const bodies = createBodyReader({ maxBytes: o.maxBodyBytes, maxConcurrent: o.maxConcurrentBodies });
  const refused = (req: http.IncomingMessage, res: http.ServerResponse, status: number, why: string, level: 'warn' | 'debug' = 'warn', headers: Record<string, string> = {}) => {
    o.metrics.errors.inc({ where: 'slack.verify' });
    o.logger[level]({ status, why }, `slack: request refused: ${why}`);
    refuse(req, res, status, {}, headers);
  };
  return async (req, res) => {
    if (!o.isReady()) return refuse(req, res, 503, {}, { 'retry-after': '1' });
    // Everything that can be judged from the headers is judged before a byte of the body is read: a stranger's
    // upload costs no memory.
    const signature = req.headers['x-slack-signature'];
    const timestamp = req.headers['x-slack-request-timestamp'];
    if (typeof signature !== 'string' || typeof timestamp !== 'string') {
      // debug: a flood of these must not flood the log too; the count shows it.
      return refused(req, res, 401, 'no X-Slack-Signature or X-Slack-Request-Timestamp header', 'debug');
    }
    const ts = Number(timestamp);
    if (Number.isFinite(ts) && ts > o.now() / 1000 + MAX_CLOCK_SKEW_SECONDS) {
      // Bolt refuses stale timestamps, but accepts any timestamp in the future.
      o.logger.warn({ timestamp: ts }, 'slack: request timestamp is more than 5 minutes in the future; refused');
      return refuse(req, res, 401);
    }
    if (!Number.isFinite(ts) || ts < o.now() / 1000 - MAX_CLOCK_SKEW_SECONDS) {
      return refused(req, res, 401, 'request timestamp is more than 5 minutes old (a replay, or a clock out of sync)');
    }
    let raw: Buffer;
    try {
      raw = await bodies.read(req);
    } catch (err) {
      if (!(err instanceof InboundError)) throw err;
      return refused(req, res, err.status, err.message, 'warn', err.code === 'BUSY' ? { 'retry-after': '1' } : {});
    }
    if (!validSignature(o.signingSecret, timestamp, raw, signature)) {
      return refused(req, res, 401, 'X-Slack-Signature does not match SLACK_SIGNING_SECRET');
    }
    const problem = bodyProblem(raw, req.headers['content-type']);
    if (problem) return refused(req, res, 400, `signed, but ${problem}`);
    // Bolt takes a body already read from rawBody, and verifies it again.
    (req as http.IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
    o.listener(req, res);
  };
}
