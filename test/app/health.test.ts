/**
 * GET /healthz tells the orchestrator (and the image's HEALTHCHECK) when users are not being answered even though
 * the process is up: a Slack Socket Mode connection or a Feishu long connection that is down past the grace period,
 * or that the client gave up on, turns it into 503 `degraded`, naming each platform's state.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { createFeishuAdapter, noteWsState, type FeishuStatus } from '../../src/feishu/index.js';
import { createConnectionWatch } from '../../src/platform/index.js';
import { createLogger } from '../../src/observability/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import type { Router } from '../../src/router/view-model.js';
import { createHttpServer } from '../../src/server/http-server.js';
import { startAppUnderTest, type AppUnderTest } from '../helpers/app-under-test.js';
import { startFeishuStandIn, type FeishuStandIn } from '../helpers/feishu-stand-in.js';
import { startSlackStandIn, type SlackStandIn } from '../helpers/slack-stand-in.js';
import { startSocketModeStandIn, type SocketModeStandIn } from '../helpers/socket-mode-stand-in.js';
import { TEST_APP_ID, TEST_APP_SECRET } from '../feishu/harness.js';

const NOW = () => new Date('2026-11-22T01:00:00Z');
const GRACE_MS = 100;
const WS_ENDPOINT = 'POST /callback/ws/endpoint';

interface Health {
  status: string;
  passages: number;
  platforms: string[];
  connections: { platform: string; ok: boolean; state: string }[];
}

/** Polls until `check` returns a value (SDK and socket state changes come from work the test cannot await). */
async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 250; i += 1) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${what} within 5 s`);
}

async function healthz(port: number | null): Promise<{ code: number; body: Health }> {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { code: res.status, body: (await res.json()) as Health };
}

describe('/healthz with Slack in Socket Mode', () => {
  let slack: SlackStandIn;
  let socket: SocketModeStandIn;
  let running: AppUnderTest;

  beforeAll(async () => {
    slack = await startSlackStandIn();
    socket = await startSocketModeStandIn();
    slack.script('apps.connections.open', [socket.connectionsOpenReply()]);
    running = await startAppUnderTest(
      'zhenxing-health-slack-',
      {
        SLACK_BOT_TOKEN: 'xoxb-7070-health-test-bot',
        SLACK_APP_TOKEN: 'xapp-1-A0ZHENXING-7070-health-test-app',
        SLACK_API_URL: slack.url,
      },
      { now: NOW, connectionGraceMs: GRACE_MS },
    );
    await socket.waitForConnection();
  });

  afterAll(async () => {
    await running?.stop();
    await socket?.close();
    await slack?.close();
  });

  it('answers 200 ok while connected, and 503 degraded once the socket has been down past the grace period', async () => {
    const up = await healthz(running.app.port);
    expect(up.code).toBe(200);
    expect(up.body).toMatchObject({
      status: 'ok',
      platforms: ['slack-socket'],
      connections: [{ platform: 'slack-socket', ok: true, state: 'connected' }],
    });
    expect(up.body.passages).toBeGreaterThan(0);

    // Slack's side goes away for good: the socket drops and nothing is there to reconnect to.
    await socket.close();
    const down = await eventually(async () => {
      const h = await healthz(running.app.port);
      return h.code === 503 ? h : undefined;
    }, '/healthz did not turn 503');
    expect(down.body).toMatchObject({
      status: 'degraded',
      platforms: ['slack-socket'],
      connections: [{ platform: 'slack-socket', ok: false, state: 'reconnecting' }],
    });
    expect(down.body.passages).toBeGreaterThan(0);
  });
});

const unusedRouter: Router = {
  handle: () => Promise.reject(new Error('not used')),
  page: () => Promise.reject(new Error('not used')),
  share: () => Promise.reject(new Error('not used')),
};

describe('/healthz with Feishu in long-connection (ws) mode', () => {
  let feishu: FeishuStandIn;
  let running: AppUnderTest | undefined;

  beforeAll(async () => {
    feishu = await startFeishuStandIn();
  });
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });
  afterAll(async () => {
    await feishu?.close();
  });

  it('answers 503 degraded, at once, when the SDK gives up on the connection (state failed)', async () => {
    // 514 (auth_failed) is one of the answers the SDK does not retry.
    feishu.script(WS_ENDPOINT, [{ code: 514, msg: 'auth failed', data: {} }]);
    // The default grace period (60 s): a connection the SDK gave up on does not wait for it.
    running = await startAppUnderTest(
      'zhenxing-health-feishu-',
      { FEISHU_APP_ID: TEST_APP_ID, FEISHU_APP_SECRET: TEST_APP_SECRET, FEISHU_DOMAIN: feishu.url },
      { now: NOW },
    );
    const { port } = running.app;
    const down = await eventually(async () => {
      const h = await healthz(port);
      return h.code === 503 ? h : undefined;
    }, '/healthz did not turn 503');
    expect(down.body).toMatchObject({
      status: 'degraded',
      platforms: ['feishu-ws'],
      connections: [{ platform: 'feishu-ws', ok: false, state: 'failed' }],
    });
  });

  it('reports a connection lost and still reconnecting past the grace period as not ok', async () => {
    // A bare WebSocket server is enough for the SDK to count as connected (it needs only the upgrade).
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    const { port } = wss.address() as AddressInfo;
    feishu.script(WS_ENDPOINT, [
      {
        code: 0,
        msg: 'ok',
        data: {
          URL: `ws://127.0.0.1:${port}/ws/v2?fpid=1&device_id=7263&service_id=33554678`,
          // Retries without end, two minutes apart: the test sees only the first.
          ClientConfig: { PingInterval: 120, ReconnectCount: -1, ReconnectInterval: 120, ReconnectNonce: 0 },
        },
      },
    ]);
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
      logger: createLogger({ level: 'silent' }),
      metrics: createMetrics({ defaultMetrics: false }),
      httpServer: createHttpServer(),
      options: { connectionGraceMs: GRACE_MS },
    });
    try {
      await adapter.start();
      const up = await eventually(() => {
        const s = adapter.status();
        return s.state === 'connected' ? s : undefined;
      }, 'the long connection did not connect');
      expect(up).toEqual<FeishuStatus>({ platform: 'feishu-ws', ok: true, state: 'connected' });

      for (const client of wss.clients) client.terminate();
      await new Promise((resolve) => wss.close(resolve));
      const down = await eventually(() => {
        const s = adapter.status();
        return s.ok ? undefined : s;
      }, 'the status did not turn not ok');
      expect(down).toEqual<FeishuStatus>({ platform: 'feishu-ws', ok: false, state: 'reconnecting' });
    } finally {
      await adapter.stop();
      wss.close();
    }
    expect(adapter.status()).toEqual<FeishuStatus>({ platform: 'feishu-ws', ok: false, state: 'stopped' });
  });
});

describe('noteWsState: when the Feishu long connection counts as up (on the kit\'s connection watch)', () => {
  /** A watch with a 60 s grace period on a fake clock, told `state` at time 0. */
  const watchTold = (state?: Parameters<typeof noteWsState>[1]) => {
    let t = 0;
    const watch = createConnectionWatch({ graceMs: 60_000, now: () => t });
    if (state) noteWsState(watch, state);
    return { watch, at: (ms: number) => ((t = ms), watch) };
  };

  it('connected is up; failed never is; connecting, reconnecting or idle only within the grace period', () => {
    expect(watchTold('connected').watch.status()).toEqual({ ok: true, state: 'connected' });
    expect(watchTold('failed').watch.status()).toEqual({ ok: false, state: 'failed' });
    for (const state of ['connecting', 'reconnecting', 'idle'] as const) {
      const { watch, at } = watchTold(state);
      // Polled again while still down: the grace period counts from when it was first seen down.
      noteWsState(at(59_999), state);
      expect(watch.status()).toEqual({ ok: true, state });
      noteWsState(at(60_000), state);
      expect(watch.status()).toEqual({ ok: false, state });
      // Nothing asked for yet is not ok either.
      expect(watchTold().watch.status().ok).toBe(false);
    }
  });
});
