/**
 * Posts the daily digest with chat.postMessage and turns Slack's failures into DeliveryError: permanent for
 * answers that will not change on retry (the channel is gone, the bot is not in it, the token is bad …),
 * retryable for rate limits (with Retry-After), server errors and network failures. The WebClient itself does
 * not retry: the digest scheduler does, with backoff.
 */
import type { webApi } from '@slack/bolt';
import type { Digest } from '../digest/types.js';
import type { Logger } from '../observability/logger.js';
import { DeliveryError, type DigestSender } from '../state/delivery.js';
import { renderDigestBlocks } from './render/index.js';

/** Slack platform errors that a retry cannot fix. Any other platform error is retried. */
export const PERMANENT_SLACK_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'channel_is_archived',
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'missing_scope',
  'no_permission',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'ekm_access_denied',
  'team_access_not_granted',
  'org_login_required',
  'invalid_blocks',
  'invalid_blocks_format',
  'msg_too_long',
  'too_many_attachments',
  'invalid_arguments',
  'not_allowed_token_type',
  'cannot_reply_to_message',
  'duplicate_channel_not_found',
]);

interface CodedSlackError {
  code?: string;
  data?: { error?: string };
  retryAfter?: number;
  statusCode?: number;
  original?: Error;
  message?: string;
}

/** Maps an error thrown by the WebClient to a DeliveryError. */
export function toDeliveryError(err: unknown, channelId: string): DeliveryError {
  const e = (err ?? {}) as CodedSlackError;
  switch (e.code) {
    case 'slack_webapi_platform_error': {
      const code = e.data?.error ?? 'unknown_error';
      return new DeliveryError(code, `Slack refused to post to ${channelId}: ${code}`, {
        permanent: PERMANENT_SLACK_ERRORS.has(code),
      });
    }
    case 'slack_webapi_rate_limited_error': {
      const seconds = e.retryAfter ?? 1;
      return new DeliveryError('ratelimited', `Slack rate-limited posting to ${channelId}; retry after ${seconds} s`, {
        permanent: false,
        retryAfterMs: seconds * 1000,
      });
    }
    case 'slack_webapi_http_error': {
      const status = e.statusCode ?? 0;
      // 5xx and timeouts are Slack's trouble; other statuses come from a proxy or a wrong SLACK_API_URL.
      const retryable = status >= 500 || status === 408;
      return new DeliveryError(`http_${status}`, `Slack answered HTTP ${status} posting to ${channelId}`, {
        permanent: !retryable,
      });
    }
    case 'slack_webapi_request_error':
      return new DeliveryError('network', `Could not reach Slack posting to ${channelId}: ${e.original?.message ?? e.message ?? 'request failed'}`, {
        permanent: false,
      });
    default:
      return new DeliveryError('unknown', `Posting to ${channelId} failed: ${e.message ?? String(err)}`, {
        permanent: false,
      });
  }
}

export function createSlackSender(deps: { client: webApi.WebClient; logger: Logger }): DigestSender {
  return {
    platform: 'slack',
    async send(channelId: string, digest: Digest): Promise<void> {
      const message = renderDigestBlocks({ kind: 'digest', lang: 'zh', digest, preview: false });
      try {
        await deps.client.chat.postMessage({
          channel: channelId,
          ...message,
          unfurl_links: false,
          unfurl_media: false,
        });
      } catch (err) {
        const delivery = toDeliveryError(err, channelId);
        deps.logger.warn(
          { channel: channelId, date: digest.date, code: delivery.code, permanent: delivery.permanent },
          'slack: digest post failed',
        );
        throw delivery;
      }
    },
  };
}
