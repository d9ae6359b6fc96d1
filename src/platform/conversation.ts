/**
 * The adapter-facing conversation port and the one answering flow over it. An adapter turns an incoming message
 * or click into a Conversation (how to reach the asker privately, how to post into the chat) and hands it here;
 * what to run, where each answer goes, the busy limit and the kind failure messages are decided once, for every
 * platform.
 */
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { detectLang } from '../router/parse-command.js';
import type { CommandContext, Lang, PageRef, Router, View, VoteRef } from '../router/view-model.js';
import { BUSY, EXPIRED, SHARE_FAILED, SORRY, messageView, type ShareFailure } from './messages.js';
import type { WorkQueue } from './work-queue.js';

/** One exchange with one user in one chat, as the platform lets the bot answer it. */
export interface Conversation {
  /** Who asked and where (the router needs it for subscriptions and shares). */
  ctx: CommandContext;
  /** Sends to the asker alone (ephemeral message, 1:1 chat …). */
  replyPrivately(view: View): Promise<void>;
  /** Posts into the chat the command came from, for everyone there. */
  postToChat(view: View): Promise<void>;
  /** Replaces the message a button was clicked on, where the platform can; otherwise replyPrivately is used. */
  update?(view: View): Promise<void>;
  /** Where a view goes. Default: subscription changes and shared quotes into the chat, everything else privately. */
  placeOf?(view: View): 'private' | 'chat';
  /** Why posting a share failed, for the message the sharer gets. Default 'other'. */
  shareFailure?(err: unknown): ShareFailure;
  /** Added to the log lines of this exchange's failures (e.g. the platform's message id). */
  logFields?: Record<string, unknown>;
  /**
   * Called instead of sending the kind SORRY privately once an answer could not be made or sent (the failure is
   * logged first). For a platform with a recovery of its own: Feishu forgets the event so that its redelivery is
   * answered, rather than try the reply that just failed once more.
   */
  onUnanswered?(err: unknown): Promise<void>;
}

/** What the kit's answering flows (the Answerer, the Uploader) need from an adapter. */
export interface KitDeps {
  /** Names the platform in log lines and error counts (`<platform>.command` …). */
  platform: string;
  queue: WorkQueue;
  logger: Logger;
  metrics: Pick<Metrics, 'errors'>;
  /**
   * Logs and counts a failure of `where` ('command', 'page', 'share', 'vote', 'file', or '<that>.reply' when even
   * the private answer could not be sent). Default: the line `<platform>: <where> failed` and the error count
   * `<platform>.<where>`. An adapter whose operators already know other words passes its own.
   */
  onFailure?: (where: string, err: unknown, fields: Record<string, unknown>) => void;
}

/** Logs and counts a failure of `where`: through `deps.onFailure` when given, else as KitDeps.onFailure says. */
export function reportFailure(deps: KitDeps, where: string, err: unknown, fields: Record<string, unknown>): void {
  if (deps.onFailure) return deps.onFailure(where, err, fields);
  deps.metrics.errors.inc({ where: `${deps.platform}.${where}` });
  deps.logger.error({ err, ...fields }, `${deps.platform}: ${where} failed`);
}

export interface AnswererDeps extends KitDeps {
  router: Router;
}

export interface Answerer {
  /** A command typed by the user: answered in its turn, or with the busy message when too much is pending. */
  command(text: string, conv: Conversation): Promise<void>;
  /** A page button; `null` for a button value this bot did not make. Redraws where it can. */
  page(ref: PageRef | null, conv: Conversation, lang?: Lang): Promise<void>;
  /** A share button: one quote into the chat, or a private word on why not. Never refused as busy. */
  share(passageId: string, conv: Conversation): Promise<void>;
  /** A 👍/👎 button (`null`: a value this bot did not make): the thanks, privately. Never refused as busy. */
  vote(ref: VoteRef | null, conv: Conversation): Promise<void>;
}

export const defaultPlace = (view: View): 'private' | 'chat' =>
  view.kind === 'subscription' || view.kind === 'share' ? 'chat' : 'private';

export function createAnswerer(deps: AnswererDeps): Answerer {
  const { platform } = deps;

  function failed(conv: Conversation, where: string, err: unknown, more: Record<string, unknown> = {}) {
    reportFailure(deps, where, err, { ...more, ...conv.logFields });
  }

  /** Sends privately; a failure is logged (there is nobody left to tell). */
  async function privately(conv: Conversation, view: View, where: string) {
    try {
      await conv.replyPrivately(view);
    } catch (err) {
      failed(conv, `${where}.reply`, err);
    }
  }

  /** The kind SORRY, privately — or the conversation's own recovery. */
  async function sorry(conv: Conversation, err: unknown, lang: Lang, where: string) {
    if (!conv.onUnanswered) return privately(conv, messageView(SORRY, lang), where);
    try {
      await conv.onUnanswered(err);
    } catch (e) {
      failed(conv, `${where}.recover`, e);
    }
  }

  async function deliver(conv: Conversation, view: View) {
    if ((conv.placeOf ?? defaultPlace)(view) === 'chat') await conv.postToChat(view);
    else await conv.replyPrivately(view);
  }

  const busy = (conv: Conversation, where: string, lang: Lang) => ({
    where: `${platform}.${where}`,
    answer: () => privately(conv, messageView(BUSY, lang, 'info'), where),
  });

  /** Runs `produce` and delivers its view; any failure gets the kind SORRY, privately. */
  const answer = (where: string, conv: Conversation, lang: Lang, produce: () => Promise<View>, send = deliver) =>
    deps.queue.run(async () => {
      try {
        await send(conv, await produce());
      } catch (err) {
        failed(conv, where, err, { channel: conv.ctx.channelId });
        await sorry(conv, err, lang, where);
      }
    }, busy(conv, where, lang));

  return {
    command(text, conv) {
      const lang = detectLang(text);
      return answer('command', conv, lang, () => deps.router.handle(text, conv.ctx));
    },

    page(ref, conv, lang = 'zh') {
      const redraw = async (c: Conversation, view: View) => (c.update ? c.update(view) : c.replyPrivately(view));
      return answer(
        'page',
        conv,
        lang,
        async () => (ref ? deps.router.page(ref, conv.ctx) : messageView(EXPIRED, lang)),
        redraw,
      );
    },

    vote(ref, conv) {
      return deps.queue.run(async () => {
        try {
          const view = ref && deps.router.vote ? await deps.router.vote(ref, conv.ctx) : messageView(EXPIRED, 'zh');
          await privately(conv, view, 'vote');
        } catch (err) {
          failed(conv, 'vote', err);
          await sorry(conv, err, 'zh', 'vote');
        }
      });
    },

    share(passageId, conv) {
      return deps.queue.run(async () => {
        let view: View;
        try {
          view = await deps.router.share(passageId, conv.ctx);
        } catch (err) {
          failed(conv, 'share', err);
          return sorry(conv, err, 'zh', 'share');
        }
        if (view.kind !== 'share') return privately(conv, view, 'share');
        try {
          await conv.postToChat(view);
        } catch (err) {
          failed(conv, 'share', err, { channel: conv.ctx.channelId, passageId });
          await privately(conv, messageView(SHARE_FAILED[conv.shareFailure?.(err) ?? 'other'], 'zh'), 'share');
        }
      });
    },
  };
}
