/**
 * 文档 over a library of a thousand documents: a page of ten with the count and how to see more, on every platform
 * within its limits; 文档 2 the next page; 文档 <words> the documents whose title has them.
 */
import { describe, expect, it } from 'vitest';
import type { ArticleMeta, Corpus } from '../../src/corpus/types.js';
import { createDigestPlanner } from '../../src/digest/index.js';
import { renderText } from '../../src/console/render-text.js';
import { renderView as renderDingTalk } from '../../src/dingtalk/render.js';
import { CARD_BYTE_BUDGET, cardBytes, renderView as renderFeishu } from '../../src/feishu/render/index.js';
import { parseCommand } from '../../src/router/parse-command.js';
import { createRouter } from '../../src/router/router.js';
import type { CommandContext, DocsView, View } from '../../src/router/view-model.js';
import { extractKeywords } from '../../src/search/jieba.js';
import { LIMITS, renderView as renderSlack } from '../../src/slack/render/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const base = getSharedCorpus();
const ADDED = 995;
// The seeds and 995 added notices with long titles, as a county's library might hold.
const added: ArticleMeta[] = Array.from({ length: ADDED }, (_, i) => ({
  ...(base.articles[0] as ArticleMeta),
  id: `lib-${String(i).padStart(8, '0')}`,
  docId: `lib-${String(i).padStart(8, '0')}`,
  title: `xx县农业农村局关于做好${i % 2 === 0 ? '高标准农田建设' : '农村集体经济发展'}工作的通知（第${i + 1}号）`,
  source: 'xx县人民政府网',
  issuer: 'xx县农业农村局',
  docNumber: `x农发〔2025〕${i + 1}号`,
  titleIsDescriptive: false,
}));
const corpus: Corpus = { ...base, articles: [...base.articles, ...added] };
const router = createRouter({
  engine: getSharedEngine(),
  corpus,
  planner: createDigestPlanner(corpus, { extractKeywords }),
  timezone: 'Asia/Shanghai',
});
const total = corpus.articles.length;

async function docs(text: string, ctx: CommandContext = { platform: 'dingtalk' }): Promise<DocsView> {
  const v: View = await router.handle(text, ctx);
  expect(v.kind).toBe('docs');
  return v as DocsView;
}

describe('文档 with a thousand documents', () => {
  it('parses 文档, 文档 2, 文档 <words> and 文档 <words> 2', () => {
    expect(parseCommand('文档')).toEqual({ kind: 'docs' });
    expect(parseCommand('文档 2')).toEqual({ kind: 'docs', page: 2 });
    expect(parseCommand('docs ２')).toEqual({ kind: 'docs', page: 2 });
    expect(parseCommand('文档 集体经济')).toEqual({ kind: 'docs', filter: '集体经济' });
    expect(parseCommand('文档 集体经济 3')).toEqual({ kind: 'docs', filter: '集体经济', page: 3 });
  });

  it('shows the first ten with the count and what to send for the next page, a title or the texts', async () => {
    const v = await docs('文档');
    expect(v.docs.map((d) => d.id)).toEqual(corpus.articles.slice(0, 10).map((a) => a.id));
    expect([v.total, v.libraryTotal, v.page, v.pageCount]).toEqual([total, total, 1, Math.ceil(total / 10)]);
    expect(v.note?.zh).toBe(`第 1/${v.pageCount} 页，共 ${total} 篇。发送“文档 2”看下一页；发送“文档 关键词”按标题查找，直接发送关键词可搜索全文。`);
    expect(v.note?.en).toBe(
      `Page 1 of ${v.pageCount}, ${total} documents. Send "docs 2" for the next page; send "docs <words>" to find a title, or just send words to search the texts.`,
    );
  });

  it('pages on with 文档 2, and the last page says no next page; a page past the end shows the last', async () => {
    const second = await docs('文档 2');
    expect(second.docs.map((d) => d.id)).toEqual(corpus.articles.slice(10, 20).map((a) => a.id));
    expect(second.note?.zh).toContain('发送“文档 3”看下一页');
    const last = await docs(`文档 ${second.pageCount}`);
    expect(last.docs.map((d) => d.id)).toEqual(corpus.articles.slice((second.pageCount - 1) * 10).map((a) => a.id));
    expect(last.note?.zh).toBe(`第 ${last.pageCount}/${last.pageCount} 页，共 ${total} 篇。发送“文档 关键词”按标题查找，直接发送关键词可搜索全文。`);
    expect((await docs('文档 99999')).page).toBe(last.pageCount);
  });

  it('finds documents by words of their title, source, issuer or 文号, and pages through them', async () => {
    const found = await docs('文档 集体经济');
    const expected = corpus.articles.filter((a) => [a.title, a.source, a.issuer, a.docNumber].join(' ').includes('集体经济'));
    expect(found.total).toBe(expected.length);
    expect(found.total).toBeGreaterThan(400);
    expect(found.docs.every((d) => d.title.includes('集体经济'))).toBe(true);
    expect(found.filter).toBe('集体经济');
    expect(found.note?.zh).toContain('发送“文档 集体经济 2”看下一页');
    const one = await docs('文档 〔2025〕42号');
    expect(one.docs.map((d) => d.title)).toEqual(['xx县农业农村局关于做好农村集体经济发展工作的通知（第42号）']);
    expect(one.note).toBeUndefined();
    const none = await docs('文档 飞机场');
    expect(none.docs).toEqual([]);
    expect(none.note?.zh).toBe(`没有标题含“飞机场”的文档。发送“文档”查看全部 ${total} 篇，或发送“飞机场”搜索全文。`);
  });

  it('words the hints as commands are typed where the list was asked for', async () => {
    const slack = await docs('文档', { platform: 'slack', place: { kind: 'group', prefix: '/zhenxing ', privateAnswers: true } });
    expect(slack.note?.zh).toContain('输入“/zhenxing 文档 2”看下一页');
  });

  it('renders within each platform’s limits, with the count and the hint', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const v = { ...(await docs(lang === 'en' ? 'docs' : '文档')), lang };
      const slack = renderSlack(v);
      expect(slack.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
      const slackText = JSON.stringify(slack.blocks);
      expect(slackText).toContain(`共 ${total} 篇`);
      expect(slackText).toContain('文档 2');
      const feishu = renderFeishu(v);
      expect(cardBytes(feishu)).toBeLessThanOrEqual(CARD_BYTE_BUDGET);
      expect(JSON.stringify(feishu)).toContain(`共 ${total} 篇`);
      expect(JSON.stringify(feishu)).toContain('文档 2');
      const ding = renderDingTalk(v);
      expect(ding.text.length).toBeLessThan(5000);
      expect(ding.text).toContain(`共 ${total} 篇`);
      expect(ding.text).toContain('文档 2');
      const text = renderText(v);
      expect(text).toContain(`收录文献（共 ${total} 篇）`);
      expect(text).toContain('文档 2');
      if (lang === 'en') expect(text).toContain('"docs 2" for the next page');
    }
  });
});
