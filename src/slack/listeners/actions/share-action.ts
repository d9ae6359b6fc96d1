/**
 * A share button: the passage as a quote, visible to the channel (src/slack/conversation.ts posts it). Exactly one
 * public message per click: a redelivered click (same trigger_id) is ignored, and so is a second click on the same
 * passage of the same message by the same user within the share window (a double click has two trigger_ids), also
 * after a restart when the adapter was given a store under DATA_DIR, is answered privately with the kit's
 * ALREADY_SHARED (as on Feishu and DingTalk) and posts nothing. A share that surely did not post is forgotten,
 * so the user can click again. The private result list stays, so several passages can be shared.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { clickConversation, type ListenerDeps } from '../shared.js';

export function createShareActionCallback(deps: ListenerDeps) {
  return async (args: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>): Promise<void> => {
    await args.ack();
    const { action, body } = args;
    // trigger_id is unique per click and the same when Slack delivers the click again.
    const key = body.trigger_id ? `share:${body.trigger_id}` : `share:${body.user.id}:${action.action_ts}`;
    if (!(await deps.seen.add(key))) {
      deps.logger.info({ key }, 'slack: repeated share click ignored');
      return;
    }
    const container = (body.container ?? {}) as { message_ts?: unknown };
    const messageTs = typeof container.message_ts === 'string' ? container.message_ts : (body.message?.ts ?? '');
    const shareOnce = {
      store: deps.shares,
      key: `share:${body.channel?.id ?? ''}:${messageTs}:${body.user.id}:${action.value ?? ''}`,
      ttlMs: deps.shareWindowMs,
    };
    await deps.answerer.share(action.value ?? '', clickConversation(deps, args, 'slack.share', { shareOnce }));
  };
}
