/**
 * A file an admin (ADMIN_USERS) sent to the bot's DM, handed to the kit's uploader whichever event told us:
 * `file_shared` (the manifest's) or a `message` with files (subtype `file_share`, for apps subscribed to message.im).
 * Slack sends both for one upload when both are subscribed: the file is added and answered once. The name, size and
 * private download URL come with the message, or from files.info (scope files:read, asked only for an admin's file);
 * the download carries the bot token. The answer is posted into the DM.
 */
import type { webApi } from '@slack/bolt';
import type { IncomingFile } from '../../../library/intake.js';
import { downloadCapped } from '../../../platform/download.js';
import type { Conversation, Uploader } from '../../../platform/index.js';
import type { View } from '../../../router/view-model.js';
import { renderView } from '../../render/index.js';
import type { ListenerDeps } from '../shared.js';

/** What Slack says about a file, in a message event or from files.info (fields may be missing). */
export interface SlackFile {
  id?: string;
  name?: string;
  title?: string;
  size?: number;
  url_private_download?: string;
  url_private?: string;
}

export interface SharedFile {
  fileId: string;
  userId: string;
  /** The DM's channel id (D…). */
  channel: string;
  /** What the event already told about the file; files.info is asked when it has no download URL. */
  file?: SlackFile;
}

/** Only a DM with the bot (channel ids of DMs start with D) is a request to add a file. */
export const isDm = (channel: string | undefined): channel is string => typeof channel === 'string' && channel.startsWith('D');

export async function addSharedFile(deps: ListenerDeps & { uploader: Uploader }, client: webApi.WebClient, shared: SharedFile): Promise<void> {
  const { fileId, userId, channel } = shared;
  if (!(await deps.seen.add(`file:${fileId}:${userId}`))) return;
  const post = async (view: View) => void (await client.chat.postMessage({ channel, ...renderView(view) }));
  // The DM is private to the two of them: answers and anything "for the chat" go there.
  const conv: Conversation = { ctx: { platform: 'slack', userId, channelId: channel }, replyPrivately: post, postToChat: post };
  const lookUp = async (): Promise<IncomingFile> => {
    let file = shared.file ?? {};
    if (!file.url_private_download && !file.url_private) {
      file = ((await client.files.info({ file: fileId })) as { file?: SlackFile }).file ?? {};
    }
    const url = file.url_private_download ?? file.url_private;
    const token = client.token;
    return {
      name: file.name ?? file.title ?? fileId,
      ...(file.size !== undefined ? { size: file.size } : {}),
      download: (maxBytes) => {
        if (!url) throw new Error('files.info gave no download URL');
        return downloadCapped(url, maxBytes, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      },
    };
  };
  await deps.uploader.receive(lookUp, conv);
}
