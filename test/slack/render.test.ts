import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { THEMES, themeInfo, type Passage, type ThemeId } from '../../src/corpus/types.js';
import type { Digest } from '../../src/digest/types.js';
import {
  decodePageRef,
  type DigestView,
  type ResultItem,
  type ResultsView,
  type ShareView,
} from '../../src/router/view-model.js';
import { HELP_COMMANDS, HELP_EXAMPLES } from '../../src/router/router.js';
import {
  renderDigestBlocks,
  renderHelp,
  renderMessage,
  renderResults,
  renderShare,
  renderView,
} from '../../src/slack/render/index.js';
import { cutAtSentence, decodeSlackText, escapeMrkdwn, splitAtSentences } from '../../src/slack/render/mrkdwn.js';
import { blockKitProblems, mrkdwnTexts } from './block-kit-check.js';

const ZWSP = '\u200b';

function passage(id: string, text: string, extra: Partial<Passage> = {}): Passage {
  return {
    id,
    docId: id.slice(0, 3),
    articleId: id.slice(0, 3),
    title: '关于做好2023年全面推进乡村振兴重点工作的意见',
    section: '三、加强乡村人才队伍建设',
    text,
    ordinal: 0,
    position: { start: 0, end: text.length },
    themes: ['talent'],
    themeScores: { industry: 0, talent: 3, culture: 0, ecology: 0, organization: 0 },
    fragment: false,
    placeholders: 0,
    ...extra,
  };
}

function item(i: number, extra: Partial<ResultItem> = {}): ResultItem {
  return {
    id: `002-0${10 + i}`,
    docId: '002',
    title: '乡村人才振兴的实践路径',
    section: `第${i + 1}节`,
    segments: [
      { text: '要把', match: false },
      { text: '人才', match: true },
      { text: '振兴摆在乡村振兴的首要位置。', match: false },
    ],
    text: '要把人才振兴摆在乡村振兴的首要位置。全文。',
    themes: [themeInfo('talent'), themeInfo('organization')],
    ...extra,
  };
}

function results(extra: Partial<ResultsView> = {}): ResultsView {
  return {
    kind: 'results',
    lang: 'zh',
    mode: 'search',
    query: '人才振兴',
    total: 12,
    page: 1,
    pageSize: 5,
    pageCount: 3,
    items: [0, 1, 2, 3, 4].map((i) => item(i)),
    suggestions: [],
    next: { kind: 'search', query: '人才振兴', page: 2 },
    ...extra,
  };
}

/** Every button in a message, in order. */
function buttons(message: { blocks: unknown[] }): { action_id: string; value: string; text: { text: string } }[] {
  const out: { action_id: string; value: string; text: { text: string } }[] = [];
  for (const b of message.blocks as { type: string; accessory?: unknown; elements?: unknown[] }[]) {
    if (b.accessory) out.push(b.accessory as never);
    if (b.type === 'actions') out.push(...(b.elements as never[]));
  }
  return out;
}

function sectionTexts(message: { blocks: unknown[] }): string[] {
  return (message.blocks as { type: string; text?: { text: string } }[])
    .filter((b) => b.type === 'section')
    .map((b) => b.text?.text ?? '');
}

describe('search results', () => {
  it('repeats the query in the header and shows each result with source, bold matches, tags and a share button', () => {
    const msg = renderResults(results());
    expect(blockKitProblems(msg)).toEqual([]);
    expect(msg.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '搜索：人才振兴', emoji: true } });
    const sections = sectionTexts(msg);
    expect(sections).toHaveLength(5);
    expect(sections[0]).toBe(
      `1. ${ZWSP}*《乡村人才振兴的实践路径》· 第1节*${ZWSP}\n要把${ZWSP}*人才*${ZWSP}振兴摆在乡村振兴的首要位置。`,
    );
    expect(JSON.stringify(msg.blocks)).toContain('#人才振兴  #组织振兴');
    const shares = buttons(msg).filter((b) => b.action_id.startsWith('share'));
    expect(shares.map((b) => b.value)).toEqual(['002-010', '002-011', '002-012', '002-013', '002-014']);
    expect(new Set(shares.map((b) => b.action_id)).size).toBe(5);
    expect(msg.text).toBe('搜索「人才振兴」：共 12 条，第 1/3 页');
  });

  it('numbers results across pages and offers previous and next pages as page references', () => {
    const msg = renderResults(
      results({ page: 2, prev: { kind: 'search', query: '人才振兴', page: 1 }, next: { kind: 'search', query: '人才振兴', page: 3 } }),
    );
    expect(sectionTexts(msg)[0]).toMatch(/^6\. /);
    const pager = buttons(msg).filter((b) => b.action_id.startsWith('page'));
    expect(pager.map((b) => [b.action_id, b.text.text, decodePageRef(b.value)])).toEqual([
      ['page_prev', '‹ 上一页', { kind: 'search', query: '人才振兴', page: 1 }],
      ['page_next', '下一页 ›', { kind: 'search', query: '人才振兴', page: 3 }],
    ]);
  });

  it('adds English where the user wrote English', () => {
    const msg = renderResults(results({ lang: 'en', query: 'talent' }));
    expect((msg.blocks[0] as { text: { text: string } }).text.text).toBe('搜索：talent · Search');
    expect(buttons(msg)[0]?.text.text).toBe('分享到频道 Share');
  });

  it('shows the notice and clickable suggestions when nothing matched', () => {
    const msg = renderResults(
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
    expect(blockKitProblems(msg)).toEqual([]);
    expect(sectionTexts(msg)[0]).toBe('没有找到与“量子”相关的段落。');
    const suggest = buttons(msg).filter((b) => b.action_id.startsWith('page_suggest'));
    expect(suggest.map((b) => [b.text.text, decodePageRef(b.value)])).toEqual([
      ['主题 人才', { kind: 'theme', theme: 'talent', page: 1 }],
      ['集体经济', { kind: 'search', query: '集体经济', page: 1 }],
    ]);
  });

  it('escapes user and corpus text so nothing pings anyone', () => {
    const msg = renderResults(
      results({
        query: '<!channel> 人才',
        items: [
          item(0, {
            title: '<@U123> & <!here>',
            section: '<#C123>',
            segments: [
              { text: '<!everyone> 村集体 & ', match: false },
              { text: '<@U999>', match: true },
            ],
          }),
        ],
      }),
    );
    expect(blockKitProblems(msg)).toEqual([]);
    const all = mrkdwnTexts(msg).join('\n');
    expect(all).not.toMatch(/<[!@#]/);
    expect(sectionTexts(msg)[0]).toContain('&lt;@U123&gt; &amp; &lt;!here&gt;');
    expect(sectionTexts(msg)[0]).toContain('&lt;!everyone&gt; 村集体 &amp; ');
    expect(msg.text).toContain('&lt;!channel&gt; 人才');
  });

  it('cuts a long snippet at a sentence with an ellipsis', () => {
    const long = '乡村振兴，关键在人。'.repeat(80);
    const msg = renderResults(results({ items: [item(0, { segments: [{ text: long, match: false }] })] }));
    const body = sectionTexts(msg)[0]?.split('\n')[1] ?? '';
    expect(body.endsWith('。…')).toBe(true);
    expect(body.length).toBeLessThanOrEqual(361);
    expect(body.length).toBeGreaterThan(200);
  });
});

describe('share message', () => {
  const text = '要把人才振兴摆在乡村振兴的首要位置。\n培养一批懂农业、爱农村、爱农民的“三农”工作队伍。';

  it('quotes the whole passage with its source and who shared it', () => {
    const msg = renderShare({ kind: 'share', passage: passage('002-014', text), sharedBy: 'U0CLICKER' });
    expect(blockKitProblems(msg)).toEqual([]);
    expect(sectionTexts(msg)).toEqual([
      '>要把人才振兴摆在乡村振兴的首要位置。\n>培养一批懂农业、爱农村、爱农民的“三农”工作队伍。\n— 《关于做好2023年全面推进乡村振兴重点工作的意见》· 三、加强乡村人才队伍建设',
    ]);
    expect(JSON.stringify(msg.blocks.at(-1))).toContain('由 <@U0CLICKER> 分享');
    // The notification text names no one: the sharer is not pinged by their own share.
    expect(msg.text).toMatch(/^分享：《关于做好2023年/);
    expect(msg.text).not.toContain('<@');
  });

  it('never cuts a long passage: it spans several quote sections that join back to the full text', () => {
    const long = Array.from({ length: 300 }, (_, i) => `第${i}句，乡村振兴要靠人才。`).join('');
    const view: ShareView = { kind: 'share', passage: passage('003-001', long), sharedBy: 'U1' };
    const msg = renderShare(view);
    expect(blockKitProblems(msg)).toEqual([]);
    const quoted = sectionTexts(msg).map((s) =>
      s
        .replace(/\n— .*$/, '')
        .split('\n')
        .map((l) => l.replace(/^>/, ''))
        .join('\n'),
    );
    expect(quoted.length).toBeGreaterThan(1);
    expect(quoted.join('')).toBe(long);
    expect(msg.text.length).toBeLessThan(400);
  });

  it('escapes the passage and does not turn a strange sharer id into a mention', () => {
    const msg = renderShare({ kind: 'share', passage: passage('001-001', '<!channel> 请注意 & 学习'), sharedBy: '<!here>' });
    expect(blockKitProblems(msg)).toEqual([]);
    expect(sectionTexts(msg)[0]).toMatch(/^>&lt;!channel&gt; 请注意 &amp; 学习…\n/);
    expect(JSON.stringify(msg)).not.toContain('<!here>');
  });
});

describe('daily digest', () => {
  const digest: Digest = {
    date: '2026-11-22',
    theme: themeInfo('talent'),
    passages: [
      passage('002-014', '要把人才振兴摆在乡村振兴的首要位置。'.repeat(3)),
      passage('000-003', '鼓励各类人才返乡入乡创业。'.repeat(20), { title: '乡村人才振兴', section: null }),
      passage('004-020', '健全乡村人才工作体制机制。'),
    ],
    keywords: ['人才', '返乡', '<!here>'],
  };
  const view = (preview: boolean): DigestView => ({ kind: 'digest', lang: 'zh', digest, preview });

  it('names the theme and date, quotes the lead, shortens the others and lists key terms', () => {
    const msg = renderDigestBlocks(view(false));
    expect(blockKitProblems(msg)).toEqual([]);
    expect(msg.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '每日一读 · 人才振兴 · 11月22日 星期日', emoji: true },
    });
    const sections = sectionTexts(msg);
    expect(sections[0]).toBe(`>${'要把人才振兴摆在乡村振兴的首要位置。'.repeat(3)}\n— 《关于做好2023年全面推进乡村振兴重点工作的意见》· 三、加强乡村人才队伍建设`);
    expect(sections[1]).toMatch(new RegExp(`^${ZWSP}\\*《乡村人才振兴》\\*${ZWSP}\\n鼓励各类人才返乡入乡创业。`));
    expect(sections[1]?.endsWith('。…')).toBe(true);
    expect(sections[1]?.length).toBeLessThan(220);
    expect(JSON.stringify(msg.blocks)).toContain('关键词：人才 · 返乡 · &lt;!here&gt;');
    expect(msg.text).toMatch(/^每日一读 · 人才振兴 · 11月22日 星期日 — 《关于做好/);
  });

  it('has a share button per passage on the private preview only, and a private "more" button carrying the theme', () => {
    const preview = buttons(renderDigestBlocks(view(true)));
    expect(preview.filter((b) => b.action_id.startsWith('share')).map((b) => b.value)).toEqual(['002-014', '000-003', '004-020']);
    // The posted digest is already in the channel: sharing from it would post the same words again.
    const msg = renderDigestBlocks(view(false));
    const all = buttons(msg);
    expect(all.filter((b) => b.action_id.startsWith('share'))).toEqual([]);
    const more = all.find((b) => b.action_id === 'digest_more');
    expect(more?.value).toBe('talent');
    expect(more?.text.text).toBe('更多「人才振兴」段落（仅自己可见）');
  });

  it('marks the preview as private', () => {
    expect(JSON.stringify(renderDigestBlocks(view(true)).blocks[1])).toContain('今日一读预览 · 仅你可见');
    expect(JSON.stringify(renderDigestBlocks(view(false)).blocks)).not.toContain('仅你可见');
  });
});

describe('help and messages', () => {
  it('lists the commands with their placeholders escaped', () => {
    const msg = renderHelp({ kind: 'help', lang: 'zh', commands: HELP_COMMANDS, examples: HELP_EXAMPLES });
    expect(blockKitProblems(msg)).toEqual([]);
    expect(sectionTexts(msg)[0]).toContain('`/zhenxing &lt;关键词&gt;`  搜索段落');
    expect(sectionTexts(msg)[1]).toContain('`/zhenxing 人才振兴`');
  });

  it('marks errors and adds the English for English users', () => {
    const msg = renderMessage({ kind: 'message', lang: 'en', tone: 'error', message: { zh: '出错了 <x>', en: 'Oops <x>' } });
    expect(sectionTexts(msg)).toEqual(['⚠️ 出错了 &lt;x&gt;\nOops &lt;x&gt;']);
  });
});

describe('mrkdwn helpers', () => {
  it('escapes the three control characters', () => {
    expect(escapeMrkdwn('a & b < c > d')).toBe('a &amp; b &lt; c &gt; d');
  });

  it("decodes exactly the three entities Slack puts in users' text, &amp; last", () => {
    expect(decodeSlackText('A&amp;B &lt;x&gt;')).toBe('A&B <x>');
    expect(decodeSlackText('&lt;!channel&gt; 人才')).toBe('<!channel> 人才');
    // The user typed `&lt;` and `&amp;`: Slack sent `&amp;lt;` and `&amp;amp;`.
    expect(decodeSlackText('&amp;lt; &amp;amp;')).toBe('&lt; &amp;');
    // Other entities are not Slack's doing: they are what the user typed.
    expect(decodeSlackText('&quot;&#39;&nbsp; & &AMP;')).toBe('&quot;&#39;&nbsp; & &AMP;');
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('&', '<', '>', 'a', 'm', 'p', 'l', 't', 'g', ';', '人') }), (typed) => {
      expect(decodeSlackText(escapeMrkdwn(typed))).toBe(typed);
    }));
  });

  it('cuts at the last sentence end that fits, counting escaped length', () => {
    expect(cutAtSentence('第一句。第二句很长很长很长。', 10)).toBe('第一句。…');
    expect(cutAtSentence('短句。', 10)).toBe('短句。');
    expect(cutAtSentence('&&&&&&&&&&', 12)).toBe('&&…');
  });

  it('splits text into pieces that join back', () => {
    const t = '一二三。四五六。七八九。';
    expect(splitAtSentences(t, 5)).toEqual(['一二三。', '四五六。', '七八九。']);
  });
});

describe('limits hold for any input', () => {
  const anyText = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: fc.constantFrom('<', '>', '&', '。', '人', '才', '\n', ' ', '*', '😀', 'a'), maxLength: 6000 }),
  );
  const segment = fc.record({ text: anyText, match: fc.boolean() });
  const themeIds = fc.subarray(THEMES.map((t) => t.id) as ThemeId[]);
  const resultItem = fc.record({
    id: fc.string({ minLength: 1, maxLength: 20 }),
    docId: fc.constant('000'),
    title: anyText,
    section: fc.option(anyText, { nil: null }),
    segments: fc.array(segment, { maxLength: 6 }),
    text: anyText,
    themes: themeIds.map((ids) => ids.map((id) => themeInfo(id))),
  });

  it('results', () => {
    fc.assert(
      fc.property(anyText, fc.array(resultItem, { maxLength: 5 }), fc.constantFrom<'zh' | 'en'>('zh', 'en'), (query, items, lang) => {
        const view = results({
          lang,
          query: query.slice(0, 500),
          items,
          prev: { kind: 'search', query: query.slice(0, 500), page: 1 },
          suggestions: [{ kind: 'term', text: query.slice(0, 300) || 'x' }],
        });
        expect(blockKitProblems(renderView(view))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('share and digest', () => {
    fc.assert(
      fc.property(anyText, anyText, fc.option(anyText, { nil: null }), fc.array(anyText, { maxLength: 8 }), (text, title, section, keywords) => {
        const p = passage('001-002', text || 'x', { title, section });
        expect(blockKitProblems(renderShare({ kind: 'share', passage: p, sharedBy: 'U1' }))).toEqual([]);
        const digest: Digest = { date: '2026-01-01', theme: themeInfo('culture'), passages: [p, p, p, p, p], keywords };
        expect(blockKitProblems(renderDigestBlocks({ kind: 'digest', lang: 'en', digest, preview: true }))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
