/**
 * `/zhenxing <text>`: every command (search, help, theme, today, docs, subscribe …) goes to the kit's answerer as
 * text; the answer is posted privately through the response_url after the ack, which keeps the ack fast.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { decodeSlackText } from '../../render/index.js';
import { createSlackConversation } from '../../conversation.js';
import type { ListenerDeps } from '../shared.js';
import { slackSubscribable } from './subscribable.js';

export function createSearchCommandCallback(deps: ListenerDeps) {
  return async ({ ack, command, respond, client }: AllMiddlewareArgs & SlackCommandMiddlewareArgs): Promise<void> => {
    await ack();
    // Slack sends `A&B <x>` as `A&amp;B &lt;x&gt;`; the router gets what the user typed (the renderers escape again).
    const text = decodeSlackText(command.text ?? '');
    const conv = createSlackConversation({
      ctx: {
        platform: 'slack',
        channelId: command.channel_id,
        userId: command.user_id,
        // Answers to a slash command are ephemeral wherever it is typed.
        place: { kind: command.channel_id.startsWith('D') ? 'private' : 'group', prefix: '/zhenxing ', privateAnswers: true },
        subscribable: slackSubscribable(client, command.channel_id, deps.logger),
      },
      respond,
      client,
      where: 'slack.command',
      logger: deps.logger,
      metrics: deps.metrics,
    });
    await deps.answerer.command(text, conv);
  };
}
