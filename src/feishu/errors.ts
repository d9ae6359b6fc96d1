export type FeishuErrorCode =
  | 'BAD_APP_ID'
  | 'BAD_APP_SECRET'
  | 'FEISHU_UNREACHABLE'
  | 'FEISHU_REFUSED'
  | 'HTTP_UNVERIFIED'
  | 'DECRYPT_FAILED';

/** A problem with how the Feishu adapter is set up or with an incoming request it cannot read. */
export class FeishuError extends Error {
  readonly code: FeishuErrorCode;
  /** A passing cause (Feishu unreachable, a 5xx, a rate limit): trying again later may succeed. */
  readonly transient: boolean;
  constructor(code: FeishuErrorCode, message: string, options: { transient?: boolean } = {}) {
    super(message);
    this.name = 'FeishuError';
    this.code = code;
    this.transient = options.transient ?? code === 'FEISHU_UNREACHABLE';
  }
}

/**
 * A failed Open API call. `code` is a stable name (bot_not_in_chat, rate_limited, server_error …) used as the
 * DeliveryError code and metrics label; `feishuCode` is Feishu's numeric code when it gave one.
 */
export class FeishuApiError extends Error {
  readonly code: string;
  readonly feishuCode: number | undefined;
  readonly status: number | undefined;
  readonly permanent: boolean;
  readonly retryAfterMs: number | undefined;
  constructor(
    code: string,
    message: string,
    options: { feishuCode?: number; status?: number; permanent: boolean; retryAfterMs?: number },
  ) {
    super(message);
    this.name = 'FeishuApiError';
    this.code = code;
    this.feishuCode = options.feishuCode;
    this.status = options.status;
    this.permanent = options.permanent;
    this.retryAfterMs = options.retryAfterMs;
  }
}
