/**
 * A small HTTP server on 127.0.0.1 that stands in for the Feishu Open API in tests (point FEISHU_DOMAIN, i.e.
 * FeishuConfig.domain, at `url`). It records every request and answers like Feishu does, or with canned
 * replies queued by `script`. Also here: what Feishu does on its side of the request URL (encrypting and
 * signing events), and builders for the events it sends.
 *
 *   const feishu = await startFeishuStandIn();
 *   feishu.script('POST /open-apis/im/v1/messages', [{ status: 400, body: { code: 230002, msg: 'Bot/User can NOT be out of the chat.' } }]);
 *   const call = await feishu.waitFor((c) => c.route === 'POST /open-apis/im/v1/messages/:id/reply');
 *   await feishu.close();
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const STAND_IN_TENANT_TOKEN = 't-stand-in-tenant-token';
export const STAND_IN_BOT_OPEN_ID = 'ou_standinbot0000000000000000000000';

export interface FeishuCall {
  /** Method and path with message ids replaced by `:id`, e.g. 'POST /open-apis/im/v1/messages/:id/reply'. */
  route: string;
  method: string;
  /** The request path without the query. */
  path: string;
  query: Record<string, string>;
  /** The JSON body parsed ({} when empty). */
  body: Record<string, unknown>;
  headers: http.IncomingHttpHeaders;
  at: number;
}

/**
 * A canned reply. A plain object is sent as a 200 JSON body; `{ status, headers?, body?, until? }` gives full
 * control, and `until` holds the answer back until that promise settles (a slow Feishu, without timing).
 */
export type CannedReply = Record<string, unknown> | FullReply;
interface FullReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  until?: Promise<unknown>;
}

export interface FeishuStandIn {
  /** Base URL (no trailing slash), to use as the Open API domain. */
  url: string;
  /** Everything received, in order. */
  calls: FeishuCall[];
  /** Resolves with the first call (already received or future) that matches; rejects after timeoutMs (default 5000). */
  waitFor(predicate: (call: FeishuCall) => boolean, timeoutMs?: number): Promise<FeishuCall>;
  /** Queues replies for a route (as in FeishuCall.route); each request takes the next one, then defaults apply. */
  script(route: string, replies: CannedReply[]): void;
  /** The group chats the bot is in (GET /open-apis/im/v1/chats and …/chats/:id/members answer from it). */
  chats: StandInChat[];
  /**
   * Serves a file a user sent, at GET /open-apis/im/v1/messages/:message_id/resources/:file_key, to requests
   * carrying the tenant token (others get Feishu's 99991663 invalid-token answer).
   */
  serveResource(messageId: string, fileKey: string, bytes: Uint8Array): void;
  close(): Promise<void>;
}

const isFull = (r: CannedReply): r is FullReply => typeof (r as { status?: unknown }).status === 'number';

function routeOf(method: string, path: string): string {
  return `${method} ${path.replace(/\/messages\/[^/]+/, '/messages/:id').replace(/\/chats\/[^/]+/, '/chats/:id')}`;
}

/** Group chats the stand-in's bot is in, and their members (open_ids), for the chat listing and members APIs. */
export interface StandInChat {
  chatId: string;
  name: string;
  members: string[];
}

export async function startFeishuStandIn(): Promise<FeishuStandIn> {
  const calls: FeishuCall[] = [];
  const scripts = new Map<string, CannedReply[]>();
  const waiters: { predicate: (c: FeishuCall) => boolean; resolve: (c: FeishuCall) => void }[] = [];
  let sent = 0;
  const chats: StandInChat[] = [];
  const resources = new Map<string, Uint8Array>();

  function defaultReply(call: FeishuCall): CannedReply {
    switch (call.route) {
      case 'POST /open-apis/ephemeral/v1/send':
        sent += 1;
        return { code: 0, msg: 'success', data: { message_id: `om_ephemeral_${sent}` } };
      case 'POST /open-apis/ephemeral/v1/delete':
        return { code: 0, msg: 'success', data: {} };
      case 'GET /open-apis/im/v1/chats': {
        // Two per page, so paging is exercised.
        const start = Number(call.query.page_token ?? '0');
        const page = chats.slice(start, start + 2);
        const more = start + 2 < chats.length;
        return {
          code: 0,
          msg: 'success',
          data: {
            items: page.map((c) => ({ chat_id: c.chatId, name: c.name, chat_status: 'normal' })),
            has_more: more,
            page_token: more ? String(start + 2) : '',
          },
        };
      }
      case 'GET /open-apis/im/v1/chats/:id/members': {
        const id = decodeURIComponent(call.path.split('/')[5] ?? '');
        const chat = chats.find((c) => c.chatId === id);
        if (!chat) return { status: 400, body: { code: 232011, msg: 'Operator can NOT be out of the chat.' } };
        return {
          code: 0,
          msg: 'success',
          data: {
            items: chat.members.map((m) => ({ member_id_type: 'open_id', member_id: m, name: m, tenant_key: 'tenant-test' })),
            has_more: false,
            page_token: '',
            member_total: chat.members.length,
          },
        };
      }
      case 'POST /open-apis/auth/v3/tenant_access_token/internal':
        return { code: 0, msg: 'ok', tenant_access_token: STAND_IN_TENANT_TOKEN, expire: 7200 };
      case 'GET /open-apis/bot/v3/info':
        return { code: 0, msg: 'ok', bot: { open_id: STAND_IN_BOT_OPEN_ID, app_name: '振兴', activate_status: 2 } };
      case 'POST /open-apis/im/v1/messages':
      case 'POST /open-apis/im/v1/messages/:id/reply':
        sent += 1;
        return { code: 0, msg: 'success', data: { message_id: `om_standin_${sent}` } };
      case 'PATCH /open-apis/im/v1/messages/:id':
        return { code: 0, msg: 'success', data: {} };
      case 'POST /callback/ws/endpoint':
        return { code: 1000040343, msg: 'the stand-in has no long connection', data: {} };
      default:
        return { status: 404, body: { code: 404, msg: `stand-in has no ${call.route}` } };
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> = {};
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        body = { _raw: raw };
      }
      const method = req.method ?? 'GET';
      const call: FeishuCall = {
        route: routeOf(method, url.pathname),
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body,
        headers: req.headers,
        at: Date.now(),
      };
      calls.push(call);
      for (const w of [...waiters]) {
        if (w.predicate(call)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(call);
        }
      }
      const resource = method === 'GET' ? resources.get(url.pathname) : undefined;
      if (resource && !scripts.get(call.route)?.length) {
        if (req.headers.authorization !== `Bearer ${STAND_IN_TENANT_TOKEN}`) {
          res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify({ code: 99991663, msg: 'Invalid access token for authorization.' }));
          return;
        }
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(resource.length) });
        res.end(Buffer.from(resource));
        return;
      }
      const reply = scripts.get(call.route)?.shift() ?? defaultReply(call);
      const full: FullReply = isFull(reply) ? reply : { status: 200, body: reply };
      const answer = () => {
        if (res.destroyed) return;
        res.writeHead(full.status, { 'content-type': 'application/json; charset=utf-8', ...(full.headers ?? {}) });
        res.end(JSON.stringify(full.body ?? {}));
      };
      if (full.until) void full.until.then(answer, answer);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    waitFor(predicate, timeoutMs = 5000) {
      const hit = calls.find(predicate);
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(entry), 1);
          reject(new Error(`stand-in: no matching call within ${timeoutMs} ms; got ${calls.map((c) => c.route).join(', ')}`));
        }, timeoutMs);
        const entry = {
          predicate,
          resolve: (c: FeishuCall) => {
            clearTimeout(timer);
            resolve(c);
          },
        };
        waiters.push(entry);
      });
    },
    script(route, replies) {
      scripts.set(route, [...(scripts.get(route) ?? []), ...replies]);
    },
    chats,
    serveResource(messageId, fileKey, bytes) {
      resources.set(`/open-apis/im/v1/messages/${messageId}/resources/${fileKey}`, bytes);
    },
    close() {
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

/** The card a message call carried (content is a JSON string inside the JSON body). */
export function cardOf(call: FeishuCall): Record<string, unknown> {
  // Ephemeral cards travel as an object in `card`; messages as a JSON string in `content`.
  const direct = (call.body as { card?: unknown }).card;
  if (direct && typeof direct === 'object') return direct as Record<string, unknown>;
  const content = (call.body as { content?: unknown }).content;
  if (typeof content !== 'string') throw new Error(`call ${call.route} has no content`);
  return JSON.parse(content) as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------------------
// Feishu's side of the request URL.

export const TEST_ENCRYPT_KEY = 'zhenxing-test-encrypt-key';
export const TEST_VERIFICATION_TOKEN = 'zhenxing-test-verification-token';

/** Encrypts like Feishu: AES-256-CBC with key SHA-256(encryptKey), random IV prepended, base64. */
export function encryptForFeishu(encryptKey: string, plaintext: string): string {
  const key = crypto.createHash('sha256').update(encryptKey).digest();
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

export interface PostOptions {
  /** Encrypt the event with this key (default TEST_ENCRYPT_KEY); null sends it in plain JSON. */
  encryptKey?: string | null;
  /** Key used for the signature (default: the encryption key); null sends no signature headers. */
  signKey?: string | null;
  /** Replace the computed signature. */
  signature?: string;
  timestamp?: string;
  nonce?: string;
}

/** POSTs an event the way Feishu does: encrypted body, X-Lark-* signature headers over the raw bytes. */
export async function postEvent(
  url: string,
  event: Record<string, unknown>,
  options: PostOptions = {},
): Promise<{ status: number; body: Record<string, unknown>; text: string }> {
  const encryptKey = options.encryptKey === undefined ? TEST_ENCRYPT_KEY : options.encryptKey;
  const body = encryptKey
    ? JSON.stringify({ encrypt: encryptForFeishu(encryptKey, JSON.stringify(event)) })
    : JSON.stringify(event);
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  const signKey = options.signKey === undefined ? encryptKey : options.signKey;
  if (signKey) {
    const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
    const nonce = options.nonce ?? crypto.randomUUID();
    headers['x-lark-request-timestamp'] = timestamp;
    headers['x-lark-request-nonce'] = nonce;
    headers['x-lark-signature'] =
      options.signature ?? crypto.createHash('sha256').update(timestamp + nonce + signKey + body).digest('hex');
  }
  const res = await fetch(url, { method: 'POST', headers, body });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = {};
  }
  return { status: res.status, body: parsed, text };
}

// ---------------------------------------------------------------------------------------------------------
// Events.

let counter = 0;
const nextId = (prefix: string) => `${prefix}${Date.now().toString(16)}${(counter += 1).toString(16).padStart(6, '0')}`;

export function challengeEvent(challenge: string, token = TEST_VERIFICATION_TOKEN): Record<string, unknown> {
  return { challenge, token, type: 'url_verification' };
}

function header(eventType: string, eventId?: string, token = TEST_VERIFICATION_TOKEN, createTime = Date.now()) {
  return {
    event_id: eventId ?? nextId('ev_'),
    event_type: eventType,
    create_time: String(createTime),
    token,
    app_id: 'cli_a1b2c3d4e5f6a7b8',
    tenant_key: 'tenant-test',
  };
}

export interface MessageEventOptions {
  text: string;
  messageId?: string;
  chatId?: string;
  chatType?: 'p2p' | 'group';
  senderOpenId?: string;
  senderType?: 'user' | 'app';
  /** Mentions as Feishu lists them; `text` should contain their keys. */
  mentions?: { key: string; openId: string; name: string }[];
  messageType?: string;
  /** Raw content instead of {"text": text}. */
  content?: string;
  eventId?: string;
  token?: string;
  /** When the message was sent (ms since the epoch); default now. */
  createTime?: number;
}

/** An `im.message.receive_v1` event (schema 2.0). */
export function messageEvent(o: MessageEventOptions): Record<string, unknown> & { messageId: string } {
  const messageId = o.messageId ?? nextId('om_');
  const event = {
    schema: '2.0',
    header: header('im.message.receive_v1', o.eventId, o.token, o.createTime),
    event: {
      sender: {
        sender_id: { open_id: o.senderOpenId ?? 'ou_user0000000000000000000000000001' },
        sender_type: o.senderType ?? 'user',
        tenant_key: 'tenant-test',
      },
      message: {
        message_id: messageId,
        create_time: String(o.createTime ?? Date.now()),
        chat_id: o.chatId ?? 'oc_p2pchat000000000000000000000001',
        chat_type: o.chatType ?? 'p2p',
        message_type: o.messageType ?? 'text',
        content: o.content ?? JSON.stringify({ text: o.text }),
        mentions: (o.mentions ?? []).map((m) => ({
          key: m.key,
          id: { open_id: m.openId, union_id: 'on_x', user_id: 'u_x' },
          name: m.name,
          tenant_key: 'tenant-test',
        })),
      },
    },
  };
  Object.defineProperty(event, 'messageId', { value: messageId, enumerable: false });
  return event as typeof event & { messageId: string };
}

export interface CardActionOptions {
  value: unknown;
  /** The value chosen in a select. */
  option?: string;
  openId?: string;
  chatId?: string;
  messageId?: string;
  eventId?: string;
  token?: string;
}

/** A `card.action.trigger` callback (schema 2.0). */
export function cardActionEvent(o: CardActionOptions): Record<string, unknown> {
  return {
    schema: '2.0',
    header: header('card.action.trigger', o.eventId, o.token),
    event: {
      operator: { tenant_key: 'tenant-test', open_id: o.openId ?? 'ou_user0000000000000000000000000001', union_id: 'on_x' },
      token: 'c-update-token',
      action: o.option === undefined ? { value: o.value, tag: 'button' } : { value: o.value, tag: 'select_static', option: o.option },
      host: 'im_message',
      context: {
        open_message_id: o.messageId ?? 'om_card000000000000000000000000001',
        open_chat_id: o.chatId ?? 'oc_group00000000000000000000000001',
      },
    },
  };
}
