/**
 * The newcomer's path: with no Slack or Feishu credentials, `npm start` opens a console that reads commands from
 * standard input, prints what the chat would show, and exits 0 at end of input.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderText } from '../../src/console/render-text.js';
import { loadConfig } from '../../src/config.js';
import { CONSOLE_MODE_NOTICE, startApp, type RunningApp } from '../../src/main.js';
import { createLogger } from '../../src/observability/logger.js';
import { ensureBuilt } from '../helpers/ensure-built.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** 10:00 in Shanghai on a Sunday: `today` is 2026-11-22. */
const NOW = () => new Date('2026-11-22T02:00:00Z');
const COMMANDS = ['人才振兴', 'help', '主题 生态', '今日', 'docs', 'theme:talent 头雁', 'subscribe'];

/** The environment without any Slack or Feishu credentials (CI may set some). */
function envWithoutCredentials(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(SLACK|FEISHU)_/.test(k)) env[k] = v;
  return { ...env, NO_COLOR: '1', ...extra };
}

describe('console mode in-process (startApp without credentials)', () => {
  let dir: string;
  let app: RunningApp;
  let printed = '';
  const logLines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-console-'));
    const stdout = new PassThrough();
    stdout.on('data', (c: Buffer) => (printed += c.toString('utf8')));
    const logger = createLogger({
      level: 'info',
      destination: { write: (s: string) => void logLines.push(...s.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>)) },
    });
    const input = Readable.from([`${COMMANDS.slice(0, 3).join('\n')}\n\n   \n`, `${COMMANDS.slice(3).join('\r\n')}\n`]);
    // Resolves only once standard input has ended.
    app = await startApp({ config: loadConfig({ DATA_DIR: dir }, dir), logger, stdin: input, stdout, now: NOW });
  });

  afterAll(async () => {
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs no server and no platform', () => {
    expect(app.port).toBeNull();
  });

  it('answers each line, in order, with exactly what the router shows the chat', async () => {
    const expected: string[] = [];
    for (const c of COMMANDS) {
      expected.push(`${renderText(await app.router.handle(c, { platform: 'console' }), { pagingHint: true })}\n\n`);
    }
    expect(printed).toBe(expected.join(''));
  });

  it('shows a search with numbered, highlighted results from the seed documents', () => {
    expect(printed).toContain('搜索：人才振兴');
    expect(printed).toMatch(/^1\. 《[^》]+》/m);
    expect(printed).toMatch(/\*\*[^*]+\*\*/);
  });

  it('answers help, a theme, today, docs and an unsupported subscribe', () => {
    expect(printed).toContain('振兴 Zhenxing — 乡村振兴与党建文献助手');
    expect(printed).toContain('主题：生态振兴');
    expect(printed).toContain('每日一读 · ');
    expect(printed).toContain('11月22日 星期日');
    expect(printed).toContain('收录文献');
    expect(printed).toContain('订阅只能在 Slack 频道、飞书群聊或钉钉群中使用。');
  });

  it('logs one structured line per command with its latency', () => {
    const commands = logLines.filter((l) => l.msg === 'command');
    // The seven typed commands, and the seven the test above sent to compare.
    expect(commands.length).toBeGreaterThanOrEqual(COMMANDS.length);
    for (const l of commands.slice(0, COMMANDS.length)) {
      expect(l).toMatchObject({ platform: 'console', level: 30 });
      expect(typeof l.ms).toBe('number');
    }
    expect(commands.slice(0, COMMANDS.length).map((l) => l.kind)).toEqual([
      'search', 'help', 'theme', 'today', 'docs', 'search', 'subscribe',
    ]);
  });
});

describe('npm start without credentials', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  it('prints the answers on stdout, no log lines, and exits 0 at end of input', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zhenxing-npm-start-'));
    try {
      const child = spawn('npm', ['start', '--silent'], {
        cwd: ROOT,
        env: envWithoutCredentials({ DATA_DIR: dir }),
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      child.stdin.end('人才振兴\n帮助\n');
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code, stderr).toBe(0);
      expect(stdout.startsWith('搜索：人才振兴'), stdout.slice(0, 300)).toBe(true);
      expect(stdout).toContain('振兴 Zhenxing — 乡村振兴与党建文献助手');
      // A person reads this: JSON log lines belong on stderr, and at the default level there are none.
      expect(stdout).not.toContain('"level"');
      expect(stderr).not.toContain('"level":30');
      // Not a terminal: one line says why the console was chosen.
      expect(stderr.split('\n').filter((l) => l.startsWith('zhenxing: console mode'))).toEqual([CONSOLE_MODE_NOTICE]);
      expect(CONSOLE_MODE_NOTICE).toBe(
        'zhenxing: console mode, because no SLACK_*, FEISHU_* or DINGTALK_* variables are set; reading commands from standard input',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
