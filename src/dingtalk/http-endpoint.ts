/**
 * POST /dingtalk/events in HTTP mode: the robot's message receiving URL. The `timestamp` and `sign` headers are
 * checked before the body is read (a request without them costs nothing); the message is acknowledged with an
 * empty 200 before any work starts, and answered through the OpenAPI.
 */
import type http from 'node:http';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { RouteHandler } from '../server/http-server.js';
import type { RobotMessage } from './events.js';
import { checkCallbackSign } from './sign.js';

export interface CallbackEndpointOptions {
  clientSecret: string;
  /** Largest body accepted, in bytes. */
  maxBodyBytes: number;
  logger: Logger;
  metrics: Pick<Metrics, 'errors'>;
  now: () => number;
  /** True once the adapter is stopping: new messages get 503 so DingTalk delivers them again later. */
  isStopped: () => boolean;
  /** Called after the 200 has been sent. */
  onMessage: (msg: RobotMessage) => void;
}

const header = (req: http.IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function readBody(req: http.IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > max) return resolve(null);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function createCallbackEndpoint(o: CallbackEndpointOptions): RouteHandler {
  const refuse = (req: http.IncomingMessage, res: http.ServerResponse, status: number, error: string, why: string) => {
    o.metrics.errors.inc({ where: 'dingtalk.verify' });
    o.logger.warn({ status, error }, `dingtalk: request refused: ${why}`);
    req.resume();
    send(res, status, { error });
  };

  return async (req, res) => {
    const check = checkCallbackSign(header(req, 'timestamp'), header(req, 'sign'), o.clientSecret, o.now());
    if (check === 'missing') return refuse(req, res, 401, 'missing_signature', 'no timestamp or sign header');
    if (check === 'stale') return refuse(req, res, 403, 'stale_timestamp', 'timestamp more than an hour from our clock');
    if (check === 'bad') {
      return refuse(req, res, 401, 'invalid_signature', 'sign does not match; is DINGTALK_CLIENT_SECRET the AppSecret of this app?');
    }
    const raw = await readBody(req, o.maxBodyBytes);
    if (raw === null) return refuse(req, res, 413, 'body_too_large', `body larger than ${o.maxBodyBytes} bytes`);
    let msg: unknown;
    try {
      msg = JSON.parse(raw.toString('utf8'));
    } catch {
      return refuse(req, res, 400, 'invalid_json', 'body is not JSON');
    }
    if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) {
      return refuse(req, res, 400, 'invalid_json', 'body is not a JSON object');
    }
    if (o.isStopped()) return send(res, 503, { error: 'stopping' });
    send(res, 200, {});
    o.onMessage(msg as RobotMessage);
  };
}
