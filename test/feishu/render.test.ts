/**
 * Card renderers: pure functions from views to Feishu cards. What a user would notice: the content is there,
 * nothing typed by a user or found in the corpus turns into a mention, link or markup, and no card is refused
 * for being over Feishu's 30 KB limit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { THEMES, type Passage, type ThemeInfo } from '../../src/corpus/types.js';
import { parseActionValue } from '../../src/feishu/actions.js';
import { inline, segmentsToMarkdown } from '../../src/feishu/render/markdown.js';
import {
  CARD_BYTE_LIMIT,
  cardBytes,
  renderDigest,
  renderHelp,
  renderMessage,
  renderResults,
  renderShare,
  renderView,
} from '../../src/feishu/render/index.js';
import { HELP_COMMANDS, HELP_EXAMPLES } from '../../src/router/router.js';
import { decodePageRef, type ResultItem, type ResultsView } from '../../src/router/view-model.js';
import { getSharedCorpus } from '../helpers/shared-index.js';
import { buttonsOf, cardProblems, markdownOf } from './card-check.js';

const talent = THEMES[1] as ThemeInfo;
const ecology = THEMES[3] as ThemeInfo;

function passage(over: Partial<Passage> = {}): Passage {
  return {
    id: '002-014',
    docId: '002',
    articleId: '002',
    title: '关于加强乡村人才振兴的意见',
    section: '一、总体要求',
    text: '乡村振兴，关键在人。要培养一支懂农业、爱农村、爱农民的人才队伍。',
    ordinal: 14,
    position: { start: 0, end: 30 },
    themes: ['talent'],
    themeScores: { industry: 0, talent: 3, culture: 0, ecology: 0, organization: 0 },
    fragment: false,
    placeholders: 0,
    ...over,
  };
}

function item(over: Partial<ResultItem> = {}): ResultItem {
  return {
    id: '002-014',
    docId: '002',
    title: '关于加强乡村人才振兴的意见',
    section: '一、总体要求',
    segments: [
      { text: '乡村振兴，关键在人。要培养一支', match: false },
      { text: '人才', match: true },
      { text: '队伍。', match: false },
    ],
    text: '乡村振兴，关键在人。要培养一支人才队伍。',
    themes: [talent],
    ...over,
  };
}

function results(over: Partial<ResultsView> = {}): ResultsView {
  return {
    kind: 'results',
    lang: 'zh',
    mode: 'search',
    query: '人才振兴',
    total: 12,
    page: 1,
    pageSize: 5,
    pageCount: 3,
    items: [1, 2, 3, 4, 5].map((n) => item({ id: `002-0${10 + n}` })),
    suggestions: [],
    next: { kind: 'search', query: '人才振兴', page: 2 },
    ...over,
  };
}

/** Markdown with our own numeric character references taken out: what is left is what the renderer sees as syntax. */
const syntaxOf = (md: string) => md.replace(/&#\d+;/g, '');

const HOSTILE = '<at id=all></at> [点我](https://evil.example/x) **粗体** :OK: # 标题\n    代码 `x` ~~删~~ <font color=red>红</font>';

describe('escaping', () => {
  it('leaves no markdown syntax in any user or corpus text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => {
        const out = syntaxOf(inline(s));
        expect(out).not.toMatch(/[!-/:-@[-`{-~]/);
        expect(out).not.toContain('\n');
      }),
    );
  });

  it('shows a hostile query literally instead of mentioning everyone, linking or formatting', () => {
    const card = renderResults(results({ query: HOSTILE, total: 0, items: [], notice: { zh: `没有找到与“${HOSTILE}”相关的段落。`, en: '' } }));
    const md = markdownOf(card);
    expect(md).not.toContain('<at');
    expect(md).not.toContain('](');
    expect(md).not.toContain('https://');
    expect(md).not.toContain(':OK:');
    expect(md).not.toContain('**粗体**');
    expect(md).not.toContain('<font color=red>');
    expect(md).toContain('&#60;at id&#61;all&#62;&#60;&#47;at&#62;');
    // The header is plain text, which Feishu does not parse: the query is shown as typed, on one line.
    expect(card.header.title.content).toBe(`搜索：${HOSTILE.replace(/\s+/g, ' ')}`);
    expect(cardProblems(card)).toEqual([]);
  });

  it('escapes corpus text in titles, sections, snippets and quotes', () => {
    const evil = '[链接](http://x.example) <at id=all></at>';
    const card = renderResults(
      results({ items: [item({ title: evil, section: evil, segments: [{ text: evil, match: true }] })] }),
    );
    expect(markdownOf(card)).not.toMatch(/<at|\]\(/);
    const share = renderShare({ kind: 'share', passage: passage({ title: evil, section: evil, text: evil }), sharedBy: 'ou_abc' });
    expect(syntaxOf(markdownOf(share)).match(/<at[^>]*>/g)).toEqual(['<at id=ou_abc>']);
  });

  it('mentions the sharer only when the id is a real open_id', () => {
    const ok = markdownOf(renderShare({ kind: 'share', passage: passage(), sharedBy: 'ou_7d8a6e6df7621556ce0d21922b676706' }));
    expect(ok).toContain('由 <at id=ou_7d8a6e6df7621556ce0d21922b676706></at> 分享 · 振兴文库');
    for (const id of ['all', 'ou_x></at><at id=all', '', 'U123']) {
      const md = markdownOf(renderShare({ kind: 'share', passage: passage(), sharedBy: id }));
      expect(md).not.toContain('<at');
      expect(md).toContain('分享自振兴文库');
    }
  });

  it('emphasises matched words without stray stars', () => {
    expect(
      segmentsToMarkdown([
        { text: '发展', match: false },
        { text: '人才', match: true },
        { text: '振兴', match: true },
        { text: '。', match: false },
      ]),
    ).toBe('发展**人才振兴**。');
    // `**` next to punctuation is not emphasis in CommonMark: the brackets stay outside.
    expect(segmentsToMarkdown([{ text: '（人才）', match: true }])).toBe('（**人才**）');
    expect(segmentsToMarkdown([{ text: '*', match: true }])).toBe('&#42;');
  });
});

describe('results card', () => {
  it('shows each passage with its source, highlighted snippet, theme tags and a share button', () => {
    const card = renderResults(results());
    expect(cardProblems(card)).toEqual([]);
    expect(card.header.title.content).toBe('搜索：人才振兴');
    expect(card.header.subtitle?.content).toBe('共 12 条 · 第 1/3 页');
    const md = markdownOf(card);
    expect(md).toContain('1&#46; **《关于加强乡村人才振兴的意见》· 一、总体要求**');
    expect(md).toContain('5&#46; **《关于加强乡村人才振兴的意见》');
    expect(md).toContain('要培养一支**人才**队伍。');
    expect(md).toContain("<text_tag color='red'>人才振兴</text_tag>");
    const shares = buttonsOf(card).filter((b) => b.value.action === 'share');
    expect(shares.map((b) => b.value.id)).toEqual(['002-011', '002-012', '002-013', '002-014', '002-015']);
    expect(shares[0]?.label).toBe('分享到会话');
  });

  it('pages with buttons that carry the next and previous page', () => {
    const card = renderResults(
      results({ page: 2, prev: { kind: 'search', query: '人才振兴', page: 1 }, next: { kind: 'search', query: '人才振兴', page: 3 } }),
    );
    const pages = buttonsOf(card).filter((b) => b.value.action === 'page');
    expect(pages.map((b) => b.label)).toEqual(['‹ 上一页', '下一页 ›']);
    expect(pages.map((b) => decodePageRef(String(b.value.ref)))).toEqual([
      { kind: 'search', query: '人才振兴', page: 1 },
      { kind: 'search', query: '人才振兴', page: 3 },
    ]);
    // Numbering continues across pages.
    expect(markdownOf(card)).toContain('6&#46; **');
  });

  it('offers suggestions as buttons that open the theme or search', () => {
    const card = renderResults(
      results({
        total: 0,
        pageCount: 0,
        items: [],
        next: undefined,
        notice: { zh: '没有找到与“量子”相关的段落。', en: 'No passages found for "量子".' },
        suggestions: [
          { kind: 'theme', text: '主题 人才' },
          { kind: 'term', text: '集体经济' },
        ],
      }),
    );
    expect(cardProblems(card)).toEqual([]);
    expect(markdownOf(card)).toContain('没有找到与“量子”相关的段落。');
    const refs = buttonsOf(card).map((b) => decodePageRef(String(b.value.ref)));
    expect(refs).toEqual([
      { kind: 'theme', theme: 'talent', page: 1 },
      { kind: 'search', query: '集体经济', page: 1 },
    ]);
  });

  it('adds English where the user wrote English', () => {
    const card = renderResults(results({ lang: 'en', query: 'talent' }));
    expect(card.header.title.content).toBe('搜索：talent · Search');
    expect(card.header.subtitle?.content).toBe('共 12 条 · 第 1/3 页 · 12 results · page 1/3');
    expect(buttonsOf(card)[0]?.label).toBe('分享到会话 / Share');
  });
});

describe('size limit', () => {
  const huge = (n: number) => '乡村振兴关键在人，人才振兴是基础。'.repeat(Math.ceil(n / 17)).slice(0, n);

  it('keeps a results card with enormous snippets under 30 KB, cutting the snippets', () => {
    const card = renderResults(
      results({
        items: [1, 2, 3, 4, 5].map((n) =>
          item({ id: `002-0${n}`, title: huge(500), section: huge(500), segments: [{ text: huge(20_000), match: false }] }),
        ),
      }),
    );
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BYTE_LIMIT);
    expect(cardProblems(card)).toEqual([]);
    expect(markdownOf(card)).toContain('…');
  });

  it('keeps a share of a very long passage under 30 KB, cut at a sentence end', () => {
    const card = renderShare({ kind: 'share', passage: passage({ text: huge(60_000) }), sharedBy: 'ou_abc' });
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BYTE_LIMIT);
    expect(markdownOf(card)).toMatch(/。…\n\n—— 《/);
  });

  it('keeps a digest of very long passages under 30 KB', () => {
    const card = renderDigest({
      kind: 'digest',
      lang: 'zh',
      preview: false,
      digest: {
        date: '2026-11-22',
        theme: talent,
        passages: [1, 2, 3, 4, 5].map((n) => passage({ id: `p${n}`, text: huge(30_000) })),
        keywords: ['人才', '振兴'],
      },
    });
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BYTE_LIMIT);
    expect(cardProblems(card)).toEqual([]);
  });

  it('cuts an enormous message and leaves out page buttons whose value Feishu could not carry back', () => {
    const long = '查'.repeat(100_000);
    const msg = renderMessage({ kind: 'message', lang: 'en', tone: 'error', message: { zh: long, en: long } });
    expect(cardProblems(msg)).toEqual([]);
    const card = renderResults(results({ query: long, next: { kind: 'search', query: long, page: 2 } }));
    expect(cardProblems(card)).toEqual([]);
    expect(buttonsOf(card).filter((b) => b.value.action === 'page')).toEqual([]);
  });

  it('shares every passage of the real corpus whole and within the limit', () => {
    const corpus = getSharedCorpus();
    let largest = 0;
    for (const p of corpus.passages) {
      const card = renderShare({ kind: 'share', passage: p, sharedBy: 'ou_abc' });
      largest = Math.max(largest, cardBytes(card));
      expect(cardProblems(card)).toEqual([]);
      // Not cut: the last characters of the passage are in the quote.
      expect(markdownOf(card)).toContain(inline(p.text.trim().slice(-8)));
    }
    console.log(`feishu share cards over ${corpus.passages.length} passages: largest ${largest} bytes (limit ${CARD_BYTE_LIMIT})`);
  });
});

describe('other cards', () => {
  it('help lists the commands with the prefix shown literally', () => {
    const card = renderHelp({ kind: 'help', lang: 'zh', commands: HELP_COMMANDS, examples: HELP_EXAMPLES });
    expect(cardProblems(card)).toEqual([]);
    const md = markdownOf(card);
    expect(md).toContain('**&#47;zhenxing &#60;关键词&#62;**');
    expect(md).toContain('在群里请先 &#64;我 再输入');
    expect(md).toContain('· &#47;zhenxing 人才振兴');
  });

  it('the digest quotes the lead passage with its source and lists the others', () => {
    const card = renderDigest({
      kind: 'digest',
      lang: 'zh',
      preview: false,
      digest: {
        date: '2026-11-22',
        theme: ecology,
        passages: [passage({ text: '绿水青山就是金山银山。' }), passage({ id: 'x', title: '另一篇', section: null })],
        keywords: ['生态', '绿色'],
      },
    });
    expect(cardProblems(card)).toEqual([]);
    expect(card.header.title.content).toBe('每日一读 · 生态振兴 · 11月22日 星期日');
    const md = markdownOf(card);
    expect(md).toContain('> 绿水青山就是金山银山。\n\n—— 《关于加强乡村人才振兴的意见》· 一、总体要求');
    expect(md).toContain('**《另一篇》**');
    expect(md).toContain('关键词：生态 · 绿色');
    expect(md).toContain('发送“退订”可停止接收每日一读。');
  });

  it('messages show Chinese, and the English too when the user wrote English', () => {
    const zh = renderMessage({ kind: 'message', lang: 'zh', tone: 'error', message: { zh: '查询太长了。', en: 'Query too long.' } });
    expect(markdownOf(zh)).toBe('查询太长了。');
    expect(zh.header.template).toBe('orange');
    const en = renderView({ kind: 'message', lang: 'en', tone: 'info', message: { zh: '已订阅。', en: 'Subscribed.' } });
    expect(markdownOf(en)).toBe('已订阅。\nSubscribed&#46;');
  });

  it('the theme list has a button per theme that opens its listing', () => {
    const card = renderView({ kind: 'themes', lang: 'zh', themes: THEMES.map((t) => ({ ...t, passageCount: 9 })) });
    expect(cardProblems(card)).toEqual([]);
    expect(buttonsOf(card).map((b) => [b.label, parseActionValue(b.value)])).toEqual(
      THEMES.map((t) => [t.short, { action: 'page', ref: JSON.stringify({ kind: 'theme', theme: t.id, page: 1 }) }]),
    );
  });
});
