/**
 * A platform that refuses to start stops start-up with its one-line reason, and what had already started is
 * stopped again: here Slack (Socket Mode) connects, then Feishu rejects its app secret.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/observability/logger.js';
import { startApp } from '../../src/main.js';
import { startFeishuStandIn, type FeishuStandIn } from '../helpers/feishu-stand-in.js';
import { startSlackStandIn, type SlackStandIn } from '../helpers/slack-stand-in.js';
import { startSocketModeStandIn, type SocketModeStandIn } from '../helpers/socket-mode-stand-in.js';

describe('start-up failure', () => {
  let slack: SlackStandIn;
  let socket: SocketModeStandIn;
  let feishu: FeishuStandIn;

  beforeAll(async () => {
    [slack, socket, feishu] = await Promise.all([startSlackStandIn(), startSocketModeStandIn(), startFeishuStandIn()]);
  });

  afterAll(async () => {
    await Promise.all([slack.close(), socket.close(), feishu.close()]);
  });

  it('rejects with the refusing platform’s one line and closes the platform that had connected', async () => {
    slack.script('auth.test', [{ ok: true, team_id: 'T0', user_id: 'U0BOT', bot_id: 'B0BOT' }]);
    slack.script('apps.connections.open', [socket.connectionsOpenReply()]);
    feishu.script('POST /open-apis/auth/v3/tenant_access_token/internal', [{ code: 10014, msg: 'app secret invalid' }]);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-startup-failure-'));
    const config = loadConfig(
      {
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dir,
        SLACK_BOT_TOKEN: 'xoxb-startup-failure',
        SLACK_APP_TOKEN: 'xapp-startup-failure',
        SLACK_API_URL: slack.url,
        FEISHU_APP_ID: 'cli_0123456789abcdef',
        FEISHU_APP_SECRET: 'not-the-secret',
        FEISHU_DOMAIN: feishu.url,
        DIGEST_CATCH_UP: 'false',
      },
      dir,
    );

    await expect(startApp({ config, logger: createLogger({ level: 'silent' }) })).rejects.toThrow(
      'Feishu rejected FEISHU_APP_SECRET (code 10014: app secret invalid); copy it again from Feishu developer console → your app → Credentials & Basic Info → App Secret',
    );
    // Slack had connected before Feishu refused; its socket must not outlive the failed start.
    const conn = await socket.waitForConnection(0, 5000);
    const closed = await conn.waitForClose(5000);
    expect(closed.code).toBe(1000);
  });
});
