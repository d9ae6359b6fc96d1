/**
 * The digest's "more of this theme" button: answers the clicker alone with the theme's listing, leaving the
 * digest (public or preview) as it is.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { isThemeId } from '../../../corpus/types.js';
import { clickConversation, type ListenerDeps } from '../shared.js';

export function createDigestMoreActionCallback(deps: ListenerDeps) {
  return async (args: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>): Promise<void> => {
    await args.ack();
    const theme = args.action.value ?? '';
    // No redraw: the listing goes beside the digest.
    const conv = clickConversation(deps, args, 'slack.digest_more');
    await deps.answerer.page(isThemeId(theme) ? { kind: 'theme', theme, page: 1 } : null, conv);
  };
}
