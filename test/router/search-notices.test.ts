/**
 * Partial answers and typo corrections as a user sees them on every platform: the notice text comes from the
 * platform-neutral router/format layer, and the "search what I typed" action re-runs the query without correction.
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/console/render-text.js';
import { renderResults as renderFeishu } from '../../src/feishu/render/index.js';
import { buildResultsView } from '../../src/router/router.js';
import { decodePageRef, encodePageRef, type ResultsView } from '../../src/router/view-model.js';
import { renderResults as renderSlack } from '../../src/slack/render/index.js';
import { renderView as renderDingTalk } from '../../src/dingtalk/render.js';
import { parseLinkText } from '../../src/dingtalk/links.js';
import { createRouter } from '../../src/router/router.js';
import { createDigestPlanner } from '../../src/digest/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';
import { blockKitProblems } from '../slack/block-kit-check.js';
import { buttonsOf, cardProblems, markdownOf } from '../feishu/card-check.js';

const engine = getSharedEngine();
const corpus = getSharedCorpus();
const view = (query: string): ResultsView => buildResultsView(engine.search(query), 'zh', 'search', query, undefined);

describe('partial answers and corrections in the view model', () => {
  it('a corrected query says what was searched, what was typed, and offers the words as typed', () => {
    const v = view('集体经计');
    expect(v.corrected).toBe('集体经济');
    expect(v.notice?.zh).toBe('已按“集体经济”搜索（你输入的是“集体经计”）');
    expect(v.notice?.en).toBe('Searched for "集体经济" (you typed "集体经计")');
    expect(v.original).toEqual({ kind: 'search', query: '集体经计', page: 1, exact: true });
    expect(v.originalLabel?.zh).toBe('仍按“集体经计”搜索');
    expect(v.items[0]?.segments.some((s) => s.match && s.text === '集体经济')).toBe(true);
  });

  it('a partial answer names the words its results have', () => {
    const v = view('集体经济 飞机');
    expect(v.partial).toBe(true);
    expect(v.matched).toEqual(['集体经济']);
    expect(v.notice?.zh).toBe('没有同时包含全部词语的段落，以下结果只包含：集体经济');
    expect(v.notice?.en).toBe('No passage has all your words; these match: 集体经济');
    expect(v.items.length).toBeGreaterThan(0);
  });

  it('a full answer has no notice', () => {
    const v = view('<@U024BE7LH> 集体经济 谢谢');
    expect(v.partial).toBeUndefined();
    expect(v.corrected).toBeUndefined();
    expect(v.notice).toBeUndefined();
  });

  it('the "as typed" page ref survives a button value and keeps paging exact', async () => {
    const ref = decodePageRef(encodePageRef({ kind: 'search', query: '集体经计', page: 1, exact: true }));
    expect(ref).toEqual({ kind: 'search', query: '集体经计', page: 1, exact: true });
    expect(decodePageRef(encodePageRef({ kind: 'search', query: 'x', page: 1 }))).toEqual({ kind: 'search', query: 'x', page: 1 });
    const router = createRouter({ engine, corpus, planner: createDigestPlanner(corpus), timezone: 'Asia/Shanghai' });
    const asTyped = (await router.page(ref as NonNullable<typeof ref>, { platform: 'slack' })) as ResultsView;
    expect(asTyped.kind).toBe('results');
    expect(asTyped.corrected).toBeUndefined();
    expect(asTyped.partial).toBe(true);
    expect(asTyped.matched).toEqual(['集体']);
    if (asTyped.next) expect(asTyped.next).toMatchObject({ exact: true });
  });
});

describe('every renderer shows the notices and the "as typed" action', () => {
  it('Slack: the notice and a page button that searches the words as typed', () => {
    const msg = renderSlack(view('集体经计'));
    expect(blockKitProblems(msg)).toEqual([]);
    const json = JSON.stringify(msg.blocks);
    expect(json).toContain('已按“集体经济”搜索（你输入的是“集体经计”）');
    const button = msg.blocks
      .flatMap((b) => ((b as { elements?: { action_id?: string; value?: string }[] }).elements ?? []))
      .find((e) => e.action_id === 'page_original');
    expect(decodePageRef(button?.value ?? '')).toEqual({ kind: 'search', query: '集体经计', page: 1, exact: true });
    const partial = JSON.stringify(renderSlack(view('集体经济 飞机')).blocks);
    expect(partial).toContain('没有同时包含全部词语的段落，以下结果只包含：集体经济');
  });

  it('Feishu: the notice and a page button that searches the words as typed', () => {
    const card = renderFeishu(view('集体经计'));
    expect(cardProblems(card)).toEqual([]);
    expect(markdownOf(card)).toContain('已按“集体经济”搜索（你输入的是“集体经计”）');
    const refs = buttonsOf(card)
      .filter((b) => b.value.action === 'page')
      .map((b) => decodePageRef(String(b.value.ref)));
    expect(refs).toContainEqual({ kind: 'search', query: '集体经计', page: 1, exact: true });
    expect(markdownOf(renderFeishu(view('集体经济 飞机')))).toContain('以下结果只包含：集体经济');
  });

  it('DingTalk: the notice and a link that sends the words quoted, searched exactly as typed', async () => {
    const md = renderDingTalk(view('集体经计'));
    expect(md.text).toContain('已按“集体经济”搜索（你输入的是“集体经计”）');
    const link = /\[仍按“集体经计”搜索\]\(dtmd:\/\/dingtalkclient\/sendMessage\?content=([^)]*)\)/.exec(md.text);
    expect(link).not.toBeNull();
    const sent = decodeURIComponent(link?.[1] ?? '');
    const cmd = parseLinkText(sent);
    expect(cmd).toMatchObject({ kind: 'page', ref: { kind: 'search', query: '"集体经计"', page: 1 } });
    const router = createRouter({ engine, corpus, planner: createDigestPlanner(corpus), timezone: 'Asia/Shanghai' });
    const asTyped = (await router.page({ kind: 'search', query: '"集体经计"', page: 1 }, { platform: 'console' })) as ResultsView;
    expect(asTyped.corrected).toBeUndefined();
    expect(asTyped.total).toBe(0);
    expect(renderDingTalk(view('集体经济 飞机')).text).toContain('以下结果只包含：集体经济');
  });

  it('console: the notice, in English too where the user wrote English', () => {
    expect(renderText(view('集体经计'))).toContain('已按“集体经济”搜索（你输入的是“集体经计”）');
    const en = buildResultsView(engine.search('collective economy airplanes'), 'en', 'search', 'collective economy airplanes', undefined);
    const text = renderText(en);
    expect(text).toContain('没有同时包含全部词语的段落，以下结果只包含：集体经济');
    expect(text).toContain('No passage has all your words; these match: 集体经济');
  });
});
