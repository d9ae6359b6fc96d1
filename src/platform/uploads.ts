/**
 * A file sent to the bot in a private chat, the same on every platform: an admin (ADMIN_USERS) gets it added to
 * the library and hears its title, passage count and themes; anyone else a polite refusal, without a download.
 * The adapter says how to download the file; the answer goes to the sender privately through the Conversation.
 */
import { REFUSAL, type IncomingFile, type LibraryIntake } from '../library/intake.js';
import type { View } from '../router/view-model.js';
import { reportFailure, type Conversation, type KitDeps } from './conversation.js';
import { BUSY, SORRY, messageView } from './messages.js';

/** A file message that carried no usable file (no key or name): nothing to download. */
export const NO_FILE = {
  zh: '没有收到文件内容，请重新发送。',
  en: 'The file did not come through. Please send it again.',
};

/** `platform` also names the document's `addedBy`; failures are 'file' and 'file.lookup'. */
export interface UploaderDeps extends KitDeps {
  intake: LibraryIntake;
}

/**
 * The file, `null` when the message named none, or how to look it up (a platform API call, as Slack's files.info
 * for a file_shared event), called only once the sender is known to be an admin and in the upload's turn.
 */
export type FileSource = IncomingFile | null | (() => Promise<IncomingFile | null>);

export interface Uploader {
  /**
   * Adds `file` for an admin, refuses anyone else; `null` when the message named no file. Resolves once the answer
   * was sent (a failed send is logged and counted: there is nobody left to tell). A lookup that throws is logged
   * and answered with the kind SORRY.
   */
  receive(file: FileSource, conv: Conversation): Promise<void>;
}

export function createUploader(deps: UploaderDeps): Uploader {
  const { platform, intake, logger } = deps;
  const failed = (conv: Conversation, where: string, err: unknown) =>
    reportFailure(deps, where, err, { userId: conv.ctx.userId, ...conv.logFields });
  const reply = async (conv: Conversation, view: View) => {
    try {
      await conv.replyPrivately(view);
    } catch (err) {
      failed(conv, 'file', err);
    }
  };
  return {
    receive(file, conv) {
      const userId = conv.ctx.userId;
      return deps.queue.run(
        async () => {
          if (!intake.isAdmin(userId)) {
            logger.info({ userId }, `${platform}: file from a user not in ADMIN_USERS; refused`);
            return reply(conv, REFUSAL);
          }
          let found: IncomingFile | null;
          try {
            found = typeof file === 'function' ? await file() : file;
          } catch (err) {
            failed(conv, 'file.lookup', err);
            return reply(conv, messageView(SORRY, 'zh'));
          }
          if (!found) return reply(conv, messageView(NO_FILE, 'zh'));
          // receive() never throws: a bad file, a failed download or a full disk each come back as a kind message.
          return reply(conv, await intake.receive(found, userId, platform));
        },
        { where: `${platform}.file`, answer: () => reply(conv, messageView(BUSY, 'zh', 'info')) },
      );
    },
  };
}
