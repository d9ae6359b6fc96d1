/**
 * What every listener needs, and the one way they all fail: a log line, an error count and a short friendly
 * message to the user, never silence and never a crash.
 */
import type { RespondArguments, RespondFn } from '@slack/bolt';
import type { LibraryIntake } from '../../library/intake.js';
import type { Logger } from '../../observability/logger.js';
import type { SeenKeys } from '../../platform/index.js';
import type { Metrics } from '../../observability/metrics.js';
import { BUSY, EXPIRED, SORRY, messageView } from '../../platform/messages.js';
import type { BusyReply } from '../../platform/work-queue.js';
import type { Lang, Router } from '../../router/view-model.js';
import { renderMessage } from '../render/index.js';

export interface ListenerDeps {
  router: Router;
  logger: Logger;
  metrics: Metrics;
  /** Remembers interactions already handled, so a redelivered click does not post twice. */
  seen: SeenSet;
  /** Adds files admins send in a DM to the library; absent: uploads are not listened to. */
  intake?: LibraryIntake;
  /** Shares already posted, by (channel, message, user, passage): one quote per double click, also across restarts. */
  shares: SeenKeys;
  /** How long `shares` remembers one, in ms. */
  shareWindowMs: number;
  /**
   * Runs work after ack(), one piece per event-loop turn, and lets stop() wait for it. With `busy`, the work may be
   * refused: when too many answers are already pending, `busy.answer` runs at once instead of it.
   */
  track(work: () => Promise<void>, busy?: BusyAnswer): Promise<void>;
}

/** What to send instead of the real answer when the bot is overloaded (the kit's busy limiter runs it). */
export type BusyAnswer = BusyReply;

// The kind words are the kit's, shared with Feishu and DingTalk.
export { BUSY, EXPIRED, SORRY, messageView };

/** The busy message, privately, leaving any message it was clicked from as it is. */
export function busyAnswer(
  deps: Pick<ListenerDeps, 'logger' | 'metrics'>,
  respond: RespondFn,
  where: string,
  lang: () => Lang,
): BusyAnswer {
  return {
    where,
    async answer() {
      await respondSafely(
        deps,
        respond,
        { response_type: 'ephemeral', replace_original: false, ...renderMessage(messageView(BUSY, lang(), 'info')) },
        where,
      );
    },
  };
}

/** Posts to the response_url; a failure is logged rather than thrown (there is nobody left to tell). */
export async function respondSafely(
  deps: Pick<ListenerDeps, 'logger' | 'metrics'>,
  respond: RespondFn,
  message: RespondArguments,
  where: string,
): Promise<boolean> {
  try {
    await respond(message);
    return true;
  } catch (err) {
    deps.metrics.errors.inc({ where: `${where}.respond` });
    deps.logger.error({ err, where }, 'slack: could not post to response_url');
    return false;
  }
}

/** Logs a handler failure and tells the user kindly, privately. */
export async function failKindly(
  deps: Pick<ListenerDeps, 'logger' | 'metrics'>,
  err: unknown,
  where: string,
  respond: RespondFn,
  lang: Lang,
): Promise<void> {
  deps.metrics.errors.inc({ where });
  deps.logger.error({ err, where }, 'slack: handler failed');
  await respondSafely(
    deps,
    respond,
    { response_type: 'ephemeral', replace_original: false, ...renderMessage(messageView(SORRY, lang)) },
    where,
  );
}

/** A bounded set of recently seen keys that forgets them after `ttlMs`. */
export interface SeenSet {
  /** True the first time a key is offered within the ttl, false after. */
  first(key: string): boolean;
}

export function createSeenSet(options: { ttlMs?: number; max?: number; now?: () => number } = {}): SeenSet {
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const max = options.max ?? 10_000;
  const now = options.now ?? Date.now;
  const seen = new Map<string, number>();
  return {
    first(key) {
      const t = now();
      // Map keeps insertion order: expired and overflow entries are at the front.
      for (const [k, at] of seen) {
        if (t - at < ttlMs && seen.size < max) break;
        seen.delete(k);
      }
      if (seen.has(key)) return false;
      seen.set(key, t);
      return true;
    },
  };
}
