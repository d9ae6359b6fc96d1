/**
 * The DingTalk OpenAPI calls the bot makes: the app access token (cached, refreshed before it expires and when
 * DingTalk calls it invalid), private robot messages (oToMessages/batchSend), group robot messages
 * (groupMessages/send), replies through a message's sessionWebhook and the download URL of a file sent to the robot
 * (messageFiles/download). Every failure becomes a DingTalkApiError
 * that says whether a retry can help.
 */
import type { Markdown } from './render.js';

type FetchFn = typeof globalThis.fetch;

/** An answer as the classifiers read it. */
export interface JsonResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the raw text when the body is not JSON. */
  body: unknown;
}

/** POSTs JSON and reads the answer (any status); rejects only when no answer came. */
export async function postJson(fetch: FetchFn, url: string, body: unknown, headers: Record<string, string> = {}): Promise<JsonResponse> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = text;
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

export class DingTalkApiError extends Error {
  /** Stable name used in logs, metrics and DeliveryError: invalid_token, rate_limited, server_error, dingtalk_<code> … */
  readonly code: string;
  readonly status: number | undefined;
  /** DingTalk's own code (e.g. "InvalidAuthentication", "Forbidden.AccessDenied.QpsLimitForApi"). */
  readonly dingtalkCode: string | undefined;
  readonly permanent: boolean;
  readonly retryAfterMs: number | undefined;
  constructor(
    code: string,
    message: string,
    o: { status?: number; dingtalkCode?: string; permanent: boolean; retryAfterMs?: number },
  ) {
    super(message);
    this.name = 'DingTalkApiError';
    this.code = code;
    this.status = o.status;
    this.dingtalkCode = o.dingtalkCode;
    this.permanent = o.permanent;
    this.retryAfterMs = o.retryAfterMs;
  }
}

export interface DingTalkApi {
  /** The app access token; proves the client id, the secret and DINGTALK_API_URL work. */
  accessToken(): Promise<string>;
  /** A robot message to users' 1:1 chats with the bot (by staff id). */
  sendPrivate(staffIds: string[], message: Markdown): Promise<void>;
  /** A robot message into a group the robot is in. */
  sendToGroup(openConversationId: string, message: Markdown): Promise<void>;
  /** A reply through a received message's sessionWebhook (valid about 1.5 h; no token needed). */
  replyInSession(webhook: string, message: Markdown, atStaffIds?: string[]): Promise<void>;
  /** The temporary download URL of a file a user sent the robot (its message's `content.downloadCode`). */
  messageFileUrl(downloadCode: string): Promise<string>;
}

export interface DingTalkApiOptions {
  clientId: string;
  clientSecret: string;
  robotCode: string;
  /** OpenAPI base, no trailing slash. */
  apiUrl: string;
  /** The platform kit's outbound fetch (timeout, bounded retry, own pool). */
  fetch: FetchFn;
  /** Clock in ms, for the token's expiry. */
  now?: () => number;
}

/** Refresh this long before DingTalk's stated expiry (7200 s), so a call never carries a token about to lapse. */
const TOKEN_MARGIN_MS = 5 * 60 * 1000;

const RATE_LIMIT = /QpsLimit|Throttl|too\.?fast|flow.?control|RateLimit/i;
/** The token is wrong or expired (not: the token lacks a permission, "Forbidden.AccessDenied.AccessTokenPermissionDenied"). */
const TOKEN_INVALID = /^(InvalidAuthentication|InvalidAccessToken|AccessTokenExpired)/i;

/** DingTalk's answer (HTTP status and `{code, message}`) as a DingTalkApiError. */
export function apiError(res: JsonResponse, what: string): DingTalkApiError {
  const body = (typeof res.body === 'object' && res.body !== null ? res.body : {}) as { code?: unknown; message?: unknown };
  const dingtalkCode = typeof body.code === 'string' ? body.code : undefined;
  const text = typeof body.message === 'string' ? body.message : typeof res.body === 'string' ? res.body.slice(0, 200) : '';
  const message = `DingTalk ${what}: HTTP ${res.status} ${dingtalkCode ?? '-'}: ${text || 'no message'}`;
  const o = { status: res.status, ...(dingtalkCode ? { dingtalkCode } : {}) };
  const after = Number(res.headers.get('retry-after') ?? NaN);
  const retryAfterMs = Number.isFinite(after) && after >= 0 ? after * 1000 : undefined;
  if (res.status === 429 || RATE_LIMIT.test(dingtalkCode ?? '')) {
    return new DingTalkApiError('rate_limited', message, { ...o, permanent: false, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
  }
  if (res.status === 401 || TOKEN_INVALID.test(dingtalkCode ?? '')) {
    return new DingTalkApiError('invalid_token', message, { ...o, permanent: false });
  }
  if (res.status >= 500) return new DingTalkApiError('server_error', message, { ...o, permanent: false });
  return new DingTalkApiError(dingtalkCode ? `dingtalk_${dingtalkCode}` : `http_${res.status}`, message, { ...o, permanent: true });
}

function networkError(err: unknown, what: string): DingTalkApiError {
  const e = err as { name?: string; message?: string; cause?: { code?: string } };
  const why = e.name === 'TimeoutError' ? 'timed out' : `${e.cause?.code ?? ''} ${e.message ?? String(err)}`.trim();
  return new DingTalkApiError('network_error', `DingTalk ${what}: unreachable: ${why}`, { permanent: false });
}

export function createDingTalkApi(o: DingTalkApiOptions): DingTalkApi {
  const now = o.now ?? Date.now;
  let token: { value: string; expires: number } | undefined;
  let fetching: Promise<string> | undefined;

  async function request(what: string, url: string, body: unknown, headers: Record<string, string> = {}) {
    let res: JsonResponse;
    try {
      res = await postJson(o.fetch, url, body, headers);
    } catch (err) {
      throw networkError(err, what);
    }
    if (res.status !== 200) throw apiError(res, what);
    return (typeof res.body === 'object' && res.body !== null ? res.body : {}) as Record<string, unknown>;
  }

  async function fetchToken(): Promise<string> {
    const body = await request('accessToken', `${o.apiUrl}/v1.0/oauth2/accessToken`, {
      appKey: o.clientId,
      appSecret: o.clientSecret,
    });
    const value = body.accessToken;
    const expireIn = Number(body.expireIn ?? 7200);
    if (typeof value !== 'string' || value === '') {
      throw new DingTalkApiError('no_token', 'DingTalk accessToken: the answer had no accessToken', { permanent: false });
    }
    token = { value, expires: now() + Math.max(60, expireIn) * 1000 - TOKEN_MARGIN_MS };
    return value;
  }

  async function accessToken(): Promise<string> {
    if (token && token.expires > now()) return token.value;
    // Calls that need a token at the same moment share one request.
    fetching ??= fetchToken().finally(() => {
      fetching = undefined;
    });
    return fetching;
  }

  /** An authorised call; a token DingTalk calls invalid is dropped and the call made once more with a new one. */
  async function authorised(what: string, path: string, body: unknown): Promise<Record<string, unknown>> {
    for (let attempt = 1; ; attempt += 1) {
      const value = await accessToken();
      try {
        return await request(what, `${o.apiUrl}${path}`, body, { 'x-acs-dingtalk-access-token': value });
      } catch (err) {
        if (!(err instanceof DingTalkApiError) || err.code !== 'invalid_token' || attempt > 1) throw err;
        if (token?.value === value) token = undefined;
      }
    }
  }

  const param = (m: Markdown) => JSON.stringify({ title: m.title, text: m.text });

  return {
    accessToken,
    async sendPrivate(staffIds, message) {
      const body = await authorised('oToMessages/batchSend', '/v1.0/robot/oToMessages/batchSend', {
        robotCode: o.robotCode,
        userIds: staffIds,
        msgKey: 'sampleMarkdown',
        msgParam: param(message),
      });
      // A 200 can still name users it did not reach.
      const invalid = Array.isArray(body.invalidStaffIdList) ? body.invalidStaffIdList : [];
      const limited = Array.isArray(body.flowControlledStaffIdList) ? body.flowControlledStaffIdList : [];
      if (limited.length > 0) {
        throw new DingTalkApiError('rate_limited', `DingTalk oToMessages/batchSend: flow-controlled for ${limited.join(', ')}`, { permanent: false });
      }
      if (invalid.length > 0) {
        throw new DingTalkApiError('invalid_staff', `DingTalk oToMessages/batchSend: not a staff id the robot can reach: ${invalid.join(', ')}`, { permanent: true });
      }
    },
    async sendToGroup(openConversationId, message) {
      await authorised('groupMessages/send', '/v1.0/robot/groupMessages/send', {
        robotCode: o.robotCode,
        openConversationId,
        msgKey: 'sampleMarkdown',
        msgParam: param(message),
      });
    },
    async messageFileUrl(downloadCode) {
      const body = await authorised('messageFiles/download', '/v1.0/robot/messageFiles/download', { downloadCode, robotCode: o.robotCode });
      if (typeof body.downloadUrl !== 'string' || !/^https?:\/\//.test(body.downloadUrl)) {
        throw new DingTalkApiError('no_download_url', 'DingTalk messageFiles/download: the answer had no downloadUrl', { permanent: false });
      }
      return body.downloadUrl;
    },
    async replyInSession(webhook, message, atStaffIds = []) {
      const body = await request('sessionWebhook', webhook, {
        msgtype: 'markdown',
        markdown: { title: message.title, text: message.text },
        ...(atStaffIds.length > 0 ? { at: { atUserIds: atStaffIds, isAtAll: false } } : {}),
      });
      // The session webhook answers 200 with {errcode, errmsg}.
      if (typeof body.errcode === 'number' && body.errcode !== 0) {
        throw new DingTalkApiError(`dingtalk_${body.errcode}`, `DingTalk sessionWebhook: errcode ${body.errcode}: ${String(body.errmsg ?? '')}`, {
          permanent: true,
        });
      }
    },
  };
}
