/**
 * Posts the daily digest with chat.postMessage and turns Slack's failures into DeliveryError: permanent for
 * answers that will not change on retry (the channel is gone, the bot is not in it, the token is bad …),
 * retryable for rate limits (with Retry-After), server errors and network failures. The WebClient itself does
 * not retry: the digest scheduler does, with backoff.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../observability/logger.js';
import { createDigestSender } from '../platform/digest-sender.js';
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

/** The metadata event every digest message carries: `zhenxing_digest` with the digest's date. */
export const DIGEST_EVENT_TYPE = 'zhenxing_digest';

/** How many of a channel's latest messages are searched for a digest already posted. */
export const HISTORY_LIMIT = 100;

interface HistoryMessage {
  metadata?: { event_type?: string; event_payload?: { date?: unknown } };
}

export function createSlackSender(deps: { client: webApi.WebClient; logger: Logger; now?: () => number }): DigestSender {
  const now = deps.now ?? Date.now;
  /** Channels whose history the bot may not read, said once each. */
  const told = new Set<string>();
  return createDigestSender({
    platform: 'slack',
    render: renderDigestBlocks,
    post: async (channelId, message, digest) => {
      await deps.client.chat.postMessage({
        channel: channelId,
        ...message,
        unfurl_links: false,
        unfurl_media: false,
        // Lets wasDelivered() find this post in the channel after a restart (chat.postMessage has no idempotency key).
        metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { date: digest.date } },
      });
    },
    toDeliveryError,
    onFailure: (delivery, channelId, digest) =>
      deps.logger.warn(
        { channel: channelId, date: digest.date, code: delivery.code, permanent: delivery.permanent },
        'slack: digest post failed',
      ),
    async wasDelivered(channelId, digest) {
      try {
        const res = await deps.client.conversations.history({
          channel: channelId,
          // A digest posted for this date went out within the last day and a half, whatever the time zone.
          oldest: String(Math.floor(now() / 1000) - 36 * 3600),
          limit: HISTORY_LIMIT,
          include_all_metadata: true,
        });
        const found = ((res.messages ?? []) as HistoryMessage[]).some(
          (m) => m.metadata?.event_type === DIGEST_EVENT_TYPE && m.metadata.event_payload?.date === digest.date,
        );
        deps.logger.info({ channel: channelId, date: digest.date, found }, `slack: looked for the ${digest.date} digest in ${channelId}: ${found ? 'found' : 'not there'}`);
        return found;
      } catch (err) {
        const code = (err as { data?: { error?: string } }).data?.error ?? (err as Error).message;
        if (!told.has(`${channelId}:${code}`)) {
          told.add(`${channelId}:${code}`);
          deps.logger.warn(
            { channel: channelId, date: digest.date, code },
            `slack: could not read ${channelId}'s history to check for the ${digest.date} digest (${code}); posting it without the check — ` +
              'add the channels:history and groups:history scopes and invite the bot to the channel to rule out a double post',
          );
        }
        return undefined;
      }
    },
  });
}
