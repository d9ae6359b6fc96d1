/**
 * 👍/👎 on a result (action ids feedback_up_N / feedback_down_N): the button's value names the query and passage;
 * the vote is stored for the clicker, replacing an earlier one, and thanked privately. The result list stays.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeVoteRef } from '../../../router/view-model.js';
import { clickConversation, type ListenerDeps } from '../shared.js';

export function createFeedbackActionCallback(deps: ListenerDeps) {
  return async (args: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<ButtonAction>>): Promise<void> => {
    await args.ack();
    await deps.answerer.vote(decodeVoteRef(args.action.value ?? ''), clickConversation(deps, args, 'slack.feedback'));
  };
}
