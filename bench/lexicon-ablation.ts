/**
 * `npx tsx bench/lexicon-ablation.ts [--from=N] [--to=M]`: leave-one-out ablation of the village lexicon's groups
 * (src/search/lexicon.ts). For every group from N (default 0) to M whose `say` strings occur in some judged query,
 * the engine is rebuilt without that group in a child process and every set is run again. Printed per group: its
 * position and first `say` string, how many queries of the tuning sets and of the never-tuned sets hold one of its
 * strings (counts only), the change of MRR@10 / success@5 on the tuning sets (queries, chat without its held-out
 * blocks), how many tuning queries rank better / worse without it, and the no-match full answers of every set
 * without it. Never a query's text: the held-out sets are read only to count and to score.
 *
 * `--aggregates` adds, per group, the change of the aggregates `npm run eval` prints anyway — every set's MRR@10 /
 * success@5 / Recall@5, its kinds', and every reported block's (held-out x blocks included) — with the group left
 * out, so that a group lowering a never-tuned set or a held-out block is found and dropped (never to write one).
 * `--groups=N,M,…` ablates only those positions (whether or not a judged query holds one of their strings).
 * `--strings=a,b,…` (round 9) ablates single `say` strings instead, each left out of its group alone, and only those a
 * judged query holds (a string no query holds changes no answer); printed as for a group.
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
  recall: number[];
  /** Kind of each judged query. */
  kind: string[];
  heldOut: boolean[];
  /** Reported block (bench/eval.ts REPORTED_BLOCKS prefix) of each judged query, '' for none. */
  block: string[];
  fullNoMatch: number;
}

async function child(drop: number[]): Promise<void> {
  const groups = VILLAGE_LEXICON as RelatedTerms[];
  const dropSay = process.env.LEXICON_DROP_SAY ?? '';
  if (dropSay !== '') groups.forEach((g, k) => (groups[k] = { ...g, say: g.say.filter((x) => x !== dropSay) }));
  for (const k of [...drop].sort((a, b) => b - a)) groups.splice(k, 1);
  // Imported only now: the related terms' lookups are built at load from the groups left.
  const { loadCorpus } = await import('../src/corpus/index.js');
  const { createSearchEngine } = await import('../src/search/index.js');
  const { EVAL_SETS, REPORTED_BLOCKS, engineRanker, evaluate, heldOutBlock, readEvalQueries, resolveJudgments } = await import('./eval.js');
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
      recall: r.outcomes.map((o) => o.recall5),
      kind: r.outcomes.map((o) => o.category),
      heldOut: r.outcomes.map((o) => heldOutBlock(s.name, o.id)),
      block: r.outcomes.map((o) => REPORTED_BLOCKS.find((b) => b.set === s.name && o.id.startsWith(b.prefix))?.prefix ?? ''),
      fullNoMatch: r.fullAnswers.length,
    });
  }
  process.stdout.write(JSON.stringify(out));
}

function run(drop: number[], dropSay = ''): SetFigures[] {
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child'], {
    env: { ...process.env, LEXICON_DROP: drop.join(','), LEXICON_DROP_SAY: dropSay },
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as SetFigures[];
}

const avg = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const f3 = (n: number): string => (n >= 0 ? '+' : '') + n.toFixed(3);

/** Aggregates only (what `npm run eval` prints): whole sets, their everyday kind, every reported block. */
function aggregateChanges(base: SetFigures[], without: SetFigures[]): string[] {
  const out: string[] = [];
  const cell = (name: string, b: SetFigures, w: SetFigures, keep: (j: number) => boolean): void => {
    const pick = (xs: number[]): number[] => xs.filter((_, j) => keep(j));
    const dm = avg(pick(w.mrr)) - avg(pick(b.mrr));
    const ds = avg(pick(w.success)) - avg(pick(b.success));
    const dr = avg(pick(w.recall)) - avg(pick(b.recall));
    if (Math.abs(dm) > 5e-5 || Math.abs(ds) > 5e-5 || Math.abs(dr) > 5e-5) out.push(`${name} ${f3(dm)}/${f3(ds)} recall ${f3(dr)}`);
  };
  for (const [i, w] of without.entries()) {
    const b = base[i] as SetFigures;
    cell(w.name, b, w, () => true);
    for (const kind of new Set(b.kind)) cell(`${w.name} ${kind}`, b, w, (j) => b.kind[j] === kind);
    for (const prefix of new Set(b.block.filter(Boolean))) cell(prefix.replace(/-$/, ''), b, w, (j) => b.block[j] === prefix);
  }
  return out;
}

async function parent(args: string[]): Promise<void> {
  const from = Number(args.find((a) => a.startsWith('--from='))?.slice(7) ?? 0);
  const to = Number(args.find((a) => a.startsWith('--to='))?.slice(5) ?? VILLAGE_LEXICON.length - 1);
  const only = args.find((a) => a.startsWith('--groups='))?.slice(9).split(',').map(Number);
  const aggregates = args.includes('--aggregates');
  const { EVAL_SETS, readEvalQueries } = await import('./eval.js');
  const { foldText } = await import('../src/search/normalize.js');
  const queries = EVAL_SETS.map((s) => ({ tuned: s.tuned, texts: readEvalQueries(s.file).map((q) => foldText(q.query)) }));
  const holds = (g: RelatedTerms, texts: string[]): number => texts.filter((t) => g.say.some((s) => t.includes(foldText(s)))).length;
  const base = run([]);
  const line = (name: string, f: SetFigures[]): string =>
    f.map((s) => `${s.name} ${avg(s.mrr.filter((_, i) => !s.heldOut[i])).toFixed(3)}/${avg(s.success.filter((_, i) => !s.heldOut[i])).toFixed(3)} full ${s.fullNoMatch}`).join(' | ') + `  ${name}`;
  process.stdout.write(`${line('all groups', base)}\n`);
  let tried = 0;
  const strings = args.find((a) => a.startsWith('--strings='))?.slice(10).split(',').filter(Boolean);
  for (const say of strings ?? []) {
    const g = { say: [say], text: [] } as RelatedTerms;
    const tunedHits = queries.filter((q) => q.tuned).reduce((a, q) => a + holds(g, q.texts), 0);
    const heldHits = queries.filter((q) => !q.tuned).reduce((a, q) => a + holds(g, q.texts), 0);
    if (tunedHits + heldHits === 0) {
      process.stdout.write(`${say}: no judged query holds it\n`);
      continue;
    }
    tried++;
    const without = run([], say);
    process.stdout.write(`${say} (tuning ${tunedHits}, never-tuned ${heldHits}) without it, no-match full answers: ${without.map((s) => `${s.name} ${s.fullNoMatch}`).join(' ')}\n`);
    process.stdout.write(`   aggregates without ${say} (changed only): ${aggregateChanges(base, without).join(' | ') || 'none'}\n`);
  }
  if (strings) {
    process.stdout.write(`${tried} strings ablated\n`);
    return;
  }
  for (let k = from; k <= to && k < VILLAGE_LEXICON.length; k++) {
    const g = VILLAGE_LEXICON[k] as RelatedTerms;
    const tunedHits = queries.filter((q) => q.tuned).reduce((a, q) => a + holds(g, q.texts), 0);
    const heldHits = queries.filter((q) => !q.tuned).reduce((a, q) => a + holds(g, q.texts), 0);
    if (only ? !only.includes(k) : tunedHits + heldHits === 0) continue;
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
    if (aggregates) process.stdout.write(`   aggregates without #${k} (changed only): ${aggregateChanges(base, without).join(' | ') || 'none'}\n`);
  }
  process.stdout.write(`${tried} groups ablated\n`);
}

const args = process.argv.slice(2);
if (args.includes('--child')) {
  await child((process.env.LEXICON_DROP ?? '').split(',').filter(Boolean).map(Number));
} else {
  await parent(args);
}
