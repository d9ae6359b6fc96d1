/**
 * Precision, round 29 (issue 9; docs/search.md, Precision, round 29): articleSubject — a request for material that
 * names an article by a word only that article says (拉萨 of the Lhasa poverty report, whose title leaves the city out)
 * gets titleSubject's reading: the article's opening passage scores × (1 + broadOpening), the subject words are scored
 * in the body only. On the real engine and library, against the same engine with the rule off (the answers before
 * round 29).
 */
import { describe, expect, it } from 'vitest';
import { createSearchEngine, SEARCH_DEFAULTS } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const corpus = getSharedCorpus();
const off = createSearchEngine(corpus, { articleSubject: false });
const ids = (e: typeof engine, q: string, limit = 4): string[] => e.search(q, { limit }).results.map((r) => r.id);
const passage = (id: string) => corpus.byId.get(id);

describe('round 29: articleSubject', () => {
  it('is on by default', () => {
    expect(SEARCH_DEFAULTS.articleSubject).toBe(true);
  });

  it('the library: 拉萨 is said by the Lhasa report only, in its opening (003-000) but not in its title', () => {
    const opening = passage('003-000');
    expect(opening?.text).toContain('拉萨');
    expect(opening?.title).not.toContain('拉萨');
    for (const p of corpus.passages) if (p.text.includes('拉萨')) expect(p.docId).toBe('003');
  });

  it('拉萨那篇脱贫攻坚工作总结谁有: the report’s opening first (it was fourth), the answer still partial (那篇)', () => {
    const q = '拉萨那篇脱贫攻坚工作总结谁有';
    expect(ids(off, q)).toEqual(['003-023', '003-024', '003-003', '003-000']);
    expect(ids(engine, q)[0]).toBe('003-000');
    expect(engine.search(q).partial).toBe(true);
    expect(off.search(q).partial).toBe(true);
  });

  it('拉萨 脱贫攻坚 材料: the opening first; without the material word (no request) nothing moves', () => {
    expect(ids(off, '拉萨 脱贫攻坚 材料', 1)).toEqual(['003-023']);
    expect(ids(engine, '拉萨 脱贫攻坚 材料', 1)).toEqual(['003-000']);
    expect(ids(engine, '拉萨 脱贫攻坚', 10)).toEqual(ids(off, '拉萨 脱贫攻坚', 10));
  });

  it('a narrower subject only some of the article’s passages say (六脱) keeps its section first', () => {
    const q = '拉萨那个“六脱”措施有学习资料吗';
    expect(ids(engine, q, 10)).toEqual(ids(off, q, 10));
    expect(ids(engine, q, 1)).toEqual(['003-004']);
  });

  it('a request whose words no single article owns is left alone', () => {
    for (const q of ['党建引领乡村振兴 经验交流材料', '乡村振兴ppt', '组织振兴 课件']) expect(ids(engine, q, 10)).toEqual(ids(off, q, 10));
  });
});
