/**
 * The daily digest schedule: node-cron fires in DIGEST_TZ, and each run posts the date's digest to every target
 * that has not had it yet. Firing often is harmless — the state store remembers what went out per channel per date —
 * and starting late posts what is owed (catch-up). Replicas sharing DATA_DIR claim each (channel, date) in the
 * state file before posting, so only one of them posts.
 */
import cron, { type ScheduledTask } from 'node-cron';
import { todayIn, zonedTimeToInstant } from '../digest/dates.js';
import type { Digest, DigestPlanner } from '../digest/types.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { DeliveryError, type DigestSender } from '../state/delivery.js';
import type { ChannelRef, Platform, StateStore } from '../state/types.js';

export interface DigestSchedulerDeps {
  /** DIGEST_CRON: five fields, or six with seconds. */
  cron: string;
  /** DIGEST_TZ: the cron's time zone and the zone whose calendar date names the digest. */
  timezone: string;
  /** DIGEST_CATCH_UP: on start, post today's digest if its time has passed and it has not gone out. */
  catchUp: boolean;
  planner: DigestPlanner;
  store: StateStore;
  /** One per platform that is running; targets on other platforms are left out. */
  senders: DigestSender[];
  /** Channels that always receive the digest (DIGEST_CHANNELS, FEISHU_DIGEST_CHATS). */
  fixedChannels: ChannelRef[];
  logger: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  metrics: Pick<Metrics, 'digestPosts' | 'digestFailures'>;
  /** Default: () => new Date(). */
  now?: () => Date;
  /** Waits between attempts. Default: a real timer. */
  sleep?: (ms: number) => Promise<void>;
  /** Attempts per post, the first included. Default 5. */
  maxAttempts?: number;
  /** First backoff delay when the platform gives no Retry-After; doubles each attempt. Default 1 s. */
  baseDelayMs?: number;
  /** Longest wait between attempts, Retry-After included. Default 5 minutes. */
  maxDelayMs?: number;
  /** Posts in flight at once across channels. Default 4. */
  concurrency?: number;
  /**
   * After a run in which some post failed for a passing reason (all attempts used), run again this much later the
   * same day. 0 turns it off. Default 10 minutes.
   */
  retryLaterMs?: number;
}

export type RunReason = 'scheduled' | 'catch-up' | 'retry' | 'manual';

export interface DeliveryResult {
  channel: ChannelRef;
  /** sent: the platform accepted it now. already-sent / claimed-elsewhere: skipped. failed: see code. */
  outcome: 'sent' | 'already-sent' | 'claimed-elsewhere' | 'failed';
  attempts: number;
  code?: string;
  permanent?: boolean;
}

export interface RunReport {
  date: string;
  reason: RunReason;
  /** The digest posted, or null when the planner could not make one (see error). */
  digest: Digest | null;
  results: DeliveryResult[];
  sent: number;
  skipped: number;
  failed: number;
  error?: string;
}

export interface DigestScheduler {
  /** Schedules the cron task, then runs the catch-up (when enabled and due) before resolving. */
  start(): Promise<void>;
  /** Stops the cron task and waits for a run in progress. */
  stop(): Promise<void>;
  /** One run for the date `now` falls on in the time zone. Runs never overlap: a second waits for the first. */
  runOnce(now?: Date, reason?: RunReason): Promise<RunReport>;
  /** Resolves when no run is in progress or queued (tests). */
  idle(): Promise<void>;
  /** Reports of every run since creation, oldest first (tests, diagnostics). */
  readonly reports: readonly RunReport[];
}

export class SchedulerError extends Error {
  readonly code = 'BAD_CRON';
  constructor(expression: string) {
    super(`DIGEST_CRON "${expression}" is not a valid cron expression (five fields, or six with seconds), e.g. "30 8 * * *"`);
    this.name = 'SchedulerError';
  }
}

/** What an operator should do about each permanent error, said in the log line. */
const HINTS: Record<string, string> = {
  channel_not_found:
    'the channel id is wrong, or the channel is private and the bot is not in it: check DIGEST_CHANNELS, or unsubscribe the channel',
  not_in_channel: 'invite the bot to the channel (/invite @zhenxing) or remove it from DIGEST_CHANNELS',
  is_archived: 'the channel is archived: unarchive it, or remove it from DIGEST_CHANNELS / unsubscribe it',
  invalid_auth: 'the bot token is not valid: reinstall the app and update SLACK_BOT_TOKEN',
  account_inactive: 'the bot token belongs to a deactivated app or user: reinstall the app and update SLACK_BOT_TOKEN',
  token_revoked: 'the bot token was revoked: reinstall the app and update SLACK_BOT_TOKEN',
  missing_scope: 'add the chat:write scope in the Slack app settings (OAuth & Permissions) and reinstall the app',
};

const hintFor = (code: string) => HINTS[code] ?? "see the platform's API documentation for this error code";

const keyOf = (c: ChannelRef) => `${c.platform}:${c.id}`;

function classify(err: unknown): { code: string; permanent: boolean; retryAfterMs: number | undefined; message: string } {
  if (err instanceof DeliveryError) {
    return { code: err.code, permanent: err.permanent, retryAfterMs: err.retryAfterMs, message: err.message };
  }
  // Anything else (a bug, an unwrapped network error) may pass: retry it like a 5xx.
  const e = err as { code?: unknown; message?: unknown } | null;
  return {
    code: typeof e?.code === 'string' ? e.code : 'unknown_error',
    permanent: false,
    retryAfterMs: undefined,
    message: typeof e?.message === 'string' ? e.message : String(err),
  };
}

/** Runs `work` over `items` with at most `limit` in flight, keeping the results in input order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export function createDigestScheduler(deps: DigestSchedulerDeps): DigestScheduler {
  const now = deps.now ?? (() => new Date());
  /** Set by stop(): waits end at once and no new attempt starts, so shutdown never sits out a Retry-After. */
  let stopping = false;
  const wakers = new Set<() => void>();
  const sleep =
    deps.sleep ??
    ((ms: number) =>
      new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          wakers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, ms);
        wakers.add(wake);
      }));
  const maxAttempts = Math.max(1, deps.maxAttempts ?? 5);
  const baseDelayMs = deps.baseDelayMs ?? 1000;
  const maxDelayMs = deps.maxDelayMs ?? 5 * 60_000;
  const concurrency = Math.max(1, deps.concurrency ?? 4);
  const retryLaterMs = deps.retryLaterMs ?? 10 * 60_000;
  const { logger, metrics, store, planner } = deps;
  const senders = new Map<Platform, DigestSender>(deps.senders.map((s) => [s.platform, s]));

  let task: ScheduledTask | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  let retryTimer: NodeJS.Timeout | undefined;
  const reports: RunReport[] = [];

  /** Fixed channels first, then subscriptions, each once, only on platforms with a sender. */
  function targets(): ChannelRef[] {
    const seen = new Set<string>();
    const out: ChannelRef[] = [];
    const subscribed = [...senders.keys()].flatMap((p) => store.subscriptions(p));
    for (const c of [...deps.fixedChannels, ...subscribed]) {
      if (!senders.has(c.platform) || seen.has(keyOf(c))) continue;
      seen.add(keyOf(c));
      out.push(c);
    }
    return out;
  }

  async function deliver(channel: ChannelRef, digest: Digest): Promise<DeliveryResult> {
    const { date } = digest;
    if (store.wasSent(channel, date)) return { channel, outcome: 'already-sent', attempts: 0 };
    let release: (() => Promise<void>) | undefined;
    if (store.claim) {
      const claim = await store.claim(channel, date);
      if (!claim.granted) {
        if (claim.reason === 'claimed') logger.info({ channel, date, by: claim.by }, `digest for ${keyOf(channel)} on ${date} is being posted by ${claim.by}`);
        return { channel, outcome: claim.reason === 'sent' ? 'already-sent' : 'claimed-elsewhere', attempts: 0 };
      }
      release = claim.release;
    }
    const sender = senders.get(channel.platform) as DigestSender;
    for (let attempt = 1; ; attempt++) {
      let c: ReturnType<typeof classify> | undefined;
      try {
        await sender.send(channel.id, digest);
      } catch (err) {
        c = classify(err);
      }
      if (!c) {
        metrics.digestPosts.inc({ platform: channel.platform });
        try {
          await store.markSent(channel, date);
        } catch (err) {
          // The claim stays in place, so no replica posts it again before it goes stale.
          logger.error({ err, channel, date }, `digest to ${keyOf(channel)} was posted but could not be recorded as sent`);
        }
        logger.info({ platform: channel.platform, channel: channel.id, date, attempts: attempt }, `digest for ${date} posted to ${keyOf(channel)}`);
        return { channel, outcome: 'sent', attempts: attempt };
      }
      if (!c.permanent && attempt < maxAttempts && !stopping) {
        const wait = Math.min(maxDelayMs, c.retryAfterMs ?? baseDelayMs * 2 ** (attempt - 1));
        logger.warn(
          { platform: channel.platform, channel: channel.id, date, code: c.code, attempt, waitMs: wait },
          `digest to ${channel.platform} channel ${channel.id} failed (${c.code}); retrying in ${wait} ms`,
        );
        await sleep(wait);
        if (!stopping) continue;
      }
      // Given up, for good or for this run: free the channel for the next run or another replica.
      metrics.digestFailures.inc({ platform: channel.platform, code: c.code });
      await release?.().catch((e: unknown) => logger.warn({ err: e }, 'could not release the digest claim'));
      if (c.permanent) {
        logger.error(
          { platform: channel.platform, channel: channel.id, date, code: c.code, hint: hintFor(c.code) },
          `digest to ${channel.platform} channel ${channel.id} failed for good (${c.code}): ${hintFor(c.code)}`,
        );
      } else {
        logger.error(
          { platform: channel.platform, channel: channel.id, date, code: c.code, attempts: attempt },
          `digest to ${channel.platform} channel ${channel.id} failed after ${attempt} attempt${attempt === 1 ? '' : 's'} (${c.code}: ${c.message}); ` +
            (stopping ? 'shutting down: the next start catches up' : 'will try again later'),
        );
      }
      return { channel, outcome: 'failed', attempts: attempt, code: c.code, permanent: c.permanent };
    }
  }

  async function run(at: Date, reason: RunReason): Promise<RunReport> {
    const date = todayIn(deps.timezone, at);
    let digest: Digest;
    try {
      digest = planner.digestFor(date);
    } catch (err) {
      const message = (err as Error).message;
      logger.error({ err, date }, `could not plan the digest for ${date}: ${message}`);
      const report: RunReport = { date, reason, digest: null, results: [], sent: 0, skipped: 0, failed: 0, error: message };
      reports.push(report);
      return report;
    }
    const results = await mapLimit(targets(), concurrency, (c) => deliver(c, digest));
    const report: RunReport = {
      date,
      reason,
      digest,
      results,
      sent: results.filter((r) => r.outcome === 'sent').length,
      skipped: results.filter((r) => r.outcome === 'already-sent' || r.outcome === 'claimed-elsewhere').length,
      failed: results.filter((r) => r.outcome === 'failed').length,
    };
    reports.push(report);
    if (report.sent + report.failed > 0) {
      logger.info({ date, reason, sent: report.sent, skipped: report.skipped, failed: report.failed, theme: digest.theme.id }, `digest run for ${date}`);
    }
    if (task && retryLaterMs > 0 && !retryTimer && results.some((r) => r.outcome === 'failed' && !r.permanent)) {
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        const later = now();
        if (todayIn(deps.timezone, later) === date) void runOnce(later, 'retry');
      }, retryLaterMs);
      retryTimer.unref();
    }
    return report;
  }

  function runOnce(at?: Date, reason: RunReason = 'manual'): Promise<RunReport> {
    // Serialised: a cron firing every few seconds never has two runs racing for the same channels.
    const p = chain.then(() => run(at ?? now(), reason));
    chain = p.catch(() => undefined);
    return p;
  }

  /** True when today's first scheduled time has passed and the cron matches today at all. */
  function dueToday(at: Date, t: ScheduledTask): boolean {
    const fields = cron.parse(deps.cron);
    const first = (xs: number[]) => Math.min(...xs);
    const date = todayIn(deps.timezone, at);
    const firstRun = zonedTimeToInstant(deps.timezone, date, first(fields.hour), first(fields.minute), first(fields.second));
    return firstRun.getTime() <= at.getTime() && t.match(firstRun);
  }

  return {
    reports,

    async start() {
      if (task) return;
      stopping = false;
      if (!cron.validate(deps.cron)) throw new SchedulerError(deps.cron);
      for (const c of deps.fixedChannels) {
        if (!senders.has(c.platform)) logger.warn({ channel: c }, `digest channel ${keyOf(c)} is ignored: ${c.platform} is not running`);
      }
      task = cron.schedule(deps.cron, () => runOnce(now(), 'scheduled').then(() => undefined), {
        timezone: deps.timezone,
        name: 'zhenxing-digest',
        noOverlap: true,
        logger: {
          info: (m) => logger.debug({ source: 'node-cron' }, String(m)),
          warn: (m) => logger.warn({ source: 'node-cron' }, String(m)),
          error: (m, err) => logger.error({ source: 'node-cron', err: err ?? m }, m instanceof Error ? m.message : String(m)),
          debug: (m) => logger.debug({ source: 'node-cron' }, m instanceof Error ? m.message : String(m)),
        },
      });
      logger.info(
        { cron: deps.cron, timezone: deps.timezone, next: task.getNextRun()?.toISOString() ?? null },
        `daily digest scheduled (${deps.cron}, ${deps.timezone})`,
      );
      const at = now();
      if (deps.catchUp && dueToday(at, task)) await runOnce(at, 'catch-up');
    },

    async stop() {
      stopping = true;
      for (const wake of [...wakers]) wake();
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = undefined;
      const t = task;
      task = undefined;
      if (t) {
        await t.stop();
        await t.destroy();
      }
      await chain;
    },

    runOnce,

    async idle() {
      for (;;) {
        const current = chain;
        await current;
        if (current === chain) return;
      }
    },
  };
}
