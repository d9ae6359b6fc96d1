/**
 * Starting and wiring the adapter: a bad token is one clear line, Bolt's own log lines arrive in our JSON logs,
 * requests before start() are turned away, Socket Mode leaves the HTTP server alone.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackConfig } from '../../src/config.js';
import { createLogger } from '../../src/observability/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import type { Router } from '../../src/router/view-model.js';
import { createHttpServer } from '../../src/server/http-server.js';
import { createSlackAdapter, normalizeApiUrl } from '../../src/slack/index.js';
import { TEST_SIGNING_SECRET, postSigned, slashCommandBody } from '../helpers/slack-sign.js';
import { startSlackStandIn, type SlackStandIn } from '../helpers/slack-stand-in.js';

const router: Router = {
  handle: async () => ({ kind: 'message', lang: 'zh', tone: 'info', message: { zh: '好', en: 'ok' } }),
  page: async () => ({ kind: 'message', lang: 'zh', tone: 'info', message: { zh: '好', en: 'ok' } }),
  share: async () => ({ kind: 'message', lang: 'zh', tone: 'info', message: { zh: '好', en: 'ok' } }),
};

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _e, cb) {
      for (const l of chunk.toString().split('\n')) if (l.trim()) lines.push(JSON.parse(l) as Record<string, unknown>);
      cb();
    },
  });
  return { lines, logger: createLogger({ level: 'debug', destination }) };
}

let slack: SlackStandIn;
beforeAll(async () => {
  slack = await startSlackStandIn();
});
afterAll(async () => {
  await slack.close();
});

const httpConfig = (): SlackConfig => ({
  botToken: 'xoxb-test',
  signingSecret: TEST_SIGNING_SECRET,
  appToken: undefined,
  socketMode: false,
  // Without the trailing slash: the adapter adds it.
  apiUrl: slack.url.replace(/\/$/, ''),
  digestChannels: [],
});

describe('start', () => {
  it('checks the bot token with auth.test and names the problem in one line when Slack rejects it', async () => {
    slack.script('auth.test', [{ ok: false, error: 'invalid_auth' }]);
    const { logger } = capture();
    const adapter = createSlackAdapter({ config: httpConfig(), router, logger, metrics: createMetrics({ defaultMetrics: false }), httpServer: createHttpServer() });
    await expect(adapter.start()).rejects.toThrow(
      'Slack rejected SLACK_BOT_TOKEN (invalid_auth); copy it again from Slack app settings → OAuth & Permissions → Bot User OAuth Token (starts with xoxb-)',
    );
    const call = await slack.waitFor((c) => c.method === 'auth.test');
    expect(call.path).toBe('/api/auth.test');
  });

  it('says which address it could not reach', async () => {
    const { logger } = capture();
    const adapter = createSlackAdapter({
      config: { ...httpConfig(), apiUrl: 'http://127.0.0.1:9/api' },
      router,
      logger,
      metrics: createMetrics({ defaultMetrics: false }),
      httpServer: createHttpServer(),
    });
    await expect(adapter.start()).rejects.toThrow(/^Could not reach Slack at http:\/\/127\.0\.0\.1:9\/api\/ to check SLACK_BOT_TOKEN: /);
  });

  it('turns requests away until started, then serves them; refusals are logged through our logger', async () => {
    const { logger, lines } = capture();
    const http = createHttpServer();
    const adapter = createSlackAdapter({ config: httpConfig(), router, logger, metrics: createMetrics({ defaultMetrics: false }), httpServer: http });
    const port = await http.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}/slack/events`;
    try {
      const body = slashCommandBody({ text: '帮助', responseUrl: slack.responseUrl('early') });
      expect((await postSigned(url, TEST_SIGNING_SECRET, body)).status).toBe(503);
      await adapter.start();
      expect((await postSigned(url, TEST_SIGNING_SECRET, body)).status).toBe(200);
      await slack.waitFor((c) => c.path === '/response/early');

      expect((await postSigned(url, TEST_SIGNING_SECRET, body, { signature: 'v0=bad' })).status).toBe(401);
      // A bad signature is refused before Bolt sees the request.
      const refused = lines.find((l) => l.msg === 'slack: request refused: X-Slack-Signature does not match SLACK_SIGNING_SECRET');
      expect(refused?.level).toBe(40);
      expect(refused?.platform).toBe('slack');
    } finally {
      await adapter.stop();
      await http.close();
    }
  });

  it('in Socket Mode needs no signing secret and adds no HTTP route', async () => {
    const { logger } = capture();
    const http = createHttpServer();
    createSlackAdapter({
      config: { ...httpConfig(), signingSecret: undefined, appToken: 'xapp-1-test', socketMode: true },
      router,
      logger,
      metrics: createMetrics({ defaultMetrics: false }),
      httpServer: http,
    });
    const port = await http.listen(0, '127.0.0.1');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', body: '' });
      expect(res.status).toBe(404);
    } finally {
      await http.close();
    }
  });

  it('normalises SLACK_API_URL to end with a slash', () => {
    expect(normalizeApiUrl('http://proxy/api')).toBe('http://proxy/api/');
    expect(normalizeApiUrl('http://proxy/api/')).toBe('http://proxy/api/');
    expect(normalizeApiUrl(undefined)).toBeUndefined();
  });
});
