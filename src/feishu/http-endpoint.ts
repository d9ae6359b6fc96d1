/**
 * POST /feishu/events in request-URL mode: events and card callbacks, verified and decrypted here with
 * node:crypto (see crypto.ts for why not the SDK's adaptDefault), then handed to the same dispatcher the long
 * connection uses. Events are acknowledged before any work starts; card callbacks answer with their result.
 */
import type http from 'node:http';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { createBodyReader, InboundError, refuse } from '../platform/index.js';
import type { RouteHandler } from '../server/http-server.js';
import { decryptEvent, safeEqual, verifySignature } from './crypto.js';

export interface EventEndpointOptions {
  encryptKey: string | undefined;
  verificationToken: string | undefined;
  /** Largest body accepted, in bytes. */
  maxBodyBytes: number;
  /** Bodies read at once; past it, 503 with Retry-After (Feishu redelivers). Default 32. */
  maxConcurrentBodies?: number;
  /** A signed request whose X-Lark-Request-Timestamp is older than this is a replay: refused. Default 1 hour. */
  maxRequestAgeMs?: number;
  /** Default Date.now. */
  now?: () => number;
  logger: Logger;
  metrics: Metrics;
  /** True once the adapter is stopping: new events get 503 so Feishu redelivers them later. */
  isStopped: () => boolean;
  /** An event (not a callback), called after the 200 has been sent. */
  onEvent: (payload: Record<string, unknown>) => void;
  /** A card callback; resolves with the response body. */
  onCallback: (payload: Record<string, unknown>) => Promise<unknown>;
}

/** Event types answered synchronously with a body (card callbacks); everything else is acknowledged first. */
const CALLBACK_TYPES = new Set(['card.action.trigger']);

function send(res: http.ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...extraHeaders });
  res.end(JSON.stringify(body ?? {}));
}

const header = (req: http.IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function createEventEndpoint(o: EventEndpointOptions): RouteHandler {
  const log = o.logger;
  const reject = (res: http.ServerResponse, status: number, error: string, why: string, fields = {}) => {
    o.metrics.errors.inc({ where: 'feishu.verify' });
    log.warn({ status, error, ...fields }, `feishu: request rejected: ${why}`);
    send(res, status, { error });
  };

  const bodies = createBodyReader({ maxBytes: o.maxBodyBytes, maxConcurrent: o.maxConcurrentBodies ?? 32 });
  const now = o.now ?? Date.now;
  const maxAgeMs = o.maxRequestAgeMs ?? 60 * 60 * 1000;

  return async (req, res) => {
    let raw: Buffer;
    try {
      raw = await bodies.read(req);
    } catch (err) {
      if (!(err instanceof InboundError)) throw err;
      o.metrics.errors.inc({ where: 'feishu.verify' });
      log.warn({ status: err.status, error: err.code }, `feishu: request rejected: ${err.message}`);
      const error = err.code === 'TOO_LARGE' ? 'body_too_large' : err.code === 'BUSY' ? 'busy' : 'aborted';
      return refuse(req, res, err.status, { error }, err.code === 'BUSY' ? { 'retry-after': '1' } : {});
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return reject(res, 400, 'invalid_json', 'body is not JSON');
    }
    if (!isObject(body)) return reject(res, 400, 'invalid_json', 'body is not a JSON object');

    // 1. Signature over the raw bytes, before anything in the body is trusted.
    const timestamp = header(req, 'x-lark-request-timestamp');
    const nonce = header(req, 'x-lark-request-nonce');
    const signature = header(req, 'x-lark-signature');
    const signed = Boolean(timestamp && nonce && signature);
    if (o.encryptKey && signed) {
      const ok = verifySignature({
        timestamp: timestamp as string,
        nonce: nonce as string,
        signature: signature as string,
        encryptKey: o.encryptKey,
        rawBody: raw,
      });
      if (!ok) return reject(res, 401, 'invalid_signature', 'X-Lark-Signature does not match');
      // The signature covers the timestamp, so an old one means the same request sent again.
      const sentAt = Number(timestamp) * 1000;
      if (!Number.isFinite(sentAt) || now() - sentAt > maxAgeMs) {
        return reject(res, 401, 'stale_request', `X-Lark-Request-Timestamp is more than ${Math.round(maxAgeMs / 60_000)} minutes old (a replay)`);
      }
    }

    // 2. Decrypt.
    let payload: Record<string, unknown> = body;
    if (typeof body.encrypt === 'string') {
      if (!o.encryptKey) {
        return reject(
          res,
          400,
          'encrypt_key_missing',
          'the event is encrypted but FEISHU_ENCRYPT_KEY is not set; copy the Encrypt Key from the developer console',
        );
      }
      try {
        const plain: unknown = JSON.parse(decryptEvent(o.encryptKey, body.encrypt));
        if (!isObject(plain)) throw new Error('not an object');
        payload = plain;
      } catch (err) {
        return reject(res, 400, 'decrypt_failed', err instanceof Error ? err.message : 'could not decrypt');
      }
    }

    // 3. Feishu does not sign the request-URL check; every other request must be signed when a key is set.
    const isChallenge = payload.type === 'url_verification';
    if (o.encryptKey && !signed && !isChallenge) {
      return reject(
        res,
        401,
        'missing_signature',
        'unsigned request; if the developer console has no Encrypt Key, set the same one there as FEISHU_ENCRYPT_KEY',
      );
    }

    // 4. Verification Token, where configured (v1 events and the challenge carry `token`, v2 `header.token`).
    if (o.verificationToken) {
      const h = isObject(payload.header) ? payload.header : {};
      const token = typeof payload.token === 'string' ? payload.token : typeof h.token === 'string' ? h.token : '';
      if (!safeEqual(token, o.verificationToken)) {
        return reject(res, 401, 'invalid_token', 'Verification Token does not match FEISHU_VERIFICATION_TOKEN');
      }
    }

    if (isChallenge) {
      log.info('feishu: request URL verified');
      return send(res, 200, { challenge: payload.challenge });
    }
    if (o.isStopped()) return send(res, 503, { error: 'stopping' }, { 'retry-after': '5' });

    const h = isObject(payload.header) ? payload.header : {};
    const ev = isObject(payload.event) ? payload.event : {};
    const type = typeof h.event_type === 'string' ? h.event_type : typeof ev.type === 'string' ? ev.type : '';
    if (CALLBACK_TYPES.has(type)) {
      return send(res, 200, await o.onCallback(payload));
    }
    // Acknowledge first: Feishu redelivers events not answered within 3 seconds.
    send(res, 200, {});
    o.onEvent(payload);
  };
}
