import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const SECRET = '8f14e45fceea167a5a36dedd4bea2543';

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env, '/srv/zx');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).code).toBe('CONFIG_INVALID');
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives the documented defaults with no environment: console mode', () => {
    const c = loadConfig({}, '/srv/zx');
    expect(c).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      dataDir: '/srv/zx/data',
      logLevel: 'info',
      digest: { cron: '30 8 * * *', timezone: 'Asia/Shanghai', catchUp: true },
      slack: null,
      feishu: null,
      dingtalk: null,
    });
    expect(path.basename(c.seedsDir)).toBe('seeds');
  });

  it('reads Slack HTTP mode, Socket Mode, channels and the API URL', () => {
    const http = loadConfig(
      { SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_SIGNING_SECRET: SECRET, DIGEST_CHANNELS: ' C1, C2 ,', SLACK_API_URL: 'http://127.0.0.1:9/api/' },
      '/srv/zx',
    );
    expect(http.slack).toEqual({
      botToken: 'xoxb-1-2',
      signingSecret: SECRET,
      appToken: undefined,
      socketMode: false,
      apiUrl: 'http://127.0.0.1:9/api/',
      digestChannels: ['C1', 'C2'],
    });
    const socket = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }, '/srv/zx');
    expect(socket.slack?.socketMode).toBe(true);
  });

  it('reads Feishu with its defaults', () => {
    const c = loadConfig({ FEISHU_APP_ID: 'cli_a', FEISHU_APP_SECRET: 's', FEISHU_DIGEST_CHATS: 'oc_1,oc_2' }, '/srv/zx');
    expect(c.feishu).toMatchObject({ appId: 'cli_a', mode: 'ws', digestChats: ['oc_1', 'oc_2'] });
  });

  it('names each missing Slack variable and where to find it, one line each', () => {
    expect(problems({ SLACK_SIGNING_SECRET: SECRET })).toEqual([
      'SLACK_BOT_TOKEN is missing; find it in Slack app settings → OAuth & Permissions → Bot User OAuth Token (starts with xoxb-)',
    ]);
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([
      'SLACK_SIGNING_SECRET is missing (needed in HTTP mode; set SLACK_APP_TOKEN for Socket Mode instead); find it in Slack app settings → Basic Information → App Credentials → Signing Secret',
    ]);
  });

  it('names malformed variables, and reports them together with missing ones', () => {
    expect(
      problems({
        SLACK_BOT_TOKEN: 'xoxp-user-token',
        SLACK_APP_TOKEN: 'abc',
        PORT: '99999',
        DIGEST_CRON: 'every morning',
        DIGEST_TZ: 'Mars/Olympus',
        DIGEST_CATCH_UP: 'perhaps',
        FEISHU_APP_ID: 'cli_a',
      }),
    ).toEqual([
      'PORT must be a whole number from 0 to 65535, got "99999"',
      'SLACK_BOT_TOKEN must start with xoxb-; find it in Slack app settings → OAuth & Permissions → Bot User OAuth Token (starts with xoxb-)',
      'SLACK_APP_TOKEN must start with xapp-; find it in Slack app settings → Basic Information → App-Level Tokens, a token with the connections:write scope (starts with xapp-)',
      'DIGEST_CRON is not a valid cron expression (five fields, or six with seconds), e.g. "30 8 * * *"',
      'DIGEST_TZ is not a known IANA time zone, e.g. "Asia/Shanghai"',
      'DIGEST_CATCH_UP must be true or false, got "perhaps"',
      'FEISHU_APP_SECRET is missing; find it in Feishu developer console → your app → Credentials & Basic Info → App Secret',
    ]);
  });

  it('needs a key or token for Feishu request-URL mode', () => {
    expect(problems({ FEISHU_APP_ID: 'cli_a', FEISHU_APP_SECRET: 's', FEISHU_MODE: 'http' })).toEqual([
      'FEISHU_MODE=http needs FEISHU_ENCRYPT_KEY (recommended) or FEISHU_VERIFICATION_TOKEN; find them in Feishu developer console → your app → Events & Callbacks → Encryption Strategy → Encrypt Key',
    ]);
    expect(problems({ FEISHU_MODE: 'websocket' })).toEqual(['FEISHU_MODE must be "ws" (long connection) or "http" (request URL)']);
  });

  it('reads DingTalk with its defaults: Stream mode, robot code = client id, the public OpenAPI', () => {
    const c = loadConfig(
      { DINGTALK_CLIENT_ID: 'dingabc', DINGTALK_CLIENT_SECRET: 's', DINGTALK_DIGEST_CHATS: 'cid1==, cid2==' },
      '/srv/zx',
    );
    expect(c.dingtalk).toEqual({
      clientId: 'dingabc',
      clientSecret: 's',
      robotCode: 'dingabc',
      mode: 'stream',
      apiUrl: 'https://api.dingtalk.com',
      digestChats: ['cid1==', 'cid2=='],
    });
    const http = loadConfig(
      {
        DINGTALK_CLIENT_ID: 'dingabc',
        DINGTALK_CLIENT_SECRET: 's',
        DINGTALK_ROBOT_CODE: 'robot1',
        DINGTALK_MODE: 'http',
        DINGTALK_API_URL: 'http://127.0.0.1:9/',
      },
      '/srv/zx',
    );
    expect(http.dingtalk).toMatchObject({ robotCode: 'robot1', mode: 'http', apiUrl: 'http://127.0.0.1:9' });
  });

  it('names missing and malformed DingTalk variables', () => {
    expect(problems({ DINGTALK_CLIENT_ID: 'dingabc', DINGTALK_MODE: 'webhook', DINGTALK_API_URL: 'api.dingtalk.com' })).toEqual([
      'DINGTALK_MODE must be "stream" (Stream mode, no public URL) or "http" (HTTP callback at /dingtalk/events)',
      'DINGTALK_API_URL must be an http(s) URL',
      'DINGTALK_CLIENT_SECRET is missing; find it in DingTalk developer console (open-dev.dingtalk.com) → your app → Credentials & Basic Info → Client Secret (AppSecret)',
    ]);
  });

  it('accepts a six-field cron with seconds', () => {
    expect(loadConfig({ DIGEST_CRON: '*/2 * * * * *' }, '/srv/zx').digest.cron).toBe('*/2 * * * * *');
  });

  it('reads STATE_URL (state in Redis) and refuses anything but a redis:// URL', () => {
    expect(loadConfig({}, '/srv/zx').stateUrl).toBeUndefined();
    for (const url of ['redis://redis:6379', 'redis://127.0.0.1:6380/2', 'rediss://:pw@cache.example.com:6380/0', 'redis://user:pw@redis']) {
      expect(loadConfig({ STATE_URL: url }, '/srv/zx').stateUrl).toBe(url);
    }
    for (const url of ['http://redis:6379', 'redis:6379', 'redis://', 'redis://redis:6379/db1', 'redis://redis:6379/0?x=1']) {
      expect(problems({ STATE_URL: url })).toEqual([
        'STATE_URL must be a Redis URL, redis://host:port[/db] (rediss:// for TLS), e.g. redis://redis:6379/0',
      ]);
    }
  });
});
