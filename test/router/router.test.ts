import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDigestPlanner } from '../../src/digest/index.js';
import { createLogger } from '../../src/observability/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createRouter } from '../../src/router/router.js';
import type { Router, View } from '../../src/router/view-model.js';
import { extractKeywords } from '../../src/search/jieba.js';
import type { SearchEngine } from '../../src/search/types.js';
import { createStateStore } from '../../src/state/index.js';
import type { StateStore } from '../../src/state/types.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

// 2026-11-22 09:00 in Shanghai is 01:00 UTC.
const NOW = new Date('2026-11-22T01:00:00Z');

function kind<K extends View['kind']>(view: View, k: K): Extract<View, { kind: K }> {
  expect(view.kind).toBe(k);
  return view as Extract<View, { kind: K }>;
}

describe('router', () => {
  let router: Router;
  let store: StateStore;
  let dataDir: string;
  const corpus = getSharedCorpus();
  const planner = createDigestPlanner(corpus, { extractKeywords });

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'zx-router-'));
    store = await createStateStore({ dataDir, logger: createLogger({ level: 'silent' }) });
    router = createRouter({
      engine: getSharedEngine(),
      corpus,
      planner,
      store,
      timezone: 'Asia/Shanghai',
      now: () => NOW,
    });
  });

  it('answers /zhenxing 人才振兴 with five talent passages, the query repeated, and a next page', async () => {
    const v = kind(await router.handle('/zhenxing 人才振兴', { platform: 'slack' }), 'results');
    expect(v.query).toBe('人才振兴');
    expect(v.mode).toBe('search');
    expect(v.page).toBe(1);
    expect(v.items).toHaveLength(5);
    expect(v.items[0]?.themes.map((t) => t.id)).toContain('talent');
    expect(v.items[0]?.segments.some((s) => s.match && s.text.includes('人才'))).toBe(true);
    expect(v.next).toEqual({ kind: 'search', query: '人才振兴', page: 2 });
    expect(v.prev).toBeUndefined();
  });

  it('pages forward and back without repeating results', async () => {
    const p1 = kind(await router.handle('党建引领', { platform: 'slack' }), 'results');
    const p2 = kind(await router.page({ kind: 'search', query: '党建引领', page: 2 }, { platform: 'slack' }), 'results');
    expect(p2.page).toBe(2);
    expect(p2.prev).toEqual({ kind: 'search', query: '党建引领', page: 1 });
    const ids1 = new Set(p1.items.map((i) => i.id));
    expect(p2.items.some((i) => ids1.has(i.id))).toBe(false);
  });

  it('lists a theme with 主题 生态, every item labelled ecology', async () => {
    const v = kind(await router.handle('主题 生态', { platform: 'feishu' }), 'results');
    expect(v.mode).toBe('theme');
    expect(v.theme?.id).toBe('ecology');
    expect(v.query).toBe('生态振兴');
    expect(v.items.length).toBeGreaterThan(0);
    for (const item of v.items) expect(item.themes.map((t) => t.id)).toContain('ecology');
    if (v.next) expect(v.next).toEqual({ kind: 'theme', theme: 'ecology', page: 2 });
  });

  it('names an unknown theme and lists the real ones', async () => {
    const v = kind(await router.handle('主题 体育', { platform: 'slack' }), 'message');
    expect(v.tone).toBe('error');
    expect(v.message.zh).toBe('没有“体育”这个主题。可选主题：产业、人才、文化、生态、组织。');
  });

  it('shows help for an empty command, help and 帮助', async () => {
    for (const text of ['', 'help', '帮助', '、帮助']) {
      const v = kind(await router.handle(text, { platform: 'slack' }), 'help');
      expect(v.commands.map((c) => c.usage)).toContain('/zhenxing 主题 <名称>');
      expect(v.examples.length).toBeGreaterThan(3);
    }
  });

  it("previews today's digest for the calendar date in DIGEST_TZ", async () => {
    const v = kind(await router.handle('今日', { platform: 'slack' }), 'digest');
    expect(v.preview).toBe(true);
    expect(v.digest.date).toBe('2026-11-22');
    expect(v.digest).toEqual(planner.digestFor('2026-11-22'));
  });

  it('lists the sources with passage counts, the excluded article left out', async () => {
    const v = kind(await router.handle('文档', { platform: 'slack' }), 'docs');
    expect(v.docs.every((d) => d.included)).toBe(true);
    expect(v.docs.map((d) => d.title)).toContain('2022年关于新时代党建引领乡村振兴的探讨与研究范文');
    expect(v.docs.reduce((n, d) => n + d.passageCount, 0)).toBe(corpus.passages.length);
  });

  it('subscribes and unsubscribes a channel, persisted in DATA_DIR', async () => {
    const ctx = { platform: 'slack' as const, channelId: 'C0TEST' };
    const first = kind(await router.handle('订阅', ctx), 'subscription');
    expect(first).toMatchObject({ subscribed: true, changed: true });
    expect(first.message.zh).toBe('已订阅：本频道每天早上会收到“每日一读”。');
    const again = kind(await router.handle('subscribe', ctx), 'subscription');
    expect(again).toMatchObject({ subscribed: true, changed: false, lang: 'en' });
    expect(again.message.en).toBe('This channel is already subscribed to the daily digest.');

    const reopened = await createStateStore({ dataDir, logger: createLogger({ level: 'silent' }) });
    expect(reopened.isSubscribed({ platform: 'slack', id: 'C0TEST' })).toBe(true);

    const off = kind(await router.handle('退订', ctx), 'subscription');
    expect(off).toMatchObject({ subscribed: false, changed: true });
    const reopened2 = await createStateStore({ dataDir, logger: createLogger({ level: 'silent' }) });
    expect(reopened2.isSubscribed({ platform: 'slack', id: 'C0TEST' })).toBe(false);
  });

  it('says 本群 in a Feishu chat', async () => {
    const v = kind(await router.handle('订阅', { platform: 'feishu', channelId: 'oc_test' }), 'subscription');
    expect(v.message.zh).toBe('已订阅：本群每天早上会收到“每日一读”。');
    await router.handle('退订', { platform: 'feishu', channelId: 'oc_test' });
  });

  it('says 本会话 in a private chat, and help words itself for the place', async () => {
    const place = { kind: 'private' as const, prefix: '', privateAnswers: false };
    const v = kind(await router.handle('订阅', { platform: 'feishu', channelId: 'oc_p2p', place }), 'subscription');
    expect(v.message.zh).toBe('已订阅：本会话每天早上会收到“每日一读”。');
    await router.handle('退订', { platform: 'feishu', channelId: 'oc_p2p', place });

    const priv = kind(await router.handle('帮助', { platform: 'feishu', place }), 'help');
    expect(priv.commands.find((c) => c.usage === '订阅')?.zh).toBe('本会话每天早上接收每日一读');
    expect(priv.commands.find((c) => c.usage === '今日')?.zh).toBe('预览今天的每日一读');
    const group = kind(
      await router.handle('帮助', { platform: 'feishu', place: { kind: 'group', prefix: '@振兴 ', privateAnswers: true } }),
      'help',
    );
    expect(group.commands.map((c) => c.usage)).toContain('@振兴 订阅');
    expect(group.commands.find((c) => c.usage === '@振兴 今日')?.zh).toBe('预览今天的每日一读（仅自己可见）');
    expect(group.examples[0]).toBe('@振兴 人才振兴');
    // With no place said (the CLI, DingTalk until it says), help claims nothing about who sees answers.
    const none = kind(await router.handle('帮助', { platform: 'console' }), 'help');
    expect(JSON.stringify(none)).not.toContain('仅自己可见');
  });

  it('does not subscribe where the adapter says the digest could not be posted', async () => {
    const refusal = { zh: '机器人不在这里。', en: 'The bot is not here.' };
    const ctx = { platform: 'slack' as const, channelId: 'C0REFUSED', subscribable: async () => refusal };
    const v = kind(await router.handle('订阅', ctx), 'message');
    expect(v.message).toEqual(refusal);
    expect(store.isSubscribed({ platform: 'slack', id: 'C0REFUSED' })).toBe(false);
  });

  it('`主题 产业 经济` searches within the theme', async () => {
    // (集体经济 is in 5 industry passages since issue 9: a passage needs the word whole, not 集体 or 经济 alone.)
    const v = kind(await router.handle('主题 产业 经济', { platform: 'console' }), 'results');
    expect(v.mode).toBe('search');
    expect(v.query).toBe('主题:产业 经济');
    expect(v.total).toBeGreaterThan(5);
    for (const item of v.items) expect(item.themes.map((t) => t.id)).toContain('industry');
    expect(v.next).toEqual({ kind: 'search', query: '主题:产业 经济', page: 2 });
  });

  it('answers a doc: it does not know with every id it does, articles too', async () => {
    const v = kind(await router.handle('doc:999 人才', { platform: 'console' }), 'message');
    expect(v.message.zh).toBe('没有编号为“999”的文档。可选文档：000、001、002、003、003c、004。');
    const ids = [...new Set([...corpus.passages.map((p) => p.docId), ...corpus.passages.map((p) => p.articleId)])].sort();
    expect(v.message.en).toBe(`There is no document "999". Documents: ${ids.join(', ')}.`);
  });

  it('answers a query that is too long with the input error, however it is written', async () => {
    for (const text of ['人'.repeat(250), `主题 产业 ${'集体'.repeat(150)}`, `"${'人才'.repeat(120)}"`, `doc:${'9'.repeat(300)}`]) {
      const v = kind(await router.handle(text, { platform: 'console' }), 'message');
      expect(v.message.zh, text.slice(0, 20)).toMatch(/^搜索内容太长了（\d+ 个字），请控制在 200 个字以内。$/);
    }
    const paged = kind(await router.page({ kind: 'search', query: '人'.repeat(250), page: 2 }, { platform: 'console' }), 'message');
    expect(paged.message.zh).toBe('搜索内容太长了（250 个字），请控制在 200 个字以内。');
  });

  it('explains that subscriptions need a channel in the console', async () => {
    const v = kind(await router.handle('订阅', { platform: 'console' }), 'message');
    expect(v.message.zh).toBe('订阅只能在 Slack 频道、飞书群聊或钉钉群中使用。');
  });

  it('shares a passage by id, and answers kindly for an id that is gone', async () => {
    const id = corpus.passages[5]?.id as string;
    const v = kind(await router.share(id, { platform: 'slack', userId: 'U1' }), 'share');
    expect(v.passage.id).toBe(id);
    expect(v.sharedBy).toBe('U1');
    const gone = kind(await router.share('999-999', { platform: 'slack', userId: 'U1' }), 'message');
    expect(gone.message.zh).toBe('找不到这段文字，可能文库已经更新。请重新搜索后再分享。');
  });

  it('turns search errors into friendly messages in the user’s languages', async () => {
    const v = kind(await router.handle('x'.repeat(5000), { platform: 'slack' }), 'message');
    expect(v.tone).toBe('error');
    expect(v.message.zh).toMatch(/^搜索内容太长了（5000 个字）/);
    expect(v.lang).toBe('en');
  });

  it('says so, with suggestions, when nothing matches', async () => {
    const v = kind(await router.handle('量子计算机', { platform: 'slack' }), 'results');
    expect(v.total).toBe(0);
    expect(v.notice?.zh).toBe('没有找到与“量子计算机”相关的段落。');
    expect(v.suggestions.length).toBeGreaterThan(0);
  });

  it('logs one line per command with its latency, and answers kindly when something breaks', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
        cb();
      },
    });
    const broken: SearchEngine = {
      search: () => {
        throw new Error('disk on fire');
      },
      byTheme: () => {
        throw new Error('disk on fire');
      },
      get: () => undefined,
    };
    const metrics = createMetrics({ defaultMetrics: false });
    const r = createRouter({
      engine: broken,
      corpus,
      planner,
      timezone: 'Asia/Shanghai',
      logger: createLogger({ level: 'info', destination: sink }),
      metrics,
    });
    const v = kind(await r.handle('人才', { platform: 'slack' }), 'message');
    expect(v.message.zh).toBe('抱歉，处理时出了点问题，请稍后再试。');
    expect(lines.some((l) => l.msg === 'command failed' && (l.err as { message: string }).message === 'disk on fire')).toBe(true);
    const cmd = lines.find((l) => l.msg === 'command');
    expect(cmd).toMatchObject({ platform: 'slack', kind: 'search', view: 'message' });
    expect(typeof cmd?.ms).toBe('number');
    expect(await metrics.registry.getSingleMetricAsString('zhenxing_errors_total')).toContain('where="router.search"} 1');
  });
});
