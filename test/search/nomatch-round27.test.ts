/**
 * No-match near misses, round 27 (issue 9; docs/search.md, No-match near misses, round 27). A question asking how a
 * thing is done that a passage names only as an item of a list (round 15's listedMention) is no full match for it,
 * unless the passage says more of it outside the item. The listed word's own related terms — its sibling items in the
 * list (立家训、传家风: 家风 beside 家训) — no longer count as saying more (listedSiblings), and of the question's words
 * equally rare, the last typed (the head asked about) is the one tested. The real engine over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const off = createSearchEngine(getSharedCorpus(), { listedSiblings: false });

describe('a how-question about a thing a passage names only beside its related terms in a list', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.listedSiblings).toBe(true);
  });

  it('is no full answer now (full with the rule off), the same passage first', () => {
    for (const q of ['家风家训怎么写', '请问 家风家训怎么写？', '上田村的家训原文是怎么写的', '@李四 上田村的家训原文是怎么写的 谢谢']) {
      const now = engine.search(q, { limit: 5 });
      const then = off.search(q, { limit: 5 });
      expect(then.partial, q).toBe(false);
      expect(now.partial, q).toBe(true);
      expect(now.results[0]?.id, q).toBe('001-010');
      expect(then.results[0]?.id, q).toBe('001-010');
    }
  });

  it('keeps a full answer where the question asks of the thing a word that is no sibling (资助 of 学费怎么资助)', () => {
    const r = engine.search('建档立卡贫困户大学生的学费怎么资助', { limit: 5 });
    expect(r.partial).toBe(false);
    expect(r.results[0]?.id).toBe('003-008');
  });

  it('keeps full answers where the question types the list itself or says what the clause says', () => {
    for (const [q, first] of [
      ['上田村是怎么立家训、传家风的', '001-010'],
      ['藏香藏纸在哪展示', '003-017'],
    ] as const) {
      const r = engine.search(q, { limit: 5 });
      expect(r.partial, q).toBe(false);
      expect(r.results[0]?.id, q).toBe(first);
    }
  });

  it('leaves round 15 as it was: a list names the thing, it does not say how it is made', () => {
    const r = engine.search('藏纸是怎么做出来的', { limit: 5 });
    expect(r.partial).toBe(true);
    expect(r.results[0]?.id).toBe('003-017');
  });
});
