/**
 * The daily reading is not posted twice when the process is killed (kill -9) after Slack received the post but
 * before its answer arrived (issue 10, item 2). The real process (`node dist/main.js`) posts the start-up catch-up
 * to a Slack stand-in that takes the message at once and holds its answer back; the test kills the process then.
 * Its claim stays (a post was in flight); the test ages the claim by 16 minutes in state.json — the clock, instead
 * of waiting the 15 minutes after which a claim goes stale — and restarts on the same DATA_DIR: the new process
 * takes the stale claim over, finds the digest in the channel's history (message metadata `zhenxing_digest` with
 * the date) and records it as sent instead of posting it again.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotProcess } from '../helpers/bot-process.js';
import { ensureBuilt } from '../helpers/ensure-built.js';
import { startSlackStandIn, type SlackStandIn } from '../helpers/slack-stand-in.js';


const run = (env: Record<string, string>) => startBotProcess({ SLACK_BOT_TOKEN: 'xoxb-digest-kill', ...env });

describe('kill -9 during a slow digest post', () => {
  let dir: string;
  let slack: SlackStandIn;
  const children: ReturnType<typeof run>[] = [];
  beforeAll(async () => {
    ensureBuilt();
    dir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-digest-kill-'));
    slack = await startSlackStandIn();
  }, 120_000);
  afterAll(async () => {
    for (const c of children) if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('posts once per channel: the restart finds the post in the channel instead of repeating it', async () => {
    const dataDir = path.join(dir, 'data');
    const env = { DATA_DIR: dataDir, SLACK_API_URL: slack.url, DIGEST_CRON: '0 0 * * *', DIGEST_TZ: 'UTC', DIGEST_CATCH_UP: 'true', DIGEST_CHANNELS: 'C0KILL' };
    // Slack takes the message now and answers in 20 s: the process is killed before then.
    slack.script('chat.postMessage', [{ status: 200, delayMs: 20_000, body: { ok: true, channel: 'C0KILL', ts: '1700000500.000100' } }]);
    const first = run(env);
    children.push(first);
    // A start-up loads the dictionary and builds the index before the catch-up posts: allow for a loaded CI machine.
    await slack.waitFor((c) => c.method === 'chat.postMessage', 60_000);
    first.child.kill('SIGKILL');
    await first.exit;
    expect(slack.posted('C0KILL')).toHaveLength(1);

    // What the killed process left: the claim, marked as posting.
    const file = path.join(dataDir, 'state.json');
    const state = JSON.parse(readFileSync(file, 'utf8')) as { claims: Record<string, { at: number; posting?: boolean }>; sent: Record<string, string[]> };
    const [key, claim] = Object.entries(state.claims)[0] ?? [];
    expect(claim?.posting).toBe(true);
    // Sixteen minutes pass.
    (claim as { at: number }).at -= 16 * 60_000;
    writeFileSync(file, JSON.stringify(state, null, 2));

    const second = run(env);
    children.push(second);
    await expect
      .poll(() => second.lines().some((l) => /^digest for \d{4}-\d{2}-\d{2} is already in slack:C0KILL/.test(String(l.msg))), { timeout: 60_000 })
      .toBe(true);
    second.child.kill('SIGTERM');
    await second.exit;

    expect(slack.posted('C0KILL')).toHaveLength(1);
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
    expect(slack.calls.filter((c) => c.method === 'conversations.history')).toHaveLength(1);
    const after = JSON.parse(readFileSync(file, 'utf8')) as { claims: Record<string, unknown>; sent: Record<string, string[]> };
    expect(Object.values(after.sent).flat()).toContain('slack:C0KILL');
    expect(after.claims[key as string]).toBeUndefined();
    // The post carried the metadata the restart looked for.
    expect(slack.posted('C0KILL')[0]?.metadata).toMatchObject({ event_type: 'zhenxing_digest', event_payload: { date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
  }, 150_000);
});
