/**
 * `file_shared` in the bot's DM: an admin (ADMIN_USERS) adding a document to the library. The file's name, size
 * and private download URL come from files.info (scope files:read); the download carries the bot token. The answer
 * (title, passage count and themes, or why not) is posted into the DM. Files shared in channels are not ours.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { downloadCapped, REFUSAL } from '../../../library/intake.js';
import { renderView } from '../../render/index.js';
import { messageView, SORRY, type ListenerDeps } from '../shared.js';

interface SlackFile {
  name?: string;
  title?: string;
  size?: number;
  url_private_download?: string;
  url_private?: string;
}

export function createFileSharedCallback(deps: ListenerDeps) {
  return async ({ event, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'file_shared'>): Promise<void> => {
    const intake = deps.intake;
    // Only a DM with the bot (channel ids of DMs start with D) is a request to add the file.
    if (!intake || !event.channel_id?.startsWith('D')) return;
    if (!deps.seen.first(`file_shared:${event.file_id}:${event.user_id}`)) return;
    const channel = event.channel_id;
    const post = async (view: Parameters<typeof renderView>[0]) => {
      try {
        await client.chat.postMessage({ channel, ...renderView(view) });
      } catch (err) {
        deps.metrics.errors.inc({ where: 'slack.file_shared.post' });
        deps.logger.error({ err, channel }, 'slack: could not answer a file upload');
      }
    };
    await deps.track(async () => {
      try {
        if (!intake.isAdmin(event.user_id)) {
          deps.logger.info({ userId: event.user_id }, 'slack: file from a user not in ADMIN_USERS; refused');
          await post(REFUSAL);
          return;
        }
        const info = (await client.files.info({ file: event.file_id })) as { file?: SlackFile };
        const file = info.file ?? {};
        const url = file.url_private_download ?? file.url_private;
        const name = file.name ?? file.title ?? event.file_id;
        const token = client.token;
        const view = await intake.receive(
          {
            name,
            ...(file.size !== undefined ? { size: file.size } : {}),
            download: (maxBytes) => {
              if (!url) throw new Error('files.info gave no download URL');
              return downloadCapped(url, maxBytes, { headers: token ? { authorization: `Bearer ${token}` } : {} });
            },
          },
          event.user_id,
          'slack',
        );
        await post(view);
      } catch (err) {
        deps.metrics.errors.inc({ where: 'slack.file_shared' });
        deps.logger.error({ err, fileId: event.file_id }, 'slack: adding a shared file failed');
        await post(messageView(SORRY, 'zh'));
      }
    });
  };
}
