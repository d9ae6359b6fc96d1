/**
 * 👍/👎 on a result (action ids feedback_up_N / feedback_down_N): the button's value names the query and passage;
 * the vote is stored for the clicker, replacing an earlier one, and thanked privately. The result list stays.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeVoteRef } from '../../../router/view-model.js';
import { renderView } from '../../render/index.js';
import { EXPIRED, failKindly, messageView, respondSafely, type ListenerDeps } from '../shared.js';

export function createFeedbackActionCallback(deps: ListenerDeps) {
  return async ({
    ack,
    action,
    body,
    respond,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>): Promise<void> => {
    await ack();
    // A vote is cheap and replaces itself, so it is never refused when busy.
    await deps.track(async () => {
      try {
        const ref = decodeVoteRef(action.value ?? '');
        const view =
          ref && deps.router.vote
            ? await deps.router.vote(ref, { platform: 'slack', channelId: body.channel?.id, userId: body.user.id })
            : messageView(EXPIRED, 'zh');
        await respondSafely(
          deps,
          respond,
          { response_type: 'ephemeral', replace_original: false, ...renderView(view) },
          'slack.feedback',
        );
      } catch (err) {
        await failKindly(deps, err, 'slack.feedback', respond, 'zh');
      }
    });
  };
}
