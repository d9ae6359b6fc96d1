/**
 * `/zhenxing <text>`: every command (search, help, theme, today, docs, subscribe …) goes to the router as text;
 * the answer is posted privately through the response_url after the ack, which keeps the ack fast.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { detectLang } from '../../../router/parse-command.js';
import type { CommandContext } from '../../../router/view-model.js';
import { decodeSlackText, renderView } from '../../render/index.js';
import { busyAnswer, failKindly, respondSafely, type ListenerDeps } from '../shared.js';
import { slackSubscribable } from './subscribable.js';

export function createSearchCommandCallback(deps: ListenerDeps) {
  return async ({ ack, command, respond, client }: AllMiddlewareArgs & SlackCommandMiddlewareArgs): Promise<void> => {
    await ack();
    // Slack sends `A&B <x>` as `A&amp;B &lt;x&gt;`; the router gets what the user typed (the renderers escape again).
    const text = decodeSlackText(command.text ?? '');
    await deps.track(async () => {
      try {
        const ctx: CommandContext = {
          platform: 'slack',
          channelId: command.channel_id,
          userId: command.user_id,
          // Answers to a slash command are ephemeral wherever it is typed.
          place: {
            kind: command.channel_id.startsWith('D') ? 'private' : 'group',
            prefix: '/zhenxing ',
            privateAnswers: true,
          },
          subscribable: slackSubscribable(client, command.channel_id, deps.logger),
        };
        const view = await deps.router.handle(text, ctx);
        await respondSafely(deps, respond, { response_type: 'ephemeral', ...renderView(view) }, 'slack.command');
      } catch (err) {
        await failKindly(deps, err, 'slack.command', respond, detectLang(text));
      }
    }, busyAnswer(deps, respond, 'slack.command', () => detectLang(text)));
  };
}
