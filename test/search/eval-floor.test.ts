import { describe, expect, it } from 'vitest';
import { readEvalQueries, resolveJudgments, runEval } from '../../bench/eval.js';
import { getSharedCorpus, getSharedEngine } from '../helpers/shared-index.js';

// The floor under `npm run eval`: a ranking regression fails CI. The figures at the time of writing are in
// docs/search.md (MRR@10 0.985, Recall@5 0.942, nDCG@5 0.939); the floors leave room for small changes.
describe('retrieval quality on the judged queries', () => {
  const corpus = getSharedCorpus();
  const run = runEval(corpus, getSharedEngine());
  const [engine, minisearch, bigrams] = run.reports;

  it('judges at least 40 queries across every category the issue lists', () => {
    expect(run.queries.length).toBeGreaterThanOrEqual(40);
    const categories = new Set(run.queries.map((q) => q.category));
    for (const c of ['exact', 'question', 'theme', 'traditional', 'noisy', 'multi', 'quotation', 'number', 'paraphrase']) {
      expect(categories, c).toContain(c);
    }
  });

  it('holds MRR@10 ≥ 0.95, Recall@5 ≥ 0.88 and nDCG@5 ≥ 0.88', () => {
    expect(engine?.overall.mrr10).toBeGreaterThanOrEqual(0.95);
    expect(engine?.overall.recall5).toBeGreaterThanOrEqual(0.88);
    expect(engine?.overall.ndcg5).toBeGreaterThanOrEqual(0.88);
  });

  it('is clearly ahead of both baselines', () => {
    expect(minisearch?.name).toBe('minisearch-default');
    expect(bigrams?.name).toBe('bigrams-only');
    for (const baseline of [minisearch, bigrams]) {
      expect((engine?.overall.mrr10 ?? 0) - (baseline?.overall.mrr10 ?? 1), baseline?.name).toBeGreaterThanOrEqual(0.1);
      expect((engine?.overall.ndcg5 ?? 0) - (baseline?.overall.ndcg5 ?? 1), baseline?.name).toBeGreaterThanOrEqual(0.1);
    }
  });

  it('fails loudly when a judged substring matches no passage', () => {
    const broken = [{ id: 'x', category: 'exact', query: '人才', relevant: ['这句话不在任何段落里'] }];
    expect(() => resolveJudgments(broken, corpus.passages)).toThrow('x (人才): "这句话不在任何段落里"');
    expect(readEvalQueries().length).toBe(run.queries.length);
  });
});
