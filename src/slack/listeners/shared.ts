/**
 * What every listener needs. The answering flow (what to run, where each answer goes, the busy limit, the kind
 * failure messages) is the platform kit's Answerer; a listener acks, turns Bolt's arguments into a Conversation
 * (src/slack/conversation.ts) and hands it over.
 */
import type { RespondFn, webApi } from '@slack/bolt';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import type { Answerer, SeenKeys, Uploader } from '../../platform/index.js';
import type { CommandContext } from '../../router/view-model.js';
import { createSlackConversation, type SlackConversationOptions } from '../conversation.js';

export interface ListenerDeps {
  answerer: Answerer;
  logger: Logger;
  metrics: Metrics;
  /** Deliveries already handled (click trigger ids, file uploads), so a redelivery does nothing twice. */
  seen: SeenKeys;
  /** The kit's uploader: adds files admins send in a DM to the library; absent: uploads are not listened to. */
  uploader?: Uploader;
  /** Shares already posted, by (channel, message, user, passage): one quote per double click, also across restarts. */
  shares: SeenKeys;
  /** How long `shares` remembers one, in ms. */
  shareWindowMs: number;
}

/** The Bolt arguments of a button click that a conversation is made of. */
export interface ClickArgs {
  body: { user: { id: string }; channel?: { id?: string } };
  respond: RespondFn;
  client: webApi.WebClient;
}

/** The conversation of a button click: the clicker, in the channel the message is in. */
export function clickConversation(
  deps: ListenerDeps,
  { body, respond, client }: ClickArgs,
  where: string,
  extra: Partial<Pick<SlackConversationOptions, 'redraws' | 'shareOnce'>> = {},
) {
  const ctx: CommandContext = { platform: 'slack', channelId: body.channel?.id, userId: body.user.id };
  return createSlackConversation({ ctx, respond, client, where, logger: deps.logger, metrics: deps.metrics, ...extra });
}
