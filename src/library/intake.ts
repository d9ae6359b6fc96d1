/**
 * Adding a document from chat: an admin (ADMIN_USERS) sends a file to the bot in a private chat and gets back its
 * title, passage count and themes; anyone else gets a polite refusal. Platform-neutral: an adapter hands over the
 * file's name, its size if the platform says, and a way to download it; it renders the message view it gets back.
 */
import { themeInfo } from '../corpus/types.js';
import type { Logger } from '../observability/logger.js';
import type { MessageView } from '../router/view-model.js';
import { LibraryError, LIBRARY_DEFAULTS, prepareDocument, storePrepared, formatOf } from './index.js';
import { createLibraryStore } from './store.js';

/** A file sent to the bot, as the adapter knows it. */
export interface IncomingFile {
  name: string;
  /** Bytes, when the platform says before the download. */
  size?: number;
  /** Downloads the file; must refuse (throw FileTooLargeError) past maxBytes rather than buffer without end. */
  download(maxBytes: number): Promise<Uint8Array>;
}

/** Thrown by a download that went past its byte limit. */
export class FileTooLargeError extends Error {
  readonly code = 'FILE_TOO_LARGE';
  constructor(readonly bytes: number) {
    super(`file larger than the limit (${bytes} bytes read)`);
    this.name = 'FileTooLargeError';
  }
}

export interface LibraryIntakeOptions {
  libraryDir: string;
  /** ADMIN_USERS: ids allowed to add (Slack user ids, Feishu open_ids, DingTalk staff ids). */
  adminUsers: readonly string[];
  /** Called after a document was stored, so the bot serves it before answering (the live library's refresh). */
  afterAdd?: () => Promise<unknown>;
  /** Largest file accepted. Default 50 MB. */
  maxBytes?: number;
  logger?: Logger;
}

export interface LibraryIntake {
  isAdmin(userId: string | undefined): boolean;
  /** Adds the file for the user and says what happened; never throws. */
  receive(file: IncomingFile, userId: string | undefined, platform: string): Promise<MessageView>;
}

const info = (zh: string, en: string): MessageView => ({ kind: 'message', lang: 'zh', tone: 'info', message: { zh, en } });
const error = (zh: string, en: string): MessageView => ({ kind: 'message', lang: 'zh', tone: 'error', message: { zh, en } });

export const REFUSAL: MessageView = error(
  '抱歉，只有管理员可以向文库添加文档。如需添加，请联系管理员。',
  'Sorry, only admins can add documents to the library. Please ask an admin.',
);

export function createLibraryIntake(options: LibraryIntakeOptions): LibraryIntake {
  const admins = new Set(options.adminUsers);
  const maxBytes = options.maxBytes ?? LIBRARY_DEFAULTS.maxBytes;
  const store = createLibraryStore(options.libraryDir);
  const log = options.logger;

  return {
    isAdmin: (userId) => userId !== undefined && admins.has(userId),

    async receive(file, userId, platform) {
      if (userId === undefined || !admins.has(userId)) {
        log?.info({ platform, userId, file: file.name }, 'library: upload from a user not in ADMIN_USERS refused');
        return REFUSAL;
      }
      try {
        // Refuse what cannot be added before downloading it.
        formatOf(file.name);
        if (file.size !== undefined && file.size > maxBytes) {
          throw new LibraryError('TOO_LARGE', '', '');
        }
        let bytes: Uint8Array;
        try {
          bytes = await file.download(maxBytes);
        } catch (err) {
          if (err instanceof FileTooLargeError) throw new LibraryError('TOO_LARGE', '', '');
          log?.warn({ err, platform, file: file.name }, 'library: download failed');
          return error('文件下载失败，请稍后再发一次。', 'Could not download the file. Please send it again later.');
        }
        const prepared = await prepareDocument(file.name, bytes, { addedBy: `${platform}:${userId}` }, { maxBytes });
        const [outcome] = storePrepared(store, [prepared]);
        if (!outcome) throw new Error('nothing stored');
        if (outcome.duplicate) {
          return info(
            `这份文件已在文库中：《${outcome.title}》（${outcome.id}），没有重复添加。`,
            `This file is already in the library: 《${outcome.title}》 (${outcome.id}); nothing was added.`,
          );
        }
        await options.afterAdd?.();
        log?.info({ platform, userId, id: outcome.id, passages: outcome.passages }, 'library: document added from chat');
        const zhThemes = outcome.themes.map((t) => themeInfo(t).name).join('、') || '无';
        const enThemes = outcome.themes.map((t) => themeInfo(t).en).join(', ') || 'none';
        return info(
          `已添加《${outcome.title}》（${outcome.id}）：${outcome.passages} 段，主题：${zhThemes}。现在就可以搜索了。`,
          `Added 《${outcome.title}》 (${outcome.id}): ${outcome.passages} passages, themes: ${enThemes}. It is searchable now.`,
        );
      } catch (err) {
        if (err instanceof LibraryError) {
          if (err.code === 'TOO_LARGE') {
            const mb = Math.round(maxBytes / 1024 / 1024);
            return error(`文件太大，上限为 ${mb} MB：${file.name}。`, `The file is too large (the limit is ${mb} MB): ${file.name}.`);
          }
          return error(err.zh, err.en);
        }
        log?.error({ err, platform, file: file.name }, 'library: adding a file from chat failed');
        return error('抱歉，添加文件时出了点问题，请稍后再试。', 'Sorry, something went wrong adding the file. Please try again.');
      }
    },
  };
}
