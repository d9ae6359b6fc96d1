/**
 * The adapter as the app runs it: started from the documented environment variables next to /healthz on one
 * port, the long-connection mode's handshake, and set-up mistakes reported in words a newcomer can act on.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
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
import { ensureBuilt } from '../helpers/ensure-built.js';
import { TEST_APP_ID, TEST_APP_SECRET } from './harness.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The first JSON log line matching, polling: SDK lines come from work the test cannot await. */
async function waitForLine(logs: string[], predicate: (line: Record<string, unknown>) => boolean) {
  for (let i = 0; i < 200; i += 1) {
    const hit = logs
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find(predicate);
    if (hit) return hit;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no matching log line within 5 s; got:\n${logs.join('')}`);
}

const TOKEN_ROUTE = 'POST /open-apis/auth/v3/tenant_access_token/internal';
const SECRET_REJECTED =
  'Feishu rejected FEISHU_APP_SECRET (code 10014: app secret invalid); copy it again from Feishu developer console → your app → Credentials & Basic Info → App Secret';

const unusedRouter: Router = {
  handle: () => Promise.reject(new Error('not used')),
  page: () => Promise.reject(new Error('not used')),
  share: () => Promise.reject(new Error('not used')),
};
const quiet = () => createLogger({ level: 'silent' });

/** An adapter against `domain`, logging into `logs`, with its own HTTP server (not listening unless asked). */
function adapterAt(domain: string, mode: 'ws' | 'http', logs: string[] = []) {
  const httpServer = createHttpServer();
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(chunk.toString('utf8'));
      cb();
    },
  });
  const adapter = createFeishuAdapter({
    config: {
      appId: TEST_APP_ID,
      appSecret: TEST_APP_SECRET,
      mode,
      encryptKey: mode === 'http' ? TEST_ENCRYPT_KEY : undefined,
      verificationToken: undefined,
      domain,
      digestChats: [],
    },
    router: unusedRouter,
    logger: createLogger({ level: 'debug', destination }),
    metrics: createMetrics({ defaultMetrics: false }),
    httpServer,
  });
  return { adapter, httpServer };
}

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

  it('never logs the credentials in the long connection URL, even at LOG_LEVEL=debug', async () => {
    const feishu = await startFeishuStandIn();
    const wsUrl = `${feishu.url.replace(/^http/, 'ws')}/ws/v2`;
    feishu.script('POST /callback/ws/endpoint', [
      {
        code: 0,
        msg: 'ok',
        data: {
          URL: `${wsUrl}?fpid=493&aid=552564&device_id=7263&access_key=ak-stand-in-secret&service_id=33554678&ticket=tk-stand-in-secret`,
          // The stand-in refuses the upgrade; no second attempt before stop().
          ClientConfig: { PingInterval: 120, ReconnectCount: 1, ReconnectInterval: 120, ReconnectNonce: 60 },
        },
      },
    ]);
    const logs: string[] = [];
    const { adapter } = adapterAt(feishu.url, 'ws', logs);
    try {
      await adapter.start();
      const configured = await waitForLine(logs, (l) => String(l.msg).includes('get connect config success'));
      expect(configured.msg).toBe(`[ws] get connect config success, ws url: ${wsUrl}?[redacted]`);
      expect(configured.level).toBe(20);
      expect(logs.join('')).not.toMatch(/stand-in-secret|access_key|ticket=/);
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

describe('credentials are checked before the adapter says it started', () => {
  it('ws mode: a rejected app secret stops start-up with one line naming FEISHU_APP_SECRET, before any connection', async () => {
    const feishu = await startFeishuStandIn();
    feishu.script(TOKEN_ROUTE, [{ code: 10014, msg: 'app secret invalid' }]);
    const logs: string[] = [];
    const { adapter } = adapterAt(feishu.url, 'ws', logs);
    try {
      await expect(adapter.start()).rejects.toThrow(new FeishuError('BAD_APP_SECRET', SECRET_REJECTED));
      expect(feishu.calls.map((c) => c.route)).toEqual([TOKEN_ROUTE]);
      expect(logs.join('')).not.toContain(TEST_APP_SECRET);
    } finally {
      await adapter.stop();
      await feishu.close();
    }
  });

  it('http mode: a rejected app id (HTTP 400) stops start-up naming FEISHU_APP_ID, and no endpoint is served', async () => {
    const feishu = await startFeishuStandIn();
    feishu.script(TOKEN_ROUTE, [{ status: 400, body: { code: 10003, msg: 'invalid param' } }]);
    const { adapter, httpServer } = adapterAt(feishu.url, 'http');
    try {
      await expect(adapter.start()).rejects.toThrow(
        new FeishuError(
          'BAD_APP_ID',
          `Feishu rejected FEISHU_APP_ID "${TEST_APP_ID}" (code 10003: invalid param); copy it again from Feishu developer console → your app → Credentials & Basic Info → App ID (starts with cli_) (a Lark app also needs FEISHU_DOMAIN=https://open.larksuite.com)`,
        ),
      );
      const port = await httpServer.listen(0, '127.0.0.1');
      expect((await postEvent(`http://127.0.0.1:${port}/feishu/events`, messageEvent({ text: '人才振兴' }))).status).toBe(404);
    } finally {
      await adapter.stop();
      await httpServer.close();
      await feishu.close();
    }
  });

  it('an unreachable FEISHU_DOMAIN stops start-up naming the variable and the URL', async () => {
    // A port that was just free: nothing listens there.
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const url = `http://127.0.0.1:${port}`;
    const { adapter } = adapterAt(url, 'ws');
    await expect(adapter.start()).rejects.toThrow(
      new FeishuError(
        'FEISHU_UNREACHABLE',
        `Could not reach the Feishu Open API at ${url} (FEISHU_DOMAIN) to check FEISHU_APP_ID and FEISHU_APP_SECRET: Feishu API unreachable: ECONNREFUSED connect ECONNREFUSED 127.0.0.1:${port}`,
      ),
    );
    await adapter.stop();
  });

  it('the real process prints "zhenxing: failed to start: <reason>" and exits 1', async () => {
    ensureBuilt();
    const feishu = await startFeishuStandIn();
    feishu.script(TOKEN_ROUTE, [{ code: 10014, msg: 'app secret invalid' }]);
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'zhenxing-feishu-badsecret-'));
    let child: ReturnType<typeof spawn> | undefined;
    try {
      child = spawn(process.execPath, [path.join(ROOT, 'dist/main.js')], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH,
          PORT: '0',
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          LOG_LEVEL: 'warn',
          FEISHU_APP_ID: TEST_APP_ID,
          FEISHU_APP_SECRET: TEST_APP_SECRET,
          FEISHU_DOMAIN: feishu.url,
        },
      });
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
      child.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      const running = child;
      let timer: NodeJS.Timeout | undefined;
      const code = await Promise.race([
        new Promise<number | null>((resolve) => running.on('exit', (c) => resolve(c))),
        // Generous: the process loads the corpus and the jieba dictionary first. A process still up has started.
        new Promise<string>((resolve) => (timer = setTimeout(() => resolve('still running'), 30_000))),
      ]).finally(() => clearTimeout(timer));
      expect(code).toBe(1);
      expect(stderr).toBe(`zhenxing: failed to start: ${SECRET_REJECTED}\n`);
      expect(stdout + stderr).not.toContain(TEST_APP_SECRET);
      expect(feishu.calls.some((c) => c.route === 'POST /callback/ws/endpoint')).toBe(false);
    } finally {
      // A process that started anyway would keep running: this test must not leave it behind.
      if (child && child.exitCode === null) child.kill('SIGKILL');
      await feishu.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
