import { describe, expect, it } from 'vitest';
import type { Corpus, Passage } from '../../src/corpus/types.js';
import { clusterNearDuplicates, createSearchEngine } from '../../src/search/index.js';
import { bare } from '../../src/search/normalize.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

// Sentences from seeds/003, which printed this paragraph twice.
const A = '截至2019年底共落实困难家庭大学生教育资助金10086万元受助学生1968人次深入开展志智双扶工作充分调动贫困群众积极性主动性创造性';
const B = '强化基本医疗保障全市共有县区级人民医院7个社区卫生服务中心10个乡镇卫生院53个村卫生室192个基层医务人员1265人';

describe('clusterNearDuplicates', () => {
  it('groups exact and near copies under the earliest one and leaves distinct texts alone', () => {
    const nearA = A.replace('1968', '1969');
    const clusters = clusterNearDuplicates([A, B, A, nearA, `${A}形成市县乡村四级医疗服务圈`]);
    expect(clusters).toEqual([0, 1, 0, 0, 0]);
  });

  it('treats a passage contained in a longer one as a copy', () => {
    expect(clusterNearDuplicates([`${B}${A}`, A])).toEqual([0, 0]);
  });

  it('does not collapse short texts unless they are equal', () => {
    expect(clusterNearDuplicates(['乡村振兴', '乡村振兴战略', '乡村振兴'])).toEqual([0, 1, 0]);
  });
});

function withPassages(corpus: Corpus, passages: Passage[]): Corpus {
  return { ...corpus, passages, byId: new Map(passages.map((p) => [p.id, p])) };
}

describe('search collapses near-identical passages into one', () => {
  const corpus = getSharedCorpus();

  it('shows a passage the source printed twice only once', () => {
    const original = corpus.passages.find((p) => p.text.includes('强化基本医疗保障'));
    if (!original) throw new Error('fixture passage missing');
    // The same paragraph again later, as a reprint would have it: one figure differs.
    const reprint: Passage = { ...original, id: '003-900', ordinal: 900, text: original.text.replace('53个', '54个') };
    const engine = createSearchEngine(withPassages(corpus, [...corpus.passages, reprint]));
    const r = engine.search('基本医疗保障 乡镇卫生院', { limit: 50 });
    const ids = r.results.map((x) => x.id);
    expect(ids).toContain(original.id);
    expect(ids).not.toContain(reprint.id);
    expect(r.total).toBe(getSharedEngine().search('基本医疗保障 乡镇卫生院').total);
  });

  it('over a corpus replicated twice, returns each passage once with the same totals', () => {
    const replicas = [0, 1].flatMap((k) => corpus.passages.map((p) => (k === 0 ? p : { ...p, id: `${p.id}~${k}` })));
    const engine = createSearchEngine(withPassages(corpus, replicas));
    const single = getSharedEngine();
    for (const q of ['人才振兴', '集体经济', '主题:生态', '"绿水青山"']) {
      const r = engine.search(q, { limit: 50 });
      expect(r.total, q).toBe(single.search(q, { limit: 50 }).total);
      expect(r.results.every((x) => !x.id.includes('~')), q).toBe(true);
    }
    expect(engine.byTheme('talent').total).toBe(single.byTheme('talent').total);
  });

  it('keys on letters and digits only, so punctuation differences do not hide a copy', () => {
    expect(clusterNearDuplicates([bare('强化基本医疗保障，全市共有县（区）级人民医院7个'), bare('强化基本医疗保障,全市共有县(区)级人民医院7个')])).toEqual([0, 0]);
  });
});
