/**
 * The digest's "more of this theme" button: answers the clicker alone with the theme's listing, leaving the
 * digest (public or preview) as it is.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { isThemeId } from '../../../corpus/types.js';
import { renderView } from '../../render/index.js';
import { EXPIRED, busyAnswer, failKindly, messageView, respondSafely, type ListenerDeps } from '../shared.js';

export function createDigestMoreActionCallback(deps: ListenerDeps) {
  return async ({
    ack,
    action,
    body,
    respond,
  }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>): Promise<void> => {
    await ack();
    await deps.track(async () => {
      try {
        const theme = action.value ?? '';
        const view = isThemeId(theme)
          ? await deps.router.page(
              { kind: 'theme', theme, page: 1 },
              { platform: 'slack', channelId: body.channel?.id, userId: body.user.id },
            )
          : messageView(EXPIRED, 'zh');
        await respondSafely(
          deps,
          respond,
          { response_type: 'ephemeral', replace_original: false, ...renderView(view) },
          'slack.digest_more',
        );
      } catch (err) {
        await failKindly(deps, err, 'slack.digest_more', respond, 'zh');
      }
    }, busyAnswer(deps, respond, 'slack.digest_more', () => 'zh'));
  };
}
