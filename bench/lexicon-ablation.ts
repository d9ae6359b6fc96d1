/**
 * `npx tsx bench/lexicon-ablation.ts [--from=N] [--to=M]`: leave-one-out ablation of the village lexicon's groups
 * (src/search/lexicon.ts). For every group from N (default 0) to M whose `say` strings occur in some judged query,
 * the engine is rebuilt without that group in a child process and every set is run again. Printed per group: its
 * position and first `say` string, how many queries of the tuning sets and of the never-tuned sets hold one of its
 * strings (counts only), the change of MRR@10 / success@5 on the tuning sets (queries, chat without its held-out
 * blocks), how many tuning queries rank better / worse without it, and the no-match full answers of every set
 * without it. Never a query's text: the held-out sets are read only to count and to score.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { VILLAGE_LEXICON } from '../src/search/lexicon.js';
import type { RelatedTerms } from '../src/search/vocabulary.js';

interface SetFigures {
  name: string;
  tuned: boolean;
  /** MRR@10 per judged query, in file order (held-out blocks of a tuning set marked by `heldOut`). */
  mrr: number[];
  success: number[];
  heldOut: boolean[];
  fullNoMatch: number;
}

async function child(drop: number[]): Promise<void> {
  const groups = VILLAGE_LEXICON as RelatedTerms[];
  for (const k of [...drop].sort((a, b) => b - a)) groups.splice(k, 1);
  // Imported only now: the related terms' lookups are built at load from the groups left.
  const { loadCorpus } = await import('../src/corpus/index.js');
  const { createSearchEngine } = await import('../src/search/index.js');
  const { EVAL_SETS, engineRanker, evaluate, heldOutBlock, readEvalQueries, resolveJudgments } = await import('./eval.js');
  const corpus = loadCorpus();
  const engine = createSearchEngine(corpus);
  const out: SetFigures[] = [];
  for (const s of EVAL_SETS) {
    const r = evaluate('zhenxing', engineRanker(engine), resolveJudgments(readEvalQueries(s.file), corpus.passages));
    out.push({
      name: s.name,
      tuned: s.tuned,
      mrr: r.outcomes.map((o) => o.mrr10),
      success: r.outcomes.map((o) => o.success5),
      heldOut: r.outcomes.map((o) => heldOutBlock(s.name, o.id)),
      fullNoMatch: r.fullAnswers.length,
    });
  }
  process.stdout.write(JSON.stringify(out));
}

function run(drop: number[]): SetFigures[] {
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child'], {
    env: { ...process.env, LEXICON_DROP: drop.join(',') },
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as SetFigures[];
}

const avg = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const f3 = (n: number): string => (n >= 0 ? '+' : '') + n.toFixed(3);

async function parent(args: string[]): Promise<void> {
  const from = Number(args.find((a) => a.startsWith('--from='))?.slice(7) ?? 0);
  const to = Number(args.find((a) => a.startsWith('--to='))?.slice(5) ?? VILLAGE_LEXICON.length - 1);
  const { EVAL_SETS, readEvalQueries } = await import('./eval.js');
  const { foldText } = await import('../src/search/normalize.js');
  const queries = EVAL_SETS.map((s) => ({ tuned: s.tuned, texts: readEvalQueries(s.file).map((q) => foldText(q.query)) }));
  const holds = (g: RelatedTerms, texts: string[]): number => texts.filter((t) => g.say.some((s) => t.includes(foldText(s)))).length;
  const base = run([]);
  const line = (name: string, f: SetFigures[]): string =>
    f.map((s) => `${s.name} ${avg(s.mrr.filter((_, i) => !s.heldOut[i])).toFixed(3)}/${avg(s.success.filter((_, i) => !s.heldOut[i])).toFixed(3)} full ${s.fullNoMatch}`).join(' | ') + `  ${name}`;
  process.stdout.write(`${line('all groups', base)}\n`);
  let tried = 0;
  for (let k = from; k <= to && k < VILLAGE_LEXICON.length; k++) {
    const g = VILLAGE_LEXICON[k] as RelatedTerms;
    const tunedHits = queries.filter((q) => q.tuned).reduce((a, q) => a + holds(g, q.texts), 0);
    const heldHits = queries.filter((q) => !q.tuned).reduce((a, q) => a + holds(g, q.texts), 0);
    if (tunedHits + heldHits === 0) continue;
    tried++;
    const without = run([k]);
    let better = 0;
    let worse = 0;
    const cells: string[] = [];
    for (const [i, s] of without.entries()) {
      const b = base[i] as SetFigures;
      if (!s.tuned) {
        cells.push(`${s.name} full ${s.fullNoMatch}`);
        continue;
      }
      const keep = (_: number, j: number): boolean => !s.heldOut[j];
      s.mrr.forEach((m, j) => {
        if (s.heldOut[j]) return;
        if (m > (b.mrr[j] as number) + 1e-9) better++;
        if (m < (b.mrr[j] as number) - 1e-9) worse++;
      });
      cells.push(`${s.name} ${f3(avg(s.mrr.filter(keep)) - avg(b.mrr.filter(keep)))}/${f3(avg(s.success.filter(keep)) - avg(b.success.filter(keep)))} full ${s.fullNoMatch}`);
    }
    process.stdout.write(`#${k} ${g.say[0]} (tuning ${tunedHits}, never-tuned ${heldHits}) without: ${cells.join(' | ')} | tuning better ${better} worse ${worse}\n`);
  }
  process.stdout.write(`${tried} groups ablated\n`);
}

const args = process.argv.slice(2);
if (args.includes('--child')) {
  await child((process.env.LEXICON_DROP ?? '').split(',').filter(Boolean).map(Number));
} else {
  await parent(args);
}
