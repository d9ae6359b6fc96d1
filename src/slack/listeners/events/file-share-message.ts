/**
 * A `message` with files in the bot's DM (subtype `file_share`; Slack has also sent such messages without the
 * subtype): each file is an admin adding a document to the library (add-file.ts). Arrives when the app subscribes
 * to message.im; other messages, and files in channels, are not ours.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../shared.js';
import { addSharedFile, isDm, type SlackFile } from './add-file.js';

interface FileMessage {
  subtype?: string;
  user?: string;
  channel?: string;
  bot_id?: string;
  files?: SlackFile[];
}

export function createFileShareMessageCallback(deps: ListenerDeps) {
  return async ({ event, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>): Promise<void> => {
    const { uploader } = deps;
    const m = event as FileMessage;
    if (!uploader || !isDm(m.channel) || !m.user || m.bot_id) return;
    if (m.subtype !== undefined && m.subtype !== 'file_share') return;
    for (const file of m.files ?? []) {
      if (!file.id) continue;
      await addSharedFile({ ...deps, uploader }, client, { fileId: file.id, userId: m.user, channel: m.channel, file });
    }
  };
}
