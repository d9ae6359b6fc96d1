import type { SearchLogEntry } from '../feedback/search-log.js';
import type { Vote } from '../feedback/votes.js';

/** Platforms the bot delivers to. */
export type Platform = 'slack' | 'feishu' | 'dingtalk';

/** Every platform, e.g. for keys that name one; a Platform missing here fails to compile. */
const EVERY_PLATFORM: Record<Platform, true> = { slack: true, feishu: true, dingtalk: true };
export const PLATFORMS = Object.keys(EVERY_PLATFORM) as readonly Platform[];

/** A place a digest can go: a Slack channel id, a Feishu chat id or a DingTalk openConversationId. */
export interface ChannelRef {
  platform: Platform;
  id: string;
}

/** A channel's own daily reading, set with `订阅 9:30`, `订阅 主题:人才`, `订阅 轮换`. Absent fields: the defaults. */
export interface ChannelSettings {
  /** Local time in DIGEST_TZ, "HH:MM"; absent: the channel follows DIGEST_CRON. */
  time?: string;
  /** A pinned theme id (talent …); absent: the five-theme rotation. */
  theme?: string;
}

/**
 * Persistent state under DATA_DIR: opt-in subscriptions and which digests went out.
 * Implementations write atomically (write, then rename) so a crash never leaves half a file.
 */
export interface StateStore {
  /** Returns true when the channel was not subscribed before. */
  subscribe(channel: ChannelRef): Promise<boolean>;
  /** Returns true when the channel was subscribed before. */
  unsubscribe(channel: ChannelRef): Promise<boolean>;
  isSubscribed(channel: ChannelRef): boolean;
  subscriptions(platform?: Platform): ChannelRef[];
  /** Whether the digest for `date` was already accepted by the platform for this channel. */
  wasSent(channel: ChannelRef, date: string): boolean;
  markSent(channel: ChannelRef, date: string): Promise<void>;
  /** Resolves once pending writes are on disk (used on SIGTERM). */
  flush(): Promise<void>;
  /** Optional: the channel's own reading settings ({} or undefined: the defaults). */
  settingsOf?(channel: ChannelRef): ChannelSettings | undefined;
  /** Optional: replaces the channel's settings ({} clears them). */
  setSettings?(channel: ChannelRef, settings: ChannelSettings): Promise<void>;
  /** Optional: when the channel last had a reading accepted (date it was for, and ms since the epoch). */
  lastSentOf?(channel: ChannelRef): { date: string; at: number } | undefined;
  /**
   * Optional: reserves (channel, date) for this process before it posts, so that replicas sharing DATA_DIR never
   * both post. Not granted when the digest was already sent or another live process holds the claim. Release it
   * when the post failed; markSent and markFailed release it too. A claim not released goes stale after a timeout
   * (a crash), or at once when its holder, on this host, is no longer running and had no post in flight.
   */
  claim?(channel: ChannelRef, date: string): Promise<ClaimResult>;
  /**
   * Optional: records that posting the digest for `date` to the channel failed for good (`code`, e.g.
   * not_in_channel), so that no run on any replica tries that channel again that date. Releases the claim.
   */
  markFailed?(channel: ChannelRef, date: string, code: string): Promise<void>;
  /** Optional: the code recorded by markFailed for (channel, date), if any. */
  failureOf?(channel: ChannelRef, date: string): string | undefined;
  /**
   * Optional: brings the synchronous reads up to date with a store shared by several replicas (Redis), before a
   * digest run. Never rejects for an unreachable store: the reads then answer from what was last known.
   */
  refresh?(): Promise<void>;
}

/**
 * The whole state as `zhenxing state export` prints it and `zhenxing state import` reads it (the state file's shape,
 * without claims, plus the votes and the search log): subscriptions by platform, per date the channels
 * ("platform:id") that had the digest and those that failed for good with the error code, each channel's own
 * settings and last reading, votes, and searches.
 */
export interface StateSnapshot {
  version: 1;
  subscriptions: Partial<Record<Platform, string[]>>;
  sent: Record<string, string[]>;
  failed: Record<string, Record<string, string>>;
  /** "platform:id" → the channel's own reading settings (订阅 9:30, 订阅 主题:人才). */
  settings?: Record<string, ChannelSettings>;
  /** "platform:id" → the last reading accepted there: the date it was for and when (ms). */
  lastSent?: Record<string, { date: string; at: number }>;
  /** 👍/👎 votes (voters are opaque hashes). */
  votes?: Vote[];
  /** The search log (no user or channel ids); `id` makes a second import of the same entries add nothing. */
  searches?: (SearchLogEntry & { id?: string })[];
}

export type ClaimResult =
  | {
      granted: true;
      /**
       * True when this claim was taken over from a holder that had a post in flight and stopped answering (it went
       * stale): that post may have gone out, so the platform should be asked before posting again.
       */
      uncertain?: boolean;
      release(): Promise<void>;
      /**
       * Optional: says whether a post is in flight (true, as when granted) or the holder is waiting between
       * attempts (false), and renews the claim. Only a claim with no post in flight is taken over as soon as its
       * holder is found dead; one with a post in flight might have gone out, so it waits to go stale.
       */
      setPosting?(posting: boolean): Promise<void>;
    }
  | {
      granted: false;
      reason: 'sent' | 'claimed';
      /** Who holds the claim (reason 'claimed'). */
      by?: string;
      /** When the claim goes stale if it is not released or renewed first, in ms since the epoch (reason 'claimed'). */
      staleAt?: number;
    };
