/**
 * A signed `payload=null` (or a JSON body `null`) used to crash the process inside Bolt's HTTP receiver (issue 10,
 * item 4). The real process (`node dist/main.js`) answers both with 400 and keeps serving.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotProcess, type BotProcess } from '../helpers/bot-process.js';
import { ensureBuilt } from '../helpers/ensure-built.js';
import { TEST_SIGNING_SECRET, postSigned, slashCommandBody } from '../helpers/slack-sign.js';
import { startSlackStandIn, type SlackStandIn } from '../helpers/slack-stand-in.js';

describe('signed bodies Bolt cannot read', () => {
  let dir: string;
  let slack: SlackStandIn;
  let bot: BotProcess;
  let port = 0;

  beforeAll(async () => {
    ensureBuilt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-hostile-'));
    slack = await startSlackStandIn();
    bot = startBotProcess({ DATA_DIR: dir, SLACK_BOT_TOKEN: 'xoxb-hostile', SLACK_API_URL: slack.url, DIGEST_CATCH_UP: 'false' });
    port = Number((await bot.waitForLog('listening', 60_000)).port);
  }, 120_000);

  afterAll(async () => {
    if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers payload=null and a JSON null with 400, and is still up and answering', async () => {
    const url = `http://127.0.0.1:${port}/slack/events`;
    expect((await postSigned(url, TEST_SIGNING_SECRET, 'payload=null')).status).toBe(400);
    expect((await postSigned(url, TEST_SIGNING_SECRET, 'null', { headers: { 'content-type': 'application/json' } })).status).toBe(400);
    await new Promise((r) => setTimeout(r, 200));
    expect(bot.child.exitCode).toBeNull();
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const ok = await postSigned(url, TEST_SIGNING_SECRET, slashCommandBody({ text: '帮助', responseUrl: slack.responseUrl('after') }));
    expect(ok.status).toBe(200);
    await slack.waitFor((c) => c.path === '/response/after');
  }, 30_000);
});
