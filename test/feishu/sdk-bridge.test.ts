/**
 * What the SDK's log lines look like once they reach pino: no secrets in object keys, and no URL query strings
 * (the long connection's URL carries its short-lived credentials there).
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { describeForLog, sdkLogger, stripUrlQueries } from '../../src/feishu/sdk-bridge.js';
import { createLogger } from '../../src/observability/logger.js';

const WS_URL =
  'wss://msg-frontier.feishu.cn/ws/v2?fpid=493&aid=552564&device_id=7263000000000000000&access_key=0a1b2c3d4e5f&service_id=33554678&ticket=5f4e3d2c-1b0a';

describe('URL query strings in SDK log lines', () => {
  it('strips the long connection URL the SDK logs at debug', () => {
    expect(describeForLog(['[ws]', `get connect config success, ws url: ${WS_URL}`])).toBe(
      '[ws] get connect config success, ws url: wss://msg-frontier.feishu.cn/ws/v2?[redacted]',
    );
  });

  it('strips ws, wss, http and https URLs, each of several, and leaves the rest of the line alone', () => {
    expect(
      stripUrlQueries(
        'tried ws://127.0.0.1:9000/ws?ticket=a then HTTPS://open.feishu.cn/open-apis/im/v1/messages?receive_id_type=chat_id&x=1 and "http://h/p?q=1#frag".',
      ),
    ).toBe('tried ws://127.0.0.1:9000/ws?[redacted] then HTTPS://open.feishu.cn/open-apis/im/v1/messages?[redacted] and "http://h/p?[redacted]#frag".');
    // Punctuation right after a query is legal inside one, so it goes too: better one comma too many than a secret.
    expect(stripUrlQueries('at wss://h/ws?ticket=a,b, retrying')).toBe('at wss://h/ws?[redacted] retrying');
    expect(stripUrlQueries('no query: https://open.feishu.cn/open-apis/bot/v3/info, is this a question?')).toBe(
      'no query: https://open.feishu.cn/open-apis/bot/v3/info, is this a question?',
    );
  });

  it('strips them inside objects and error messages too', () => {
    expect(describeForLog({ url: WS_URL, attempt: 2 })).toBe(
      '{"url":"wss://msg-frontier.feishu.cn/ws/v2?[redacted]","attempt":2}',
    );
    expect(describeForLog(new Error(`connect to ${WS_URL} failed`))).toBe(
      'Error: connect to wss://msg-frontier.feishu.cn/ws/v2?[redacted] failed',
    );
  });

  it('strips before shortening, so a cut never leaves part of a query', () => {
    const line = describeForLog(`${'x'.repeat(560)} ${WS_URL}`);
    expect(line).toBe(`${'x'.repeat(560)} wss://msg-frontier.feishu.cn/ws/v2?[redacted]`.slice(0, 600));
    expect(line).not.toContain('fpid');
  });

  it('reaches pino without the query at LOG_LEVEL=debug', () => {
    const out: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _enc, cb) {
        out.push(chunk.toString('utf8'));
        cb();
      },
    });
    sdkLogger(createLogger({ level: 'debug', destination })).debug('[ws]', `get connect config success, ws url: ${WS_URL}`);
    const line = JSON.parse(out.join('')) as Record<string, unknown>;
    expect(line).toMatchObject({
      component: 'feishu-sdk',
      msg: '[ws] get connect config success, ws url: wss://msg-frontier.feishu.cn/ws/v2?[redacted]',
    });
    expect(out.join('')).not.toMatch(/access_key|ticket|device_id/);
  });
});
