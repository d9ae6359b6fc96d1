/**
 * Start-up with one platform unreachable (issue 10): Slack's API does not answer (nothing listens on its port), and
 * Feishu (request URL) starts anyway and answers users; /healthz says degraded and which platform is down; when
 * Slack comes back on its port, the background retry starts it and /healthz turns ok.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/observability/logger.js';
import { startApp, type RunningApp } from '../../src/main.js';
import {
  TEST_ENCRYPT_KEY,
  messageEvent,
  postEvent,
  startFeishuStandIn,
  type FeishuStandIn,
} from '../helpers/feishu-stand-in.js';
import { TEST_SIGNING_SECRET } from '../helpers/slack-sign.js';
import { startSlackStandIn, type SlackStandIn } from '../helpers/slack-stand-in.js';

async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function healthz(port: number): Promise<{ code: number; body: Record<string, unknown> }> {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { code: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('start-up with Slack unreachable', () => {
  let feishu: FeishuStandIn;
  let slack: SlackStandIn | undefined;
  let app: RunningApp | undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-startup-degraded-'));
  afterAll(async () => {
    await app?.stop();
    await slack?.close();
    await feishu?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts Feishu, reports Slack degraded, and starts Slack once it is back', async () => {
    feishu = await startFeishuStandIn();
    const slackPort = await freePort();
    const config = loadConfig(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dir,
        SLACK_BOT_TOKEN: 'xoxb-startup-degraded',
        SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
        SLACK_API_URL: `http://127.0.0.1:${slackPort}/api/`,
        FEISHU_APP_ID: 'cli_0123456789abcdef',
        FEISHU_APP_SECRET: 'feishu-secret',
        FEISHU_MODE: 'http',
        FEISHU_ENCRYPT_KEY: TEST_ENCRYPT_KEY,
        FEISHU_DOMAIN: feishu.url,
        DIGEST_CATCH_UP: 'false',
      },
      dir,
    );
    app = await startApp({ config, logger: createLogger({ level: 'silent' }), platformRetryMs: 100 });
    const port = app.port as number;

    const down = await healthz(port);
    expect(down.code).toBe(503);
    expect(down.body).toMatchObject({
      status: 'degraded',
      connections: [
        { platform: 'slack-http', ok: false, state: 'unreachable' },
        { platform: 'feishu-http', ok: true, state: 'serving' },
      ],
    });

    // Feishu users are answered meanwhile.
    const event = messageEvent({ text: '人才振兴' });
    expect((await postEvent(`http://127.0.0.1:${port}/feishu/events`, event)).status).toBe(200);
    await feishu.waitFor((c) => c.route === 'POST /open-apis/im/v1/messages/:id/reply' && c.path.includes(event.messageId));

    // Slack comes back where it was.
    slack = await startSlackStandIn({ port: slackPort });
    await expect.poll(async () => (await healthz(port)).code, { timeout: 10_000, interval: 100 }).toBe(200);
    expect((await healthz(port)).body).toMatchObject({
      status: 'ok',
      connections: [
        { platform: 'slack-http', ok: true, state: 'serving' },
        { platform: 'feishu-http', ok: true, state: 'serving' },
      ],
    });
  });
});
