/**
 * A Slack exchange as the platform kit's Conversation: private answers go to the interaction's response_url as
 * ephemeral messages (a page click redraws the list it came from), a shared quote goes `in_channel` through the same
 * response_url (so it works where the bot is not a member) and, when Slack has retired that URL, through
 * chat.postMessage. What to answer, the busy limit and the kind failures are the kit's (src/platform/conversation.ts).
 */
import { RespondError, type RespondArguments, type RespondFn, type webApi } from '@slack/bolt';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { ALREADY_SHARED, messageView, once, OutboundTimeoutError, type Conversation, type SeenKeys, type ShareFailure } from '../platform/index.js';
import type { CommandContext, View } from '../router/view-model.js';
import { renderView } from './render/index.js';

export interface SlackConversationOptions {
  ctx: CommandContext;
  respond: RespondFn;
  /** For the chat.postMessage fallback of a share. */
  client: webApi.WebClient;
  /** Names the listener in log lines and error counts ('slack.command' …). */
  where: string;
  logger: Logger;
  metrics: Pick<Metrics, 'errors'>;
  /** Whether an update redraws the message the button was clicked in (page buttons) instead of answering beside it. */
  redraws?: boolean;
  /**
   * One quote per key within `ttlMs` (the share listener's (channel, message, user, passage)); the claim is given
   * back when the post surely did not happen, so clicking again tries again.
   */
  shareOnce?: { store: SeenKeys; key: string; ttlMs: number };
}

/** Slack platform errors of a refused chat.postMessage, by what the sharer can do about them. */
const NOT_IN_CHAT = new Set(['not_in_channel', 'channel_not_found']);
const NOT_ALLOWED = new Set(['restricted_action', 'restricted_action_read_only_channel', 'no_permission', 'is_archived', 'missing_scope']);

export function shareFailure(err: unknown): ShareFailure {
  const code = (err as { data?: { error?: string } } | undefined)?.data?.error ?? '';
  if (NOT_IN_CHAT.has(code)) return 'bot_not_in_chat';
  if (NOT_ALLOWED.has(code)) return 'not_allowed';
  return 'other';
}

/** A timeout or a 5xx may have posted: the claim on a share is kept then. */
const maybePosted = (err: unknown) => err instanceof OutboundTimeoutError || (err instanceof RespondError && err.statusCode >= 500);

export function createSlackConversation(o: SlackConversationOptions): Conversation {
  const { logger, where } = o;

  /** Posts to the response_url; a failure is logged and counted rather than thrown (there is nobody left to tell). */
  async function respondSafely(message: RespondArguments): Promise<void> {
    try {
      await o.respond(message);
    } catch (err) {
      o.metrics.errors.inc({ where: `${where}.respond` });
      logger.error({ err, where }, 'slack: could not post to response_url');
    }
  }

  async function post(view: View): Promise<void> {
    const message = renderView(view);
    try {
      await o.respond({ response_type: 'in_channel', replace_original: false, ...message });
    } catch (err) {
      // A response_url lasts 30 minutes and five uses; when Slack has retired it (4xx), post through the Web API
      // instead (chat:write.public covers public channels). A 5xx or network error may have posted already, so it
      // is not retried: one message per click.
      const channel = o.ctx.channelId;
      if (!(err instanceof RespondError) || err.statusCode < 400 || err.statusCode >= 500 || !channel) throw err;
      logger.warn({ status: err.statusCode, channel }, 'slack: response_url refused the share; posting via chat.postMessage');
      await o.client.chat.postMessage({ channel, ...message, unfurl_links: false, unfurl_media: false });
    }
  }

  const replyPrivately = (view: View) => respondSafely({ response_type: 'ephemeral', replace_original: false, ...renderView(view) });

  return {
    ctx: o.ctx,
    replyPrivately,
    ...(o.redraws
      ? { update: (view: View) => respondSafely({ response_type: 'ephemeral', replace_original: true, ...renderView(view) }) }
      : {}),
    async postToChat(view) {
      const claim = o.shareOnce;
      if (!claim) return post(view);
      const posted = await once(claim.store, claim.key, () => post(view), { ttlMs: claim.ttlMs, maybeDone: maybePosted });
      if (posted) return;
      // As on Feishu and DingTalk: the clicker hears, privately, that the quote is already there; the channel gets nothing.
      logger.info({ key: claim.key }, 'slack: passage already shared from this message by this user; clicker told');
      await replyPrivately(messageView(ALREADY_SHARED, 'zh', 'info'));
    },
    // Every Slack answer is ephemeral, subscription changes too: a slash command is seen by the one who typed it.
    placeOf: () => 'private',
    // Failures are logged and counted under the listener's name (the adapter's onFailure reads it).
    logFields: { where },
    shareFailure,
  };
}
