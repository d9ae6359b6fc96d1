/**
 * Ranking precision, round 16 (issue 9; docs/search.md, Precision, round 16): among a full answer's first results
 * within reach of the first place, a passage naming the query's rarest content word in a clause of its own gains
 * itemBonus over one naming it only as an item of enumerations (mention.ts onlyItem): a list names the thing, the
 * clause is about it. On the real engine and library.
 */
import { describe, expect, it } from 'vitest';
import { onlyItem } from '../../src/search/mention.js';
import { createSearchEngine } from '../../src/search/index.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

const engine = getSharedEngine();
const corpus = getSharedCorpus();
const passage = (id: string) => corpus.byId.get(id);
const ids = (e: typeof engine, q: string, limit = 5): string[] => e.search(q, { limit }).results.map((r) => r.id);
const scored = (e: typeof engine, q: string) => e.search(q, { limit: 10 }).results.map((r) => [r.id, r.score]);

describe('a word named only as an item of enumerations (itemBonus)', () => {
  const off = createSearchEngine(corpus, { itemBonus: 0 });

  it('ranks the passage about 阵地 before the one listing it', () => {
    // 002-026: 活动分开办、阵地分开建、工作分开抓 … “建阵地、出机制、雇人员”; 002-013: 四是活跃基层阵地.
    expect(passage('002-026')?.text).toContain('阵地分开建');
    expect(passage('002-013')?.text).toContain('四是活跃基层阵地');
    expect(ids(off, '阵地')[0]).toBe('002-026');
    expect(ids(engine, '阵地')[0]).toBe('002-013');
  });

  it('reads an item by its 、 and its length, not every clause before a 、', () => {
    expect(onlyItem('活动分开办、阵地分开建、工作分开抓', '阵地')).toBe(true);
    expect(onlyItem('现代农业、乡村旅游、休闲养老、农村电商等特色产业发展', '农村电商')).toBe(true);
    expect(onlyItem('培育文明乡风、良好家风、淳朴民风,改善农民精神风貌', '民风')).toBe(true);
    expect(onlyItem('四是活跃基层阵地。建阵地、出机制', '阵地')).toBe(false);
    // The last item runs on to the clause's end, where the list's head stands; a long clause before figures is no item.
    expect(onlyItem('贫困人口在乡镇、县(区)、市级定点医院住院医疗费用报销比例分别达到95%、90%、75%', '医院')).toBe(false);
    expect(onlyItem('民风淳朴', '民风')).toBe(false);
  });

  it('leaves a query whose first result has a clear lead, or whose word no result lists, as it was', () => {
    for (const q of ['后浪党支部', '化债九法是什么', '拉萨村卫生室有多少个']) {
      expect(scored(engine, q), q).toEqual(scored(off, q));
    }
  });
});
