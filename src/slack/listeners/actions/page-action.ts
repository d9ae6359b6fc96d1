/**
 * Page buttons (previous / next, and the "try" suggestions when nothing matched): the button carries the page
 * reference; the answer redraws the same private message.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodePageRef } from '../../../router/view-model.js';
import { renderView } from '../../render/index.js';
import { EXPIRED, busyAnswer, failKindly, messageView, respondSafely, type ListenerDeps } from '../shared.js';

export function createPageActionCallback(deps: ListenerDeps) {
  return async ({
    ack,
    action,
    body,
    respond,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>): Promise<void> => {
    await ack();
    await deps.track(async () => {
      try {
        const ref = decodePageRef(action.value ?? '');
        const view = ref
          ? await deps.router.page(ref, { platform: 'slack', channelId: body.channel?.id, userId: body.user.id })
          : messageView(EXPIRED, 'zh');
        await respondSafely(
          deps,
          respond,
          { response_type: 'ephemeral', replace_original: true, ...renderView(view) },
          'slack.page',
        );
      } catch (err) {
        await failKindly(deps, err, 'slack.page', respond, 'zh');
      }
    }, busyAnswer(deps, respond, 'slack.page', () => 'zh'));
  };
}
