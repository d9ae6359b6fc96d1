/**
 * Everyday words, round 17, second half (issue 9; docs/search.md, Everyday words, round 17 (second half)
 * (chat-everyday17/17x, issue 9)).
 *
 * glossComposed: a two-character word of the texts each of whose characters means, in CC-CEDICT's first two senses,
 * one of two words the query types side by side (穷|回去 → 返贫: 返 "to return" as 回去 "to return", 贫 "poor" as 穷
 * "poor"), in either order, stands in for both words as a library neighbour, when the pair composes exactly one such
 * word. Neighbours never make an answer full.
 *
 * The real engine over the seeds.
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const corpus = getSharedCorpus();
const engine = getSharedEngine();
const off = createSearchEngine(corpus, { glossComposed: false });
type Engine = ReturnType<typeof createSearchEngine>;
const ids = (e: Engine, q: string, limit = 10): string[] => e.search(q, { limit }).results.map((r) => r.id);
const scored = (e: Engine, q: string): [string, number][] => e.search(q, { limit: 10 }).results.map((r) => [r.id, r.score]);
const nearby = (e: Engine, q: string, word: string): string[] =>
  e.explain(q).analyzed.concepts.find((c) => c.text === word)?.nearby?.map((n) => n.term) ?? [];

describe('a word of the texts composed of characters meaning two words typed side by side (glossComposed)', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.glossComposed).toBe(true);
  });

  it('脱了贫又穷回去咋办: 穷|回去 reach 返贫, and the passage on preventing a return to poverty comes first', () => {
    const q = '脱了贫又穷回去咋办';
    expect(nearby(engine, q, '穷')).toContain('返贫');
    expect(nearby(engine, q, '回去')).toContain('返贫');
    expect(nearby(off, q, '穷')).not.toContain('返贫');
    // 003-022: 健全返贫监测预警和动态帮扶机制 …
    expect(ids(engine, q, 1)[0]).toBe('003-022');
    expect(ids(off, q, 1)[0]).not.toBe('003-022');
    // Reached through a stand-in: the answer stays partial, as without the rule.
    expect(engine.search(q).partial).toBe(true);
    expect(off.search(q).partial).toBe(true);
  });

  it('the pair alone (穷回去) and in a longer message reach 003-022 first', () => {
    for (const q of ['穷回去', '刚脱贫没两年，家里有人病倒了，怕又穷回去']) {
      expect(ids(engine, q, 1)[0], q).toBe('003-022');
      expect(ids(off, q, 1)[0], q).not.toBe('003-022');
    }
  });

  it('a lone word, or words composing no word of the texts, are answered as before', () => {
    for (const q of ['穷', '怕穷', '回去', '家里有人病倒了', '返贫', '集体经济']) {
      expect(scored(engine, q), q).toEqual(scored(off, q));
    }
  });

  it('a topic the texts never discuss still gets no full answer', () => {
    for (const q of ['野狗咬人', '电动三轮车驾照']) {
      const r = engine.search(q);
      expect(r.total === 0 || r.partial === true, q).toBe(true);
    }
  });
});
