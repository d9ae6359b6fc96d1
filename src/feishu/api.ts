/**
 * The few Open API calls the bot makes, through the SDK's Client: reply to a message, send to a chat, replace
 * a card, and look up the bot's own open_id. Every failure becomes a FeishuApiError that says whether a retry
 * can help.
 */
import type { Client } from '@larksuiteoapi/node-sdk';
import type { Outbound, RetryDecision } from '../platform/index.js';
import { FeishuApiError } from './errors.js';
import type { Card } from './render/card.js';

export interface FeishuApi {
  /** Replies to a message with a card; resolves with the new message id. */
  reply(messageId: string, card: Card, uuid?: string): Promise<string | undefined>;
  /** Posts a card into a chat (receive_id_type=chat_id); resolves with the new message id. */
  send(chatId: string, card: Card, uuid?: string): Promise<string | undefined>;
  /** Replaces the card of a message the bot sent. */
  update(messageId: string, card: Card): Promise<void>;
  /**
   * Sends a card only `openId` can see in a group chat (仅对你可见; `/open-apis/ephemeral/v1/send`); resolves with its
   * message id. Feishu refuses it in topic groups (话题群) and in one-to-one chats.
   */
  sendEphemeral(chatId: string, openId: string, card: Card): Promise<string | undefined>;
  /** Deletes a card sent with sendEphemeral (`/open-apis/ephemeral/v1/delete`). */
  deleteEphemeral(messageId: string): Promise<void>;
  /** Sends a card to a user's one-to-one chat with the bot (receive_id_type=open_id). */
  sendToUser(openId: string, card: Card, uuid?: string): Promise<string | undefined>;
  /** Replies to a message with one line of plain text. */
  replyText(messageId: string, text: string, uuid?: string): Promise<string | undefined>;
  /** The group chats the bot is in (`GET /open-apis/im/v1/chats`), at most `max`. */
  botChats(max: number): Promise<{ chatId: string; name: string }[]>;
  /** Whether a user is a member of a group chat the bot is in (`GET /open-apis/im/v1/chats/:chat_id/members`). */
  chatHasMember(chatId: string, openId: string, maxPages: number): Promise<boolean>;
  /** The bot's open_id (to tell whether a group message mentions it), or undefined if Feishu did not say. */
  botOpenId(): Promise<string | undefined>;
  /** The bot's open_id and name as Feishu shows it (bot/v3/info). */
  botInfo(): Promise<{ openId?: string; name?: string }>;
  /** Gets (and caches) a tenant access token: proves that the app id, the secret and the domain work. */
  tenantToken(): Promise<void>;
}

/** The part of the SDK's token manager used here (the SDK types `Client.tokenManager` as any). */
interface TokenManager {
  getTenantAccessToken(): Promise<unknown>;
}

/** Feishu codes a retry cannot fix, with the name we report them under. */
const PERMANENT: Record<number, string> = {
  230001: 'invalid_request', // e.g. "invalid receive_id": the chat id does not exist
  230002: 'bot_not_in_chat',
  230006: 'bot_disabled', // the app's bot ability is not enabled
  230011: 'message_recalled',
  230013: 'bot_unavailable_to_user', // user outside the app's availability range
  230027: 'no_permission',
  230099: 'invalid_card',
  99991672: 'missing_scope', // the app lacks a permission such as im:message:send_as_bot
  10003: 'invalid_app_id',
  10014: 'invalid_app_secret',
};

/** Rate limits: retry later. */
const RATE_LIMITED = new Set([230020, 99991400]);

/** Token problems: the cached tenant token is dropped and the call may be retried. */
const TOKEN = new Set([99991661, 99991663, 99991664, 99991668]);

interface AxiosLikeError {
  code?: string;
  message?: string;
  response?: { status?: number; data?: unknown; headers?: Record<string, unknown> };
}

function retryAfterMs(headers: Record<string, unknown> | undefined): number | undefined {
  // Feishu's gateway names the seconds until the limit resets; Retry-After is the standard fallback.
  for (const name of ['x-ogw-ratelimit-reset', 'retry-after']) {
    const v = Number(headers?.[name]);
    if (Number.isFinite(v) && v >= 0) return Math.round(v * 1000);
  }
  return undefined;
}

/** Classifies Feishu's answer (code/msg, HTTP status) as a FeishuApiError. */
export function apiError(
  feishuCode: number | undefined,
  msg: string,
  status: number | undefined,
  headers?: Record<string, unknown>,
): FeishuApiError {
  const what = `Feishu API error ${feishuCode ?? '-'}${status ? ` (HTTP ${status})` : ''}: ${msg || 'no message'}`;
  const opts = { ...(feishuCode !== undefined ? { feishuCode } : {}), ...(status !== undefined ? { status } : {}) };
  const after = retryAfterMs(headers);
  const retryable = (code: string) =>
    new FeishuApiError(code, what, { ...opts, permanent: false, ...(after !== undefined ? { retryAfterMs: after } : {}) });
  if (feishuCode !== undefined && RATE_LIMITED.has(feishuCode)) return retryable('rate_limited');
  if (feishuCode !== undefined && TOKEN.has(feishuCode)) return retryable('invalid_token');
  const permanentName = feishuCode !== undefined ? PERMANENT[feishuCode] : undefined;
  if (permanentName) return new FeishuApiError(permanentName, what, { ...opts, permanent: true });
  if (status === 429) return retryable('rate_limited');
  if (status !== undefined && status >= 500) return retryable('server_error');
  // Any other 4xx is a request Feishu will keep refusing.
  if (status !== undefined && status >= 400) {
    return new FeishuApiError(feishuCode !== undefined ? `feishu_${feishuCode}` : `http_${status}`, what, {
      ...opts,
      permanent: true,
    });
  }
  return retryable(feishuCode !== undefined ? `feishu_${feishuCode}` : 'unknown');
}

/** Any error thrown by an SDK call (axios error, token error, our own) as a FeishuApiError. */
export function toFeishuApiError(err: unknown): FeishuApiError {
  if (err instanceof FeishuApiError) return err;
  const e = (err ?? {}) as AxiosLikeError;
  if (e.response) {
    const data = (e.response.data ?? {}) as { code?: unknown; msg?: unknown };
    const code = typeof data.code === 'number' ? data.code : undefined;
    return apiError(code, typeof data.msg === 'string' ? data.msg : (e.message ?? ''), e.response.status, e.response.headers);
  }
  // The SDK's token manager reports a refused token request as a plain Error with Feishu's code in the text.
  const token = /failed to get \w+, code: (\d+), msg: (.*)$/.exec(e.message ?? '');
  if (token) return apiError(Number(token[1]), token[2] ?? '', undefined);
  return new FeishuApiError('network_error', `Feishu API unreachable: ${e.code ?? ''} ${e.message ?? String(err)}`.trim(), {
    permanent: false,
  });
}

interface ApiResponse {
  code?: number;
  msg?: string;
  data?: { message_id?: string };
}

function check(res: ApiResponse | undefined): ApiResponse {
  // Most failures arrive as HTTP 4xx (thrown by axios); some APIs answer 200 with a non-zero code.
  if (!res || (res.code !== undefined && res.code !== 0)) throw apiError(res?.code, res?.msg ?? 'empty response', 200);
  return res;
}

/** Whether a failed call may be tried again, for the outbound client's retry. */
export function feishuRetryDecision(err: unknown): RetryDecision {
  const e = toFeishuApiError(err);
  if (e.permanent) return { retry: false, reason: e.code, permanent: true };
  // An expired tenant token (99991663 …) was dropped from the cache by call(): the next attempt fetches a new one.
  if (e.code === 'invalid_token') return { retry: true, reason: e.code, afterMs: 0 };
  return { retry: true, reason: e.code, ...(e.retryAfterMs !== undefined ? { afterMs: e.retryAfterMs } : {}) };
}

export interface FeishuApiOptions {
  /** Called when Feishu says the tenant token is no longer valid: drop the cached one. */
  onTokenInvalid?: () => void;
  /**
   * Retries transient failures (expired token, 5xx, rate limit, network) with backoff. Safe for every call made
   * here: messages carry a uuid (Feishu posts one message per uuid within an hour) and a card update is idempotent.
   * Without it, each call is tried once.
   */
  outbound?: Pick<Outbound, 'retry'>;
}

export function createFeishuApi(client: Client, options: FeishuApiOptions = {}): FeishuApi {
  async function once<T extends ApiResponse>(fn: () => Promise<T>): Promise<T> {
    try {
      return check(await fn()) as T;
    } catch (err) {
      const e = toFeishuApiError(err);
      if (e.code === 'invalid_token') options.onTokenInvalid?.();
      throw e;
    }
  }
  /**
   * `idempotent`: sending it twice shows one message (it carries a uuid, or replaces/deletes one). A call that is not
   * (an ephemeral card has no uuid) is retried only when Feishu surely did not take it: a rate limit or a refused
   * token. A 5xx or a timeout may have shown it.
   */
  function call<T extends ApiResponse>(fn: () => Promise<T>, peer = 'feishu', idempotent = true): Promise<T> {
    if (!options.outbound) return once(fn);
    return options.outbound.retry({ peer }, () => once(fn), (err) => {
      const d = feishuRetryDecision(err);
      if (idempotent || !d.retry || d.reason === 'rate_limited' || d.reason === 'invalid_token') return d;
      return { ...d, retry: false };
    });
  }
  return {
    async reply(messageId, card, uuid) {
      const res = await call(() =>
        client.im.v1.message.reply({
          path: { message_id: messageId },
          data: { msg_type: 'interactive', content: JSON.stringify(card), ...(uuid ? { uuid } : {}) },
        }),
        'feishu.reply',
        uuid !== undefined,
      );
      return res.data?.message_id;
    },
    async send(chatId, card, uuid) {
      const res = await call(() =>
        client.im.v1.message.create({
          params: { receive_id_type: 'chat_id' },
          data: { receive_id: chatId, msg_type: 'interactive', content: JSON.stringify(card), ...(uuid ? { uuid } : {}) },
        }),
        'feishu.send',
        uuid !== undefined,
      );
      return res.data?.message_id;
    },
    async update(messageId, card) {
      await call(
        () => client.im.v1.message.patch({ path: { message_id: messageId }, data: { content: JSON.stringify(card) } }),
        'feishu.update',
      );
    },
    async sendEphemeral(chatId, openId, card) {
      const res = await call(() =>
        client.request<ApiResponse>({
          method: 'POST',
          url: '/open-apis/ephemeral/v1/send',
          data: { chat_id: chatId, open_id: openId, msg_type: 'interactive', card },
        }),
        'feishu.ephemeral',
        false,
      );
      return res.data?.message_id;
    },
    async deleteEphemeral(messageId) {
      await call(() =>
        client.request<ApiResponse>({ method: 'POST', url: '/open-apis/ephemeral/v1/delete', data: { message_id: messageId } }),
      );
    },
    async sendToUser(openId, card, uuid) {
      const res = await call(() =>
        client.im.v1.message.create({
          params: { receive_id_type: 'open_id' },
          data: { receive_id: openId, msg_type: 'interactive', content: JSON.stringify(card), ...(uuid ? { uuid } : {}) },
        }),
        'feishu.send',
        uuid !== undefined,
      );
      return res.data?.message_id;
    },
    async replyText(messageId, text, uuid) {
      const res = await call(() =>
        client.im.v1.message.reply({
          path: { message_id: messageId },
          data: { msg_type: 'text', content: JSON.stringify({ text }), ...(uuid ? { uuid } : {}) },
        }),
        'feishu.reply',
        uuid !== undefined,
      );
      return res.data?.message_id;
    },
    async botChats(max) {
      const chats: { chatId: string; name: string }[] = [];
      let pageToken: string | undefined;
      do {
        const res = await call<ApiResponse & { data?: { items?: { chat_id?: string; name?: string }[]; has_more?: boolean; page_token?: string } }>(
          () =>
            client.request({
              method: 'GET',
              url: '/open-apis/im/v1/chats',
              params: { page_size: 100, ...(pageToken ? { page_token: pageToken } : {}) },
            }),
        );
        for (const c of res.data?.items ?? []) if (c.chat_id) chats.push({ chatId: c.chat_id, name: c.name || c.chat_id });
        pageToken = res.data?.has_more ? res.data.page_token : undefined;
      } while (pageToken && chats.length < max);
      return chats.slice(0, max);
    },
    async chatHasMember(chatId, openId, maxPages) {
      let pageToken: string | undefined;
      for (let page = 0; page < maxPages; page += 1) {
        const res = await call<ApiResponse & { data?: { items?: { member_id?: string }[]; has_more?: boolean; page_token?: string } }>(
          () =>
            client.request({
              method: 'GET',
              url: `/open-apis/im/v1/chats/${encodeURIComponent(chatId)}/members`,
              params: { member_id_type: 'open_id', page_size: 100, ...(pageToken ? { page_token: pageToken } : {}) },
            }),
        );
        if ((res.data?.items ?? []).some((m) => m.member_id === openId)) return true;
        pageToken = res.data?.has_more ? res.data.page_token : undefined;
        if (!pageToken) return false;
      }
      return false;
    },
    async botOpenId() {
      return (await this.botInfo()).openId;
    },
    async botInfo() {
      const res = await call<ApiResponse & { bot?: { open_id?: string; app_name?: string } }>(() =>
        client.request({ method: 'GET', url: '/open-apis/bot/v3/info' }),
      );
      return { ...(res.bot?.open_id ? { openId: res.bot.open_id } : {}), ...(res.bot?.app_name ? { name: res.bot.app_name } : {}) };
    },
    async tenantToken() {
      try {
        await (client.tokenManager as TokenManager).getTenantAccessToken();
      } catch (err) {
        throw toFeishuApiError(err);
      }
    },
  };
}
