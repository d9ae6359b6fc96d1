/** `file_shared` in the bot's DM: an admin adding a document to the library (add-file.ts). Files in channels are not ours. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../shared.js';
import { addSharedFile, isDm } from './add-file.js';

export function createFileSharedCallback(deps: ListenerDeps) {
  return async ({ event, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'file_shared'>): Promise<void> => {
    const { uploader } = deps;
    if (!uploader || !isDm(event.channel_id)) return;
    await addSharedFile({ ...deps, uploader }, client, { fileId: event.file_id, userId: event.user_id, channel: event.channel_id });
  };
}
