/**
 * The adapter as the app runs it: started from the documented environment variables next to /healthz on one
 * port, the long-connection mode's handshake, and set-up mistakes reported in words a newcomer can act on.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createFeishuAdapter, FeishuError } from '../../src/feishu/index.js';
import type { Card } from '../../src/feishu/render/index.js';
import { startApp, type RunningApp } from '../../src/main.js';
import { createLogger } from '../../src/observability/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import type { Router } from '../../src/router/view-model.js';
import { createHttpServer } from '../../src/server/http-server.js';
import {
  TEST_ENCRYPT_KEY,
  TEST_VERIFICATION_TOKEN,
  cardOf,
  challengeEvent,
  messageEvent,
  postEvent,
  startFeishuStandIn,
  type FeishuStandIn,
} from '../helpers/feishu-stand-in.js';
import { TEST_APP_ID, TEST_APP_SECRET } from './harness.js';

const unusedRouter: Router = {
  handle: () => Promise.reject(new Error('not used')),
  page: () => Promise.reject(new Error('not used')),
  share: () => Promise.reject(new Error('not used')),
};
const quiet = () => createLogger({ level: 'silent' });

describe('the app started from FEISHU_* environment variables (http mode)', () => {
  let feishu: FeishuStandIn;
  let app: RunningApp;
  let dataDir: string;
  const logs: string[] = [];

  beforeAll(async () => {
    feishu = await startFeishuStandIn();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'zhenxing-feishu-app-'));
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      FEISHU_APP_ID: TEST_APP_ID,
      FEISHU_APP_SECRET: TEST_APP_SECRET,
      FEISHU_MODE: 'http',
      FEISHU_ENCRYPT_KEY: TEST_ENCRYPT_KEY,
      FEISHU_VERIFICATION_TOKEN: TEST_VERIFICATION_TOKEN,
      FEISHU_DOMAIN: feishu.url,
    });
    const destination = new Writable({
      write(chunk: Buffer, _enc, cb) {
        logs.push(chunk.toString('utf8'));
        cb();
      },
    });
    app = await startApp({ config, logger: createLogger({ level: 'debug', destination }) });
  });
  afterAll(async () => {
    await app?.stop();
    await feishu?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves /feishu/events and /healthz on the same PORT', async () => {
    const base = `http://127.0.0.1:${app.port}`;
    const health = (await (await fetch(`${base}/healthz`)).json()) as { status: string; platforms: string[] };
    expect(health.status).toBe('ok');
    expect(health.platforms).toContain('feishu-http');

    const challenge = await postEvent(`${base}/feishu/events`, challengeEvent('c-1'), { signKey: null });
    expect(challenge.body).toEqual({ challenge: 'c-1' });

    const event = messageEvent({ text: '/zhenxing 人才振兴' });
    expect((await postEvent(`${base}/feishu/events`, event)).status).toBe(200);
    const reply = await feishu.waitFor((c) => c.path === `/open-apis/im/v1/messages/${event.messageId}/reply`);
    expect((cardOf(reply) as unknown as Card).header.title.content).toBe('搜索：人才振兴');
  });

  it('never logs the app secret, Encrypt Key or Verification Token', () => {
    const all = logs.join('');
    expect(all.length).toBeGreaterThan(0);
    for (const secret of [TEST_APP_SECRET, TEST_ENCRYPT_KEY, TEST_VERIFICATION_TOKEN]) expect(all).not.toContain(secret);
  });
});

describe('long-connection (ws) mode', () => {
  it('asks the configured domain for a connection endpoint with the app credentials', async () => {
    const feishu = await startFeishuStandIn();
    const adapter = createFeishuAdapter({
      config: {
        appId: TEST_APP_ID,
        appSecret: TEST_APP_SECRET,
        mode: 'ws',
        encryptKey: undefined,
        verificationToken: undefined,
        domain: feishu.url,
        digestChats: [],
      },
      router: unusedRouter,
      logger: quiet(),
      metrics: createMetrics({ defaultMetrics: false }),
      httpServer: createHttpServer(),
    });
    try {
      await adapter.start();
      const call = await feishu.waitFor((c) => c.route === 'POST /callback/ws/endpoint');
      expect(call.body).toMatchObject({ AppID: TEST_APP_ID, AppSecret: TEST_APP_SECRET });
    } finally {
      await adapter.stop();
      await feishu.close();
    }
  });

  it('refuses an app id that is not one, naming where to find the right one', async () => {
    const adapter = createFeishuAdapter({
      config: {
        appId: 'my-app',
        appSecret: 's',
        mode: 'ws',
        encryptKey: undefined,
        verificationToken: undefined,
        domain: undefined,
        digestChats: [],
      },
      router: unusedRouter,
      logger: quiet(),
      metrics: createMetrics({ defaultMetrics: false }),
      httpServer: createHttpServer(),
    });
    await expect(adapter.start()).rejects.toThrow(
      new FeishuError(
        'BAD_APP_ID',
        'FEISHU_APP_ID "my-app" is not a Feishu app id (cli_ and 16 hex digits); find it in the developer console under Credentials & Basic Info',
      ),
    );
  });

  it('refuses http mode with nothing to verify requests with', () => {
    expect(() =>
      createFeishuAdapter({
        config: {
          appId: TEST_APP_ID,
          appSecret: 's',
          mode: 'http',
          encryptKey: undefined,
          verificationToken: undefined,
          domain: undefined,
          digestChats: [],
        },
        router: unusedRouter,
        logger: quiet(),
        metrics: createMetrics({ defaultMetrics: false }),
        httpServer: createHttpServer(),
      }),
    ).toThrow('FEISHU_MODE=http needs FEISHU_ENCRYPT_KEY (recommended) or FEISHU_VERIFICATION_TOKEN to verify requests');
  });
});
