/**
 * A stand-in on 127.0.0.1 for everything DingTalk: the OpenAPI (point DINGTALK_API_URL at `url`), session
 * webhooks (`sessionWebhook(name)`), and the Stream gateway the dingtalk-stream SDK connects to: its
 * connection-open call (POST /v1.0/gateway/connections/open) and the websocket that call hands out, speaking the
 * SDK's frames. Records every call and frame; `script` queues canned answers. Also here: DingTalk's side of the
 * HTTP callback (signing a request) and builders for robot messages.
 *
 *   const dt = await startDingTalkStandIn();
 *   dt.script('POST /v1.0/robot/groupMessages/send', [{ status: 403, body: { code: 'Forbidden.AccessDenied.AccessTokenPermissionDenied', message: '…' } }]);
 *   await dt.waitFor((c) => c.route === 'POST /v1.0/robot/oToMessages/batchSend');
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export const STAND_IN_ACCESS_TOKEN = 'dt-stand-in-access-token';
export const STREAM_TICKET = 'stand-in-ticket-0001';

export interface DingTalkCall {
  /** Method and path, e.g. 'POST /v1.0/robot/oToMessages/batchSend'; session webhooks are 'POST /robot/sendBySession'. */
  route: string;
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown>;
  headers: http.IncomingHttpHeaders;
}

export type CannedReply = { status: number; body?: unknown; headers?: Record<string, string>; until?: Promise<unknown> };

/** A frame the SDK sent up the websocket (acks and ping replies). */
export interface UpFrame {
  code?: number;
  headers?: Record<string, string>;
  message?: string;
  data?: string;
}

export interface DingTalkStandIn {
  url: string;
  calls: DingTalkCall[];
  /** Frames received from the Stream client. */
  frames: UpFrame[];
  /** A session webhook URL on the stand-in (DingTalk's look: /robot/sendBySession?session=…). */
  sessionWebhook(name: string): string;
  waitFor(predicate: (c: DingTalkCall) => boolean, timeoutMs?: number): Promise<DingTalkCall>;
  waitForFrame(predicate: (f: UpFrame) => boolean, timeoutMs?: number): Promise<UpFrame>;
  script(route: string, replies: CannedReply[]): void;
  /**
   * Serves a file a user sent the robot: messageFiles/download with this downloadCode answers a downloadUrl on the
   * stand-in (GET /files/<code>, recorded as a call like the others, scriptable as 'GET /files/<code>').
   */
  serveFile(downloadCode: string, bytes: Uint8Array, o?: { contentType?: string; stallAfterBytes?: number }): void;
  /** Websockets currently open from Stream clients (with the ticket they came with). */
  sockets(): { ticket: string | null; socket: WebSocket }[];
  /** Waits until a Stream client is connected. */
  waitForSocket(timeoutMs?: number): Promise<WebSocket>;
  /** Pushes a robot message down every open websocket as a CALLBACK frame; resolves with the frame's messageId. */
  pushRobotMessage(msg: Record<string, unknown>, messageId?: string): string;
  close(): Promise<void>;
}

function poll<T>(find: () => T | undefined, timeoutMs: number, what: () => string): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      const hit = find();
      if (hit !== undefined) return resolve(hit);
      if (Date.now() - started > timeoutMs) return reject(new Error(`stand-in: ${what()}`));
      setTimeout(tick, 10);
    };
    tick();
  });
}

export async function startDingTalkStandIn(): Promise<DingTalkStandIn> {
  const calls: DingTalkCall[] = [];
  const frames: UpFrame[] = [];
  const scripts = new Map<string, CannedReply[]>();
  const open: { ticket: string | null; socket: WebSocket }[] = [];
  /** stallAfterBytes: the answer sends its headers and that many bytes, then nothing more (a stalled transfer). */
  const files = new Map<string, { bytes: Uint8Array; contentType: string; stallAfterBytes?: number }>();
  let port = 0;
  let pushed = 0;

  function defaultReply(call: DingTalkCall): CannedReply {
    switch (call.route) {
      case 'POST /v1.0/oauth2/accessToken':
        return { status: 200, body: { accessToken: STAND_IN_ACCESS_TOKEN, expireIn: 7200 } };
      case 'POST /v1.0/robot/oToMessages/batchSend':
      case 'POST /v1.0/robot/groupMessages/send':
        if (call.headers['x-acs-dingtalk-access-token'] !== STAND_IN_ACCESS_TOKEN) {
          return { status: 401, body: { code: 'InvalidAuthentication', message: '不合法的access_token' } };
        }
        return call.route.includes('oToMessages')
          ? { status: 200, body: { processQueryKey: `pqk-${calls.length}`, invalidStaffIdList: [], flowControlledStaffIdList: [] } }
          : { status: 200, body: { processQueryKey: `pqk-${calls.length}` } };
      case 'POST /v1.0/robot/messageFiles/download': {
        if (call.headers['x-acs-dingtalk-access-token'] !== STAND_IN_ACCESS_TOKEN) {
          return { status: 401, body: { code: 'InvalidAuthentication', message: '不合法的access_token' } };
        }
        const code = String(call.body.downloadCode ?? '');
        if (!files.has(code) || call.body.robotCode !== TEST_CLIENT_ID) {
          return { status: 400, body: { code: 'invalidParameter.downloadCode', message: 'downloadCode 无效或已过期' } };
        }
        return { status: 200, body: { downloadUrl: `http://127.0.0.1:${port}/files/${encodeURIComponent(code)}?expires=3600` } };
      }
      case 'POST /robot/sendBySession':
        return { status: 200, body: { errcode: 0, errmsg: 'ok' } };
      case 'POST /v1.0/gateway/connections/open':
        return { status: 200, body: { endpoint: `ws://127.0.0.1:${port}/gateway`, ticket: STREAM_TICKET } };
      default:
        return { status: 404, body: { code: 'NotFound', message: `stand-in has no ${call.route}` } };
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let body: Record<string, unknown> = {};
      try {
        const raw = Buffer.concat(chunks).toString('utf8');
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        body = {};
      }
      const call: DingTalkCall = {
        route: `${req.method ?? 'GET'} ${url.pathname}`,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body,
        headers: req.headers,
      };
      calls.push(call);
      const scripted = scripts.get(call.route)?.shift();
      const reply = scripted ?? defaultReply(call);
      const file = req.method === 'GET' && url.pathname.startsWith('/files/') ? files.get(decodeURIComponent(url.pathname.slice(7))) : undefined;
      const answer = () => {
        if (res.destroyed) return;
        if (file && !scripted) {
          res.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.bytes.length) });
          if (file.stallAfterBytes === undefined) res.end(file.bytes);
          else res.write(file.bytes.subarray(0, file.stallAfterBytes));
          return;
        }
        res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...(reply.headers ?? {}) });
        res.end(JSON.stringify(reply.body ?? {}));
      };
      if (reply.until) void reply.until.then(answer, answer);
      else answer();
    });
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/gateway' || url.searchParams.get('ticket') !== STREAM_TICKET) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const entry = { ticket: url.searchParams.get('ticket'), socket: ws };
      open.push(entry);
      ws.on('message', (data) => frames.push(JSON.parse(String(data)) as UpFrame));
      ws.on('close', () => open.splice(open.indexOf(entry), 1));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    calls,
    frames,
    sessionWebhook: (name) => `${url}/robot/sendBySession?session=${encodeURIComponent(name)}`,
    waitFor: (predicate, timeoutMs = 5000) =>
      poll(() => calls.find(predicate), timeoutMs, () => `no matching call; got ${calls.map((c) => c.route).join(', ')}`),
    waitForFrame: (predicate, timeoutMs = 5000) => poll(() => frames.find(predicate), timeoutMs, () => 'no matching frame'),
    script(route, replies) {
      scripts.set(route, [...(scripts.get(route) ?? []), ...replies]);
    },
    serveFile(downloadCode, bytes, o = {}) {
      files.set(downloadCode, { bytes, contentType: o.contentType ?? 'application/octet-stream', ...o });
    },
    sockets: () => [...open],
    waitForSocket: (timeoutMs = 5000) => poll(() => open[0]?.socket, timeoutMs, () => 'no Stream client connected'),
    pushRobotMessage(msg, messageId) {
      const id = messageId ?? `stream-msg-${(pushed += 1)}`;
      const frame = {
        specVersion: '1.0',
        type: 'CALLBACK',
        headers: {
          appId: 'stand-in-app',
          connectionId: 'stand-in-connection',
          contentType: 'application/json',
          messageId: id,
          time: String(Date.now()),
          topic: '/v1.0/im/bot/messages/get',
        },
        data: JSON.stringify(msg),
      };
      for (const { socket } of open) socket.send(JSON.stringify(frame));
      return id;
    },
    close() {
      for (const { socket } of open) socket.terminate();
      wss.close();
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

/** The markdown a robot message call carried: sampleMarkdown's msgParam, or a session webhook's markdown. */
export function markdownOf(call: DingTalkCall): { title: string; text: string } {
  if (typeof call.body.msgParam === 'string') return JSON.parse(call.body.msgParam) as { title: string; text: string };
  const md = call.body.markdown as { title: string; text: string } | undefined;
  if (!md) throw new Error(`call ${call.route} carries no markdown`);
  return md;
}

/** The texts the dtmd links in a markdown send when clicked, by link label. */
export function linksOf(text: string): { label: string; sends: string }[] {
  return [...text.matchAll(/\[([^\]]+)\]\(dtmd:\/\/dingtalkclient\/sendMessage\?content=([^)]+)\)/g)].map((m) => ({
    label: m[1] as string,
    sends: decodeURIComponent(m[2] as string),
  }));
}

// ---------------------------------------------------------------------------------------------------------
// DingTalk's side of the HTTP callback.

export const TEST_CLIENT_ID = 'dingstandinclientid';
export const TEST_CLIENT_SECRET = 'dingtalk-test-app-secret-0123456789abcdef';

export function signFor(timestamp: string, secret: string): string {
  return crypto.createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

export interface PostOptions {
  /** Default now (ms). */
  timestamp?: string;
  /** Key for the sign (default TEST_CLIENT_SECRET); null sends no timestamp/sign headers. */
  secret?: string | null;
  sign?: string;
}

/** POSTs a robot message the way DingTalk does in HTTP mode. */
export async function postMessage(url: string, msg: Record<string, unknown>, o: PostOptions = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  const secret = o.secret === undefined ? TEST_CLIENT_SECRET : o.secret;
  if (secret !== null) {
    const timestamp = o.timestamp ?? String(Date.now());
    headers.timestamp = timestamp;
    headers.sign = o.sign ?? signFor(timestamp, secret);
  }
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(msg) });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

let counter = 0;

export interface RobotMessageOptions {
  text: string;
  msgId?: string;
  /** Default: a 1:1 chat. */
  group?: string;
  staffId?: string;
  nick?: string;
  atBot?: boolean;
  msgtype?: string;
  sessionWebhook?: string;
  /** A file message (msgtype "file", as DingTalk delivers one in a 1:1 chat): `text` is then ignored. */
  file?: { downloadCode: string; fileName: string };
}

/** A robot callback body as DingTalk sends it (HTTP body, or a Stream frame's data). */
export function robotMessage(o: RobotMessageOptions): Record<string, unknown> & { msgId: string } {
  const msgId = o.msgId ?? `msg${Date.now().toString(36)}${(counter += 1)}`;
  const staffId = o.staffId ?? 'staff001';
  return {
    msgId,
    ...(o.file
      ? { msgtype: 'file', content: { downloadCode: o.file.downloadCode, fileName: o.file.fileName } }
      : { msgtype: o.msgtype ?? 'text', text: { content: o.group && o.atBot !== false ? ` ${o.text}` : o.text } }),
    createAt: Date.now(),
    conversationType: o.group ? '2' : '1',
    conversationId: o.group ?? `cidp2p${staffId}==`,
    ...(o.group ? { conversationTitle: '振兴测试群', isInAtList: o.atBot !== false } : {}),
    senderId: `$:LWCP_v1:$${staffId}`,
    senderNick: o.nick ?? '张三',
    senderStaffId: staffId,
    senderCorpId: 'dingcorp',
    chatbotUserId: '$:LWCP_v1:$bot',
    chatbotCorpId: 'dingcorp',
    robotCode: TEST_CLIENT_ID,
    isAdmin: false,
    sessionWebhook: o.sessionWebhook ?? '',
    sessionWebhookExpiredTime: Date.now() + 90 * 60 * 1000,
  };
}
