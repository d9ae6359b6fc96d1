/**
 * Socket Mode end to end, as a developer runs it without a public URL: startApp with SLACK_APP_TOKEN connects out
 * (apps.connections.open on the Web API stand-in, then a WebSocket to the `ws` stand-in), takes slash commands
 * and button clicks as envelopes, acks them on the socket, answers through response_url, still serves
 * GET /healthz on PORT, and closes the socket on stop().
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type SlackConfig } from '../../src/config.js';
import { startApp, type RunningApp } from '../../src/main.js';
import { createLogger } from '../../src/observability/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import type { Router } from '../../src/router/view-model.js';
import { createSlackAdapter, SlackAdapterError } from '../../src/slack/index.js';
import { getSharedCorpus } from '../helpers/shared-index.js';
import { startSlackStandIn, type SlackStandIn, type StandInCall } from '../helpers/slack-stand-in.js';
import { startSocketModeStandIn, type SocketConnection, type SocketModeStandIn } from '../helpers/socket-mode-stand-in.js';
import { blockKitProblems } from './block-kit-check.js';

const BOT_TOKEN = 'xoxb-5150-socket-mode-test-bot';
const APP_TOKEN = 'xapp-1-A0ZHENXING-5150-socket-mode-test-app';
const NOW = () => new Date('2026-11-22T01:00:00Z');

interface Btn {
  action_id: string;
  value: string;
}
interface Msg {
  blocks: { type: string; text?: { text: string }; accessory?: Btn; elements?: Btn[] }[];
  text: string;
  response_type?: string;
  replace_original?: boolean;
}
const asMsg = (call: StandInCall) => call.body as unknown as Msg;
const buttonsOf = (m: Msg): Btn[] =>
  m.blocks.flatMap((b) => [...(b.accessory ? [b.accessory] : []), ...(b.type === 'actions' ? (b.elements ?? []) : [])]);
const headerOf = (m: Msg) => m.blocks.find((b) => b.type === 'header')?.text?.text;
const sectionsOf = (m: Msg) => m.blocks.filter((b) => b.type === 'section').map((b) => b.text?.text ?? '');

/**
 * This process's client sockets still open to 127.0.0.1:`port`, from Node's list of active handles (what keeps a
 * process alive). Server-side sockets of the stand-ins have the stand-in's port as localPort, so they do not count.
 */
function openSocketsTo(url: string): number {
  const port = Number(new URL(url).port);
  const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
  return handles.filter((h) => h instanceof net.Socket && !h.destroyed && h.remotePort === port).length;
}

/** A slash command as Socket Mode carries it: the same fields as the HTTP form, as a JSON object. */
function slashCommandPayload(text: string, responseUrl: string): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: 'T0STANDIN',
    team_domain: 'stand-in',
    channel_id: 'C0TEST',
    channel_name: 'general',
    user_id: 'U0ASKER',
    user_name: 'asker',
    command: '/zhenxing',
    text,
    api_app_id: 'A0ZHENXING',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: randomUUID(),
  };
}

/** A button click (block_actions) as Socket Mode carries it in an `interactive` envelope. */
function blockActionsPayload(fields: { actionId: string; value: string; responseUrl: string; triggerId: string }) {
  return {
    type: 'block_actions',
    team: { id: 'T0STANDIN', domain: 'stand-in' },
    user: { id: 'U0SHARER', username: 'sharer', team_id: 'T0STANDIN' },
    api_app_id: 'A0ZHENXING',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0TEST', is_ephemeral: true },
    trigger_id: fields.triggerId,
    channel: { id: 'C0TEST', name: 'general' },
    response_url: fields.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: fields.actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: '分享', emoji: true },
        value: fields.value,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
}

describe('startApp in Slack Socket Mode', () => {
  let dir: string;
  let slack: SlackStandIn;
  let socket: SocketModeStandIn;
  let app: RunningApp;
  let conn: SocketConnection;
  const logText: string[] = [];
  const logs = () =>
    logText
      .flatMap((s) => s.split('\n'))
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  /** Sends `/zhenxing <text>` over the socket; resolves with the ack and what reached the response_url. */
  async function command(text: string) {
    const id = `sm-cmd-${randomUUID()}`;
    const { envelopeId, ack } = await conn.deliver('slash_commands', slashCommandPayload(text, slack.responseUrl(id)), {
      acceptsResponsePayload: true,
    });
    const response = await slack.waitFor((c) => c.path === `/response/${id}`);
    return { envelopeId, ack, response: asMsg(response) };
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-socket-mode-'));
    slack = await startSlackStandIn();
    socket = await startSocketModeStandIn();
    slack.script('auth.test', [
      { ok: true, url: 'https://stand-in.slack.com/', team: 'Stand-in', user: 'zhenxing', team_id: 'T0STANDIN', user_id: 'U0BOT', bot_id: 'B0BOT' },
    ]);
    slack.script('apps.connections.open', [socket.connectionsOpenReply()]);
    const config = loadConfig(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dir,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_APP_TOKEN: APP_TOKEN,
        SLACK_API_URL: slack.url,
        DIGEST_CATCH_UP: 'false',
      },
      dir,
    );
    const logger = createLogger({ level: 'debug', destination: { write: (s: string) => void logText.push(s) } });
    app = await startApp({ config, logger, now: NOW });
    conn = await socket.waitForConnection();
  });

  afterAll(async () => {
    await app?.stop();
    await socket?.close();
    await slack?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('connects out with the app token: apps.connections.open, then a WebSocket to the URL it returned', async () => {
    expect(app.port).toBeGreaterThan(0);
    const open = slack.calls.filter((c) => c.method === 'apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.path).toBe('/api/apps.connections.open');
    expect(open[0]?.headers.authorization).toBe(`Bearer ${APP_TOKEN}`);
    // The bot token is checked too, and each token goes only where it belongs.
    const auth = slack.calls.filter((c) => c.method === 'auth.test');
    expect(auth.map((c) => c.headers.authorization)).toEqual([`Bearer ${BOT_TOKEN}`]);

    expect(socket.connections).toHaveLength(1);
    expect(`ws://127.0.0.1:${new URL(socket.url).port}${conn.path}`).toBe(socket.url);
    expect(conn.closedWith).toBeUndefined();
    expect(logs().some((l) => l.msg === 'slack: connected in Socket Mode')).toBe(true);
  });

  it('acks a /zhenxing 人才振兴 envelope on the socket and privately shows the passages at its response_url', async () => {
    const { envelopeId, ack, response } = await command('人才振兴');
    // The ack is the envelope id alone: the answer goes to the response_url, not into the ack.
    expect(ack.envelope_id).toBe(envelopeId);
    expect(ack.payload ?? {}).toEqual({});

    expect(response.response_type).toBe('ephemeral');
    expect(blockKitProblems(response)).toEqual([]);
    expect(headerOf(response)).toBe('搜索：人才振兴');
    const sections = sectionsOf(response);
    expect(sections).toHaveLength(5);
    for (const s of sections) {
      expect(s).toMatch(/^\d\. \u200b\*《[^》]+》/);
      expect(s).toMatch(/\u200b\*[^*]*人才[^*]*\*\u200b/);
    }
    const shares = buttonsOf(response).filter((b) => b.action_id.startsWith('share'));
    expect(shares).toHaveLength(5);
    for (const b of shares) expect(getSharedCorpus().byId.has(b.value)).toBe(true);
  });

  it('posts exactly one public quote for a share click, even when Slack delivers the click again', async () => {
    const list = (await command('人才振兴')).response;
    const share = buttonsOf(list).find((b) => b.action_id.startsWith('share'));
    const passage = getSharedCorpus().byId.get(share?.value ?? '');
    expect(passage).toBeDefined();

    const responseId = `sm-share-${randomUUID()}`;
    const payload = blockActionsPayload({
      actionId: share?.action_id ?? '',
      value: share?.value ?? '',
      responseUrl: slack.responseUrl(responseId),
      triggerId: randomUUID(),
    });
    const { envelopeId, ack } = await conn.deliver('interactive', payload);
    expect(ack.envelope_id).toBe(envelopeId);
    const msg = asMsg(await slack.waitFor((c) => c.path === `/response/${responseId}`));
    expect(msg.response_type).toBe('in_channel');
    expect(msg.replace_original).toBe(false);
    expect(blockKitProblems(msg)).toEqual([]);
    expect(sectionsOf(msg).at(-1)).toContain(`\n— 《${passage?.title}》`);
    expect(JSON.stringify(msg.blocks)).toContain('由 <@U0SHARER> 分享');

    // A redelivery comes in a new envelope with the same click (trigger_id): acked, and nothing posted.
    const again = await conn.deliver('interactive', payload);
    expect(again.ack.envelope_id).toBe(again.envelopeId);
    await command('乡村'); // handled after the repeat, so the repeat has had its chance to post
    expect(slack.calls.filter((c) => c.path === `/response/${responseId}`)).toHaveLength(1);
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(0);
  });

  it('serves GET /healthz on PORT in Socket Mode, naming the platform', async () => {
    const res = await fetch(`http://127.0.0.1:${app.port}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'ok', platforms: ['slack-socket'] });
    expect(body.passages).toBe(getSharedCorpus().passages.length);
  });

  it('never writes the app token or bot token to the logs', () => {
    const all = logText.join('');
    expect(all).not.toContain(APP_TOKEN);
    expect(all).not.toContain(BOT_TOKEN);
  });

  it('stop() closes the socket normally, leaves no connection open and stops serving PORT', async () => {
    expect(openSocketsTo(socket.url)).toBe(1);
    await app.stop();
    // Nothing of ours is left open: neither the WebSocket nor kept-alive connections to the Web API/response_url.
    expect(openSocketsTo(socket.url)).toBe(0);
    expect(openSocketsTo(slack.url)).toBe(0);
    // Slack's side saw a normal close.
    expect(await conn.waitForClose()).toEqual({ code: 1000, reason: '' });
    await expect(fetch(`http://127.0.0.1:${app.port}/healthz`)).rejects.toThrow();
    expect(logs().filter((l) => (l.level as number) >= 40 && String(l.msg).startsWith('slack:'))).toEqual([]);
    expect(logs().at(-1)?.msg).toBe('stopped');
  });
});

describe('opening the Socket Mode connection', () => {
  const ok = { kind: 'message', lang: 'zh', tone: 'info', message: { zh: '好', en: 'ok' } } as const;
  const router: Router = { handle: async () => ok, page: async () => ok, share: async () => ok };
  let slack: SlackStandIn;
  let socket: SocketModeStandIn;

  beforeAll(async () => {
    slack = await startSlackStandIn();
    socket = await startSocketModeStandIn();
  });
  afterAll(async () => {
    await socket?.close();
    await slack?.close();
  });

  const adapter = () =>
    createSlackAdapter({
      config: {
        botToken: BOT_TOKEN,
        signingSecret: undefined,
        appToken: APP_TOKEN,
        socketMode: true,
        apiUrl: slack.url,
        digestChannels: [],
      } satisfies SlackConfig,
      router,
      logger: createLogger({ level: 'silent' }),
      metrics: createMetrics({ defaultMetrics: false }),
    });

  it('names SLACK_APP_TOKEN in one line when Slack rejects it', async () => {
    slack.script('apps.connections.open', [{ ok: false, error: 'invalid_auth' }]);
    const a = adapter();
    const err = await a.start().catch((e: unknown) => e);
    await a.stop();
    expect(err).toBeInstanceOf(SlackAdapterError);
    expect((err as SlackAdapterError).code).toBe('SLACK_AUTH');
    expect((err as SlackAdapterError).message).toBe(
      'Slack rejected SLACK_APP_TOKEN (invalid_auth); copy it again from Slack app settings → Basic Information → App-Level Tokens, a token with the connections:write scope (starts with xapp-)',
    );
  });

  // apps.connections.open is called again on every reconnect; one failed call must not end the connection for good
  // (it used to reject unhandled, which ends the process).
  it('retries apps.connections.open after a failed call, then connects and serves commands', async () => {
    const before = socket.connections.length;
    const opens = () => slack.calls.filter((c) => c.method === 'apps.connections.open').length;
    const opensBefore = opens();
    slack.script('apps.connections.open', [{ status: 503, body: 'upstream unavailable' }, socket.connectionsOpenReply()]);
    const a = adapter();
    try {
      await a.start();
      expect(opens() - opensBefore).toBe(2);
      const c = await socket.waitForConnection(before);
      const id = `sm-retry-${randomUUID()}`;
      const { envelopeId, ack } = await c.deliver('slash_commands', slashCommandPayload('人才', slack.responseUrl(id)));
      expect(ack.envelope_id).toBe(envelopeId);
      expect(JSON.stringify((await slack.waitFor((x) => x.path === `/response/${id}`)).body)).toContain('好');
    } finally {
      await a.stop();
    }
    expect(openSocketsTo(socket.url)).toBe(0);
    expect((await socket.connections.at(-1)?.waitForClose())?.code).toBe(1000);
  });
});
