/**
 * `npm run eval`: retrieval quality on the judged queries in test/fixtures/eval-queries.json, for this engine and,
 * over the same passages, two baselines: MiniSearch with its default tokenizer, and Han character bigrams alone.
 * Prints MRR@10, Recall@5 and nDCG@5 overall and per category, and the queries the engine does not answer first.
 *
 * Judgments are distinctive substrings of the relevant passages' text, resolved to passages at run time (whitespace
 * ignored), so re-chunking cannot silently break them: a substring that matches no passage fails the run.
 * Each substring is one judged item; when it matches several passages (a paragraph the source printed twice) any
 * of them counts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import MiniSearch from 'minisearch';
import { loadCorpus } from '../src/corpus/index.js';
import type { Corpus, Passage } from '../src/corpus/types.js';
import { createSearchEngine, type SearchEngine } from '../src/search/index.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const EVAL_QUERIES_FILE = path.resolve(HERE, '..', 'test', 'fixtures', 'eval-queries.json');

export interface EvalQuery {
  id: string;
  category: string;
  query: string;
  relevant: string[];
}

/** A judged item resolved to the passages that contain it. */
export interface ResolvedQuery extends EvalQuery {
  items: { text: string; passageIds: Set<string> }[];
}

/** Ranked passage ids for a query, best first. */
export type Ranker = (query: string, k: number) => string[];

export interface Metrics {
  mrr10: number;
  recall5: number;
  ndcg5: number;
}

export interface QueryOutcome extends Metrics {
  id: string;
  category: string;
  query: string;
  /** 1-based rank of the first relevant passage within 10, or null. */
  firstRelevant: number | null;
  top: string[];
}

export interface SystemReport {
  name: string;
  overall: Metrics;
  byCategory: Map<string, Metrics>;
  outcomes: QueryOutcome[];
}

export function readEvalQueries(file = EVAL_QUERIES_FILE): EvalQuery[] {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { queries: EvalQuery[] };
  return json.queries;
}

const compact = (s: string): string => s.replace(/\s+/g, '');

/** Resolves every judged substring to passages; throws, naming each one, if any matches no passage. */
export function resolveJudgments(queries: readonly EvalQuery[], passages: readonly Passage[]): ResolvedQuery[] {
  const texts = passages.map((p) => ({ id: p.id, text: compact(p.text) }));
  const missing: string[] = [];
  const resolved = queries.map((q) => ({
    ...q,
    items: q.relevant.map((r) => {
      const key = compact(r);
      const passageIds = new Set(texts.filter((t) => t.text.includes(key)).map((t) => t.id));
      if (passageIds.size === 0) missing.push(`${q.id} (${q.query}): "${r}"`);
      return { text: r, passageIds };
    }),
  }));
  if (missing.length > 0) {
    throw new Error(`eval: ${missing.length} judged substring(s) match no passage:\n  ${missing.join('\n  ')}`);
  }
  return resolved;
}

/** MRR@10, Recall@5 and nDCG@5 (binary gains) for one ranking. Each judged item counts once. */
export function scoreRanking(ranked: readonly string[], q: ResolvedQuery): Metrics & { firstRelevant: number | null } {
  const itemAt = (id: string, found: Set<number>): number => {
    for (let k = 0; k < q.items.length; k++) {
      if (!found.has(k) && (q.items[k] as ResolvedQuery['items'][number]).passageIds.has(id)) return k;
    }
    return -1;
  };
  let firstRelevant: number | null = null;
  ranked.slice(0, 10).forEach((id, i) => {
    if (firstRelevant === null && q.items.some((it) => it.passageIds.has(id))) firstRelevant = i + 1;
  });
  const found = new Set<number>();
  let dcg = 0;
  ranked.slice(0, 5).forEach((id, i) => {
    const k = itemAt(id, found);
    if (k >= 0) {
      found.add(k);
      dcg += 1 / Math.log2(i + 2);
    }
  });
  const ideal = Math.min(q.items.length, 5);
  let idcg = 0;
  for (let i = 0; i < ideal; i++) idcg += 1 / Math.log2(i + 2);
  return {
    firstRelevant,
    mrr10: firstRelevant === null ? 0 : 1 / firstRelevant,
    // Recall against at most 5 items: with more judged items than slots, 5 found is full marks.
    recall5: found.size / ideal,
    ndcg5: idcg > 0 ? dcg / idcg : 0,
  };
}

function mean(values: readonly Metrics[]): Metrics {
  const n = Math.max(1, values.length);
  return {
    mrr10: values.reduce((a, m) => a + m.mrr10, 0) / n,
    recall5: values.reduce((a, m) => a + m.recall5, 0) / n,
    ndcg5: values.reduce((a, m) => a + m.ndcg5, 0) / n,
  };
}

export function evaluate(name: string, rank: Ranker, queries: readonly ResolvedQuery[]): SystemReport {
  const outcomes: QueryOutcome[] = queries.map((q) => {
    let top: string[];
    try {
      top = rank(q.query, 10);
    } catch {
      top = [];
    }
    return { id: q.id, category: q.category, query: q.query, top, ...scoreRanking(top, q) };
  });
  const byCategory = new Map<string, Metrics>();
  for (const c of [...new Set(queries.map((q) => q.category))]) {
    byCategory.set(c, mean(outcomes.filter((o) => o.category === c)));
  }
  return { name, overall: mean(outcomes), byCategory, outcomes };
}

// ---- the systems -------------------------------------------------------------------------------------------------

export function engineRanker(engine: SearchEngine): Ranker {
  return (query, k) => engine.search(query, { limit: k }).results.map((r) => r.id);
}

interface BaselineDoc {
  id: string;
  title: string;
  section: string;
  text: string;
}

const baselineDocs = (passages: readonly Passage[]): BaselineDoc[] =>
  passages.map((p) => ({ id: p.id, title: p.title, section: p.section ?? '', text: p.text }));

/** Baseline 1: MiniSearch out of the box (default tokenizer and term processing), same fields. */
export function miniSearchDefaultRanker(passages: readonly Passage[]): Ranker {
  const ms = new MiniSearch<BaselineDoc>({ fields: ['title', 'section', 'text'] });
  ms.addAll(baselineDocs(passages));
  return (query, k) => ms.search(query).slice(0, k).map((r) => r.id as string);
}

const HAN = /\p{Script=Han}/u;

/** Han characters as overlapping bigrams (a lone Han character as itself), other letters and digits as words. */
export function bigramTokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(/\p{Script=Han}+|[\p{L}\p{N}]+/gu)) {
    const run = Array.from(m[0]);
    if (!HAN.test(run[0] as string)) out.push(m[0]);
    else if (run.length === 1) out.push(m[0]);
    else for (let i = 0; i + 1 < run.length; i++) out.push(`${run[i]}${run[i + 1]}`);
  }
  return out;
}

/** Baseline 2: Han character bigrams alone (no words, no normalisation beyond lower case, no related terms). */
export function bigramRanker(passages: readonly Passage[]): Ranker {
  const ms = new MiniSearch<BaselineDoc>({ fields: ['title', 'section', 'text'], tokenize: bigramTokenize, processTerm: (t) => t });
  ms.addAll(baselineDocs(passages));
  return (query, k) => ms.search(query).slice(0, k).map((r) => r.id as string);
}

// ---- the report --------------------------------------------------------------------------------------------------

const f3 = (n: number): string => n.toFixed(3);

export function formatReport(reports: readonly SystemReport[], queries: readonly ResolvedQuery[]): string {
  const lines: string[] = [];
  const width = Math.max(...reports.map((r) => r.name.length), 8);
  lines.push(`Judged queries: ${queries.length}`);
  lines.push('');
  lines.push(`${'system'.padEnd(width)}  MRR@10  Recall@5  nDCG@5`);
  for (const r of reports) {
    lines.push(`${r.name.padEnd(width)}  ${f3(r.overall.mrr10)}   ${f3(r.overall.recall5)}     ${f3(r.overall.ndcg5)}`);
  }
  lines.push('');
  lines.push('MRR@10 by category:');
  const categories = [...new Set(queries.map((q) => q.category))];
  lines.push(`${'category'.padEnd(12)} ${'n'.padStart(3)}  ${reports.map((r) => r.name.padStart(width)).join('  ')}`);
  for (const c of categories) {
    const n = queries.filter((q) => q.category === c).length;
    lines.push(`${c.padEnd(12)} ${String(n).padStart(3)}  ${reports.map((r) => f3(r.byCategory.get(c)?.mrr10 ?? 0).padStart(width)).join('  ')}`);
  }
  const [main] = reports;
  if (main) {
    const misses = main.outcomes.filter((o) => o.firstRelevant !== 1);
    lines.push('');
    lines.push(`${main.name}: queries not answered first (${misses.length}):`);
    for (const m of misses) {
      lines.push(`  ${m.id.padEnd(16)} rank ${m.firstRelevant ?? '-'}  ${m.query}  → ${m.top.slice(0, 3).join(', ')}`);
    }
  }
  return lines.join('\n');
}

export interface EvalRun {
  queries: ResolvedQuery[];
  reports: SystemReport[];
}

/** Runs the engine and both baselines over the corpus. */
export function runEval(corpus: Corpus, engine: SearchEngine, queries = readEvalQueries()): EvalRun {
  const resolved = resolveJudgments(queries, corpus.passages);
  const reports = [
    evaluate('zhenxing', engineRanker(engine), resolved),
    evaluate('minisearch-default', miniSearchDefaultRanker(corpus.passages), resolved),
    evaluate('bigrams-only', bigramRanker(corpus.passages), resolved),
  ];
  return { queries: resolved, reports };
}

function main(): void {
  const corpus = loadCorpus();
  const engine = createSearchEngine(corpus);
  const run = runEval(corpus, engine);
  process.stdout.write(`${formatReport(run.reports, run.queries)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
