/**
 * The production process in-process: startApp with Slack credentials in HTTP mode, Slack played by a stand-in on
 * 127.0.0.1. /healthz for the orchestrator, /metrics for Prometheus (commands, search latency, digest posts and
 * failures), and logs that carry one line per command and never a secret.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger.js';
import { startAppUnderTest, type AppUnderTest } from '../helpers/app-under-test.js';
import { TEST_SIGNING_SECRET, postSigned, slashCommandBody } from '../helpers/slack-sign.js';
import { startSlackStandIn, type SlackStandIn } from '../helpers/slack-stand-in.js';

const BOT_TOKEN = 'xoxb-4242-http-app-test-token';
/** 10:00 in Shanghai: past the default 08:30 digest time, so the catch-up posts today's digest at start. */
const NOW = () => new Date('2026-11-22T02:00:00Z');

describe('startApp in Slack HTTP mode', () => {
  let slack: SlackStandIn;
  let running: AppUnderTest;
  let base: string;
  const logText: string[] = [];
  const logs = () => logText.flatMap((s) => s.split('\n')).filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

  beforeAll(async () => {
    slack = await startSlackStandIn();
    // The first digest post is refused for good (the bot was removed from that channel), the second accepted.
    slack.script('chat.postMessage', [{ ok: false, error: 'channel_not_found' }]);
    const logger = createLogger({ level: 'debug', destination: { write: (s: string) => void logText.push(s) } });
    running = await startAppUnderTest(
      'zhenxing-http-app-',
      {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
        SLACK_API_URL: slack.url,
        DIGEST_CHANNELS: 'C0GONE,C0KEPT',
        DIGEST_CATCH_UP: 'true',
      },
      { logger, now: NOW },
    );
    base = running.base;
  });

  afterAll(async () => {
    await running?.stop();
    await slack?.close();
  });

  it('answers /healthz with status, passages and the running platform', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'ok', platforms: ['slack-http'] });
    expect(body.passages).toBeGreaterThan(50);
    expect(typeof body.uptimeSeconds).toBe('number');
  });

  it('answers other paths with 404 and wrong methods with 405, as JSON', async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    const res = await fetch(`${base}/healthz`, { method: 'POST' });
    expect(res.status).toBe(405);
    expect(await res.json()).toEqual({ error: 'method_not_allowed' });
  });

  it('counts digest posts and failures by platform and error code', async () => {
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/^zhenxing_digest_posts_total\{platform="slack"\} 1$/m);
    expect(text).toMatch(/^zhenxing_digest_failures_total\{platform="slack",code="channel_not_found"\} 1$/m);
  });

  it('counts a slash command by kind and times its search, in Prometheus text format', async () => {
    const before = await (await fetch(`${base}/metrics`)).text();
    const count = (text: string, re: RegExp) => Number(re.exec(text)?.[1] ?? 0);
    const searches = /^zhenxing_commands_total\{platform="slack",kind="search"\} (\d+)$/m;
    const timed = /^zhenxing_search_latency_seconds_count\{platform="slack"\} (\d+)$/m;

    const res = await postSigned(
      `${base}/slack/events`,
      TEST_SIGNING_SECRET,
      slashCommandBody({ text: '人才振兴', responseUrl: slack.responseUrl('metrics') }),
    );
    expect(res.status).toBe(200);
    await slack.waitFor((c) => c.path === '/response/metrics');

    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const after = await metrics.text();
    expect(count(after, searches)).toBe(count(before, searches) + 1);
    expect(count(after, timed)).toBe(count(before, timed) + 1);
    expect(after).toMatch(/^# TYPE zhenxing_search_latency_seconds histogram$/m);
    expect(after).toMatch(/^# TYPE zhenxing_errors_total counter$/m);
    expect(after).toMatch(/^zhenxing_process_resident_memory_bytes \d+/m);
  });

  it('logs the command as one JSON line with platform, kind and latency', () => {
    const line = logs().find((l) => l.msg === 'command' && l.detail === '人才振兴');
    expect(line).toMatchObject({ level: 30, app: 'zhenxing', platform: 'slack', kind: 'search', view: 'results' });
    expect(typeof line?.ms).toBe('number');
    expect(line?.total).toBeGreaterThan(0);
  });

  it('never logs the bot token or the signing secret', () => {
    const all = logText.join('');
    expect(all).toContain('"msg":"listening"');
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(TEST_SIGNING_SECRET);
  });
});
