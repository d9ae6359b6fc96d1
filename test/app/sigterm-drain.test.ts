/**
 * SIGTERM with answers queued behind a slow response_url (issue 10, item 9): the real process (`node dist/main.js`)
 * delivers what arrives within its budget, then says how many answers it could not deliver, and exits 0.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotProcess } from '../helpers/bot-process.js';
import { ensureBuilt } from '../helpers/ensure-built.js';
import { TEST_SIGNING_SECRET, postSigned, slashCommandBody } from '../helpers/slack-sign.js';
import { startSlackStandIn, type SlackStandIn } from '../helpers/slack-stand-in.js';

describe('SIGTERM with answers queued behind a slow response_url', () => {
  let dir: string;
  let slack: SlackStandIn;
  beforeAll(async () => {
    ensureBuilt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-sigterm-drain-'));
    slack = await startSlackStandIn();
  }, 120_000);
  afterAll(async () => {
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers the quick answers, logs the ones it could not deliver, and exits 0', async () => {
    const bot = startBotProcess({ DATA_DIR: dir, SLACK_BOT_TOKEN: 'xoxb-sigterm-drain', SLACK_API_URL: slack.url, DIGEST_CATCH_UP: 'false' });
    const port = Number((await bot.waitForLog('listening', 60_000)).port);
    const url = `http://127.0.0.1:${port}/slack/events`;

    // Three response_urls that take 30 s to answer, two that answer at once.
    for (let i = 0; i < 3; i++) slack.script(`response:slow-${i}`, [{ status: 200, delayMs: 30_000 }]);
    const send = (id: string) => postSigned(url, TEST_SIGNING_SECRET, slashCommandBody({ text: '人才振兴', responseUrl: slack.responseUrl(id) }));
    const acks = await Promise.all([send('slow-0'), send('slow-1'), send('slow-2'), send('quick-0'), send('quick-1')]);
    expect(acks.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    await slack.waitFor((c) => c.path === '/response/slow-2', 10_000);
    await slack.waitFor((c) => c.path === '/response/quick-1', 10_000);

    bot.child.kill('SIGTERM');
    expect((await bot.exit).code).toBe(0);
    const lines = bot.lines();
    expect(lines.find((l) => l.msg === 'slack: shutting down with 3 answers not delivered within 2000 ms')).toMatchObject({
      level: 50,
      undelivered: 3,
    });
    // The answers cut off are given up as 'closed', one line each.
    expect(lines.filter((l) => l.msg === 'outbound: gave up a call to slack.response_url (closed)')).toHaveLength(3);
    expect(slack.calls.filter((c) => c.path.startsWith('/response/quick-'))).toHaveLength(2);
  }, 90_000);
});
