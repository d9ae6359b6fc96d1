/**
 * The answer to one card callback. Feishu waits about 3 s for it and shows it to the clicker alone: a toast, a
 * replacement card, or nothing. Work that takes longer than the deadline is answered with a short toast ("正在加载…")
 * and goes on; what it says afterwards has nowhere to go but a card update.
 */
import type { Card } from './render/index.js';

export interface Toast {
  type: 'info' | 'success' | 'error' | 'warning';
  content: string;
  i18n: { zh_cn: string; en_us: string };
}

/** The body of a card callback response: a toast, a replacement card, or nothing. */
export interface CallbackResponse {
  toast?: Toast;
  card?: { type: 'raw'; data: Card };
}

/** A toast in both languages (Feishu shows `i18n.en_us` to users whose client is in English). */
export const toast = (type: Toast['type'], zh: string, en: string): CallbackResponse => ({
  toast: { type, content: zh, i18n: { zh_cn: zh, en_us: en } },
});

/** What a callback says when the work behind it failed unexpectedly (the wording Feishu users have seen so far). */
export const CALLBACK_SORRY = toast('error', '抱歉，出了点问题，请稍后再试。', 'Sorry, something went wrong. Please try again.');

export interface CallbackReply {
  /** Answers the callback if it is still waiting; false when it was answered already (too late: say nothing). */
  respond(response: CallbackResponse): boolean;
  /**
   * The callback's answer: the first respond() made by `work`; `{}` when the work ends without one; `late` when the
   * deadline comes first (the work goes on).
   */
  settle(work: Promise<void>, late: CallbackResponse): Promise<CallbackResponse>;
}

export function createCallbackReply(o: { since: number; deadlineMs: number }): CallbackReply {
  let answered = false;
  let resolve: (r: CallbackResponse) => void = () => undefined;
  const answer = new Promise<CallbackResponse>((r) => (resolve = r));
  const respond = (response: CallbackResponse) => {
    if (answered) return false;
    answered = true;
    resolve(response);
    return true;
  };
  return {
    respond,
    async settle(work, late) {
      void work.then(
        () => respond({}),
        () => respond(CALLBACK_SORRY),
      );
      const timer = setTimeout(() => respond(late), Math.max(0, o.deadlineMs - (Date.now() - o.since)));
      timer.unref();
      return answer.finally(() => clearTimeout(timer));
    },
  };
}
