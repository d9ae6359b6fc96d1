/**
 * The daily digest schedule: node-cron fires in DIGEST_TZ, and each run posts the date's digest to every target
 * that has not had it yet. Firing often is harmless — the state store remembers what went out per channel per date —
 * and starting late posts what is owed (catch-up). Replicas sharing DATA_DIR claim each (channel, date) in the
 * state file before posting, so only one of them posts. A channel that failed for good is recorded there too, and
 * left alone for the rest of that date.
 */
import cron, { type ScheduledTask } from 'node-cron';
import { todayIn, zonedTimeToInstant } from '../digest/dates.js';
import type { Digest, DigestPlanner } from '../digest/types.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { createInterruptibleSleep } from '../platform/interruptible-sleep.js';
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
  /**
   * How often channels with a time of their own (`订阅 9:30`) are looked at: each is posted on the first look at or
   * after its time. Default 30 s.
   */
  tickMs?: number;
  /**
   * How long stop() waits for a run in progress before it returns anyway. Waits between attempts end at once and no
   * new post starts; this covers posts already sent and not yet answered. Default 2 s.
   */
  stopTimeoutMs?: number;
}

export type RunReason = 'scheduled' | 'catch-up' | 'retry' | 'manual';

export interface DeliveryResult {
  channel: ChannelRef;
  /**
   * sent: the platform accepted it now. failed: see code. Skipped: already-sent; claimed-elsewhere (another
   * process holds the claim); failed-earlier (it failed for good earlier this date, `code` says how); stopped (not
   * attempted: shutting down).
   */
  outcome: 'sent' | 'already-sent' | 'claimed-elsewhere' | 'failed-earlier' | 'stopped' | 'failed';
  /** already-sent found on the platform (sender.wasDelivered) after an earlier post's answer never came. */
  verified?: boolean;
  attempts: number;
  code?: string;
  permanent?: boolean;
  /** claimed-elsewhere: when the claim goes stale unless its holder records the post first (ms since the epoch). */
  staleAt?: number;
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
  /**
   * Schedules the cron task and starts the catch-up run (when enabled and due) in the background, so that start-up
   * never waits out a Retry-After. `catchUp` settles when that run ends (null when none was due); it never rejects.
   */
  start(): Promise<{ catchUp: Promise<RunReport | null> }>;
  /**
   * Stops the cron task and any retry timer, ends waits between attempts at once, starts no new post, and waits up
   * to stopTimeoutMs for posts in flight. A post still unanswered then keeps its claim (see deliver).
   */
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

/** "08:30" for a cron that fires once a day at a fixed minute ("30 8 * * *"), else undefined. */
export function cronClockTime(expression: string): string | undefined {
  const fields = expression.trim().split(/\s+/);
  const [minute, hour] = fields.length === 6 ? fields.slice(1) : fields;
  if (!minute || !hour || !/^\d{1,2}$/.test(minute) || !/^\d{1,2}$/.test(hour)) return undefined;
  return `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`;
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
  const interruptible = createInterruptibleSleep(() => stopping);
  const sleep = deps.sleep ?? interruptible.sleep;
  const maxAttempts = Math.max(1, deps.maxAttempts ?? 5);
  const baseDelayMs = deps.baseDelayMs ?? 1000;
  const maxDelayMs = deps.maxDelayMs ?? 5 * 60_000;
  const concurrency = Math.max(1, deps.concurrency ?? 4);
  const retryLaterMs = deps.retryLaterMs ?? 10 * 60_000;
  const stopTimeoutMs = deps.stopTimeoutMs ?? 2000;
  /** A retry for a claim held elsewhere runs this long after the claim goes stale, so that it is stale by then. */
  const staleMarginMs = 1000;
  const tickMs = Math.max(1000, deps.tickMs ?? 30_000);
  let ticker: NodeJS.Timeout | undefined;
  /** When start() ran (ms): with catch-up off, own times that passed before it are not posted that day. */
  let startedAt = 0;
  const { logger, metrics, store, planner } = deps;
  const senders = new Map<Platform, DigestSender>(deps.senders.map((s) => [s.platform, s]));

  let task: ScheduledTask | undefined;
  let chain: Promise<unknown> = Promise.resolve();
  let retry: { timer: NodeJS.Timeout; at: number } | undefined;
  /** Posts sent and not yet answered, by "platform:id date". */
  const inFlight = new Map<string, { channel: ChannelRef; date: string }>();
  /** Claims held elsewhere already logged, by "platform:id date holder". */
  const toldClaimed = new Set<string>();
  const reports: RunReport[] = [];

  /** Fixed channels first, then subscriptions, each once, only on platforms with a sender. */
  function allTargets(): ChannelRef[] {
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

  /** The instant a channel with a time of its own is due on `date`, or undefined when it follows DIGEST_CRON. */
  function ownTimeOn(channel: ChannelRef, date: string): Date | undefined {
    const time = store.settingsOf?.(channel)?.time;
    const m = time ? /^(\d{2}):(\d{2})$/.exec(time) : null;
    if (!m) return undefined;
    return zonedTimeToInstant(deps.timezone, date, Number(m[1]), Number(m[2]), 0);
  }

  /**
   * The channels a run at `at` serves: those following DIGEST_CRON when `cronDue`, and those with a time of their own
   * once it has come (with catch-up off, only times that came after this process started).
   */
  function targets(at: Date, cronDue: boolean): ChannelRef[] {
    const date = todayIn(deps.timezone, at);
    return allTargets().filter((c) => {
      const own = ownTimeOn(c, date);
      if (!own) return cronDue;
      return own.getTime() <= at.getTime() && (deps.catchUp || own.getTime() >= startedAt - tickMs);
    });
  }

  /** True when some channel with its own time is due at `at` and has not had today's reading (the ticker's check). */
  function ownTimeOwed(at: Date): boolean {
    const date = todayIn(deps.timezone, at);
    return targets(at, false).some((c) => !store.wasSent(c, date) && store.failureOf?.(c, date) === undefined);
  }

  const warnRelease = (e: unknown) => logger.warn({ err: e }, 'could not release the digest claim');

  /**
   * One channel: skip it if it had the digest, failed for good earlier this date, or another process is posting it;
   * otherwise claim it, post with retries, and record the outcome. When stop() ends the wait for a post that was sent
   * but not answered, the claim is left in place, marked as posting: if the post went out, releasing it would let a
   * restart post it again at once; kept, nobody posts it until the claim goes stale (15 minutes), when a retry
   * scheduled by whoever found it claimed posts it unless the answer was recorded meanwhile. So a post is never
   * repeated within that window, and one that did not go out is still made the same day.
   */
  async function deliver(channel: ChannelRef, digest: Digest): Promise<DeliveryResult> {
    const { date } = digest;
    if (stopping) return { channel, outcome: 'stopped', attempts: 0 };
    if (store.wasSent(channel, date)) return { channel, outcome: 'already-sent', attempts: 0 };
    const earlier = store.failureOf?.(channel, date);
    if (earlier !== undefined) {
      logger.debug({ channel, date, code: earlier }, `digest to ${keyOf(channel)} for ${date} failed for good earlier today (${earlier}); not trying again today`);
      return { channel, outcome: 'failed-earlier', attempts: 0, code: earlier };
    }
    let release: (() => Promise<void>) | undefined;
    let setPosting: ((posting: boolean) => Promise<void>) | undefined;
    /** Whether a post may have gone out without our knowing: then the platform is asked before posting again. */
    let uncertain = false;
    if (store.claim) {
      const claim = await store.claim(channel, date);
      if (!claim.granted) {
        if (claim.reason === 'sent') return { channel, outcome: 'already-sent', attempts: 0 };
        // Said once per holder: a cron firing every few seconds would otherwise repeat it until the claim ends.
        const said = `${keyOf(channel)} ${date} ${claim.by}`;
        if (!toldClaimed.has(said)) {
          toldClaimed.add(said);
          logger.info({ channel, date, by: claim.by }, `digest for ${keyOf(channel)} on ${date} is being posted by ${claim.by}`);
        }
        return { channel, outcome: 'claimed-elsewhere', attempts: 0, ...(claim.staleAt !== undefined ? { staleAt: claim.staleAt } : {}) };
      }
      release = claim.release;
      setPosting = claim.setPosting;
      uncertain = claim.uncertain === true;
      if (stopping) {
        await release().catch(warnRelease);
        return { channel, outcome: 'stopped', attempts: 0 };
      }
    }
    const sender = senders.get(channel.platform) as DigestSender;
    const flightKey = `${keyOf(channel)} ${date}`;
    for (let attempt = 1; ; attempt++) {
      let c: ReturnType<typeof classify> | undefined;
      if (uncertain && sender.wasDelivered) {
        const found = await sender.wasDelivered(channel.id, digest);
        if (found) {
          try {
            await store.markSent(channel, date);
          } catch (err) {
            logger.error({ err, channel, date }, `digest to ${keyOf(channel)} is in the channel but could not be recorded as sent`);
          }
          logger.info(
            { platform: channel.platform, channel: channel.id, date },
            `digest for ${date} is already in ${keyOf(channel)} (an earlier post whose answer never came went out); not posting it again`,
          );
          return { channel, outcome: 'already-sent', attempts: attempt - 1, verified: true };
        }
      }
      inFlight.set(flightKey, { channel, date });
      try {
        await sender.send(channel.id, digest);
      } catch (err) {
        c = classify(err);
      } finally {
        inFlight.delete(flightKey);
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
      // A timeout, a network error or a 5xx may have posted after all; a rate limit or a refusal did not.
      uncertain = !c.permanent && !/^rate_?limited$/.test(c.code);
      if (!c.permanent && attempt < maxAttempts && !stopping) {
        const wait = Math.min(maxDelayMs, c.retryAfterMs ?? baseDelayMs * 2 ** (attempt - 1));
        logger.warn(
          { platform: channel.platform, channel: channel.id, date, code: c.code, attempt, waitMs: wait },
          `digest to ${channel.platform} channel ${channel.id} failed (${c.code}); retrying in ${wait} ms`,
        );
        // Nothing in flight while waiting: should this process die now, the claim may be taken over at once.
        await setPosting?.(false).catch((e: unknown) => logger.warn({ err: e }, 'could not update the digest claim'));
        // stop() may have come during that write, before there was a wait for it to end.
        if (!stopping) await sleep(wait);
        // Renews the claim too, so a long run of Retry-After waits never lets it go stale under us.
        if (!stopping) await setPosting?.(true).catch((e: unknown) => logger.warn({ err: e }, 'could not update the digest claim'));
        if (!stopping) continue;
      }
      // Given up, for good or for this run.
      metrics.digestFailures.inc({ platform: channel.platform, code: c.code });
      if (c.permanent) {
        // Recorded for the date, so that no later run here or on a replica tries (and logs) it again today.
        const recorded = store.markFailed
          ? store.markFailed(channel, date, c.code).then(
              () => true,
              (e: unknown) => {
                logger.warn({ err: e }, 'could not record the failed digest');
                return false;
              },
            )
          : Promise.resolve(false);
        if (!(await recorded)) await release?.().catch(warnRelease);
        logger.error(
          { platform: channel.platform, channel: channel.id, date, code: c.code, hint: hintFor(c.code) },
          `digest to ${channel.platform} channel ${channel.id} failed for good (${c.code}): ${hintFor(c.code)}`,
        );
      } else if (stopping && uncertain) {
        // Cut off by shutdown with its answer unknown (the connection closed under it): it may have gone out, so the
        // claim stays, marked as posting, like a post still in flight (see stop()); whoever takes it over once stale
        // asks the platform first.
        logger.warn(
          { platform: channel.platform, channel: channel.id, date, code: c.code },
          `digest to ${keyOf(channel)} for ${date} was cut off by shutdown with its answer unknown; it stays claimed`,
        );
      } else {
        // Frees the channel for the next run or another replica.
        await release?.().catch(warnRelease);
        logger.error(
          { platform: channel.platform, channel: channel.id, date, code: c.code, attempts: attempt },
          `digest to ${channel.platform} channel ${channel.id} failed after ${attempt} attempt${attempt === 1 ? '' : 's'} (${c.code}: ${c.message}); ` +
            (stopping ? 'shutting down: the next start catches up' : 'will try again later'),
        );
      }
      return { channel, outcome: 'failed', attempts: attempt, code: c.code, permanent: c.permanent };
    }
  }

  /** Arms one timer for the earliest retry wanted; the run it starts asks again for whatever is still owed. */
  function scheduleRetry(at: number, date: string, why: string): void {
    if (!task || stopping || (retry && retry.at <= at)) return;
    if (retry) clearTimeout(retry.timer);
    const timer = setTimeout(() => {
      retry = undefined;
      const later = now();
      if (!stopping && todayIn(deps.timezone, later) === date) {
        runOnce(later, 'retry').catch((err: unknown) => logger.error({ err, date }, `digest retry for ${date} failed: ${(err as Error).message}`));
      }
    }, Math.max(0, at - now().getTime()));
    timer.unref();
    retry = { timer, at };
    logger.info({ date, at: new Date(at).toISOString() }, `digest for ${date}: trying again at ${new Date(at).toISOString()} (${why})`);
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
    for (const said of toldClaimed) if (!said.includes(` ${date} `)) toldClaimed.delete(said);
    // A store shared by replicas (Redis) catches up first: subscriptions made through another replica count.
    await store.refresh?.().catch((err: unknown) => logger.warn({ err }, `could not refresh the state before the digest run: ${(err as Error).message}`));
    // A channel that pinned a theme reads it every day; the others read the date's theme.
    const byTheme = new Map<string, Digest>();
    const digestOf = (c: ChannelRef): Digest => {
      const pinned = store.settingsOf?.(c)?.theme;
      if (!pinned) return digest;
      let d = byTheme.get(pinned);
      if (!d) {
        try {
          d = planner.digestFor(date, { theme: pinned, daily: true });
        } catch (err) {
          logger.warn({ err, channel: c, theme: pinned }, `no reading for the pinned theme ${pinned}; ${keyOf(c)} gets the date's theme`);
          d = digest;
        }
        byTheme.set(pinned, d);
      }
      return d;
    };
    const cronDue = reason === 'manual' || !task || dueToday(at, task);
    const results = await mapLimit(targets(at, cronDue), concurrency, (c) =>
      deliver(c, digestOf(c)).catch((err: unknown): DeliveryResult => {
        // The state store failed (a lock that would not come): nothing was posted, so try again later.
        const code = (err as { code?: unknown }).code;
        logger.error({ err, channel: c, date }, `digest to ${keyOf(c)} for ${date} not attempted: ${(err as Error).message}`);
        return { channel: c, outcome: 'failed', attempts: 0, code: typeof code === 'string' ? code : 'state_error', permanent: false };
      }),
    );
    const report: RunReport = {
      date,
      reason,
      digest,
      results,
      sent: results.filter((r) => r.outcome === 'sent').length,
      skipped: results.filter((r) => r.outcome !== 'sent' && r.outcome !== 'failed').length,
      failed: results.filter((r) => r.outcome === 'failed').length,
    };
    reports.push(report);
    if (report.sent + report.failed > 0) {
      logger.info({ date, reason, sent: report.sent, skipped: report.skipped, failed: report.failed, theme: digest.theme.id }, `digest run for ${date}`);
    }
    if (retryLaterMs > 0 && results.some((r) => r.outcome === 'failed' && !r.permanent)) {
      scheduleRetry(now().getTime() + retryLaterMs, date, 'a post failed');
    }
    // A claim held elsewhere may never be followed by a post (its holder stopped with the answer unknown, or died):
    // look again once it would be stale, or a daily cron would not come back to it before tomorrow.
    const stale = results.flatMap((r) => (r.outcome === 'claimed-elsewhere' && r.staleAt !== undefined ? [r.staleAt] : []));
    if (stale.length > 0) scheduleRetry(Math.min(...stale) + staleMarginMs, date, 'another process holds the claim');
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
      if (task) return { catchUp: Promise.resolve(null) };
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
      startedAt = now().getTime();
      // Channels with a time of their own: looked at every tickMs, a run only when one of them is owed its reading.
      ticker = setInterval(() => {
        if (stopping) return;
        const t = now();
        let owed = false;
        try {
          owed = ownTimeOwed(t);
        } catch (err) {
          logger.warn({ err }, 'could not read the channels’ own reading times');
        }
        if (owed) runOnce(t, 'scheduled').catch((err: unknown) => logger.error({ err }, `digest run failed: ${(err as Error).message}`));
      }, tickMs);
      ticker.unref();
      const at = now();
      if (!deps.catchUp || !(dueToday(at, task) || ownTimeOwed(at))) return { catchUp: Promise.resolve(null) };
      const catchUp = runOnce(at, 'catch-up').catch((err: unknown) => {
        logger.error({ err }, `digest catch-up failed: ${(err as Error).message}`);
        return null;
      });
      return { catchUp };
    },

    async stop() {
      stopping = true;
      if (ticker) clearInterval(ticker);
      ticker = undefined;
      interruptible.wakeAll();
      if (retry) clearTimeout(retry.timer);
      retry = undefined;
      const t = task;
      task = undefined;
      if (t) {
        await t.stop();
        await t.destroy();
      }
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        chain.then(() => true),
        new Promise<false>((resolve) => {
          timer = setTimeout(() => resolve(false), stopTimeoutMs);
        }),
      ]);
      clearTimeout(timer);
      if (finished) return;
      for (const { channel, date } of inFlight.values()) {
        logger.warn(
          { platform: channel.platform, channel: channel.id, date },
          `digest to ${keyOf(channel)} for ${date} was sent but not answered before shutdown; it stays claimed, so nobody posts it again ` +
            'before the claim goes stale, and a run after that posts it unless it was recorded as sent',
        );
      }
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
