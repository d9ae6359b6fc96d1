/** Platforms the bot delivers to. */
export type Platform = 'slack' | 'feishu';

/** A place a digest can go: a Slack channel id or a Feishu chat id. */
export interface ChannelRef {
  platform: Platform;
  id: string;
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
  /**
   * Optional: reserves (channel, date) for this process before it posts, so that replicas sharing DATA_DIR never
   * both post. Not granted when the digest was already sent or another live process holds the claim. Release it
   * when the post failed; markSent releases it too. A claim not released goes stale after a timeout (a crash).
   */
  claim?(channel: ChannelRef, date: string): Promise<ClaimResult>;
}

export type ClaimResult =
  | { granted: true; release(): Promise<void> }
  | { granted: false; reason: 'sent' | 'claimed'; by?: string };
