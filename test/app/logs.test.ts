/**
 * Structured logs (src/observability/logger.ts): one JSON object per line, and no secret from the configuration or a
 * request ever printed, however deep in the logged object it sits.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/observability/logger.js';

const SECRETS = {
  SLACK_BOT_TOKEN: 'xoxb-1111-2222-secretbottoken',
  SLACK_SIGNING_SECRET: 'secretsigning0123456789abcdef',
  SLACK_APP_TOKEN: 'xapp-1-secretapptoken',
  FEISHU_APP_ID: 'cli_a1b2c3d4e5',
  FEISHU_APP_SECRET: 'secretfeishuappsecret',
  FEISHU_ENCRYPT_KEY: 'secretfeishuencryptkey',
  FEISHU_VERIFICATION_TOKEN: 'secretfeishuverificationtoken',
};
/** Values that must never appear (the Feishu app id is an identifier, not a secret). */
const MUST_NOT_APPEAR = Object.entries(SECRETS)
  .filter(([k]) => k !== 'FEISHU_APP_ID')
  .map(([, v]) => v);

function capture() {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'trace',
    destination: { write: (s: string) => void lines.push(...s.split('\n').filter((l) => l !== '')) },
  });
  return { logger, lines };
}

describe('structured logs', () => {
  const config = loadConfig({ ...SECRETS, FEISHU_MODE: 'http', DATA_DIR: '/tmp/zhenxing-logs-test' });
  const slack = config.slack!;
  const feishu = config.feishu!;

  it.each([
    ['the whole config', { config }],
    ['the Slack config', { slack }],
    ['the Slack config merged in', { ...slack }],
    ['the Feishu config', { feishu }],
    ['the Feishu config merged in', { ...feishu }],
    ['a config under two levels', { app: { config } }],
    ['request headers', { req: { headers: { authorization: `Bearer ${SECRETS.SLACK_BOT_TOKEN}` } } }],
    ['bare headers', { headers: { authorization: `Bearer ${SECRETS.SLACK_BOT_TOKEN}` } }],
    ['a client options object', { clientOptions: { token: SECRETS.SLACK_BOT_TOKEN } }],
  ])('prints no secret when logging %s', (_what, obj) => {
    const { logger, lines } = capture();
    logger.info(obj, 'configured');
    expect(lines).toHaveLength(1);
    const line = lines[0] ?? '';
    expect(() => JSON.parse(line)).not.toThrow();
    for (const secret of MUST_NOT_APPEAR) expect(line).not.toContain(secret);
    expect(line).toContain('[redacted]');
  });

  it('writes one JSON object per line with level, time, app and message', () => {
    const { logger, lines } = capture();
    logger.info({ kind: 'search', ms: 1.5 }, 'command');
    logger.warn('line\nbreak');
    expect(lines).toHaveLength(2);
    const [a, b] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(a).toMatchObject({ level: 30, app: 'zhenxing', msg: 'command', kind: 'search', ms: 1.5 });
    expect(typeof a?.time).toBe('number');
    expect(b).toMatchObject({ level: 40, msg: 'line\nbreak' });
  });
});
