/**
 * Page buttons (previous / next, the "try" suggestions when nothing matched, the search as typed after a typo
 * correction): the button carries the page reference; the answer redraws the same private message.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodePageRef } from '../../../router/view-model.js';
import { clickConversation, type ListenerDeps } from '../shared.js';

export function createPageActionCallback(deps: ListenerDeps) {
  return async (args: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>): Promise<void> => {
    await args.ack();
    const conv = clickConversation(deps, args, 'slack.page', { redraws: true });
    await deps.answerer.page(decodePageRef(args.action.value ?? ''), conv);
  };
}
