/**
 * Everyday words, round 14 (issue 9; docs/search.md, Everyday words, round 14).
 *
 * lightNouns: a light noun heading a 的 phrase (吃饭休息的地方, 党的事) says what kind of thing the phrase names, not what
 * it is about; it is not searched and does not count in the coverage, and a full answer must still hold it.
 *
 * The real engine over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const corpus = getSharedCorpus();
const engine = getSharedEngine();
const noLight = createSearchEngine(corpus, { lightNouns: false });
type Engine = ReturnType<typeof createSearchEngine>;
const ids = (e: Engine, q: string): string[] => e.search(q, { limit: 5 }).results.map((r) => r.id);
const scored = (e: Engine, q: string): [string, number][] => e.search(q, { limit: 10 }).results.map((r) => [r.id, r.score]);

describe('a light noun after 的 is not searched (lightNouns)', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.lightNouns).toBe(true);
  });

  it('村里没个像样的地方给党员搞活动: the passage on shabby activity rooms first, not the one saying 最大的地方', () => {
    const q = '村里没个像样的地方给党员搞活动';
    // 003-015 says 地方 twice (…影响最大的地方, …格格不入的地方: a respect, not a place) and nothing of activity rooms.
    expect(ids(noLight, q)[0]).toBe('003-015');
    // 002-013: 党员先锋站活动阵地 … 全面消除狭小简陋破旧的活动场所.
    expect(ids(engine, q)[0]).toBe('002-013');
    expect(engine.search(q).partial).toBe(noLight.search(q).partial);
  });

  it('村里老人有个吃饭休息的地方: the elders\' care station first', () => {
    const q = '村里老人有个吃饭休息的地方';
    expect(ids(noLight, q)[0]).not.toBe('001-012');
    // 001-012: 文化礼堂、养老驿站 … 民心工程.
    expect(ids(engine, q)[0]).toBe('001-012');
  });

  it('地方 not after 的 is searched as before (地方特色)', () => {
    for (const q of ['地方特色', '突出地方特色留住乡愁']) expect(scored(engine, q)).toEqual(scored(noLight, q));
  });

  it('no answer turns full: a passage must still hold the light noun', () => {
    for (const q of ['党员开会活动的地方', '村委会办公的地方又小又破', '书记光顾着搞钱不管党的事', '村里看书的地方']) {
      expect(engine.search(q).partial, q).toBe(noLight.search(q).partial);
    }
    // None of the texts' passages on activity rooms says 地方: partial, as before.
    expect(engine.search('党员开会活动的地方').partial).toBe(true);
  });
});
