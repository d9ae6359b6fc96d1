/**
 * Two replicas of the real bot (`node dist/main.js`), each with its own DATA_DIR, sharing nothing but a real
 * redis-server (STATE_URL) and one Slack stand-in, with a digest cron that fires every second:
 * - each channel gets one digest a day, however often the cron fires on either replica;
 * - a share click delivered to both replicas posts one quote;
 * - a subscription made through one replica is known to the other and served once; a theme pinned through one
 *   (`订阅 主题:生态`) is known to the other and read in the channel's one reading;
 * - votes cast through either replica move the ranking on the other, and `zhenxing report` (STATE_URL) counts the
 *   searches made through both;
 * - Redis stopped mid-run (a post in flight) and started again: searches are still answered, /healthz says
 *   degraded, a subscription made meanwhile is kept, a share click is refused kindly, nothing is posted while Redis
 *   is away, and afterwards every channel has had exactly one digest and a share delivered to both posts once; a
 *   vote and searches made while Redis was away are counted once when it is back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotProcess, type BotProcess } from '../helpers/bot-process.js';
import { runCli } from '../helpers/run-cli.js';
import { ensureBuilt } from '../helpers/ensure-built.js';
import { redisAvailable, startRedis, type TestRedis } from '../helpers/redis-server.js';
import { blockActionsBody, postSigned, slashCommandBody, TEST_SIGNING_SECRET } from '../helpers/slack-sign.js';
import { startSlackStandIn, type SlackStandIn, type StandInCall } from '../helpers/slack-stand-in.js';

interface Health {
  status: string;
  state: { backend: string; ok: boolean; state: string; pendingWrites?: number };
}

async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The value of the first share button anywhere in a Block Kit message. */
function shareValue(node: unknown): string | undefined {
  if (Array.isArray(node)) return node.map(shareValue).find((v) => v !== undefined);
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.action_id === 'string' && o.action_id.startsWith('share') && typeof o.value === 'string') return o.value;
    return Object.values(o).map(shareValue).find((v) => v !== undefined);
  }
  return undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * The digest cron fires every second on each replica (it fired every two seconds before, and each "nothing more is
 * posted" check slept through 2–3 firings: 4.5–6.5 s). The bot logs nothing for a firing that finds every channel
 * served, so these checks still wait on the clock, but for the same number of firings in half the time.
 */
const CRON_EVERY_MS = 1000;
/** Waits out `n` more firings of the digest cron on each replica (plus half a second for the run itself). */
const firings = (n: number) => sleep(n * CRON_EVERY_MS + 500);

/** Every button in a Block Kit message, in order. */
function buttons(node: unknown, out: { action_id: string; value?: string }[] = []): { action_id: string; value?: string }[] {
  if (Array.isArray(node)) node.forEach((n) => buttons(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'button' && typeof o.action_id === 'string') out.push({ action_id: o.action_id, ...(typeof o.value === 'string' ? { value: o.value } : {}) });
    else Object.values(o).forEach((v) => buttons(v, out));
  }
  return out;
}
/** Passage ids of a result list, in order (the share buttons carry them). */
const resultIds = (body: unknown) => buttons(body).filter((b) => b.action_id.startsWith('share')).map((b) => b.value);

interface Report {
  queries: { query: string; count: number }[];
  feedback: { passageId: string; query: string; up: number; down: number }[];
}

describe.skipIf(!redisAvailable)('two replicas sharing only Redis', () => {
  let dir: string;
  let redis: TestRedis;
  let slack: SlackStandIn;
  const bots: { a?: BotProcess; b?: BotProcess } = {};
  const ports: { a: number; b: number } = { a: 0, b: 0 };

  const digestPosts = (channel: string) =>
    slack.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel && !String(c.body.text ?? '').includes('分享'));
  const urlOf = (bot: 'a' | 'b') => `http://127.0.0.1:${ports[bot]}/slack/events`;
  let n = 0;
  /** A slash command through one replica; resolves with what it answered through response_url. */
  async function command(bot: 'a' | 'b', text: string, channelId: string): Promise<StandInCall> {
    const id = `r${++n}`;
    const res = await postSigned(urlOf(bot), TEST_SIGNING_SECRET, slashCommandBody({ text, channelId, responseUrl: slack.responseUrl(id) }));
    expect(res.status).toBe(200);
    return slack.waitFor((c) => c.path === `/response/${id}`, 15_000);
  }
  const textOf = (c: StandInCall) => JSON.stringify(c.body);
  async function healthz(bot: 'a' | 'b'): Promise<{ code: number; body: Health }> {
    const res = await fetch(`http://127.0.0.1:${ports[bot]}/healthz`);
    return { code: res.status, body: (await res.json()) as Health };
  }

  beforeAll(async () => {
    ensureBuilt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-replicas-'));
    redis = await startRedis();
    slack = await startSlackStandIn();
    const env = (name: string) => ({
      DATA_DIR: path.join(dir, name),
      STATE_URL: redis.url,
      SLACK_API_URL: slack.url,
      DIGEST_CRON: '* * * * * *',
      DIGEST_CATCH_UP: 'false',
      DIGEST_CHANNELS: 'C0FIXED1,C0FIXED2',
    });
    bots.a = startBotProcess(env('a'));
    bots.b = startBotProcess(env('b'));
    ports.a = Number((await bots.a.waitForLog('listening', 60_000)).port);
    ports.b = Number((await bots.b.waitForLog('listening', 60_000)).port);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([bots.a?.stop(), bots.b?.stop()]);
    await slack?.close();
    await redis?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a cron firing every second on both replicas posts once per channel per day', async () => {
    await eventually(() => (digestPosts('C0FIXED1').length > 0 && digestPosts('C0FIXED2').length > 0) || undefined, 'both fixed channels get the digest');
    // Three more firings on each replica.
    await firings(3);
    expect(digestPosts('C0FIXED1')).toHaveLength(1);
    expect(digestPosts('C0FIXED2')).toHaveLength(1);
    const posted = [...bots.a!.lines(), ...bots.b!.lines()].filter((l) => /^digest for .* posted to slack:C0FIXED/.test(String(l.msg)));
    expect(posted).toHaveLength(2);
    expect((await healthz('a')).body).toMatchObject({ status: 'ok', state: { backend: 'redis', ok: true, state: 'ready' } });
    const metrics = await (await fetch(`http://127.0.0.1:${ports.b}/metrics`)).text();
    expect(metrics).toContain('zhenxing_state_up{backend="redis"} 1');
    expect(metrics).toContain('zhenxing_state_pending_writes 0');
  }, 30_000);

  it('a share click delivered to both replicas posts one quote', async () => {
    const results = await command('a', '人才振兴', 'C0SHARE');
    const value = shareValue(results.body);
    expect(value).toMatch(/\S/);
    const body = blockActionsBody({ actionId: 'share_0', value: value!, channelId: 'C0SHARE', responseUrl: slack.responseUrl('share-1'), triggerId: 'T-share-both' });
    const [x, y] = await Promise.all([postSigned(urlOf('a'), TEST_SIGNING_SECRET, body), postSigned(urlOf('b'), TEST_SIGNING_SECRET, body)]);
    expect([x.status, y.status]).toEqual([200, 200]);
    await slack.waitFor((c) => c.path === '/response/share-1', 10_000);
    await sleep(1500);
    const quotes = slack.calls.filter((c) => c.path === '/response/share-1' && c.body.response_type === 'in_channel');
    expect(quotes).toHaveLength(1);
  }, 30_000);

  it('a subscription made through one replica is known to the other and served once', async () => {
    expect(textOf(await command('a', '订阅', 'C0SUB'))).toContain('已订阅');
    expect(textOf(await command('b', '订阅', 'C0SUB'))).toContain('已经订阅');
    await eventually(() => digestPosts('C0SUB').length > 0 || undefined, 'the subscribed channel gets the digest');
    await firings(2);
    expect(digestPosts('C0SUB')).toHaveLength(1);
  }, 40_000);

  it('a theme pinned through one replica is known to the other and read in the channel’s one reading', async () => {
    // A theme that is not the date's (the fixed channels read the date's theme).
    const fixed = String((await eventually(() => digestPosts('C0FIXED1')[0], 'a fixed channel’s reading')).body.text);
    const pin = fixed.includes('生态振兴') ? '人才' : '生态';
    expect(fixed).not.toContain(`${pin}振兴`);
    expect(textOf(await command('a', `订阅 主题:${pin}`, 'C0THEME'))).toContain(`主题：${pin}振兴`);
    // Replica B knows the setting (its status answer comes from its own copy of the state).
    await eventually(async () => (textOf(await command('b', '订阅状态', 'C0THEME')).includes(`主题：${pin}振兴`) ? true : undefined), 'replica b knows the theme');
    await eventually(() => digestPosts('C0THEME').length > 0 || undefined, 'the channel gets its reading');
    await firings(2);
    expect(digestPosts('C0THEME')).toHaveLength(1);
    expect(String(digestPosts('C0THEME')[0]?.body.text)).toContain(`${pin}振兴`);
  }, 40_000);

  /** `zhenxing report --json` over STATE_URL: every replica's searches and votes. */
  async function report(): Promise<Report> {
    const r = await runCli(['report', '--json'], { env: { STATE_URL: redis.url, DATA_DIR: path.join(dir, 'cli') }, inheritEnv: false });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as Report;
  }
  /** A 👍/👎 click on result i of a result list, through one replica, as `userId`; resolves with the thanks. */
  async function vote(bot: 'a' | 'b', list: StandInCall, dir: 'up' | 'down', i: number, userId: string): Promise<StandInCall> {
    const button = buttons(list.body).find((b) => b.action_id === `feedback_${dir}_${i}`);
    expect(button?.value).toMatch(/\S/);
    const id = `vote${++n}`;
    const body = blockActionsBody({ actionId: button!.action_id, value: button!.value!, userId, channelId: 'C0VOTE', responseUrl: slack.responseUrl(id) });
    expect((await postSigned(urlOf(bot), TEST_SIGNING_SECRET, body)).status).toBe(200);
    return slack.waitFor((c) => c.path === `/response/${id}`, 15_000);
  }

  it('votes through either replica move the ranking on the other; the report counts both replicas’ searches', async () => {
    const first = await command('a', '生态振兴', 'C0VOTE');
    const before = resultIds(first.body);
    expect(before.length).toBeGreaterThan(2);
    // Two different users 👎 the first result, one through each replica: it moves below the others everywhere.
    expect(textOf(await vote('a', first, 'down', 0, 'U0ALICE'))).toContain('谢谢反馈');
    expect(textOf(await vote('b', first, 'down', 0, 'U0BOB'))).toContain('谢谢反馈');
    const onB = resultIds((await command('b', '生态振兴', 'C0VOTE')).body);
    expect(onB[0]).toBe(before[1]);
    expect(onB).not.toContain(before[0]);
    // 👍 by a third user through B lifts the third result one place on A.
    expect(textOf(await vote('b', first, 'up', 2, 'U0CAROL'))).toContain('谢谢反馈');
    const onA = resultIds((await command('a', '生态振兴', 'C0VOTE')).body);
    expect(onA.slice(0, 2)).toEqual([before[2], before[1]]);
    // Three searches for it, through both replicas, in one report; the votes with them.
    const r = await report();
    expect(r.queries.find((q) => q.query === '生态振兴')).toEqual({ query: '生态振兴', count: 3 });
    expect(r.feedback).toEqual(
      expect.arrayContaining([
        { passageId: before[0], query: '生态振兴', up: 0, down: 2 },
        { passageId: before[2], query: '生态振兴', up: 1, down: 0 },
      ]),
    );
  }, 60_000);

  it('Redis stopped mid-post and started again: answers go on, nothing is lost, nothing is posted twice', async () => {
    // The next digest post (to C0SLOW) takes 3 s to be answered; Redis stops while it is in flight.
    slack.script('chat.postMessage', [{ status: 200, body: { ok: true, channel: 'C0SLOW', ts: '1800000000.000100' }, delayMs: 3000 }]);
    expect(textOf(await command('b', '订阅', 'C0SLOW'))).toContain('已订阅');
    await slack.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0SLOW', 10_000);
    await redis.stop();

    for (const bot of ['a', 'b'] as const) {
      const h = await eventually(async () => {
        const r = await healthz(bot);
        return r.body.status === 'degraded' ? r : undefined;
      }, `replica ${bot} reports degraded`);
      // Still answering users: 200 keeps it in the load balancer.
      expect(h.code).toBe(200);
      expect(h.body.state).toMatchObject({ backend: 'redis', ok: false, state: 'down' });
      const metrics = await (await fetch(`http://127.0.0.1:${ports[bot]}/metrics`)).text();
      expect(metrics).toContain('zhenxing_state_up{backend="redis"} 0');
    }
    // Searches are answered; a subscription is taken and kept.
    const found = await command('b', '人才振兴', 'C0ANY');
    expect(textOf(found)).toContain('人才');
    // A search and a vote through A while Redis is away are kept, and counted once when it is back.
    const outageList = await command('a', '组织振兴', 'C0ANY');
    expect(textOf(await vote('a', outageList, 'up', 0, 'U0DAVE'))).toContain('谢谢反馈');
    // A share is refused kindly (a quote posted twice would be worse than a second click), and works once Redis is back.
    const click = blockActionsBody({ actionId: 'share_0', value: shareValue(found.body)!, channelId: 'C0ANY', responseUrl: slack.responseUrl('share-down') });
    expect((await postSigned(urlOf('a'), TEST_SIGNING_SECRET, click)).status).toBe(200);
    const refused = await slack.waitFor((c) => c.path === '/response/share-down', 10_000);
    expect(refused.body.response_type).toBe('ephemeral');
    expect(textOf(refused)).toContain('请稍后再试');
    expect(textOf(await command('a', '订阅', 'C0LATE'))).toContain('已订阅');
    // Several firings on both replicas while Redis is away: nothing new is posted.
    await firings(2);
    expect(digestPosts('C0LATE')).toHaveLength(0);

    await redis.start();
    for (const bot of ['a', 'b'] as const) {
      await eventually(async () => ((await healthz(bot)).body.status === 'ok' ? true : undefined), `replica ${bot} is ok again`);
    }
    expect(textOf(await command('b', '订阅', 'C0LATE'))).toContain('已经订阅');
    const again = blockActionsBody({ actionId: 'share_0', value: shareValue(found.body)!, channelId: 'C0ANY', responseUrl: slack.responseUrl('share-up') });
    await Promise.all([postSigned(urlOf('a'), TEST_SIGNING_SECRET, again), postSigned(urlOf('b'), TEST_SIGNING_SECRET, again)]);
    await slack.waitFor((c) => c.path === '/response/share-up', 10_000);
    await eventually(() => digestPosts('C0LATE').length > 0 || undefined, 'the channel subscribed during the outage gets the digest');
    await firings(2);
    expect(slack.calls.filter((c) => c.path === '/response/share-up' && c.body.response_type === 'in_channel')).toHaveLength(1);
    expect(slack.calls.filter((c) => c.path === '/response/share-down' && c.body.response_type === 'in_channel')).toHaveLength(0);
    for (const channel of ['C0FIXED1', 'C0FIXED2', 'C0SUB', 'C0SLOW', 'C0LATE']) {
      expect({ channel, posts: digestPosts(channel).length }).toEqual({ channel, posts: 1 });
    }
    const r = await report();
    expect(r.queries.filter((q) => q.query === '人才振兴' || q.query === '组织振兴').sort((x, y) => x.query.localeCompare(y.query))).toEqual([
      { query: '人才振兴', count: 2 },
      { query: '组织振兴', count: 1 },
    ]);
    expect(r.feedback.filter((f) => f.query === '组织振兴')).toEqual([{ passageId: resultIds(outageList.body)[0], query: '组织振兴', up: 1, down: 0 }]);
  }, 90_000);
});
