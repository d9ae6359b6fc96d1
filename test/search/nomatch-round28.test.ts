/**
 * No-match near misses, round 28 (issue 9; docs/search.md, No-match near misses, round 28). Round 13's paymentModified
 * reads a payment word ending the query right after a verb of two characters (文艺队演出补贴: what the payment is for)
 * as the head asked about, which a full match must hold near the subject. Typed as a chat question (？, 呢, 吗, 有吗, ~,
 * …) the query's last word was the mark or the particle, the payment no longer ended it, the rule did not read it and
 * the answer turned full. endParticles reads the end without what a chat message types after its last word. The real
 * engine over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const off = createSearchEngine(getSharedCorpus(), { endParticles: false });

describe('a payment query typed as a chat question reads as the bare query', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.endParticles).toBe(true);
  });

  it('is no full answer now (full with the rule off), the same passage first as the bare query', () => {
    // 003-016 names 村文艺队 and 文艺下乡, no subsidy; 003-006's 补助 stands near no 文艺.
    const bare = engine.search('文艺队演出补贴', { limit: 5 });
    expect(bare.partial).toBe(true);
    expect(bare.results[0]?.id).toBe('003-016');
    for (const q of ['文艺队演出补贴？', '文艺队演出补贴??', '文艺队演出补贴呢', '文艺队演出补贴吗？', '文艺队演出补贴有吗', '文艺队演出补贴~', '文艺队演出补贴…', '请问 文艺队演出补贴呀？']) {
      const now = engine.search(q, { limit: 5 });
      const then = off.search(q, { limit: 5 });
      expect(then.partial, q).toBe(false);
      expect(now.partial, q).toBe(true);
      expect(now.results[0]?.id, q).toBe('003-016');
    }
  });

  it('keeps full answers to payment questions the texts answer, typed with the same particles', () => {
    for (const [q, first] of [
      ['危房改造补助？', '003-012'],
      ['农村危房改造补助呢', '003-012'],
      ['危房改造补助吗', '003-012'],
      ['勤劳致富奖励呢', '003-009'],
    ] as const) {
      const r = engine.search(q, { limit: 5 });
      expect(r.partial, q).toBe(false);
      expect(r.results[0]?.id, q).toBe(first);
    }
  });
});
