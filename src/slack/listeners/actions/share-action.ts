/**
 * A share button: posts the passage as a quote, visible to the channel, through the click's response_url
 * (`in_channel`, so it works where the bot is not a member). Exactly one public message per click: a redelivered
 * click (same trigger_id) is ignored, and so is a second click on the same passage of the same message by the same
 * user within the share window (a double click has two trigger_ids), also after a restart when the adapter was
 * given a store under DATA_DIR. A share that surely did not post is forgotten, so the user can click again. The
 * private result list stays, so several passages can be shared.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { RespondError } from '@slack/bolt';
import { OutboundTimeoutError } from '../../../platform/index.js';
import { renderView } from '../../render/index.js';
import { failKindly, respondSafely, type ListenerDeps } from '../shared.js';

export function createShareActionCallback(deps: ListenerDeps) {
  return async ({
    ack,
    action,
    body,
    respond,
    client,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>): Promise<void> => {
    await ack();
    // trigger_id is unique per click and the same when Slack delivers the click again.
    const key = body.trigger_id ? `share:${body.trigger_id}` : `share:${body.user.id}:${action.action_ts}`;
    if (!deps.seen.first(key)) {
      deps.logger.info({ key }, 'slack: repeated share click ignored');
      return;
    }
    const container = (body.container ?? {}) as { message_ts?: unknown };
    const messageTs = typeof container.message_ts === 'string' ? container.message_ts : (body.message?.ts ?? '');
    const shareKey = `share:${body.channel?.id ?? ''}:${messageTs}:${body.user.id}:${action.value ?? ''}`;
    // Never refused when busy: a share is a deliberate, rare act whose result the whole channel expects to see,
    // and it costs no search. It still waits its turn behind the pending answers.
    await deps.track(async () => {
      let claimed = false;
      try {
        claimed = await deps.shares.add(shareKey, deps.shareWindowMs);
        if (!claimed) {
          deps.logger.info({ key: shareKey }, 'slack: passage already shared from this message by this user; click ignored');
          return;
        }
        const view = await deps.router.share(action.value ?? '', {
          platform: 'slack',
          channelId: body.channel?.id,
          userId: body.user.id,
        });
        if (view.kind !== 'share') {
          await deps.shares.delete(shareKey);
          await respondSafely(
            deps,
            respond,
            { response_type: 'ephemeral', replace_original: false, ...renderView(view) },
            'slack.share',
          );
          return;
        }
        const message = renderView(view);
        try {
          await respond({ response_type: 'in_channel', replace_original: false, ...message });
        } catch (err) {
          // A response_url lasts 30 minutes and five uses; when Slack has retired it (4xx), post through the Web
          // API instead (chat:write.public covers public channels). A 5xx or network error may have posted already,
          // so it is not retried: one message per click.
          const channel = body.channel?.id;
          if (!(err instanceof RespondError) || err.statusCode < 400 || err.statusCode >= 500 || !channel) throw err;
          deps.logger.warn({ status: err.statusCode, channel }, 'slack: response_url refused the share; posting via chat.postMessage');
          await client.chat.postMessage({ channel, ...message, unfurl_links: false, unfurl_media: false });
        }
      } catch (err) {
        // A timeout or a 5xx may have posted the quote: keep it remembered. Anything else did not post: forget it,
        // so that clicking again tries again.
        const maybePosted = err instanceof OutboundTimeoutError || (err instanceof RespondError && err.statusCode >= 500);
        if (claimed && !maybePosted) await deps.shares.delete(shareKey).catch(() => undefined);
        await failKindly(deps, err, 'slack.share', respond, 'zh');
      }
    });
  };
}
